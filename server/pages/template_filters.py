"""Template filters for the values a page prints most: links and literals.

A season page prints a thousand table cells; as Jinja macros they cost more than the queries behind the page, as
filters they cost little. Every piece of text goes through ``markupsafe.escape``: labels come from articles.
"""

from __future__ import annotations

from markupsafe import Markup, escape


def link_html(value: dict | None) -> Markup:
    """``<a href="…">label</a>`` for a link dict (``Presenter.link``); nothing for None."""
    if not value:
        return Markup("")
    if not value.get("href"):
        return Markup(f'<span class="unlinked" title="{escape(value.get("iri", ""))}">{escape(value["text"])}</span>')
    external = ' class="external" rel="external"' if value.get("external") else ""
    return Markup(f'<a href="{escape(value["href"])}"{external}>{escape(value["text"])}</a>')


def value_html(value: dict | None) -> Markup:
    """A link (with its Spanish name beside it), a literal (with its language), or a missing or blank value."""
    if not value:
        return Markup("")
    kind = value["kind"]
    if kind == "iri":
        html = link_html(value)
        other = value.get("other")
        if other:
            html += Markup(f' <span class="other-label" lang="{escape(other["lang"])}">'
                           f'({escape(other["text"])})</span>')
        return html
    if kind == "literal":
        lang = value.get("lang")
        datatype = value.get("datatype")
        attributes = (f' lang="{escape(lang)}"' if lang else "") + (f' title="{escape(datatype)}"' if datatype else "")
        html = Markup(f'<span class="literal"{attributes}>{escape(value["text"])}</span>')
        if lang:
            html += Markup(f' <span class="lang">{escape(lang)}</span>')
        return html
    return Markup(f'<span class="{escape(kind)}">{escape(value.get("text", ""))}</span>')


FILTERS = {"link": link_html, "value": value_html}
