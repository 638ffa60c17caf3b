"""Writing a release in the layout ``ascenso-kg build`` produces, and the data and settings the tests use."""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import time
from pathlib import Path

import pyoxigraph

from ascenso_kg import iris
from tests.checkout import ROOT
from ascenso_kg.build.release import Release
from ascenso_kg.build.store import fill
from ascenso_kg.server.status import copies_loaded

BASE = iris.DEFAULT_BASE
IRIS = iris.Iris(BASE)

# Every setting the server reads, so no ASCENSO_KG_* variable of the machine running the tests leaks in.
TEST_CONFIG = {
    "TESTING": True,
    "STORE_BACKEND": "oxigraph",
    "REMOTE_ENDPOINT": None,
    "QUERY_TIMEOUT": 5.0,
    "QUERY_WORKERS": 2,
    "QUERY_QUEUE_WAIT": 5.0,
    "ROW_LIMIT": 1000,
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "MAX_QUERY_LENGTH": 20_000,
    "SERVICE_ALLOWLIST": ["https://query.wikidata.org/sparql"],
    "EXAMPLES_DIR": str(ROOT / "queries"),
    "BASE": None,
}

SMALL_ARTICLES = {
    "2012-13-test-season": """
        @prefix akg: <https://w3id.org/ascenso-kg/ontology#> .
        @prefix res: <https://w3id.org/ascenso-kg/resource/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix schema: <http://schema.org/> .
        res:club\\/necaxa a akg:Club ; rdfs:label "Necaxa" .
        res:club\\/neza a akg:Club ; rdfs:label "Neza"@es , "<b>Toros</b> & \\"Neza\\""@en .
        res:stadium\\/estadio-victoria a akg:Stadium ; rdfs:label "Estadio Victoria" ; akg:capacity 23851 .
        res:match\\/2013-05-08-neza-necaxa a akg:Match ; schema:homeTeam res:club\\/neza ;
            schema:awayTeam res:club\\/necaxa ; akg:homeScore 3 ; akg:awayScore 0 .
    """,
    "2013-14-test-season": """
        @prefix akg: <https://w3id.org/ascenso-kg/ontology#> .
        @prefix res: <https://w3id.org/ascenso-kg/resource/> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        res:club\\/necaxa a akg:Club ; rdfs:label "Necaxa" .
        res:club\\/delfines a akg:Club ; rdfs:label "Delfines" .
        res:season\\/2013-14\\/change\\/5 a akg:Rebranding ;
            akg:club res:club\\/neza ; akg:newClub res:club\\/delfines .
    """,
}


# Writing a release in the build's layout -----------------------------------------------------------------------
def _write(release: Path, relative: str, data: bytes, triples: int, media_type: str, description: str) -> dict:
    target = release / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return {"path": relative, "media_type": media_type, "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "triples": triples, "description": description}


def write_release(out: Path, graphs: dict[str, list[pyoxigraph.Triple]], articles: list[dict],
                  release_id: str = "test-release") -> Path:
    """OUT/releases/<id>/{store,dumps,manifest.json} and OUT/current, as ``ascenso-kg build`` lays them out."""
    release = out / "releases" / release_id
    quads = [pyoxigraph.Quad(t.subject, t.predicate, t.object, pyoxigraph.NamedNode(graph))
             for graph, triples in graphs.items() for t in triples]
    release.mkdir(parents=True)
    store = fill(pyoxigraph.Store(str(Release(release).store_path)), quads)
    store.flush()
    del store
    gc.collect()  # close RocksDB: the server's workers open it read-only
    files = [
        _write(release, "dumps/ascenso-kg.nq.gz",
               gzip.compress(pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS)),
               len(quads), "application/n-quads", "The whole knowledge graph (N-Quads, gzipped)"),
        _write(release, "dumps/ascenso-kg.ttl", pyoxigraph.serialize(
            {pyoxigraph.Triple(q.subject, q.predicate, q.object) for q in quads}, format=pyoxigraph.RdfFormat.TURTLE,
            prefixes=iris.prefixes(BASE)), len(quads), "text/turtle", "The whole knowledge graph (Turtle)"),
    ]
    for article in articles:
        triples = graphs[article["graph"]]
        files.append(_write(release, f"dumps/articles/{article['id']}.nt.gz",
                            gzip.compress(pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)),
                            len(triples), "application/n-triples", f"The graph of {article['title']}"))
    manifest = {"build_date": "2024-05-01T12:00:00+00:00", "base": BASE, "articles": articles, "files": files,
                "triples": len(quads), "graphs": {g: len(t) for g, t in graphs.items()}}
    Release(release).manifest_path.write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    (out / "current").symlink_to(Path("releases") / release_id)
    return release


def parse_turtle(text: str) -> list[pyoxigraph.Triple]:
    return [q.triple for q in pyoxigraph.parse(text.encode(), format=pyoxigraph.RdfFormat.TURTLE)]


VALIDATION_REPORT = """
    @prefix sh: <http://www.w3.org/ns/shacl#> .
    @prefix res: <https://w3id.org/ascenso-kg/resource/> .
    [] a sh:ValidationReport ; sh:conforms false ; sh:result _:r1 , _:r2 , _:r3 , _:r4 .
    _:r1 a sh:ValidationResult ; sh:resultSeverity sh:Warning ; sh:focusNode res:match\\/2013-05-11-necaxa-neza ;
        sh:resultMessage "Second leg without a referee" .
    _:r2 a sh:ValidationResult ; sh:resultSeverity sh:Warning ; sh:focusNode res:match\\/2013-05-08-neza-necaxa ;
        sh:resultMessage "First leg without an attendance" .
    _:r3 a sh:ValidationResult ; sh:resultSeverity sh:Warning ; sh:focusNode res:match\\/2014-05-03-correcaminos-tecos ;
        sh:resultMessage "Final decided on away goals: check the rules" .
    _:r4 a sh:ValidationResult ; sh:resultSeverity sh:Violation ; sh:focusNode res:match\\/2013-05-08-neza-necaxa ;
        sh:resultMessage "A violation, not a warning" .
"""


def all_copies_loaded(app, seconds: float = 60.0):
    """``app`` once its query processes and its own process answer from their in-memory copies of the store (or make
    none): a query without ORDER BY gets its rows in the store's own order, which differs between a copy and the
    disk, so tests comparing answers byte for byte compare answers from the same kind of store."""
    store = app.extensions["ascenso_kg.store"]
    store.warm_up()
    deadline = time.monotonic() + seconds
    while not copies_loaded(store.status()):
        assert time.monotonic() < deadline, f"the memory copies were not loaded within {seconds} s: {store.status()}"
        time.sleep(0.02)
    return app
