"""Browsing: the home page's front door, a list page per class, the sitemap, robots.txt and the favicon.

Every list (``/seasons``, ``/tournaments``, ``/clubs``, ``/stadiums``, ``/players``, ``/matches``) is paged
(``?page=``) and has a JSON twin (``/clubs.json``, ``?format=json`` or ``Accept: application/json``) rendered from
the same plain dict, as Datasette does. Players go A–Z by surname (``?letter=L``); matches by date, newest first.
"""

from __future__ import annotations

import string
from xml.sax.saxutils import escape

from flask import Blueprint, Response, current_app, jsonify, render_template, request, send_from_directory, url_for

from ..negotiation import HTML, Format, choose_format
from ..per_app import per_app
from ..sparql.protocol import RequestRefused
from ..current_release import get_release
from .addresses import get_addresses
from .catalogue import Catalogue, get_catalogue, sort_name
from .entity import build_page
from .names import get_front_names

bp = Blueprint("browse", __name__)

JSON = Format("json", "application/json")
PER_PAGE = 100
HOME_CLUBS = 60  # more clubs than this: the home page shows a link to the list instead
LISTS = {  # list name -> (title, what one row is, and many)
    "seasons": ("Seasons", "season", "seasons"),
    "tournaments": ("Tournaments", "tournament", "tournaments"),
    "clubs": ("Clubs", "club", "clubs"),
    "stadiums": ("Stadiums", "stadium", "stadiums"),
    "players": ("Players A–Z", "player", "players"),
    "matches": ("Matches by date", "match", "matches"),
}
OTHER = "#"  # the letter of players whose surname starts with no letter A–Z


def _rows(catalogue: Catalogue, name: str) -> list[dict]:
    return getattr(catalogue, name)


def _letter(player: dict) -> str:
    first = sort_name(player["link"]["text"])[:1].upper()
    return first if first in string.ascii_uppercase else OTHER


def _page_number() -> int:
    try:
        return max(1, int(request.args.get("page", 1)))
    except ValueError:
        raise RequestRefused(400, "page must be a whole number (1, 2, …).") from None


def list_data(name: str) -> dict:
    """The plain dict of one list page: its rows on the requested page, the paging and (players) the letters."""
    catalogue = get_catalogue()
    rows = _rows(catalogue, name)
    letters = None
    letter = None
    if name != "players" and "letter" in request.args:
        raise RequestRefused(400, "letter= selects players by the first letter of their surname: /players?letter=L.")
    if name == "players":
        counts: dict[str, int] = {}
        for player in rows:
            counts[_letter(player)] = counts.get(_letter(player), 0) + 1
        letters = [{"letter": l, "count": counts.get(l, 0)} for l in [*string.ascii_uppercase, OTHER]]
        letter = (request.args.get("letter") or "").strip().upper() or None
        if letter is not None:
            if letter not in (*string.ascii_uppercase, OTHER):
                raise RequestRefused(400, "letter must be one letter A–Z, or # for the other names.")
            rows = [player for player in rows if _letter(player) == letter]
    number = _page_number()
    pages = max(1, -(-len(rows) // PER_PAGE))
    if number > pages:
        raise RequestRefused(404, f"The list of {name} has {pages} page{'s' if pages > 1 else ''}.")
    start = (number - 1) * PER_PAGE
    shown = rows[start:start + PER_PAGE]
    title, item, items = LISTS[name]

    def page_href(n: int) -> str:
        return url_for("browse.listing", name=name, page=n if n > 1 else None, letter=letter)

    return {
        "name": name,
        "title": title,
        "item": item if len(rows) == 1 else items,
        "total": len(rows),
        "page": number,
        "pages": pages,
        "first": start + 1 if shown else 0,
        "last": start + len(shown),
        "previous": page_href(number - 1) if number > 1 else None,
        "next": page_href(number + 1) if number < pages else None,
        "letter": letter,
        "letters": letters,
        "rows": shown,
        "json": url_for("browse.listing", name=name, page=number if number > 1 else None, letter=letter,
                        format="json"),
    }


@bp.route("/<any(seasons, tournaments, clubs, stadiums, players, matches):name>.json")
def listing_json(name: str) -> Response:
    return listing(name, JSON)


@bp.route("/<any(seasons, tournaments, clubs, stadiums, players, matches):name>")
def listing(name: str, forced: Format | None = None) -> Response:
    fmt = forced or choose_format(request.headers.get("Accept"), request.args.get("format"), (HTML, JSON))
    if fmt is None:
        raise RequestRefused(406, "Lists are available as text/html and application/json.")
    data = list_data(name)
    if fmt is JSON:
        response = jsonify(data)
    else:
        response = Response(render_template("list.html", listing=data, lists=LISTS), mimetype="text/html")
    response.vary.add("Accept")
    return response


def latest_bracket(catalogue: Catalogue) -> dict | None:
    """The bracket of the Liguilla played last (of those the graph holds ties for), built as its page builds it."""
    def make() -> dict:
        for liguilla in catalogue.liguillas:
            if liguilla["ties"] == 0:
                continue
            # The front names, not every player's: the page reads the labels of the rest it links to itself.
            result = build_page(liguilla["link"]["iri"], get_front_names(), get_addresses(), get_release(), {})
            if result is not None and result.data["football"].get("bracket"):
                return {"link": liguilla["link"], "bracket": result.data["football"]["bracket"],
                        "seeded": result.data["football"].get("seeded", False)}
        return {}

    return per_app("ascenso_kg.latest_bracket", make) or None


def list_counts(catalogue: Catalogue) -> dict[str, int]:
    """How many rows each list has: the seasons and clubs the home page shows, the others counted by the store (the
    home page must not read every player and match only to count them)."""
    return {"seasons": len(catalogue.seasons), "clubs": len(catalogue.club_links), **catalogue.counts}


def front_door() -> dict:
    """What the home page shows: the seasons by competition, the latest bracket, the clubs and the lists."""
    catalogue = get_catalogue()
    counts = list_counts(catalogue)
    return {
        "competitions": catalogue.competitions(),
        "bracket": latest_bracket(catalogue),
        "clubs": [{"link": link} for link in catalogue.club_links[:HOME_CLUBS]],
        "clubs_total": counts["clubs"],
        "lists": [{"name": name, "title": title, "count": counts[name],
                   "href": url_for("browse.listing", name=name)} for name, (title, _, _) in LISTS.items()],
    }


@bp.route("/sitemap.xml")
def sitemap() -> Response:
    """Every entity page and every list, at this host's address."""
    root = request.host_url.rstrip("/")
    paths = ["/", *(url_for("browse.listing", name=name) for name in LISTS), *get_catalogue().pages]
    body = ['<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    body += [f"<url><loc>{escape(root + path)}</loc></url>" for path in paths]
    body.append("</urlset>\n")
    return Response("\n".join(body), mimetype="application/xml")


@bp.route("/robots.txt")
def robots() -> Response:
    """Crawlers are welcome on the pages and the query editor's page; query answers, searches and the dumps are for
    people and programs that mean it ('/sparql?' blocks every query sent in the address, not the editor)."""
    text = ("User-agent: *\nDisallow: /sparql?\nDisallow: /sparql/\nDisallow: /search\nDisallow: /dumps/\n"
            "Allow: /\n\n"
            f"Sitemap: {request.host_url.rstrip('/')}{url_for('browse.sitemap')}\n")
    return Response(text, mimetype="text/plain")


@bp.route("/favicon.ico")
def favicon() -> Response:
    return send_from_directory(current_app.static_folder, "favicon.ico", mimetype="image/vnd.microsoft.icon",
                               max_age=86400)
