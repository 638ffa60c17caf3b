"""axe-core in Debian's Chromium on every kind of page, at a laptop's and a phone's width: no serious or critical
violation. The query editor is checked as it opens and with an answer shown."""

from __future__ import annotations

import pytest

from tests.browser.site_checks import AXE, PAGES, node_tools  # noqa: F401 (a fixture)

BLOCKING = ("serious", "critical")


def violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))  # the context bypasses the pages' CSP for this one script
    found = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")["violations"]
    return [{"rule": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5],
             "help": v["help"]} for v in found if v["impact"] in BLOCKING]


@pytest.fixture(params=[(1280, 900), (390, 844)], ids=["laptop", "phone"])
def checked_page(request, browser, site, node_tools):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, base_url=site, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_or_critical_violations(checked_page, kind):
    checked_page.goto(PAGES[kind])
    checked_page.wait_for_load_state("networkidle")
    assert violations(checked_page) == []  # as it arrives (the query editor not started yet)
    if kind == "query":
        checked_page.mouse.move(10, 10)  # a person points: the editor starts
        checked_page.locator(".yasqe_queryButton").first.wait_for()
        checked_page.wait_for_load_state("networkidle")
    assert violations(checked_page) == []


def test_the_editor_with_an_answer_has_no_serious_or_critical_violations(checked_page):
    checked_page.goto(PAGES["query"])
    checked_page.mouse.move(10, 10)
    checked_page.locator(".tabPanel.active .yasqe_queryButton").click()
    checked_page.locator(".tabPanel.active .yasr table.dataTable tbody tr").first.wait_for()
    assert violations(checked_page) == []
