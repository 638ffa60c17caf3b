"""The football views over the real articles: what a reader of each page must find, read back from the HTML."""

from __future__ import annotations

import html as html_module
import re

from page_helpers import BROWSER, parse_page

TIE = "/resource/tournament/clausura-2013/liguilla/final/neza-necaxa"
SECOND_LEG = "/resource/match/2013-05-11-necaxa-neza"
FIRST_LEG = "/resource/match/2013-05-08-neza-necaxa"


def section_text(response_text: str, css_class: str) -> str:
    """The text of the first <section class="…css_class…"> of a page (nested sections included), tags removed."""
    start = re.search(rf'<section class="[^"]*{css_class}[^"]*"', response_text)
    assert start, css_class
    depth, position = 0, start.start()
    for tag in re.finditer(r"<(/?)section\b", response_text[position:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            end = position + tag.end()
            break
    else:
        raise AssertionError(f"section {css_class} is not closed")
    text = " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", response_text[position:end])).split())
    return re.sub(r" ([,.:;])", r"\1", text)


def test_match_shows_scoreline_scorers_with_minutes_its_tie_and_other_leg(page, pages_client):
    parsed = page(SECOND_LEG)
    html = pages_client.get(SECOND_LEG, headers=BROWSER).get_data(as_text=True)
    view = section_text(html, "match-view")
    assert "Necaxa 0–1 Neza" in view and "11 May 2013" in view and "second leg" in view
    assert "A. Lucio 90'" in view
    assert "/resource/player/neza/2012-13/a-lucio" in parsed.hrefs()
    assert TIE in parsed.hrefs() and FIRST_LEG in parsed.hrefs()
    assert "Neza went through 4–0 on aggregate." in section_text(html, "tie-view")


def test_tie_shows_both_legs_aggregate_away_goals_and_the_decision(pages_client):
    html = pages_client.get(TIE, headers=BROWSER).get_data(as_text=True)
    view = section_text(html, "tie-view")
    assert "First leg, 8 May 2013: Neza 3–0 Necaxa" in view
    assert "Second leg, 11 May 2013: Necaxa 0–1 Neza" in view
    assert re.search(r"Neza through 4 1 Necaxa 0 0", view)  # side rows: club, aggregate, away goals
    assert "Neza went through 4–0 on aggregate." in view and "on aggregate" in view
    assert "R. Vilchis 6'" in view  # the legs' scorers


def test_tie_decided_on_away_goals_says_so():
    from ascenso_kg.server.pages.matches import explain_decision

    sides = [{"club": {"iri": "a"}, "aggregate": 2, "away_goals": 2}, {"club": {"iri": "b"}, "aggregate": 2,
                                                                      "away_goals": 1}]
    text = explain_decision(sides, "a", "https://w3id.org/ascenso-kg/ontology#DecidedOnAwayGoals", "Club A")
    assert text == "Level 2–2 on aggregate; Club A went through on away goals (2–1)."
    assert "does not say how" in explain_decision(sides, "a", None, "Club A")


def test_liguilla_bracket_is_an_svg_whose_ties_are_links(page, pages_client):
    html = pages_client.get("/resource/tournament/clausura-2013/liguilla", headers=BROWSER).get_data(as_text=True)
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    tie_links = re.findall(r'<a class="tie" href="([^"]+)"', svg)
    assert len(tie_links) == 6  # four quarterfinals but one missing: 3 + 2 + 1 ties in this article
    assert TIE in tie_links
    for href in tie_links:
        assert pages_client.get(href, headers=BROWSER).status_code == 200
    assert '<p class="match-meta"><a href="/resource/tournament/clausura-2013">Clausura 2013</a></p>' in html
    assert ">Quarterfinals<" in svg and ">Semifinals<" in svg and ">Final<" in svg
    # Every final side and three semifinal sides are fed by a winner; Leones Negros UdeG reached the semifinals
    # without a quarterfinal tie in the article, so its side has no line.
    assert svg.count('class="connector"') == 5
    assert re.search(r'class="side winner"[^>]*>[^<]*Neza<', svg)


def test_season_shows_champions_promotion_relegation_clubs_and_tables(pages_client):
    html = pages_client.get("/resource/season/2012-13", headers=BROWSER).get_data(as_text=True)
    view = section_text(html, "season-view")
    assert "Apertura 2012 champion: La Piedad" in view and "Clausura 2013 champion: Neza" in view
    assert "Promoted La Piedad" in view and "Relegated Pumas Morelos" in view
    assert "Necaxa Necaxa Aguascalientes Estadio Victoria 23,851" in view  # club, name as written, city, stadium
    for title in ("Apertura 2012 standings", "Apertura 2012 top scorers", "Clausura 2013 top scorers",
                  "2012–13 relegation table"):
        assert title in view
    assert "Tecos were relegated from Liga MX." in view


def test_relegation_table_adds_points_by_tournament_oldest_first(page, pages_client):
    html = pages_client.get("/resource/season/2011-12/relegation", headers=BROWSER).get_data(as_text=True)
    header = re.search(r"<thead>(.*?)</thead>", html, re.S).group(1)
    columns = [" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in re.findall(r"<th[^>]*>(.*?)</th>", header)]
    tournaments = [c for c in columns if re.search(r"\d{4}", c)]
    assert tournaments[0].endswith("2009") and tournaments[-1] == "Clausura 2012"
    assert columns[:2] == ["rank", "club"]


def test_tournament_shows_champion_stages_tables_and_clubs(pages_client):
    view = section_text(pages_client.get("/resource/tournament/clausura-2013", headers=BROWSER)
                        .get_data(as_text=True), "tournament-view")
    assert "Champion Neza" in view and "Clausura 2013 Liguilla" in view
    assert "Clausura 2013 top scorers" in view and "Estadio Victoria" in view


def test_club_shows_seasons_names_changes_matches_results_and_scorers(page, pages_client):
    html = pages_client.get("/resource/club/udeg", headers=BROWSER).get_data(as_text=True)
    view = section_text(html, "club-view")
    assert "U. de G." in view and "UdeG" in view  # names as written and aliases
    assert "2012–13 Ascenso MX season U. de G. Guadalajara Estadio Jalisco" in view
    assert "Titles" in view and "Apertura 2013" in view
    assert re.search(r"\d+ matches; 1–\d+ shown, most recent first", view)
    dates = re.findall(r"<tr><td>(\d+ \w+ \d{4})</td>", html)
    assert dates and dates[0].endswith("2014")  # most recent first
    assert "result-W" in html and "Scorers" in view


def test_club_matches_are_paged(pages_app, pages_client, monkeypatch):
    from ascenso_kg.server.pages import clubs

    monkeypatch.setattr(clubs, "MATCHES_PER_PAGE", 7)
    # ?page=1: the plain address may already be in the app's answer cache, made with 50 matches a page.
    first = pages_client.get("/resource/club/necaxa?page=1", headers=BROWSER).get_data(as_text=True)
    third = pages_client.get("/resource/club/necaxa?page=3", headers=BROWSER).get_data(as_text=True)
    assert "20 matches; 1–7 shown" in first and "page 1 of 3" in first and "?page=2#matches" in first
    assert "20 matches; 15–20 shown" in third and "?page=2#matches" in third and "next →" not in \
        section_text(third, "club-view")
    first_dates = set(re.findall(r"<tr><td>(\d+ \w+ \d{4})</td>", first))
    third_dates = set(re.findall(r"<tr><td>(\d+ \w+ \d{4})</td>", third))
    assert first_dates and third_dates and not first_dates & third_dates


def test_player_shows_goals_top_scorer_rows_and_captaincy(pages_client):
    view = section_text(pages_client.get("/resource/player/necaxa/victor-lojero", headers=BROWSER)
                        .get_data(as_text=True), "player-view")
    assert "Goals (3)" in view and "49'" in view and "V. Lojero" in view
    assert "Clausura 2013 top scorers 1 12 Necaxa" in view
    assert "Captain" in view and "Apertura 2012 Liguilla" in view


def test_stadium_shows_the_clubs_that_played_there(pages_client):
    view = section_text(pages_client.get("/resource/stadium/estadio-victoria", headers=BROWSER)
                        .get_data(as_text=True), "stadium-view")
    assert view.count("Necaxa") >= 3 and "2013–14 Ascenso MX season" in view


def test_promotion_final_is_drawn_as_a_one_round_bracket(pages_client):
    html = pages_client.get("/resource/season/2012-13/promotion-final", headers=BROWSER).get_data(as_text=True)
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert len(re.findall(r'<a class="tie" href="', svg)) == 1 and 'class="connector"' not in svg


def test_round_lists_its_ties(pages_client):
    view = section_text(pages_client.get("/resource/tournament/clausura-2013/liguilla/semifinals", headers=BROWSER)
                        .get_data(as_text=True), "round-view")
    assert "Neza v Leones Negros UdeG" in view and "Necaxa v Correcaminos UAT" in view


def test_table_page_prints_the_rows(pages_client):
    html = pages_client.get("/resource/tournament/apertura-2012/top-scorers", headers=BROWSER).get_data(as_text=True)
    view = section_text(html, "league-table")
    assert "1 Necaxa Víctor Lojero 11 91.36" in view
    assert "Players sorted first by goals scored" in view


def test_source_page_numbers_every_line_and_marks_a_span(pages_client):
    html = pages_client.get("/source/2012-13-ascenso-mx-season/lines/167-169", headers=BROWSER)
    parsed = parse_page(html)
    lines = parsed.find("li")
    numbered = [a for a in lines if a.get("id", "").startswith("L")]
    assert len(numbered) == 218
    marked = [a["id"] for a in lines if a.get("class") == "marked"]
    assert marked == ["L167", "L168", "L169"]
    assert "Necaxa 0-1 Neza" in parsed.text
    whole = parse_page(pages_client.get("/source/2012-13-ascenso-mx-season", headers=BROWSER))
    assert not [a for a in whole.find("li") if a.get("class") == "marked"]


def test_a_regular_phase_lists_its_matchdays_in_order_and_a_matchday_its_matches(hostile_client):
    html = hostile_client.get("/resource/tournament/apertura-2030/regular-season", headers=BROWSER)
    text = html.get_data(as_text=True)
    view = section_text(text, "stage-view")
    assert "<svg" not in text
    assert view.index("matchday 1") < view.index("matchday 2") < view.index("matchday 10")
    matchday = hostile_client.get("/resource/tournament/apertura-2030/regular-season/matchday-1", headers=BROWSER)
    view = section_text(matchday.get_data(as_text=True), "round-view")
    assert "20 July 2030 Necaxa 2–2 <script>alert('club')</script> Toros & \"Neza\"" in view
