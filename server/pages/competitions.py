"""Season, tournament and stage (Liguilla, promotion final, regular phase) pages.

A season shows its tournaments and champions, who was promoted and relegated, its clubs with their stadiums, the
changes between seasons, and the tables (relegation table, each tournament's standings and top scorers). A stage
shows its rounds; when they are played in ties (a Liguilla, the promotion final) they are drawn as a bracket.
"""

from __future__ import annotations

import pyoxigraph

from ascenso_kg import iris

from .. import bracket
from .page_context import PageContext
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
    changes = [c for c in graph.subjects(akg("season"), this) if graph.has_type(c, "ClubChange")
               and not _restates_season_fact(page, c)]
    clubs = club_seasons(page, this)
    for tournament in tournaments:
        mark_partial_standings(tournament["tables"], len(clubs))
    return {
        "tournaments": tournaments,
        "promotion_finals": finals,
        "promoted": _links(page, this, "promoted"),
        "relegated": _links(page, this, "relegated"),
        "clubs": clubs,
        "changes": club_changes(page, changes),
        "tables": tables_of(page, this),
    }


def _restates_season_fact(page: PageContext, change) -> bool:
    """A bare promotion or relegation of a club the season already lists as promoted or relegated is one event
    read twice (the infobox and a bullet without more to say): it is shown once, among the season's facts."""
    graph = page.graph
    kinds = {k for k in CLUB_CHANGE_KINDS if k in graph.types(change)}
    club = graph.value(change, akg("club"))
    if club is None or graph.value(change, akg("newClub")) is not None or graph.value(change, node(iris.RDFS + "comment")):
        return False
    if kinds == {iris.AKG + "Promotion"}:
        return club in set(graph.objects(page.this, akg("promoted")))
    if kinds == {iris.AKG + "Relegation"}:
        return club in set(graph.objects(page.this, akg("relegated")))
    return False


def mark_partial_standings(tables: list[dict], clubs: int) -> None:
    """A standings table with fewer rows than the season has clubs says so (the article printed only the top)."""
    for table in tables:
        if table["kind"] == "standings" and clubs and len(table["rows"]) < clubs and not table.get("partial"):
            table["partial"] = (f"The article lists only {len(table['rows'])} of the season's {clubs} clubs "
                                "in this table.")


def gather_tournament(page: PageContext) -> None:
    page.gather("page-tournament")
    for stage in [s for s in page.graph.subjects(akg("tournament"), page.this) if page.graph.has_type(s, "Stage")]:
        page.graph.add_all(page.queries.graph("page-stage", this=stage).triples)  # its rounds and ties: the final


def tournament_view(page: PageContext) -> dict:
    graph, show, this = page.graph, page.show, page.this
    stages = [s for s in graph.subjects(akg("tournament"), this) if graph.has_type(s, "Stage")]
    season = graph.value(this, akg("season"))
    champion = graph.value(this, akg("champion"))
    clubs = club_seasons(page, season)
    tables = tables_of(page, this)
    mark_partial_standings(tables, len(clubs))
    return {
        "season": show.term(season) if season is not None else None,
        "champion": show.term(champion) if champion is not None else None,
        "finals": [final for stage in stages if (final := _final(page, stage))],
        "stages": [{"link": show.term(stage), "tables": tables_of(page, stage)}
                   for stage in sorted(stages, key=lambda s: s.value)],
        "tables": tables,
        "clubs": clubs,
    }


def _final(page: PageContext, stage) -> dict | None:
    """The ties of a stage's final round (minted as ``…/final``), or None when the graph has none."""
    graph = page.graph
    for round_ in graph.subjects(akg("stage"), stage):
        if graph.has_type(round_, "Round") and round_.value.endswith("/final"):
            ties = [t for t in graph.subjects(akg("round"), round_) if graph.has_type(t, "Tie")]
            if ties:
                return {"stage": page.show.term(stage), "ties": [tie_summary(page, tie) for tie in ties]}
    return None


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
        # best seed first; ties the seeds do not order (no seeds given) by their IRIs, the same on every store
        ties.sort(key=lambda t: (min((s["seed"] or 99 for s in t["sides"]), default=99), t["href"]))
        round_data.append({"link": show.term(round_), "ties": ties})
    entries = _entries(page)
    seeds = {e["club"]["iri"]: e["seed"] for e in entries if e["club"] and e["seed"] is not None}
    for round_ in round_data:
        for tie in round_["ties"]:
            for side in tie["sides"]:
                if side["seed"] is None and side["club"]:
                    side["seed"] = seeds.get(side["club"]["iri"])  # the seed the Liguilla's entries give
    drawn = [r for r in round_data if r["ties"]]
    given = sum(len(r["ties"]) for r in round_data)
    return {
        "rounds": round_data,
        "bracket": bracket.layout([_bracket_round(r) for r in drawn]) if drawn else None,
        "seeded": any(side["seed"] is not None for r in drawn for tie in r["ties"] for side in tie["sides"]),
        "missing_ties": _missing_ties(page, given),
        "entries": entries,
        "tables": tables_of(page, this),
        "tournament": show.term(graph.value(this, akg("tournament"))) if graph.value(this, akg("tournament")) else None,
        "season": show.term(graph.value(this, akg("season"))) if graph.value(this, akg("season")) else None,
    }


def _missing_ties(page: PageContext, given: int) -> str | None:
    """A sentence when the article gives fewer ties than the stage's rules imply (a knockout of n clubs is n − 1
    ties), or none at all; None when nothing is missing or the rules do not say how many clubs qualified."""
    if not (page.graph.has_type(page.this, "Liguilla") or page.graph.has_type(page.this, "PromotionFinal")):
        return None  # a regular season is not played in ties
    rules = page.graph.value(page.this, akg("rules"))
    qualifiers = page.graph.number(rules, akg("qualifiers")) if rules is not None else None
    if qualifiers is None or qualifiers < 2:
        return "The article gives no ties for this stage." if given == 0 else None
    expected = qualifiers - 1
    if given >= expected:
        return None
    shown = "no tie" if given == 0 else f"only {given} of the {expected} ties"
    return (f"The article gives {shown} of this stage ({qualifiers} clubs qualified); "
            f"{'the bracket shows only those' if given else 'there is no bracket to draw'}.")


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
