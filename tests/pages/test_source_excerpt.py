"""A source that is an excerpt says so: in the graph (akg:isExcerpt), in the manifest, and on its source page."""

from __future__ import annotations

import json
from pathlib import Path

from ascenso_kg.build import build_release
from tests.pages.page_helpers import BROWSER

ARTICLE = "= 2030–31 Ascenso MX season =\n\nInfobox\n- Competition: Ascenso MX\n- Season: 2030–31\n\n| Club | Stad"
SOURCES = ("file,original_file,title,url,licence,excerpt\n"
           "excerpt.txt,x.txt,2030–31 Ascenso MX season,https://en.wikipedia.org/wiki/X,CC BY-SA 4.0,yes\n"
           "whole.txt,y.txt,2031–32 Ascenso MX season,https://en.wikipedia.org/wiki/Y,CC BY-SA 4.0,\n")


def test_an_excerpt_says_so_on_its_source_page(make_app, tmp_path: Path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "excerpt.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "whole.txt").write_text(ARTICLE.replace("2030–31", "2031–32").rsplit("\n", 1)[0] + "\n",
                                        encoding="utf-8")
    (articles / "sources.csv").write_text(SOURCES, encoding="utf-8")
    build_release(articles, tmp_path / "out", progress=lambda message: None)
    manifest = json.loads((tmp_path / "out" / "current" / "manifest.json").read_text())
    assert [a.get("excerpt", False) for a in manifest["articles"]] == [True, False]
    dump = (tmp_path / "out" / "current" / "dumps" / "ascenso-kg.ttl").read_text()
    assert "isExcerpt true" in dump
    client = make_app(tmp_path / "out").test_client()  # the build copied the articles into the release
    excerpt = client.get("/source/excerpt", headers=BROWSER)
    assert excerpt.status_code == 200
    assert "This file is an excerpt" in excerpt.get_data(as_text=True)
    whole = client.get("/source/whole", headers=BROWSER)
    assert whole.status_code == 200 and "This file is an excerpt" not in whole.get_data(as_text=True)
