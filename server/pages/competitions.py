"""Season, tournament and stage (Liguilla, promotion final, regular phase) pages.

A season shows its tournaments and champions, who was promoted and relegated, its clubs with their stadiums, the
changes between seasons, and the tables (relegation table, each tournament's standings and top scorers). A stage
shows its rounds; when they are played in ties (a Liguilla, the promotion final) they are drawn as a bracket.
"""

from __future__ import annotations

import pyoxigraph

from ascenso_kg import iris

from .. import bracket
from .context import PageContext
from .graph import akg, node
from .league_tables import tables_of
from .matches import tie_summary

CLUB_CHANGE_KINDS = tuple(iris.AKG + name for name in (
    "Promotion", "Relegation", "Rebranding", "Relocation", "Dissolution", "Suspension", "FranchisePurchase",
    "ImageChange",
))


def club_seasons(page: PageContext, season_filter=None) -> list[dict]:
    """The clubs of a season as the stadia table lists them: club, name as written, city, stadium."""
    graph, show = page.graph, page.show
    rows = []
    for club_season in graph.instances("ClubSeason"):
        season = graph.value(club_season, akg("season"))
        if season_filter is not None and season != season_filter:
            continue
        club, stadium, city = (graph.value(club_season, akg(p)) for p in ("club", "stadium", "city"))
        rows.append({
            "href": page.addresses.href(club_season.value),
            "season": show.term(season) if season is not None else None,
            "season_iri": season.value if season is not None else "",
            "club": show.term(club) if club is not None else None,
            "written": graph.literal(club_season, akg("nameAsWritten")),
            "stadium": show.term(stadium) if stadium is not None else None,
            "capacity": show.text(graph.value(stadium, akg("capacity"))) if stadium is not None else None,
            "city": show.term(city) if city is not None else None,
        })
    rows.sort(key=lambda r: (r["season_iri"], (r["club"] or {}).get("text", "").lower()))
    return rows


def club_changes(page: PageContext, changes) -> list[dict]:
    """Club changes (promotion, relegation, rebranding…) with their kinds, clubs and the article's sentence."""
    graph, show = page.graph, page.show
    rows = []
    for change in changes:
        kinds = [show.property(k)["text"] for k in CLUB_CHANGE_KINDS if k in graph.types(change)]
        comment = [c for c in graph.objects(change, node(iris.RDFS + "comment")) if isinstance(c, pyoxigraph.Literal)]
        season = graph.value(change, akg("season"))
        rows.append({
            "href": page.addresses.href(change.value),
            "kinds": kinds or [show.property(iris.AKG + "ClubChange")["text"]],
            "season": show.term(season) if season is not None else None,
            "season_iri": season.value if season is not None else "",
            "club": show.term(graph.value(change, akg("club"))) if graph.value(change, akg("club")) else None,
            "new_club": show.term(graph.value(change, akg("newClub"))) if graph.value(change, akg("newClub")) else None,
            "new_name": graph.literal(change, akg("newName")),
            "new_city": show.term(graph.value(change, akg("newCity"))) if graph.value(change, akg("newCity")) else None,
            "league": show.term(graph.value(change, akg("league"))) if graph.value(change, akg("league")) else None,
            "comment": comment[0].value if comment else None,
        })
    rows.sort(key=lambda r: (r["season_iri"], r["href"]))
    return rows


def _links(page: PageContext, subject, predicate: str) -> list[dict]:
    return sorted((page.show.term(o) for o in page.graph.objects(subject, akg(predicate))),
                  key=lambda link: link["text"])


def gather_season(page: PageContext) -> None:
    page.gather("page-season")


def season_view(page: PageContext) -> dict:
    graph, show, this = page.graph, page.show, page.this
    tournaments = []
    for tournament in graph.subjects(akg("season"), this):
        if not graph.has_type(tournament, "Tournament"):
            continue
        stages = [show.term(s) for s in graph.subjects(akg("tournament"), tournament) if graph.has_type(s, "Stage")]
        champion = graph.value(tournament, akg("champion"))
        tournaments.append({
            "link": show.term(tournament),
            "start": graph.literal(tournament, node(iris.SCHEMA + "startDate")) or "",
            "champion": show.term(champion) if champion is not None else None,
            "stages": sorted(stages, key=lambda s: s["text"]),
            "tables": tables_of(page, tournament),
        })
    tournaments.sort(key=lambda t: (t["start"], t["link"]["text"]))
    finals = [show.term(f) for f in graph.subjects(akg("season"), this) if graph.has_type(f, "PromotionFinal")]
    changes = [c for c in graph.subjects(akg("season"), this) if graph.has_type(c, "ClubChange")]
    return {
        "tournaments": tournaments,
        "promotion_finals": finals,
        "promoted": _links(page, this, "promoted"),
        "relegated": _links(page, this, "relegated"),
        "clubs": club_seasons(page, this),
        "changes": club_changes(page, changes),
        "tables": tables_of(page, this),
    }


def gather_tournament(page: PageContext) -> None:
    page.gather("page-tournament")


def tournament_view(page: PageContext) -> dict:
    graph, show, this = page.graph, page.show, page.this
    stages = [s for s in graph.subjects(akg("tournament"), this) if graph.has_type(s, "Stage")]
    season = graph.value(this, akg("season"))
    champion = graph.value(this, akg("champion"))
    return {
        "season": show.term(season) if season is not None else None,
        "champion": show.term(champion) if champion is not None else None,
        "stages": [{"link": show.term(stage), "tables": tables_of(page, stage)}
                   for stage in sorted(stages, key=lambda s: s.value)],
        "tables": tables_of(page, this),
        "clubs": club_seasons(page, season),
    }


def gather_stage(page: PageContext) -> None:
    page.gather("page-stage")


def stage_view(page: PageContext) -> dict:
    """A stage's rounds in order; ties drawn as a bracket, entries (seeds, managers, captains), tables."""
    graph, show, this = page.graph, page.show, page.this
    rounds = sorted((r for r in graph.subjects(akg("stage"), this) if graph.has_type(r, "Round")),
                    key=lambda r: (graph.number(r, akg("roundOrder")) or 0, r.value))
    round_data = []
    for round_ in rounds:
        ties = [tie_summary(page, tie) for tie in graph.subjects(akg("round"), round_) if graph.has_type(tie, "Tie")]
        ties.sort(key=lambda t: min((s["seed"] or 99 for s in t["sides"]), default=99))
        round_data.append({"link": show.term(round_), "ties": ties})
    drawn = [r for r in round_data if r["ties"]]
    return {
        "rounds": round_data,
        "bracket": bracket.layout([_bracket_round(r) for r in drawn]) if drawn else None,
        "entries": _entries(page),
        "tables": tables_of(page, this),
        "tournament": show.term(graph.value(this, akg("tournament"))) if graph.value(this, akg("tournament")) else None,
        "season": show.term(graph.value(this, akg("season"))) if graph.value(this, akg("season")) else None,
    }


def _bracket_round(round_data: dict) -> bracket.Round:
    ties = []
    for tie in round_data["ties"]:
        sides = [bracket.Side(club=s["club"]["iri"] if s["club"] else None,
                              name=s["club"]["text"] if s["club"] else "?",
                              score="" if s["aggregate"] is None else str(s["aggregate"]),
                              winner=s["winner"], seed=s["seed"]) for s in tie["sides"]]
        ties.append(bracket.Tie(href=tie["href"], title=f'{tie["label"]}. {tie["explanation"]}', sides=sides,
                                winner=tie["winner"]["iri"] if tie["winner"] else None))
    link = round_data["link"]
    return bracket.Round(title=_round_title(link["text"]), href=link["href"], ties=ties)


def _round_title(label: str) -> str:
    """``Clausura 2013 Liguilla semifinals`` -> ``Semifinals``: the column header needs only the round's own name."""
    words = label.split()
    return words[-1].capitalize() if words else label


def _entries(page: PageContext) -> list[dict]:
    graph, show = page.graph, page.show
    entries = []
    for entry in graph.subjects(akg("stage"), page.this):
        if not graph.has_type(entry, "LiguillaEntry"):
            continue
        club, manager, captain = (graph.value(entry, akg(p)) for p in ("club", "manager", "captain"))
        entries.append({
            "seed": graph.number(entry, akg("seed")),
            "club": show.term(club) if club is not None else None,
            "manager": show.term(manager) if manager is not None else None,
            "captain": show.term(captain) if captain is not None else None,
        })
    entries.sort(key=lambda e: (e["seed"] is None, e["seed"] or 0))
    return entries
