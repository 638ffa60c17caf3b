"""Fixtures of the linking, federation and reconciliation tests.

- ``standin``: an Oxigraph server on loopback loaded with ``fixtures/wikidata-standin.ttl``, a made-up Wikidata;
- ``link_table``: ``ascenso-kg link`` run against it over the real build (``built`` from tests/conftest.py);
- ``linked_out``: the real articles built again with that table, after a reviewer's decisions (one player link
  accepted, one sitelink rejected), so that the build's ``owl:sameAs`` and the federated queries can be checked;
- ``make_app``: apps over a build with the test settings; their query workers stop at the end.

Nothing here reaches past 127.0.0.1.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ascenso_kg.build import build_release
from ascenso_kg.mappings.mapping_tables import load_tables
from ascenso_kg.resources import MAPPING_TABLES_DIR
from tests.checkout import ARTICLES_DIR, ROOT
from tests.linking.stand_ins import load_oxigraph_store, serve_oxigraph, stop
from tests.linking.table_files import read_rows, run_link, write_rows

FIXTURES = Path(__file__).parent / "fixtures"
STANDIN_TTL = FIXTURES / "wikidata-standin.ttl"
WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"

# Every setting the server reads, so that no ASCENSO_KG_* variable of the machine leaks in.
TEST_CONFIG = {
    "TESTING": True,
    "STORE_BACKEND": "oxigraph",
    "REMOTE_ENDPOINT": None,
    "QUERY_TIMEOUT": 10.0,
    "QUERY_WORKERS": 1,
    "QUERY_QUEUE_WAIT": 10.0,
    "ROW_LIMIT": 1000,
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "MAX_QUERY_LENGTH": 20_000,
    "SERVICE_ALLOWLIST": [WIKIDATA_SPARQL],
    "EXAMPLES_DIR": str(ROOT / "queries"),
    "BASE": None,
}

# The reviewer's decisions applied to the proposed table before the linked build.
REVIEWS = {
    ("player/necaxa/victor-lojero", "Q900000030"): "yes",  # a name match a person confirmed
    ("club/leon", "Q900000002"): "no",  # a sitelink-exact row a person rejected
}


@pytest.fixture(scope="session")
def standin(tmp_path_factory) -> str:
    """The SPARQL query URL of the stand-in Wikidata."""
    location = tmp_path_factory.mktemp("wikidata-standin")
    load_oxigraph_store(STANDIN_TTL, location)
    process, url = serve_oxigraph(location)
    try:
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="session")
def link_table(tmp_path_factory, built, standin) -> Path:
    """The table ``ascenso-kg link`` writes for the real build, from the stand-in."""
    table = tmp_path_factory.mktemp("link-table") / "wikidata.csv"
    assert run_link("--out", str(built), "--endpoint", standin, "--table", str(table)) == 0
    return table


@pytest.fixture(scope="session")
def reviewed_tables(tmp_path_factory, link_table) -> Path:
    """A copy of mappings/tables/ whose wikidata.csv is the proposed table with ``REVIEWS`` applied."""
    tables = tmp_path_factory.mktemp("tables") / "tables"
    shutil.copytree(MAPPING_TABLES_DIR, tables)
    rows = read_rows(link_table)
    for row in rows:
        row["reviewed"] = REVIEWS.get((row["entity"], row["qid"]), row["reviewed"])
    write_rows(tables / "wikidata.csv", rows)
    return tables


@pytest.fixture(scope="session")
def linked_out(tmp_path_factory, reviewed_tables) -> Path:
    """The real articles built with the reviewed Wikidata table (the build reads the default tables)."""
    out = tmp_path_factory.mktemp("linked-build")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("ascenso_kg.mappings.pipeline.default_tables", lambda: load_tables(reviewed_tables))
        build_release(ARTICLES_DIR, out, progress=lambda message: None)
    return out


@pytest.fixture(scope="session")
def reconcile_client(make_app, built):
    return make_app(built).test_client()
