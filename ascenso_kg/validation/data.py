"""What to validate: the quads of a release or a dump file, narrowed to the whole graph or one article's graph.

Validation sees one plain graph: the union of the selected named graphs, each triple once, plus the ontology (so
that ``sh:targetClass`` reaches subclasses and the report can use the ontology's labels). The graph of an earlier
validation report and the ontology graph of a dump are left out: they are not data about football.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, parse

from ..iris import Iris
from ..build.release import Release, current_release
from ..resources import ONTOLOGY_FILE

RELEASE_DUMP = "ascenso-kg.nq"
_FORMATS = {".nq": RdfFormat.N_QUADS, ".nt": RdfFormat.N_TRIPLES, ".ttl": RdfFormat.TURTLE, ".trig": RdfFormat.TRIG}


class NothingToValidate(Exception):
    """No release, no such file, or a graph without a triple."""


def release_dump(out_dir: Path) -> Path:
    """The N-Quads dump of ``OUT/current``."""
    root = current_release(Path(out_dir))
    if root is None:
        raise NothingToValidate(f"no release in {out_dir} (run 'ascenso-kg build' first, or give --data FILE)")
    return Release(root).dump(RELEASE_DUMP)


def read_quads(path: Path) -> list[Quad]:
    """The quads of a dump file (.nq, .nt, .ttl or .trig, optionally gzipped); triples land in the default graph."""
    path = Path(path)
    if not path.is_file():
        raise NothingToValidate(f"no such file: {path}")
    suffix = Path(path.name.removesuffix(".gz")).suffix
    if suffix not in _FORMATS:
        raise NothingToValidate(f"cannot read {path.name}: give a .nq, .nt, .ttl or .trig file (optionally .gz)")
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return list(parse(data, format=_FORMATS[suffix]))


def select_graphs(quads: list[Quad], iris: Iris, article: str | None = None) -> list[Quad]:
    """The quads to validate: every graph but the ontology and validation graphs, or one article's graph with the
    mapping tables' names (which label its clubs, stadiums and competitions)."""
    if article is not None:
        wanted = {NamedNode(iris.article_graph(article)), NamedNode(iris.graph("mappings"))}
        selected = [quad for quad in quads if quad.graph_name in wanted]
        if not any(quad.graph_name == NamedNode(iris.article_graph(article)) for quad in selected):
            raise NothingToValidate(f"the data has no graph for article {article!r}")
        return selected
    left_out = {NamedNode(iris.graph("ontology")), NamedNode(iris.graph("validation"))}
    selected = [quad for quad in quads if quad.graph_name not in left_out]
    if not selected:
        raise NothingToValidate("the data holds no triples to validate")
    return selected


def data_store(quads: list[Quad]) -> Store:
    """An in-memory store whose default graph holds the quads' triples, once each, and the ontology."""
    store = Store()
    store.extend(Quad(quad.subject, quad.predicate, quad.object, DefaultGraph()) for quad in quads)
    store.load(path=str(ONTOLOGY_FILE), format=RdfFormat.TURTLE, to_graph=DefaultGraph())
    return store


def ntriples_store(ntriples: bytes | Path, trusted: bool = False) -> Store:
    """An in-memory store whose default graph holds the N-Triples' triples (text, or a file) and the ontology.

    ``trusted``: the text was written by Oxigraph from terms it had checked when they were made (the build's union),
    so its IRIs and language tags are not checked again: Oxigraph's lenient parsing, a fifth faster."""
    store = Store()
    if isinstance(ntriples, Path):
        store.load(path=str(ntriples), format=RdfFormat.N_TRIPLES, to_graph=DefaultGraph(), lenient=trusted)
    else:
        store.load(ntriples, format=RdfFormat.N_TRIPLES, to_graph=DefaultGraph(), lenient=trusted)
    store.load(path=str(ONTOLOGY_FILE), format=RdfFormat.TURTLE, to_graph=DefaultGraph())
    return store
