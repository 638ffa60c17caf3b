"""Clubs, club seasons, stadiums, cities, players and managers."""

from __future__ import annotations

from ascenso_kg.iris import AKG, RDF, SCHEMA, SKOS, slugify
from ascenso_kg.notation import season_name

from ..interpret.players import Player
from ..interpret.records import ClubSeasonRecord, PlayerMention
from .graph_context import GraphContext, club_name, derived
from .ntriples import text


def map_club(graph: GraphContext, named: tuple[str, set[str]]) -> None:
    """A club the article names, with every way it writes the name."""
    club, names = named
    iri = graph.iris.club(club)
    graph.out.typed(iri, "Club")
    graph.out.link(iri, RDF + "type", SCHEMA + "SportsTeam")
    if club not in graph.tables.clubs:
        graph.out.name(iri, sorted(names)[0])
    canonical = graph.tables.clubs.get(club)
    for name in sorted(names):
        if name != canonical:
            graph.out.add(iri, SKOS + "altLabel", text(name))


def map_club_season(graph: GraphContext, record: ClubSeasonRecord) -> None:
    iri = graph.iris.club_season(record.season, record.club)
    out = graph.out
    out.typed(iri, "ClubSeason")
    out.label(iri, f"{club_name(graph, record.club)} in {season_name(record.season)}")
    out.link(iri, AKG + "club", graph.iris.club(record.club))
    out.link(iri, AKG + "season", graph.iris.season(record.season))
    out.add(iri, AKG + "nameAsWritten", record.name_as_written)
    if record.city:
        map_city(graph, record.city, record.city_name)
        out.link(iri, AKG + "city", graph.iris.city(record.city))
    if record.stadium:
        stadium = graph.iris.stadium(record.stadium)
        out.link(iri, AKG + "stadium", stadium)
        out.typed(stadium, "Stadium")
        out.link(stadium, RDF + "type", SCHEMA + "StadiumOrArena")
        if record.stadium not in graph.tables.stadiums:
            out.name(stadium, record.stadium_name)
        out.add(stadium, AKG + "capacity", record.capacity)
        if record.city:
            out.link(stadium, AKG + "city", graph.iris.city(record.city))
        derived(graph, stadium, record.span)
        if record.capacity is not None:
            map_capacity_statement(graph, iri, record)
    derived(graph, iri, record.span)


def map_capacity_statement(graph: GraphContext, club_season: str, record: ClubSeasonRecord) -> None:
    """Capacities change and each article states the one of its season: the statement keeps the season, the
    stadium and the lines, so two articles' different capacities of one stadium stand side by side."""
    iri = graph.iris.capacity_statement(club_season, record.stadium)
    season = season_name(record.season)
    out = graph.out
    out.typed(iri, "CapacityStatement")
    out.label(iri, f"{record.stadium_name}: {record.capacity:,} seats in {season}",
              f"{record.stadium_name}: aforo de {record.capacity:,} en {season}")
    out.link(iri, AKG + "capacityOf", graph.iris.stadium(record.stadium))
    out.link(iri, AKG + "season", graph.iris.season(record.season))
    out.add(iri, AKG + "statedCapacity", record.capacity)
    out.link(club_season, AKG + "capacityStatement", iri)
    derived(graph, iri, record.span)


def map_city(graph: GraphContext, city: str, name: str) -> None:
    iri = graph.iris.city(city)
    graph.out.typed(iri, "City")
    graph.out.link(iri, RDF + "type", SCHEMA + "City")
    graph.out.name(iri, name)


def map_player(graph: GraphContext, mention: PlayerMention) -> Player:
    """The player a mention names, described once per mention in the graph."""
    player = graph.described.get(mention)
    if player is not None:
        return player
    player = graph.described[mention] = graph.players.player_of(mention)
    iri = graph.iris.player(player.id)
    graph.out.typed(iri, "Player")
    graph.out.link(iri, RDF + "type", SCHEMA + "Person")
    graph.out.name(iri, player.label)
    if player.full_name:
        graph.out.add(iri, SCHEMA + "name", text(player.label))
    if mention.name != player.label:
        graph.out.add(iri, SKOS + "altLabel", text(mention.name))
    graph.out.add(iri, AKG + "nationality", mention.nationality)
    return player


def map_person_manager(graph: GraphContext, mention: PlayerMention) -> str:
    iri = graph.iris.manager(slugify(mention.name))
    graph.out.typed(iri, "Manager")
    graph.out.link(iri, RDF + "type", SCHEMA + "Person")
    graph.out.name(iri, mention.name)
    graph.out.add(iri, SCHEMA + "name", text(mention.name))
    graph.out.add(iri, AKG + "nationality", mention.nationality)
    return iri
