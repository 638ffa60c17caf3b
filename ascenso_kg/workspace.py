"""The working folder's defaults: what the commands read and write when no folder is given.

Like ``git`` or ``make``, ascenso-kg works on the current folder: the articles are read from ``data/articles``
(``*.txt`` and ``sources.csv``) and releases are published in ``data/build`` (``data/build/current``), relative to
where the command runs. In a clone that is the project's own ``data/``; anywhere else, pass ``--articles`` and
``--out`` or lay a ``data/`` folder out the same way.
"""

from pathlib import Path

ARTICLES_DIR = Path("data") / "articles"
DEFAULT_OUT_DIR = Path("data") / "build"
