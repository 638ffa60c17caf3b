"""The infobox of a wikitext-like copy: ``{{Infobox football league season |key=value …}}``, read with a wikitext
parser (mwparserfromhell) into the same ``- Key: value`` fields the plain rendering gives, so one value grammar and
one key table serve both. Line numbers are the wikitext's, so problems point into the file read.
"""

from __future__ import annotations

import re

import mwparserfromhell

from .document import Document, InfoboxField

_INFOBOX_TEMPLATE = re.compile(r"^\s*infobox\b", re.IGNORECASE)
# Templates whose text is part of the value ({{small|(date)}}, {{nowrap|…}}); any other template is dropped.
_KEEP_TEXT = {"small", "nowrap", "nobold", "abbr", "flagicon"}


def looks_like_wikitext(text: str) -> bool:
    return "{{Infobox" in text or "{{infobox" in text


def wikitext_title(lines: list[str]) -> tuple[str, int] | None:
    """The bare title line a wikitext copy starts with ('2017–18 Liga MX season#Torneo Apertura' -> the title)."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            if line.lstrip().startswith(("{{", "|", "=")):
                return None
            return line.strip().split("#", 1)[0].strip(), number
    return None


def read_wikitext_infobox(text: str, document: Document) -> None:
    """Fill ``document.infobox`` from the first ``{{Infobox …}}`` template of the text."""
    start = max(text.find("{{Infobox"), text.find("{{infobox"))
    if start < 0:
        return
    template, closed = _infobox_template(text[start:])
    if template is None:
        document.problem(text.count("\n", 0, start) + 1, "the infobox template cannot be parsed; it was not read")
        return
    document.infobox_line = text.count("\n", 0, start) + 1
    document.infobox_end = document.infobox_line + (str(template).count("\n") if closed else text.count("\n", start))
    offset = start
    params = list(template.params)
    for index, param in enumerate(params):
        position = text.find(str(param), offset)
        if position >= 0:
            offset = position
        line = text.count("\n", 0, offset) + 1
        key = str(param.name).strip()
        if not closed and index == len(params) - 1:
            document.problem(line, f"infobox {key!r} is cut by the excerpt's end; left out", "info")
            continue
        value = _plain_value(str(param.value))
        if key and value and not key.isdigit():  # an empty parameter states nothing
            document.infobox.append(InfoboxField(key, value, line))


def _infobox_template(text: str):
    """The infobox template at the start of ``text``, and whether it was closed (excerpts may cut it)."""
    # An excerpt may end inside the infobox, even inside a template of a value: close what is open.
    for source, closed in ((text, True), *((text + "\n" + "}}" * depth, False) for depth in (1, 2, 3))):
        try:
            code = mwparserfromhell.parse(source)
        except Exception:  # noqa: BLE001 - the parser's own errors vary; the article is still read as text
            return None, False
        nodes = code.nodes
        if nodes and isinstance(nodes[0], mwparserfromhell.nodes.Template) and _INFOBOX_TEMPLATE.match(str(nodes[0].name)):
            return nodes[0], closed
    return None, False


_KEEP = re.compile(r"\{\{\s*(?:" + "|".join(sorted(_KEEP_TEXT)) + r")\s*\|([^{}]*)\}\}", re.IGNORECASE)


def _plain_value(raw: str) -> str:
    """A parameter's value as the plain rendering shows it: refs, footnotes and markup out, lines joined by ', '."""
    previous = None
    while previous != raw:  # {{nowrap|Apertura: X {{small|(12th title)}}}} -> its text, innermost first
        previous, raw = raw, _KEEP.sub(lambda match: match[1], raw)
    raw = re.sub(r"<ref[^>]*/>|<ref[^>]*>.*?</ref>", "", raw, flags=re.DOTALL | re.IGNORECASE)
    raw = re.sub(r"<br\s*/?>", "\n", raw, flags=re.IGNORECASE)
    code = mwparserfromhell.parse(raw)
    for template in code.filter_templates(recursive=False):
        try:
            code.remove(template)
        except ValueError:
            pass
    text = code.strip_code(normalize=True, collapse=True)
    parts = [" ".join(part.split()) for part in text.splitlines()]
    return ", ".join(part for part in parts if part)
