"""The site as a front door: the home page, the lists and their JSON twins, the sitemap, robots.txt and the favicon,
people told apart, the football views that say where an article gives only part, and the 404 page's suggestions.
Each test names the defect of issue 15 it guards against."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.pages.page_helpers import BROWSER

SERVER = Path(__file__).resolve().parents[2] / "server"
LISTS = ("seasons", "tournaments", "clubs", "stadiums", "players", "matches")


def html(client, path: str) -> str:
    response = client.get(path, headers=BROWSER)
    assert response.status_code == 200, (path, response.status_code)
    return response.get_data(as_text=True)


def text_of(markup: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup))


def test_the_home_page_shows_every_season_by_competition_with_champions_promoted_and_relegated(pages_client):
    page = html(pages_client, "/")
    text = text_of(page)
    assert "Ascenso MX" in text and "Seasons only named by another article" in text
    for season in ("/resource/season/2011-12", "/resource/season/2012-13", "/resource/season/2013-14"):
        assert f'href="{season}"' in page
    row = text_of(re.search(r'<tr><th scope="row"><a href="/resource/season/2012-13">.*?</tr>', page, re.S).group(0))
    assert "La Piedad" in row and "Neza" in row and "Apertura 2012" in row and "Pumas Morelos" in row
    assert "Latest Liguilla" in text and 'href="/resource/tournament/clausura-2014/liguilla"' in page
    assert page.count('class="tie" href=') == 6  # the Clausura 2014 bracket
    assert 'href="/resource/club/necaxa"' in page and 'href="/resource/club/zacatepec"' in page
    for name in LISTS:
        assert f'href="/{name}"' in page


@pytest.mark.parametrize("name", LISTS)
def test_every_list_has_a_page_and_a_json_twin_with_the_same_rows(pages_client, name):
    page = html(pages_client, f"/{name}")
    twin = pages_client.get(f"/{name}.json").get_json()
    negotiated = pages_client.get(f"/{name}", headers={"Accept": "application/json"}).get_json()
    assert twin == negotiated and twin["name"] == name and twin["total"] > 0
    for row in twin["rows"]:
        assert f'href="{row["link"]["href"]}"' in page


def test_lists_are_paged_and_players_go_a_to_z(pages_client):
    first, second = pages_client.get("/players.json").get_json(), pages_client.get("/players.json?page=2").get_json()
    assert first["total"] == 113 and first["pages"] == 2 and len(first["rows"]) == 100 and len(second["rows"]) == 13
    assert not {r["link"]["iri"] for r in first["rows"]} & {r["link"]["iri"] for r in second["rows"]}
    assert pages_client.get("/players?page=3", headers=BROWSER).status_code == 404
    assert pages_client.get("/players?page=x", headers=BROWSER).status_code == 400
    assert pages_client.get("/clubs?letter=N", headers=BROWSER).status_code == 400  # letters are for players
    assert pages_client.get("/players?letter=ab", headers=BROWSER).status_code == 400
    letter_l = pages_client.get("/players.json?letter=L").get_json()
    names = [r["link"]["text"] for r in letter_l["rows"]]
    assert "V. Lojero" in names and "Víctor Lojero" in names and all(r["link"]["text"] for r in letter_l["rows"])
    matches = pages_client.get("/matches.json").get_json()["rows"]
    assert [m["date"] for m in matches] == sorted((m["date"] for m in matches), reverse=True)


def test_sitemap_lists_every_entity_page_and_robots_points_at_it(pages_client, select):
    sitemap = pages_client.get("/sitemap.xml")
    assert sitemap.status_code == 200 and sitemap.mimetype == "application/xml"
    urls = set(re.findall(r"<loc>http://localhost(/[^<]*)</loc>", sitemap.get_data(as_text=True)))
    typed = {row["s"] for row in select("SELECT DISTINCT ?s WHERE { ?s a ?c FILTER(isIRI(?s)) }")}
    pages = {iri.removeprefix("https://w3id.org/ascenso-kg") for iri in typed
             if iri.startswith("https://w3id.org/ascenso-kg/resource/")}
    assert pages <= urls and "/" in urls and "/clubs" in urls
    assert "/source/2012-13-ascenso-mx-season" in urls
    robots = pages_client.get("/robots.txt").get_data(as_text=True)
    assert "Sitemap: http://localhost/sitemap.xml" in robots
    favicon = pages_client.get("/favicon.ico")
    assert favicon.status_code == 200 and favicon.data[:4] == b"\x00\x00\x01\x00"


def test_a_search_for_a_type_without_words_lists_the_type(pages_client):
    clubs = pages_client.get("/search?type=club&format=json").get_json()
    assert clubs["total"] == 30 and {r["type"] for r in clubs["results"]} == {"club"}
    assert "Necaxa" in [r["label"] for r in clubs["results"]]
    assert "Leones Negros UdeG" in text_of(html(pages_client, "/search?type=club"))


def test_search_results_say_club_and_season(pages_client):
    results = pages_client.get("/search?q=j+garcia&format=json").get_json()["results"]
    labels = [r["label"] for r in results]
    assert "J. García (Lobos BUAP, 2011–12)" in labels and "J. García (Mérida, 2013–14)" in labels
    suggested = pages_client.get("/search/suggest?q=garcia").get_json()["results"]
    assert "J. García (Lobos BUAP, 2011–12)" in [r["label"] for r in suggested]


def test_probable_same_players_are_shown_as_such_on_both_pages_not_merged(pages_client):
    short = text_of(html(pages_client, "/resource/player/necaxa/2013-14/v-lojero"))
    full = text_of(html(pages_client, "/resource/player/necaxa/victor-lojero"))
    assert "Probably the same player as Víctor Lojero (Necaxa, 2011–12 and 2012–13)" in short
    assert "Probably the same player as V. Lojero (Necaxa, 2013–14)" in full
    assert "J. García" not in short
    assert "<title>V. Lojero (Necaxa, 2013–14) · ascenso-kg</title>" in html(
        pages_client, "/resource/player/necaxa/2013-14/v-lojero")


def test_a_clubs_scorers_have_no_duplicate_rows(pages_client):
    page = html(pages_client, "/resource/club/necaxa")
    body = re.search(r'<table class="results scorers">.*?</table>', page, re.S).group(0)
    rows = [text_of(row) for row in re.findall(r"<tr>.*?</tr>", body.split("<tbody>")[1], re.S)]
    assert len(rows) == len(set(rows)) and len(rows) >= 18
    lojero = next(row for row in rows if row.startswith(" V. Lojero"))
    assert "2013–14" in lojero and "Víctor Lojero" in lojero


def test_linked_from_shows_no_repeated_identical_rows(pages_client):
    page = html(pages_client, "/resource/club/necaxa")
    for group in re.findall(r'<div class="incoming-group">.*?</ul>', page, re.S):
        rows = [text_of(item) for item in re.findall(r"<li>.*?</li>", group, re.S)]
        assert len(rows) == len(set(rows)), rows


def test_nationality_is_a_country_name(pages_client):
    text = text_of(html(pages_client, "/resource/player/tecos/diego-martinones"))
    assert "Uruguay (URU)" in text


def test_reverse_links_read_from_the_other_side(pages_client):
    text = text_of(html(pages_client, "/resource/season/2012-13"))
    assert "2012–13 Ascenso MX season is the next season of (1)" in text
    assert "2012–13 Ascenso MX season is the previous season of (1)" in text


def test_a_promotion_is_listed_once_on_a_season_page(pages_client):
    page = html(pages_client, "/resource/season/2011-12")
    changes = text_of(page.split("Changes from the previous season")[1].split('<section class="league-table')[0])
    assert "León" not in changes  # León's promotion is among the season's facts, not a change into it
    assert text_of(page).count("Promoted León") == 1


def test_a_ties_title_has_its_aggregate(pages_client):
    page = html(pages_client, "/resource/tournament/clausura-2013/liguilla/final/neza-necaxa")
    assert re.search(r"<h1[^>]*>Neza v Necaxa \(Clausura 2013 Liguilla final\): 4–0 on aggregate</h1>", page)
    assert "<title>Neza v Necaxa (Clausura 2013 Liguilla final): 4–0 on aggregate · ascenso-kg</title>" in page


def test_the_bracket_shows_seeds_only_where_the_article_gives_them(pages_client):
    seeded = html(pages_client, "/resource/tournament/apertura-2012/liguilla")
    assert '<tspan class="seed">7</tspan> Dorados de Sinaloa' in seeded and "the clubs' seeds" in seeded
    unseeded = html(pages_client, "/resource/tournament/clausura-2013/liguilla")
    assert 'class="seed"' not in unseeded and "The article gives no seeds for these ties." in unseeded
    assert "scroll it sideways" in unseeded


def test_partial_tables_and_missing_ties_are_said(pages_client):
    season = text_of(html(pages_client, "/resource/season/2012-13"))
    assert "The article lists only 7 of the season's 15 clubs in this table." in season.replace("&#39;", "'")
    assert "The article lists only rows 9–15 of this table." in season
    liguilla = text_of(html(pages_client, "/resource/tournament/apertura-2012/liguilla"))
    assert "The article gives only 1 of the 6 ties of this stage (7 clubs qualified)" in liguilla
    clausura = text_of(html(pages_client, "/resource/tournament/clausura-2013/liguilla"))
    assert "The article gives only 6 of the 7 ties of this stage (8 clubs qualified)" in clausura  # a quarterfinal
    complete = text_of(html(pages_client, "/resource/tournament/clausura-2014/liguilla"))
    assert "The article gives only" not in complete


def test_a_tournament_page_shows_its_final(pages_client):
    text = text_of(html(pages_client, "/resource/tournament/clausura-2013"))
    assert "Final of the Clausura 2013 Liguilla" in text
    assert "Neza v Necaxa (Clausura 2013 Liguilla final) : 4–0 on aggregate. Neza went through" in text
    assert "Final of" not in text_of(html(pages_client, "/resource/tournament/apertura-2012"))  # none given


@pytest.mark.parametrize("path, expected", [
    ("/resource/player/penarol/x", []),
    ("/resource/club/necaxa-fc", ["/resource/club/necaxa"]),
    ("/resource/club/atlante", ["/resource/club/atlante-utn"]),
    ("/resource/stadium/zzz-qqq", []),
])
def test_the_404_page_suggests_only_related_entities(pages_client, path, expected):
    response = pages_client.get(path, headers=BROWSER)
    assert response.status_code == 404
    found = re.search(r'<ul class="search-results">(.*?)</ul>', response.get_data(as_text=True), re.S)
    suggested = re.findall(r'href="([^"]+)"', found.group(1)) if found else []
    assert suggested == expected


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
    return found


def test_search_and_the_page_views_do_not_import_each_other():
    for name in ("search.py", "search_index.py"):
        assert ".pages.dereference" not in _imports(SERVER / name), name
    for module in (SERVER / "pages").glob("*.py"):
        assert not {"..search", "..search.py"} & _imports(module), module.name


def _allowed(robots: str, path: str) -> bool:
    """RFC 9309: the longest rule whose path is a prefix of the path and query wins; Allow wins a tie."""
    rules = [(len(value), kind.lower() == "allow") for kind, _, value in
             (line.partition(": ") for line in robots.splitlines())
             if kind.lower() in ("allow", "disallow") and path.startswith(value)]
    return max(rules, default=(0, True))[1]


def test_robots_let_crawlers_read_the_query_editor_but_not_query_answers(pages_client):
    robots = pages_client.get("/robots.txt").get_data(as_text=True)
    assert _allowed(robots, "/sparql")  # the editor: a page people should find
    assert _allowed(robots, "/resource/club/necaxa") and _allowed(robots, "/")
    assert not _allowed(robots, "/sparql?query=ASK%7B%7D")
    assert not _allowed(robots, "/search?q=leon")
    assert not _allowed(robots, "/dumps/ascenso-kg.ttl.gz")
