"""The query editor page: YASGUI served from our own static files, the project's prefixes, the examples."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from ascenso_kg import iris
from tests.checkout import ROOT

VENDOR = ROOT / "server" / "static" / "vendor" / "yasgui"
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.settings, self._in_settings = [], None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" in attrs:
            self.urls.append(attrs["src"])
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.urls.append(attrs["href"])
        self._in_settings = tag == "script" and attrs.get("id") == "editor-settings"

    def handle_data(self, data):
        if self._in_settings:
            self.settings = json.loads(data)
            self._in_settings = False


def read_page(client) -> _Assets:
    response = client.get("/sparql", headers=BROWSER)
    assert response.status_code == 200
    parser = _Assets()
    parser.feed(response.get_data(as_text=True))
    return parser


def test_editor_loads_only_local_assets(client):
    page = read_page(client)
    assert "/static/vendor/yasgui/yasgui.min.js" in page.urls
    assert "/static/vendor/yasgui/yasgui.min.css" in page.urls
    assert all(url.startswith("/static/") for url in page.urls), page.urls
    for url in page.urls:
        assert client.get(url).status_code == 200


def test_editor_settings_carry_endpoint_prefixes_and_examples(client):
    settings = read_page(client).settings
    assert settings["endpoint"] == "http://localhost/sparql"
    assert settings["prefixes"] == iris.prefixes()
    assert len(settings["examples"]) >= 12
    assert all(e["query"].startswith("# title:") for e in settings["examples"])


def test_example_text_cannot_break_out_of_the_page(make_app, small_out, tmp_path):
    hostile = '</script><script>alert("x")</script>'
    (tmp_path / "hostile.rq").write_text(f"# title: {hostile}\n# description: {hostile}\nASK {{}}\n")
    response = make_app(small_out, EXAMPLES_DIR=str(tmp_path)).test_client().get("/sparql", headers=BROWSER)
    page = response.get_data(as_text=True)
    assert '<script>alert("x")</script>' not in page
    parser = _Assets()
    parser.feed(page)
    assert parser.settings["examples"][0]["title"] == hostile


def test_vendored_yasgui_keeps_its_package_files_and_licence():
    package = json.loads((VENDOR / "package.json").read_text())
    lock = json.loads((VENDOR / "package-lock.json").read_text())
    pinned = package["dependencies"]["@zazuko/yasgui"]
    assert lock["packages"]["node_modules/@zazuko/yasgui"]["version"] == pinned
    assert "MIT License" in (VENDOR / "LICENSE").read_text()
    assert "@zazuko/yasgui 4.6.2" in (VENDOR / "THIRD-PARTY-NOTICES.txt").read_text()
    bundle = (VENDOR / "yasgui.min.js").read_text(encoding="utf-8", errors="replace")
    assert "Yasgui" in bundle


def test_editor_script_uses_the_settings_it_is_given():
    script = (ROOT / "server" / "static" / "editor.js").read_text()
    assert 'getElementById("editor-settings")' in script
    assert not re.search(r"https?://", script)  # no hard-coded endpoint or CDN
