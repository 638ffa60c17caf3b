"""The home page is the first page a started server answers: it reads what it shows, never the whole catalogue.

Its lists' counts come from a COUNT query, and the names it links with are those of the seasons, tournaments,
competitions, Liguillas and clubs only: reading every player and match (and every searchable entity's names) made a
server of 1,000 seasons answer its first page after two minutes.
"""

from __future__ import annotations

import re

import pyoxigraph

from ascenso_kg.server.pages.catalogue import QUERIES_DIR
from ascenso_kg.server.pages.page_store import LocalStore

from tests.pages.page_helpers import BROWSER

WHOLE_CATALOGUE = ("catalogue-players", "catalogue-matches", "catalogue-pages", "catalogue-club-seasons")
EVERY_NAME = "ascenso_kg.names"  # the per-app key of the names of every searchable entity (players included)


def _home_of_a_fresh_app(make_app, built, monkeypatch):
    app = make_app(built)  # nothing read yet
    asked: list[str] = []
    run = LocalStore.run
    monkeypatch.setattr(LocalStore, "run", lambda self, job: asked.append(job.text) or run(self, job))
    response = app.test_client().get("/", headers=BROWSER)
    assert response.status_code == 200
    return app, response, asked


def test_the_home_page_reads_no_list_of_every_player_or_match_nor_every_name(make_app, built, monkeypatch):
    app, _, asked = _home_of_a_fresh_app(make_app, built, monkeypatch)

    whole = {(QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8"): name for name in WHOLE_CATALOGUE}
    assert [whole[text] for text in asked if text in whole] == []
    assert EVERY_NAME not in app.extensions
    assert any("COUNT(DISTINCT ?player)" in text for text in asked)


def test_the_home_page_counts_are_the_lists_totals(make_app, built, monkeypatch):
    _, response, _ = _home_of_a_fresh_app(make_app, built, monkeypatch)
    html = response.get_data(as_text=True)
    client = make_app(built).test_client()

    shown = dict(re.findall(r'<a href="/(\w+)">[^<]+</a> <span class="note">\((\d+)\)</span>', html))
    assert set(shown) == {"seasons", "tournaments", "clubs", "stadiums", "players", "matches"}
    for name, count in shown.items():
        assert int(count) == client.get(f"/{name}.json").get_json()["total"], name


# Players the list names without a type (a release that failed its shapes): counted as the list counts them.
UNTYPED_PLAYERS = """
@prefix akg: <https://w3id.org/ascenso-kg/ontology#> .
@prefix ex: <https://example.org/> .
ex:typed a akg:Player .
ex:goal1 akg:scorer ex:typed ; akg:forClub ex:club .
ex:goal2 akg:scorer ex:scorer-untyped ; akg:forClub ex:club .
ex:goal3 akg:scorer ex:scorer-without-club .
ex:row1 akg:player ex:row-untyped ; akg:club ex:club .
ex:row2 akg:player ex:row-without-club .
ex:entry1 akg:captain ex:captain-untyped ; akg:club ex:club ; akg:stage ex:stage .
ex:stage akg:tournament ex:tournament . ex:tournament a akg:Tournament ; akg:season ex:season .
ex:entry2 akg:captain ex:captain-without-season ; akg:club ex:club .
ex:match a akg:Match . ex:stadium a akg:Stadium .
"""


def test_the_counts_query_counts_what_each_list_query_reads():
    store = pyoxigraph.Store()
    store.load(UNTYPED_PLAYERS.encode(), pyoxigraph.RdfFormat.TURTLE)

    def rows(name: str) -> list[tuple]:
        return [tuple(row) for row in store.query((QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8"))]

    (counts,) = rows("catalogue-counts")
    players = {row[0].value for row in rows("catalogue-players")}
    assert players == {"https://example.org/" + name for name in ("typed", "scorer-untyped", "row-untyped",
                                                                    "captain-untyped")}
    assert [int(term.value) for term in counts] == [
        len(rows("catalogue-tournaments")), len({row[0] for row in rows("catalogue-stadiums")}), len(players),
        len({row[0] for row in rows("catalogue-matches")})]
