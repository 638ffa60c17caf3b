"""XSS: payloads placed in labels (through a crafted article and its sources.csv title) and in query text never appear
unescaped in any page: checked by parsing the HTML, and in Chromium, where no dialog may fire."""

from __future__ import annotations

import csv
import shutil
from html.parser import HTMLParser
from urllib.parse import quote, urlencode

import pytest

from ascenso_kg.build import build_release
from tests.checkout import ARTICLES_DIR
from tests.reliability.conftest import Client, gunicorn

MARK = "akg-xss"
SCRIPT = f"<script>alert('{MARK}')</script>"
IMAGE = f"<img src=x onerror=alert('{MARK}')>"
SVG = f"\"><svg onload=alert('{MARK}')>"
PAYLOADS = (SCRIPT, IMAGE, SVG)
ARTICLE = "2011-12-liga-de-ascenso-season"
PLAYER = "/resource/player/necaxa/victor-script-alert-akg-xss-script"
SCORER = "/resource/player/correcaminos/2011-12/j-img-src-x-onerror-alert-akg-xss"


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory):
    """The real articles with payloads in a scorer's name, a top scorer's name and an article title, served live."""
    root = tmp_path_factory.mktemp("xss")
    articles = root / "articles"
    shutil.copytree(ARTICLES_DIR, articles)
    article = articles / f"{ARTICLE}.txt"
    text = article.read_text(encoding="utf-8")
    assert "J. Sara 18'" in text and "| 10 | MEX Víctor Lojero | Necaxa |" in text
    text = text.replace("J. Sara 18'", f"J. {IMAGE} 18'")
    text = text.replace("| 10 | MEX Víctor Lojero | Necaxa |", f"| 10 | MEX Víctor {SCRIPT} | Necaxa |")
    article.write_text(text, encoding="utf-8")
    with (articles / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        if row["file"] == article.name:
            row["title"] = f"2011–12 season {SVG}"
    with (articles / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    build_release(articles, root / "out", progress=lambda message: None)
    with gunicorn(root / "out", workers=1, threads=4, QUERY_TIMEOUT=5, QUERY_WORKERS=2) as live:
        yield live


def pages() -> list[str]:
    label_query = f'SELECT ?s ?label WHERE {{ ?s ?p ?label FILTER(CONTAINS(STR(?label), "{MARK}")) }}'
    return [
        PLAYER, SCORER, "/resource/match/2012-04-18-correcaminos-merida",
        "/resource/tournament/apertura-2011/top-scorers/row/10", "/resource/tournament/apertura-2011",
        f"/source/{ARTICLE}", f"/source/{ARTICLE}/lines/90-100", f"/graph/article/{ARTICLE}",
        "/search?" + urlencode({"q": "akg"}), "/search?" + urlencode({"q": SCRIPT}),
        "/search?" + urlencode({"q": SVG, "type": "player"}),
        "/sparql?" + urlencode({"query": label_query, "format": "html"}),
        "/sparql?" + urlencode({"query": f"SELECT * WHERE {{ ?s ?p '{SCRIPT}' }} # {IMAGE}", "format": "html"}),
        "/sparql?" + urlencode({"query": f"SELECT {SCRIPT} WHERE {{ }}"}),  # a syntax error quoting the payload
        "/sparql?" + urlencode({"query": f"SELECT * {{ SERVICE <http://x/{quote(IMAGE)}> {{ }} }}"}),
        "/reconcile/preview?" + urlencode({"id": PLAYER.removeprefix("/resource/")}),
        "/reconcile/preview?" + urlencode({"id": SVG}), "/resource/club/" + quote(SCRIPT), "/dumps", "/",
        "/void",
    ]


class Elements(HTMLParser):
    """Every element with its attributes, and the text inside script elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def injected(html: str) -> list[str]:
    """What a payload managed to become: an element or handler carrying the mark, or a payload verbatim."""
    found = [payload for payload in PAYLOADS if payload in html]
    parser = Elements()
    parser.feed(html)
    for tag, attrs in parser.elements:
        if tag in ("svg", "img", "iframe", "object", "embed") and any(MARK in (v or "") for v in attrs.values()):
            found.append(f"<{tag} {attrs}>")
        found += [f"{tag} {name}={value}" for name, value in attrs.items()
                  if name.startswith("on") and MARK in (value or "")]
        found += [f"{tag} {name}={value}" for name, value in attrs.items()
                  if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:")]
    found += [script[:80] for script in parser.scripts if f"alert('{MARK}')" in script and "</script" in script]
    return found


def test_the_payloads_are_in_the_graph(xss_site):
    answer = Client(xss_site.url).query(f'ASK {{ ?s ?p ?o FILTER(CONTAINS(STR(?o), "{MARK}")) }}')
    assert b'"boolean": true' in answer.body or b'"boolean":true' in answer.body
    assert Client(xss_site.url).get(PLAYER, {"Accept": "text/html"}).status == 200


@pytest.mark.parametrize("path", pages())
def test_no_page_carries_a_payload_unescaped(xss_site, path):
    answer = Client(xss_site.url).get(path, {"Accept": "text/html"})
    assert answer.status < 500, (answer.status, answer.text[:200])
    assert not injected(answer.text), (path, injected(answer.text))


def test_the_check_finds_a_payload_left_unescaped():
    assert injected(f"<p>{IMAGE}</p>") and injected(f"<p>{SCRIPT}</p>") and injected(f"<a {SVG[2:]}")
    assert not injected("<p>&lt;script&gt;alert('akg-xss')&lt;/script&gt;</p>")


def test_no_dialog_fires_in_chromium(xss_site, browser):
    dialogs: list[str] = []
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages():
            page.goto(xss_site.url + path, wait_until="load")
        page.goto(xss_site.url + "/search")  # and typed into the search box, with its suggestions
        box = page.locator("input[name=q]").first
        box.fill(SCRIPT)
        box.press("Enter")
        page.wait_for_load_state("load")
        page.goto(xss_site.url + "/")
        page.evaluate("alert('control')")  # the listener does hear a dialog
    finally:
        context.close()
    assert dialogs == ["control"]
