"""The text of a source article, line by line, for the page that shows where facts were read.

``/source/<article>`` shows the article the graph was built from with its line numbers; a span
``/source/<article>/lines/<first>-<last>`` shows the same text with those lines highlighted and scrolled to, so the
"source: …, line 168" link under every fact lands on the very words it was read from.

Only the articles of the release's manifest are shown, and only by the file name the manifest gives, looked up in
the release's ``sources/`` folder (the build copies the articles it read there): a request can never name a file
itself, and the server reads nothing outside the release it publishes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .current_release import get_release


@dataclass(frozen=True)
class SourceText:
    article: dict  # the manifest's entry: id, file, title, url, licence
    lines: tuple[str, ...] | None  # None when the file is not on this server


def read_source(article: dict) -> SourceText:
    folder = get_release().sources_dir
    name = article.get("file") or ""
    if not name or Path(name).name != name:  # a manifest entry is data too: never follow a path out of the folder
        return SourceText(article, None)
    return SourceText(article, _read_lines(str(folder / name)))


@lru_cache(maxsize=64)
def _read_lines(path: str) -> tuple[str, ...] | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return tuple(line.rstrip("\r\n") for line in handle)
    except (OSError, UnicodeDecodeError):
        return None


def source_view(source: SourceText, first: int | None, last: int | None) -> dict:
    """The article's lines numbered from 1, with the span ``first``–``last`` marked."""
    lines = source.lines
    if lines is None:
        return {"article": source.article, "available": False, "lines": [], "first": first, "last": last}
    if first is not None:
        last = last if last is not None and last >= first else first
    numbered = [{"number": n, "text": text, "marked": first is not None and first <= n <= last}
                for n, text in enumerate(lines, start=1)]
    return {
        "article": source.article,
        "available": True,
        "lines": numbered,
        "first": first,
        "last": last,
        "beyond_end": first is not None and first > len(lines),
    }
