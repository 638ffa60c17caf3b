"""The catalogue of the site: every season, tournament, club, stadium, player and match, for the home page, the
list pages and the sitemap.

Read from the store once per app, on first use, with the ``catalogue-*.rq`` queries of this folder, and kept: the
release a running server publishes never changes. The home page reads only what it shows (the seasons, the latest
Liguilla, the clubs, with the names of those few classes: ``get_front_names``) and counts the other lists with one
COUNT query: its first answer must not grow with the players and matches of the whole graph. Rows are plain dicts of
text and links, as the pages show them; a value the graph does not hold is None (never guessed).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property
from pathlib import Path

from ..sparql.query_results import QueryJob, Solutions
from ..per_app import per_app
from ..current_release import get_release
from ..search_index import fold
from .addresses import Addresses, get_addresses
from .names import Names, get_front_names, get_names, term_label
from .page_store import page_store
from .people import PlayerContexts, read_player_contexts
from .values import format_date

QUERIES_DIR = Path(__file__).with_name("queries")
_EXTENSION = "ascenso_kg.catalogue"
CATALOGUE_ROW_LIMIT = 50_000_000  # the whole graph's matches and players in one answer each


def select(name: str) -> list[tuple]:
    """Run one of this folder's ``.rq`` queries; its rows as tuples of terms (None where unbound)."""
    text = (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8")
    outcome = page_store().run(QueryJob(text, "SELECT", row_limit=CATALOGUE_ROW_LIMIT))
    assert isinstance(outcome, Solutions)
    return [tuple(row) for row in outcome.rows]


def value(term) -> str | None:
    return None if term is None else term.value


class Catalogue:
    """The site's lists, each read from the store the first time a page needs it (the home page needs the seasons,
    Liguillas and clubs, not the tens of thousands of matches and players of a hundred seasons)."""

    def __init__(self, front_names: Names, addresses: Addresses, articles: list[dict]):
        self.front_names = front_names
        self.addresses = addresses
        self.articles = articles

    @cached_property
    def names(self) -> Names:
        """Every searchable entity's names (players…): read on first use by the lists that show them."""
        return get_names()

    @cached_property
    def seasons(self) -> list[dict]:
        return read_seasons(self)

    @cached_property
    def tournaments(self) -> list[dict]:
        return read_tournaments(self)

    @cached_property
    def club_links(self) -> list[dict]:
        """Every club's link, A–Z: the home page's clubs."""
        return read_club_links(self)

    @cached_property
    def clubs(self) -> list[dict]:
        return read_clubs(self)

    @cached_property
    def counts(self) -> dict[str, int]:
        """How many rows the lists of tournaments, stadiums, players and matches have, without reading them."""
        (row,) = select("catalogue-counts")
        return {name: int(term.value) for name, term in zip(("tournaments", "stadiums", "players", "matches"), row)}

    @cached_property
    def stadiums(self) -> list[dict]:
        return read_stadiums(self)

    @cached_property
    def matches(self) -> list[dict]:
        return read_matches(self)

    @cached_property
    def liguillas(self) -> list[dict]:
        return read_liguillas(self)

    @cached_property
    def people(self) -> PlayerContexts:
        return read_player_contexts(select("catalogue-players"), self.names, self.seasons)

    @cached_property
    def players(self) -> list[dict]:
        return read_players(self)

    @cached_property
    def pages(self) -> list[str]:
        """The local path of every entity page and article page: the sitemap."""
        return read_pages(self)

    def link(self, iri: str | None, text: str | None = None) -> dict | None:
        if iri is None:
            return None
        return {"text": text or term_label(iri, self.names), "href": self.addresses.href(iri), "iri": iri}

    def front_link(self, iri: str | None, text: str | None = None) -> dict | None:
        """A link to a season, tournament, competition, Liguilla or club (or its champion…), named as ``link``
        names it but from the front names: no player's name is read for it."""
        if iri is None:
            return None
        return {"text": text or term_label(iri, self.front_names), "href": self.addresses.href(iri), "iri": iri}

    def competitions(self) -> list[dict]:
        """The seasons grouped by competition, the competition with the latest season first; seasons newest first."""
        groups: dict[str | None, list[dict]] = defaultdict(list)
        for season in self.seasons:
            groups[season["competition"]["iri"] if season["competition"] else None].append(season)
        ordered = sorted(groups.items(), key=lambda item: (item[0] is None,
                                                           -max(int(s["sort"][:4] or 0) for s in item[1]),
                                                           item[0] or ""))
        return [{"competition": self.front_link(iri) if iri else None,
                 "seasons": sorted(seasons, key=lambda s: s["sort"], reverse=True)} for iri, seasons in ordered]


def _sort_key(short: str | None, start: str | None, iri: str) -> str:
    """Seasons sort by start date, else by their name's first year (``2009–10``), else by IRI."""
    if start:
        return start
    if short and short[:4].isdigit():
        return short[:4] + "-00-00"
    return "0000" + iri


def read_seasons(catalogue: Catalogue) -> list[dict]:
    rows: list[dict] = []
    facts: dict[str, dict[str, list]] = defaultdict(lambda: {"champion": [], "promoted": [], "relegated": []})
    for season, fact, club, tournament, start in select("catalogue-season-facts"):
        if fact.value == "champion":
            facts[season.value]["champion"].append((value(start) or "", catalogue.front_link(tournament.value),
                                                    catalogue.front_link(club.value)))
        else:
            facts[season.value][fact.value].append(catalogue.front_link(club.value))
    for season, competition, start, short, sources in select("catalogue-seasons"):
        found = facts[season.value]
        rows.append({
            "link": catalogue.front_link(season.value),
            "short": value(short),
            "competition": catalogue.front_link(competition.value) if competition is not None else None,
            "start": value(start),
            "sort": _sort_key(value(short), value(start), season.value),
            "described": int(sources.value) > 0 if sources is not None else False,
            "champions": [{"tournament": t, "club": c} for _, t, c in sorted(found["champion"],
                                                                              key=lambda x: (x[0], x[1]["text"]))],
            "promoted": sorted(found["promoted"], key=lambda link: link["text"]),
            "relegated": sorted(found["relegated"], key=lambda link: link["text"]),
        })
    return sorted(rows, key=lambda s: s["sort"], reverse=True)


def read_tournaments(catalogue: Catalogue) -> list[dict]:
    rows: list[dict] = []
    for tournament, season, start, champion in select("catalogue-tournaments"):
        rows.append({
            "link": catalogue.front_link(tournament.value),
            "season": catalogue.front_link(value(season)),
            "start": value(start),
            "champion": catalogue.front_link(value(champion)),
        })
    return sorted(rows, key=lambda t: (t["start"] or "", t["link"]["text"]), reverse=True)


def read_club_links(catalogue: Catalogue) -> list[dict]:
    rows = [catalogue.front_link(iri) for iri, cls in catalogue.front_names.classes.items() if cls.endswith("#Club")]
    return sorted(rows, key=lambda link: link["text"].casefold())


def read_clubs(catalogue: Catalogue) -> list[dict]:
    seasons: dict[str, set[str]] = defaultdict(set)
    for club, season in select("catalogue-club-seasons"):
        seasons[club.value].add(season.value)
    short = {s["link"]["iri"]: s["short"] or s["link"]["text"] for s in catalogue.seasons}
    return [{"link": link,
             "seasons": [catalogue.front_link(s, short.get(s)) for s in sorted(seasons.get(link["iri"], ()))]}
            for link in catalogue.club_links]


def read_stadiums(catalogue: Catalogue) -> list[dict]:
    rows: list[dict] = []
    cities: dict[str, set[str]] = defaultdict(set)
    capacities: dict[str, set[int]] = defaultdict(set)
    for stadium, city, capacity in select("catalogue-stadiums"):
        cities[stadium.value]  # every stadium, with or without a city
        if city is not None:
            cities[stadium.value].add(city.value)
        if capacity is not None and capacity.value.isdigit():
            capacities[stadium.value].add(int(capacity.value))
    for iri, found in cities.items():
        rows.append({
            "link": catalogue.link(iri),
            "cities": sorted((catalogue.link(c) for c in found), key=lambda link: link["text"]),
            "capacities": [f"{n:,}" for n in sorted(capacities.get(iri, ()))],
        })
    return sorted(rows, key=lambda s: s["link"]["text"].casefold())


def read_matches(catalogue: Catalogue) -> list[dict]:
    rows: list[dict] = []
    seen = set()
    round_labels = {round_.value: label.value for round_, label in select("catalogue-rounds")}
    for match, day, home, away, home_goals, away_goals, round_, label in select("catalogue-matches"):
        if match.value in seen:
            continue  # a second label or round: the first is shown
        seen.add(match.value)
        score = f"{home_goals.value}–{away_goals.value}" if home_goals is not None and away_goals is not None else None
        rows.append({
            "link": catalogue.link(match.value, value(label)),
            "date": value(day),
            "date_text": format_date(day.value) if day is not None else None,
            "home": catalogue.link(value(home)),
            "away": catalogue.link(value(away)),
            "score": score,
            "round": catalogue.link(value(round_), round_labels.get(value(round_))),
        })
    return sorted(rows, key=lambda m: (m["date"] or "", m["link"]["iri"]), reverse=True)


def read_liguillas(catalogue: Catalogue) -> list[dict]:
    rows: list[dict] = []
    for liguilla, ties, last_match in select("catalogue-liguillas"):
        rows.append({"link": catalogue.front_link(liguilla.value), "ties": int(ties.value),
                                    "last_match": value(last_match)})
    return sorted(rows, key=lambda l: (l["last_match"] or "", l["link"]["iri"]), reverse=True)


def read_pages(catalogue: Catalogue) -> list[str]:
    paths = {catalogue.addresses.local_path(entity.value) for (entity,) in select("catalogue-pages")}
    return (sorted(p for p in paths if p and p.startswith("/resource/"))
            + sorted(f"/source/{article['id']}" for article in catalogue.articles))


def read_players(catalogue: Catalogue) -> list[dict]:
    people = catalogue.people
    players = [{"link": catalogue.link(iri), "context": people.context(iri),
                "same_as": [catalogue.link(other) for other in people.probable(iri)]} for iri in people.players]
    return sorted(players, key=lambda p: (sort_name(p["link"]["text"]), p["context"] or ""))


def sort_name(name: str) -> str:
    """Players go A–Z by surname: ``V. Lojero`` and ``Víctor Lojero`` sort together under L."""
    words = fold(name).split()
    return " ".join(words[-1:] + words[:-1])


def get_catalogue() -> Catalogue:
    """The current app's catalogue, read on first use and kept for the app's life."""
    return per_app(_EXTENSION, lambda: Catalogue(get_front_names(), get_addresses(), get_release().articles))


def with_people(results: list[dict]) -> list[dict]:
    """Search results with each player's clubs and seasons (``context``) and a label that tells namesakes apart:
    ``J. García (Lobos BUAP, 2011–12)``."""
    people = get_catalogue().people
    for found in results:
        context = people.context(found["iri"]) if people and found["iri"] in people.appearances else None
        found["context"] = context
        if context:
            found["label"] = f'{found["label"]} ({context})'
    return results
