"""A reader's walk through the site in Chromium: a query in the editor, a club, one of its matches, the tie and the
bracket, the source lines of a fact, and the search box. Each step leaves a screenshot in tests/artifacts/."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_a_query_in_the_editor_shows_results(tab, shoot):
    tab.goto("/sparql")
    tab.mouse.move(10, 10)  # the editor starts when a person first points, touches or types
    tab.locator(".yasqe_queryButton").click()
    rows = tab.locator(".yasr table tbody tr")
    expect(rows.first).to_be_visible()
    expect(tab.locator(".yasr table")).to_contain_text("Víctor Lojero")  # the first example: top scorers
    assert rows.count() >= 3
    shoot(tab, "editor-results")


def test_from_a_club_to_a_match_its_tie_and_the_bracket(tab, shoot):
    tab.goto("/resource/club/necaxa")
    expect(tab.locator("h1")).to_have_text("Necaxa")
    expect(tab.locator("table.matches tbody tr").first).to_be_visible()
    shoot(tab, "club-necaxa")

    final_second_leg = tab.locator("table.matches a.score[href='/resource/match/2013-05-11-necaxa-neza']")
    final_second_leg.click()
    expect(tab).to_have_url(re.compile(r"/resource/match/2013-05-11-necaxa-neza$"))
    expect(tab.locator(".scoreboard .big-score")).to_have_text("0–1")
    expect(tab.locator(".match-view .away-goals")).to_contain_text("A. Lucio 90'")
    shoot(tab, "match-necaxa-neza")

    tab.locator(".tie-view h2 a").click()
    expect(tab).to_have_url(re.compile(r"/liguilla/final/neza-necaxa$"))
    expect(tab.locator(".decision")).to_contain_text("Neza went through 4–0 on aggregate.")
    shoot(tab, "tie-final")

    tab.locator(".tie-view .match-meta a", has_text="Clausura 2013 Liguilla").last.click()
    expect(tab).to_have_url(re.compile(r"/tournament/clausura-2013/liguilla$"))
    bracket = tab.locator("figure.bracket svg")
    expect(bracket).to_be_visible()
    assert bracket.locator("a.tie").count() == 6
    shoot(tab, "liguilla-bracket")

    semifinal = bracket.locator("a.tie[href$='/semifinals/neza-udeg']")
    semifinal.click()
    expect(tab).to_have_url(re.compile(r"/semifinals/neza-udeg$"))
    expect(tab.locator("h1")).to_contain_text("Neza v Leones Negros UdeG")


def test_a_fact_links_to_its_source_lines_highlighted_and_in_view(tab, shoot):
    tab.goto("/resource/match/2013-05-11-necaxa-neza")
    tab.locator(".provenance a").first.click()
    expect(tab).to_have_url(re.compile(r"/source/2012-13-ascenso-mx-season/lines/167-169#L167$"))
    marked = tab.locator("ol.source-text li.marked")
    assert marked.count() == 3
    expect(marked.nth(1)).to_contain_text("Necaxa 0-1 Neza")
    expect(marked.first).to_be_in_viewport()
    shoot(tab, "source-highlight")


def test_the_search_box_suggests_and_opens_a_club(tab, shoot):
    tab.goto("/")
    box = tab.locator("#site-search")
    box.press_sequentially("udg", delay=40)
    suggestions = tab.locator("#site-search-suggestions li[role=option]")
    expect(suggestions.first).to_contain_text("Leones Negros UdeG")
    expect(suggestions.first).to_contain_text("club")
    shoot(tab, "search-suggestions")
    box.press("ArrowDown")
    box.press("Enter")
    expect(tab).to_have_url(re.compile(r"/resource/club/udeg$"))
    expect(tab.locator("h1")).to_have_text("Leones Negros UdeG")


def test_the_search_box_without_choosing_opens_the_results_page(tab, shoot):
    tab.goto("/resource/season/2012-13")
    tab.locator("#site-search").fill("leon")
    tab.locator("#site-search").press("Enter")
    expect(tab).to_have_url(re.compile(r"/search\?q=leon$"))
    first = tab.locator("ol.search-results li").first
    expect(first).to_contain_text("León")
    expect(first).to_contain_text("club")
    shoot(tab, "search-results")
