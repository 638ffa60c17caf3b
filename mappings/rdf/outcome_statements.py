"""Titles, promotions and relegations from the infobox, and club changes between seasons."""

from __future__ import annotations

from ascenso_kg.iris import AKG, RDFS
from ascenso_kg.notation import season_name

from ..interpret.records import ChangeRecord, OutcomeRecord, TitleRecord
from .club_statements import map_city
from .graph_context import GraphContext, club_name, derived
from .ntriples import text
from .terms import tournament_label


def map_title(graph: GraphContext, title: TitleRecord) -> None:
    iri = graph.iris.title(title.tournament)
    tournament = graph.iris.tournament(title.tournament)
    out = graph.out
    out.typed(iri, "Title")
    out.label(iri, f"{club_name(graph, title.club)}, champion of {tournament_label(title.tournament)}")
    out.link(iri, AKG + "tournament", tournament)
    out.link(iri, AKG + "club", graph.iris.club(title.club))
    out.add(iri, AKG + "titleNumber", title.number)
    out.link(tournament, AKG + "champion", graph.iris.club(title.club))
    derived(graph, iri, title.span)


def map_outcome(graph: GraphContext, outcome: OutcomeRecord) -> None:
    iri = graph.iris.season_outcome(outcome.season, outcome.kind, outcome.club)
    season = graph.iris.season(outcome.season)
    out = graph.out
    kind = graph.tables.outcome_kinds[outcome.kind]  # outcome_kinds.csv
    out.typed(iri, "ClubChange", kind.change_class)
    out.label(iri, f"{club_name(graph, outcome.club)} {outcome.kind} at the end of {season_name(outcome.season)}")
    out.link(iri, AKG + "season", season)
    out.link(iri, AKG + "club", graph.iris.club(outcome.club))
    if outcome.note:
        out.add(iri, RDFS + "comment", text(outcome.note, "en"))
    out.link(season, AKG + kind.season_property, graph.iris.club(outcome.club))
    derived(graph, iri, outcome.span)


def map_change(graph: GraphContext, change: ChangeRecord) -> None:
    iri = graph.iris.club_change(change.season, change.number)
    out = graph.out
    out.typed(iri, "ClubChange", *change.kinds)
    kinds = ", ".join(kind.lower() for kind in change.kinds) or "change"
    out.label(iri, f"{club_name(graph, change.club)}: {kinds} ({season_name(change.season)})")
    out.add(iri, RDFS + "comment", text(change.text, "en"))
    out.link(iri, AKG + "season", graph.iris.season(change.season))
    out.link(iri, AKG + "club", graph.iris.club(change.club))
    if change.new_club:
        out.link(iri, AKG + "newClub", graph.iris.club(change.new_club))
    out.add(iri, AKG + "newName", change.new_name)
    if change.new_city:
        map_city(graph, change.new_city, change.new_city_name)
        out.link(iri, AKG + "newCity", graph.iris.city(change.new_city))
    if change.league:
        out.link(iri, AKG + "league", graph.iris.competition(change.league))
    derived(graph, iri, change.span)
