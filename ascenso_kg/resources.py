"""The project's own files, read as package data: the same from a clone (``pip install -e .``) and from a wheel.

setup.py installs the checkout's top-level folders as rooms of the package (``ontology/`` is
``ascenso_kg.ontology``, ``mappings/tables/`` is in ``ascenso_kg.mappings`` …); this module is the one place that
knows where each of those files is. pip installs wheels unpacked, so every resource is a real file with a path.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def package_folder(package: str) -> Path:
    """The folder of one of the package's rooms."""
    return Path(str(files(package)))


ONTOLOGY_FILE = package_folder("ascenso_kg.ontology") / "ascenso.ttl"
SHAPES_DIR = package_folder("ascenso_kg.shapes")
MAPPING_TABLES_DIR = package_folder("ascenso_kg.mappings") / "tables"
QUERIES_DIR = package_folder("ascenso_kg.queries")  # the example queries of the query editor
NGINX_CONFIG = package_folder("ascenso_kg.deploy") / "nginx.conf"
