"""Where the project's own files live.

The project runs from its checkout (``pip install -e .``): the articles, ontology, shapes and mapping tables are
data files beside the code, found from this module's location.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "ascenso.ttl"
SHAPES_DIR = ROOT / "shapes"
MAPPING_TABLES_DIR = ROOT / "mappings" / "tables"
ARTICLES_DIR = ROOT / "data" / "articles"
SOURCES_TABLE = ARTICLES_DIR / "sources.csv"
DEFAULT_OUT_DIR = ROOT / "data" / "build"
