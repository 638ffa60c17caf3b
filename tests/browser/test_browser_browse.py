"""The site in Chromium as people use it: at a phone's width (390 px) no page is wider than the screen, the bracket
says it scrolls, the front door leads to seasons, clubs and lists, people are told apart; and a crawler starting at
the home page reaches every entity page of the four articles within four clicks without a broken link."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
PHONE_PAGES = [
    "/", "/clubs", "/players", "/matches", "/seasons",
    "/resource/club/necaxa",
    "/resource/match/2013-05-11-necaxa-neza",
    "/resource/tournament/clausura-2013/liguilla/final/neza-necaxa",
    "/resource/tournament/clausura-2013/liguilla",
    "/resource/season/2012-13",
    "/resource/player/necaxa/victor-lojero",
    "/resource/player/necaxa/2013-14/v-lojero",
    "/resource/stadium/estadio-victoria",
    "/resource/tournament/clausura-2013",
    "/resource/tournament/clausura-2013/liguilla/quarterfinals",
    "/resource/tournament/apertura-2012/top-scorers",
    "/source/2012-13-ascenso-mx-season/lines/167-169",
    "/search?q=leon",
    "/resource/club/atlante",  # not found: the 404 page
    "/void",
    "/dumps",
    "/sparql",
]


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(viewport=PHONE, base_url=site, is_mobile=True, has_touch=True,
                                  device_scale_factor=1)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.mark.slow
@pytest.mark.parametrize("path", PHONE_PAGES)
def test_no_page_is_wider_than_a_phone(phone, path):
    response = phone.goto(path)
    assert response.status == (404 if path == "/resource/club/atlante" else 200), path
    phone.wait_for_load_state("load")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width} px wide at {PHONE['width']} px"


@pytest.mark.slow
def test_the_bracket_says_it_scrolls_and_scrolls_in_its_own_box(phone):
    phone.goto("/resource/tournament/clausura-2013/liguilla")
    hint = phone.locator("figure.bracket .scroll-hint")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("scroll it sideways")
    box = phone.locator("figure.bracket .bracket-scroll")
    assert box.evaluate("el => el.scrollWidth > el.clientWidth")  # the bracket is wider than its box …
    box.evaluate("el => el.scrollLeft = 400")
    assert box.evaluate("el => el.scrollLeft") > 0  # … and scrolls inside it


@pytest.mark.slow
def test_from_the_front_door_to_a_season_a_club_and_a_player(tab):
    tab.goto("/")
    tab.locator(".front-seasons a[href='/resource/season/2012-13']").first.click()
    expect(tab).to_have_url(re.compile(r"/resource/season/2012-13$"))
    expect(tab.locator(".partial").first).to_contain_text("The article lists only")
    tab.goto("/")
    tab.locator(".front-clubs a", has_text="Necaxa").click()
    expect(tab.locator("table.scorers")).to_contain_text("Víctor Lojero")
    tab.locator("table.scorers a", has_text="V. Lojero").first.click()
    expect(tab.locator(".same-player")).to_contain_text("Probably the same player as Víctor Lojero")
    tab.goto("/players?letter=G")
    expect(tab.locator("table.list")).to_contain_text("Lobos BUAP, 2011–12")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


# Not followed: the endpoint and search (forms, not pages), dump files, and an entity's other formats.
SKIPPED = re.compile(r"^/(sparql|search|dumps/|reconcile)|\.(ttl|jsonld|nt|rdf|json|gz|nq)(\?|$)")
DEPTH = 4


def _get(url: str) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Accept": "text/html"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            kind = response.headers.get_content_type()
            return response.status, kind, response.read().decode("utf-8") if kind == "text/html" else ""
    except urllib.error.HTTPError as error:
        return error.code, "", ""


@pytest.mark.slow
def test_a_crawl_from_the_home_page_reaches_every_entity_page_within_four_clicks(site):
    sitemap = _get(site + "/sitemap.xml")
    wanted = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", urllib.request.urlopen(
        site + "/sitemap.xml").read().decode())}
    assert sitemap[0] == 200 and len(wanted) > 800
    depth = {"/": 0}
    queue = deque(["/"])
    broken = []
    while queue:
        path = queue.popleft()
        status, kind, body = _get(site + path)
        if status >= 400:
            broken.append((path, status))
            continue
        if kind != "text/html" or depth[path] == DEPTH:
            continue
        parser = _Links()
        parser.feed(body)
        for href in parser.links:
            target = urljoin(site + path, href)
            parts = urlsplit(target)
            if parts.netloc != urlsplit(site).netloc:
                continue  # Wikipedia, Wikidata, DBpedia, the licence
            local = parts.path + ("?" + parts.query if parts.query else "")
            if SKIPPED.search(local) or local in depth:
                continue
            depth[local] = depth[path] + 1
            queue.append(local)
    assert broken == []
    unreached = sorted(wanted - set(depth))
    assert unreached == [], f"{len(unreached)} pages not reached within {DEPTH} clicks: {unreached[:10]}"
