"""The Content-Security-Policy (issue 14, item 5) in Debian's Chromium: the query editor and the search box still
work with inline script blocked, and the browser reports no violation. Also a control: an inline script on a page
under the same policy is blocked and reported, so the listener would hear one."""

from __future__ import annotations

import re

import pytest
from tests.reliability.conftest import gunicorn
from playwright.sync_api import expect


@pytest.fixture(scope="module")
def site(built):
    with gunicorn(built, workers=1, QUERY_WORKERS=2, QUERY_TIMEOUT=10) as live:
        yield live.url


def violations(page) -> list[str]:
    found: list[str] = []
    page.on("console", lambda message: found.append(message.text)
            if "Content Security Policy" in message.text else None)
    return found


def test_the_editor_and_search_work_under_the_policy_without_violations(site, browser):
    context = browser.new_context(base_url=site)
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        reported = violations(page)
        page.goto("/sparql")
        page.mouse.move(10, 10)  # the editor starts when a person first points, touches or types
        page.locator(".yasqe .CodeMirror").first.wait_for()
        page.locator(".yasqe_queryButton").first.click()
        expect(page.locator(".yasr")).to_contain_text(re.compile(r"\d+ results?"))
        page.goto("/")
        page.locator("#site-search").fill("necaxa")
        expect(page.locator("#site-search-suggestions li[role=option]").first).to_be_visible()
        assert reported == []
        # The control: inline script on a page with this policy is blocked, and the browser says so.
        page.goto("/")
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"window.ran=1\">')")
        page.wait_for_timeout(300)
        assert page.evaluate("window.ran") is None
        assert reported
    finally:
        context.close()
