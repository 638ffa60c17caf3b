"""The query editor in Chromium: every example opens in a tab that asks this site's endpoint and shows its rows
compactly (labels or prefixed names, plain numbers); a query that cannot be read gets its line, column and caret,
and stays in the editor. Screenshots go to tests/artifacts/."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from ascenso_kg.resources import QUERIES_DIR
from ascenso_kg.server.examples import load_examples
from ascenso_kg.server.sparql.query_text import analyse_query

EXAMPLES = load_examples(QUERIES_DIR)
# The federated examples call Wikidata, which the test machine cannot reach: the endpoint answers them with its own
# error (502) or with no rows, which proves the tab asked this site and not another endpoint.
FEDERATED = {example.name for example in EXAMPLES if analyse_query(example.text).services}
ACTIVE = ".tabPanel.active"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_each_example_runs_on_this_endpoint_in_the_editor(tab, site, shoot, example):
    asked: list[str] = []
    tab.on("request", lambda r: asked.append(r.url) if r.method == "POST" else None)
    tab.goto("/sparql")
    tab.locator(f"button.example[data-example='{example.name}']").click()
    expect(tab.locator(".tabsList .tab.active")).to_contain_text(example.title[:20])
    tab.locator(f"{ACTIVE} .yasqe_queryButton").click()
    if example.name in FEDERATED:
        # Without Wikidata the endpoint answers with its own error, or no rows where the example's SERVICE is SILENT.
        answer = tab.locator(f"{ACTIVE} .query-error, {ACTIVE} .yasr table.dataTable").first
        expect(answer).to_be_visible(timeout=30_000)
    else:
        rows = tab.locator(f"{ACTIVE} .yasr table.dataTable tbody tr")
        expect(rows.first).to_be_visible(timeout=20_000)
        expect(tab.locator(f"{ACTIVE} .yasr table.dataTable tbody")).not_to_contain_text("No data available")
        body = tab.locator(f"{ACTIVE} .yasr table.dataTable tbody").inner_text()
        assert "^^" not in body and "XMLSchema#" not in body, body[:300]  # plain numbers and dates
    assert asked and all(url == site + "/sparql" for url in asked), asked
    if example.name.startswith("01-"):
        shoot(tab, "editor-example")


def test_results_show_labels_and_link_to_pages_on_this_site(tab):
    tab.goto("/sparql")
    tab.locator("button.example[data-example='06-players-who-scored-in-more-than-one-season']").click()
    tab.locator(f"{ACTIVE} .yasqe_queryButton").click()
    table = tab.locator(f"{ACTIVE} .yasr table.dataTable tbody")
    player = table.locator("a.iri[href='/resource/player/necaxa/victor-lojero']")
    expect(player).to_have_text("Víctor Lojero", timeout=20_000)  # its label, asked for after the answer
    expect(player).to_have_attribute("title", "https://w3id.org/ascenso-kg/resource/player/necaxa/victor-lojero")
    hrefs = table.locator("a.iri").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert hrefs and not any("w3id.org" in href for href in hrefs), hrefs
    expect(table).not_to_contain_text("<https://")


def test_the_plain_form_is_hidden_when_the_editor_runs(tab):
    tab.goto("/sparql")
    tab.mouse.move(10, 10)
    expect(tab.locator(".yasqe_queryButton").first).to_be_visible()
    expect(tab.locator("form.plain-query")).to_be_hidden()


def test_the_editor_starts_on_the_first_interaction_and_not_before(tab):
    bundles: list[str] = []
    tab.on("request", lambda r: bundles.append(r.url) if r.url.endswith("yasgui.min.js") else None)
    tab.goto("/sparql")
    tab.wait_for_load_state("networkidle")
    assert bundles == []  # a crawler never fetches the editor
    expect(tab.locator("#yasgui .editor-placeholder")).to_contain_text("# title:")
    tab.mouse.move(10, 10)
    expect(tab.locator(".yasqe_queryButton").first).to_be_visible()
    assert len(bundles) == 1
    expect(tab.locator("#yasgui .editor-placeholder")).to_have_count(0)


def test_a_bad_query_shows_line_column_and_caret_and_stays_in_the_editor(tab, shoot):
    query = "SELECT * WHERE { ?s ?p ?o }\nLIMIT ten"
    tab.goto("/sparql#query=" + quote(query))
    expect(tab.locator(".tabsList .tab.active")).to_contain_text("Your query")
    tab.locator(f"{ACTIVE} .yasqe_queryButton").click()
    error = tab.locator(f"{ACTIVE} .query-error")
    expect(error).to_contain_text("line 2, column 7 (at 'ten')")
    expect(error).to_contain_text("        ^^^")
    assert "..=" not in error.inner_text()
    expect(tab.locator(f"{ACTIVE} .query-error-token")).to_have_text("ten")
    assert tab.evaluate("() => document.querySelector('.tabPanel.active .CodeMirror').CodeMirror.getValue()") == query
    shoot(tab, "editor-error")


def test_the_error_page_leads_back_to_the_editor_with_the_query(tab):
    query = "SELECT * WHERE { ?s ?p ?o }\nLIMIT ten"
    tab.goto("/sparql?query=" + quote(query))
    expect(tab.locator("pre.query-error")).to_contain_text("^^^")
    tab.locator("a", has_text="Back to the query editor").click()
    expect(tab).to_have_url(re.compile(r"/sparql$"))
    expect(tab.locator(".tabsList .tab.active")).to_contain_text("Your query")
    value = tab.evaluate("() => document.querySelector('.tabPanel.active .CodeMirror').CodeMirror.getValue()")
    assert value == query
