"""Club, player and stadium pages.

A club shows the seasons it played (under which name, at which stadium), its names, the changes it went through
(promotions, relegations, rebrandings, relocations) and its titles, one page of its matches with results (a club of
a hundred seasons has thousands, so they are paged in the store), and its scorers.
"""

from __future__ import annotations

import pyoxigraph

from ascenso_kg import iris
from ascenso_kg.notation import minute_text

from .catalogue import get_catalogue
from .competitions import club_changes, club_seasons
from .page_context import PageContext
from .describe import country_name
from .graph import akg, node
from .league_tables import tournament_order
from .matches import match_summary, result_for

MATCHES_PER_PAGE = 50
TOP_SCORERS = 25
HOME_TEAM = iris.SCHEMA + "homeTeam"
AWAY_TEAM = iris.SCHEMA + "awayTeam"


def gather_club(page: PageContext) -> None:
    """The club's seasons, changes and titles; one page of its matches (the count comes from the incoming links);
    its top scorers."""
    page.gather("page-club")
    counts = page.found.get("incoming", {}).get("counts", {})
    total = counts.get(HOME_TEAM, 0) + counts.get(AWAY_TEAM, 0)
    pages = max(1, -(-total // MATCHES_PER_PAGE))
    current = min(page.page_number("page"), pages)
    found = page.gather("page-club-matches", pageSize=MATCHES_PER_PAGE, skip=(current - 1) * MATCHES_PER_PAGE)
    scorers = page.queries.select("page-club-scorers", this=page.this, limit=TOP_SCORERS)
    page.found["club"] = {"total": total, "pages": pages, "page": current,
                          "matches": list(dict.fromkeys(t.subject for t in found.triples)),
                          "scorers": [(row[0], int(row[1].value)) for row in scorers.rows]}


def club_view(page: PageContext) -> dict:
    graph, show, this = page.graph, page.show, page.this
    found = page.found["club"]
    seasons = club_seasons(page)
    seasons = [s for s in seasons if s["club"] and s["club"]["iri"] == this.value]
    changes = [c for c in graph.instances("ClubChange")
               if this in graph.objects(c, akg("club")) or this in graph.objects(c, akg("newClub"))]
    titles = [{"href": page.addresses.href(t.value), "tournament": show.term(graph.value(t, akg("tournament"))),
               "number": graph.number(t, akg("titleNumber"))}
              for t in graph.instances("Title") if graph.value(t, akg("club")) == this]
    titles.sort(key=lambda t: tournament_order(t["tournament"]["text"]))

    total, pages, current = found["total"], found["pages"], found["page"]
    matches = []
    for match in found["matches"]:
        summary = match_summary(page, match)
        summary["result"] = result_for(summary, this.value)
        summary["venue"] = "home" if summary["home"] and summary["home"]["iri"] == this.value else "away"
        matches.append(summary)
    matches.sort(key=lambda m: (m["iso_date"], m["href"]), reverse=True)

    return {
        "names": _names(page, seasons),
        "seasons": seasons,
        "changes": club_changes(page, changes),
        "titles": titles,
        "matches": {"items": matches, "total": total, "page": current, "pages": pages,
                    "first": (current - 1) * MATCHES_PER_PAGE + 1 if matches else 0},
        "scorers": [_scorer(page, player, goals) for player, goals in found["scorers"]],
        "scorers_cut": len(found["scorers"]) == TOP_SCORERS,
    }


def _scorer(page: PageContext, player, goals: int) -> dict:
    """A row of the club's scorers: the player, the seasons the articles name them in for this club (two players of
    one name are two rows only when their seasons differ), and the players probably the same person."""
    people = get_catalogue().people
    appearances = people.appearances.get(player.value, []) if people else []
    seasons = sorted({a.season_name for a in appearances if a.club == page.iri and a.season_name})
    same = [page.show.term(pyoxigraph.NamedNode(other)) for other in (people.probable(player.value) if people else [])]
    return {"player": page.show.term(player), "goals": goals, "seasons": seasons, "same_as": same}


def _names(page: PageContext, seasons: list[dict]) -> list[dict]:
    """Every name of the club: its labels, its alternative names, and the names articles wrote in each season (a
    name written in many seasons is summed up by its first and last season)."""
    names: dict[str, dict] = {}

    def entry(text: str) -> dict:
        return names.setdefault(text, {"text": text, "how": [], "written": []})

    for label in page.names.labels(page.iri):
        entry(label.text)["how"].append("name")
    for alias in page.graph.objects(page.this, node(iris.SKOS + "altLabel")):
        if isinstance(alias, pyoxigraph.Literal):
            entry(alias.value)["how"].append("also known as")
    for season in seasons:  # already in season order
        if season["written"] and season["season"]:
            entry(season["written"])["written"].append(season["season"]["text"])
    result = []
    for name in names.values():
        how = list(dict.fromkeys(name["how"]))
        written = name["written"]
        if len(written) == 1:
            how.append(f"as written in the {written[0]}")
        elif written:
            how.append(f"as written in {len(written)} seasons, from the {written[0]} to the {written[-1]}")
        result.append({"text": name["text"], "how": how})
    return result


def gather_player(page: PageContext) -> None:
    page.gather("page-player")


def player_view(page: PageContext) -> dict:
    graph, show, this = page.graph, page.show, page.this
    goals = []
    for goal in graph.subjects(akg("scorer"), this):
        match = graph.value(goal, akg("match"))
        club = graph.value(goal, akg("forClub"))
        summary = match_summary(page, match) if match is not None else None
        goals.append({
            "href": page.addresses.href(goal.value),
            "match": summary,
            "club": show.term(club) if club is not None else None,
            "minute": minute_text(graph.number(goal, akg("minute")), graph.number(goal, akg("addedTime"))),
            "penalty": graph.flag(goal, akg("penalty")),
            "own_goal": graph.flag(goal, akg("ownGoal")),
            "written": graph.literal(goal, akg("nameAsWritten")),
            "sort": (summary["iso_date"] if summary else "", graph.number(goal, akg("minute")) or 0),
        })
    goals.sort(key=lambda g: g["sort"])
    rows = []
    for row in graph.subjects(akg("player"), this):
        table = graph.value(row, akg("table"))
        scope = graph.value(table, akg("tableOf")) if table is not None else None
        rows.append({
            "href": page.addresses.href(row.value),
            "table": show.term(table) if table is not None else None,
            "scope": show.term(scope) if scope is not None else None,
            "rank": graph.number(row, akg("rank")),
            "goals": graph.number(row, akg("goals")),
            "club": show.term(graph.value(row, akg("club"))) if graph.value(row, akg("club")) else None,
        })
    rows.sort(key=lambda r: r["href"])
    captaincies = [{"href": page.addresses.href(e.value), "stage": show.term(graph.value(e, akg("stage"))),
                    "club": show.term(graph.value(e, akg("club"))) if graph.value(e, akg("club")) else None}
                   for e in graph.subjects(akg("captain"), this) if graph.value(e, akg("stage")) is not None]
    clubs = {g["club"]["iri"]: g["club"] for g in goals if g["club"]}
    clubs.update({r["club"]["iri"]: r["club"] for r in rows if r["club"]})
    people = get_catalogue().people
    same = [show.term(pyoxigraph.NamedNode(other)) for other in (people.probable(page.iri) if people else [])]
    return {"goals": goals, "scorer_rows": rows, "captaincies": captaincies,
            "clubs": sorted(clubs.values(), key=lambda c: c["text"]),
            "seasons": people.seasons(page.iri) if people else [],
            "title": people.labelled(page.iri) if people and page.iri in people.appearances else None,
            "same_as": [{**link, "context": people.context(link["iri"])} for link in same],
            "nationality": _nationality(page)}


def _nationality(page: PageContext) -> str | None:
    code = page.graph.literal(page.this, akg("nationality"))
    return country_name(code) if code else None


def gather_stadium(page: PageContext) -> None:
    page.gather("page-stadium")


def stadium_view(page: PageContext) -> dict:
    seasons = [s for s in club_seasons(page) if s["stadium"] and s["stadium"]["iri"] == page.iri]
    return {"seasons": seasons}
