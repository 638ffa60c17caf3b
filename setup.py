"""How the checkout's folders become the ``ascenso_kg`` package: one truth, no copies.

The folders a reader opens first stay at the top of the checkout; the build installs each as a room of the package
(``mappings/`` is ``ascenso_kg.mappings``, ``ontology/`` is ``ascenso_kg.ontology`` …). Subpackages are discovered,
so a new folder with an ``__init__.py`` under any of them is installed without editing this file; data files are
taken by the patterns of ``DATA`` wherever they are. ``ascenso_kg.resources`` reads the data through
``importlib.resources``, the same way from a clone (``pip install -e .``) and from a wheel.
"""

from setuptools import find_packages, setup

ROOMS = {  # package: the folder of the checkout it is built from
    "ascenso_kg": "ascenso_kg",
    "ascenso_kg.mappings": "mappings",
    "ascenso_kg.server": "server",
    "ascenso_kg.ontology": "ontology",
    "ascenso_kg.shapes": "shapes",
    "ascenso_kg.queries": "queries",
    "ascenso_kg.deploy": "deploy",
}
DATA = ["*.ttl", "*.rq", "*.csv", "*.conf", "README.md", "queries/**/*", "tables/**/*", "templates/**/*",
        "static/**/*"]


def packages() -> list[str]:
    found = list(ROOMS)
    for package, folder in ROOMS.items():
        found += [f"{package}.{sub}" for sub in find_packages(folder, exclude=["*.tests", "*.tests.*"])]
    return sorted(set(found))


setup(packages=packages(), package_dir=ROOMS, package_data={"": DATA})
