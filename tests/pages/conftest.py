"""Fixtures of the page and search tests: apps over the real four articles (built once per run by the root
conftest's ``built``) and over a tiny release whose labels try to break out of the HTML.

The server tests' helpers are reused: their settings (``TEST_CONFIG``: every setting, so no ``ASCENSO_KG_*`` variable
of the machine leaks in) and their writer of releases in the build's layout.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph
import pytest

from ascenso_kg.paths import ONTOLOGY_FILE
from ascenso_kg.server.app import create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "server"))
from release_writer import IRIS, TEST_CONFIG, parse_turtle, write_release  # noqa: E402

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
RES = "https://w3id.org/ascenso-kg/resource/"

# Labels as hostile as an article could make them: markup, quotes, ampersands, a script.
HOSTILE_ARTICLE = """
    @prefix akg: <https://w3id.org/ascenso-kg/ontology#> .
    @prefix res: <https://w3id.org/ascenso-kg/resource/> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix schema: <http://schema.org/> .
    res:club\\/toros a akg:Club ; rdfs:label "<script>alert('club')</script> Toros & \\"Neza\\""@en ;
        skos:altLabel "<img src=x onerror=alert(1)>" .
    res:club\\/necaxa a akg:Club ; rdfs:label "Necaxa" .
    <https://w3id.org/ascenso-kg/source/hostile> a akg:SourceArticle ; rdfs:label "<b>hostile</b>"@en ;
        akg:fileName "missing.txt" .
    res:match\\/2013-05-08-toros-necaxa a akg:Match ; schema:homeTeam res:club\\/toros ;
        schema:awayTeam res:club\\/necaxa ; akg:homeScore 3 ; akg:awayScore 0 ;
        rdfs:label "</title><script>alert('match')</script>"@en .
"""


@pytest.fixture(scope="session")
def make_app():
    """An app over an output folder with the test settings; its query workers stop at the end of the run."""
    apps = []

    def make(out: Path, **overrides):
        app = create_app({**TEST_CONFIG, "OUT_DIR": str(out), **overrides})
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["ascenso_kg.store"].close()


@pytest.fixture(scope="session")
def pages_app(make_app, built):
    return make_app(built)


@pytest.fixture(scope="session")
def pages_client(pages_app):
    return pages_app.test_client()


@pytest.fixture(scope="session")
def hostile_client(make_app, tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-build")
    graphs = {IRIS.article_graph("hostile"): parse_turtle(HOSTILE_ARTICLE),
              IRIS.graph("ontology"): [q.triple for q in pyoxigraph.parse(path=str(ONTOLOGY_FILE))]}
    articles = [{"id": "hostile", "file": "missing.txt", "title": "<b>hostile</b> (test)", "licence": "CC BY-SA 4.0",
                 "url": "https://en.wikipedia.org/wiki/Hostile", "graph": IRIS.article_graph("hostile")}]
    write_release(out, graphs, articles)
    return make_app(out).test_client()


class PageParser(HTMLParser):
    """What the tests read back from a page: the title, h1, every link, text by element id, script bodies."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self.h1 = ""
        self.title = ""
        self.scripts: list[str] = []
        self.elements: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "a" and "href" in attrs:
            self.links.append({"href": attrs["href"], "text": "", "class": attrs.get("class", "")})
        if tag not in ("br", "img", "input", "link", "meta", "path", "rect", "line"):
            self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if "h1" in self._stack:
            self.h1 += data
        if "title" in self._stack and "svg" not in self._stack:
            self.title += data
        if "script" in self._stack:
            self.scripts.append(data)
        if "a" in self._stack and self.links:
            self.links[-1]["text"] += data
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        """The page's words, one space apart, without the space a tag boundary leaves before punctuation."""
        return re.sub(r" ([,.:;)])", r"\1", " ".join(" ".join(self.text_parts).split()))

    def hrefs(self) -> list[str]:
        return [link["href"] for link in self.links]

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def parse_page(response) -> PageParser:
    parser = PageParser()
    parser.feed(response.get_data(as_text=True))
    parser.close()
    return parser


@pytest.fixture(scope="session")
def page(pages_client):
    """GET a page as a browser; assert it is a 200 HTML page and return it parsed."""

    def get(path: str) -> PageParser:
        response = pages_client.get(path, headers=BROWSER)
        assert response.status_code == 200, (path, response.status_code, response.get_data(as_text=True)[:500])
        assert response.mimetype == "text/html"
        return parse_page(response)

    return get
