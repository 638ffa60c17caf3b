"""What else an infobox states, as RDF: counts and clubs on the season or tournament, and a node for each
statistic with several parts (a top scorer and his goals, a biggest win and its date, a run and its clubs)."""

from __future__ import annotations

from ascenso_kg.iris import AKG
from ascenso_kg.notation import season_name

from ..interpret.records import StatisticRecord
from .graph_context import GraphContext, derived
from .ntriples import text


def map_statistic(graph: GraphContext, record: StatisticRecord) -> None:
    owner = graph.iris.season(record.owner) if record.scope == "season" else graph.iris.tournament(record.owner)
    shape, prop = graph.tables.infobox_fields.get(record.field, ("outcome", record.field))
    if record.field == "champion" and record.scope == "tournament":
        prop = "champion"
    out = graph.out
    if record.none_stated:  # "Relegated: None": the infobox says there was none
        out.link(owner, AKG + "noneStated", AKG + prop)
        derived(graph, owner, record.span)
        return
    if record.label is None and shape == "count":
        out.add(owner, AKG + prop, record.count)
        derived(graph, owner, record.span)
        return
    if shape == "tournament":  # a neighbouring tournament, named by the article of a tournament
        out.link(owner, AKG + prop, graph.iris.tournament(record.label))
        derived(graph, owner, record.span)
        return
    if record.label is None and shape == "clubs":
        for club in record.clubs:
            out.link(owner, AKG + prop, graph.iris.club(club))
        derived(graph, owner, record.span)
        return
    node = graph.iris.statistic(owner, record.field, record.slot)
    out.typed(node, "InfoboxStatistic")
    out.link(owner, AKG + prop, node)
    out.link(node, AKG + "statisticOf", owner)
    out.label(node, statistic_label(record, prop))
    if shape.startswith("continental"):
        out.add(node, AKG + "continentalCompetition", text(record.label, "en") if record.label else None)
    elif record.label:
        out.add(node, AKG + "division", text(record.label, "es"))
    out.add(node, AKG + "count", record.count)
    for club in record.clubs:
        out.link(node, AKG + "club", graph.iris.club(club))
    for name, goals in record.people:
        out.add(node, AKG + "playerName", text(name))
        if goals is not None:
            out.add(node, AKG + "scorerGoals", goals)
    for match, date in record.matches:
        out.add(node, AKG + "matchDescription", text(f"{match} ({date})" if date else match))
    derived(graph, node, record.span)


def statistic_label(record: StatisticRecord, prop: str) -> str:
    words = "".join(f" {c.lower()}" if c.isupper() else c for c in prop)
    if record.scope == "tournament":
        where = record.owner.replace("-", " ").title()
    else:
        where = season_name(record.owner)
    return f"{words[0].upper()}{words[1:]}, {where}" + (f" ({record.label})" if record.label else "")
