"""Clubs, club seasons, stadiums, cities, players and managers."""

from __future__ import annotations

from ascenso_kg.iris import AKG, RDF, SCHEMA, SKOS, slugify

from .ntriples import text


class ClubMapping:
    """Part of :class:`ArticleMapper` (``rdf.py``), which holds the graph being written and the resolvers."""

    def map_club(self, club: str, names: set[str]) -> None:
        iri = self.iris.club(club)
        self.out.typed(iri, "Club")
        self.out.link(iri, RDF + "type", SCHEMA + "SportsTeam")
        if club not in self.tables.clubs:
            self.out.name(iri, sorted(names)[0])
        canonical = self.tables.clubs.get(club)
        for name in sorted(names):
            if name != canonical:
                self.out.add(iri, SKOS + "altLabel", text(name))

    def map_club_season(self, record) -> None:
        iri = self.iris.club_season(record.season, record.club)
        out = self.out
        out.typed(iri, "ClubSeason")
        out.label(iri, f"{self.club_name(record.club)} in {record.season.replace('-', '–')}")
        out.link(iri, AKG + "club", self.iris.club(record.club))
        out.link(iri, AKG + "season", self.iris.season(record.season))
        out.add(iri, AKG + "nameAsWritten", record.name_as_written)
        if record.city:
            self.map_city(record.city, record.city_name)
            out.link(iri, AKG + "city", self.iris.city(record.city))
        if record.stadium:
            stadium = self.iris.stadium(record.stadium)
            out.link(iri, AKG + "stadium", stadium)
            out.typed(stadium, "Stadium")
            out.link(stadium, RDF + "type", SCHEMA + "StadiumOrArena")
            if record.stadium not in self.tables.stadiums:
                out.name(stadium, record.stadium_name)
            out.add(stadium, AKG + "capacity", record.capacity)
            if record.city:
                out.link(stadium, AKG + "city", self.iris.city(record.city))
            self.derived(stadium, record.span)
            if record.capacity is not None:
                self.map_capacity_statement(iri, record)
        self.derived(iri, record.span)

    def map_capacity_statement(self, club_season: str, record) -> None:
        """Capacities change and each article states the one of its season: the statement keeps the season, the
        stadium and the lines, so two articles' different capacities of one stadium stand side by side."""
        iri = f"{club_season}/capacity/{record.stadium}"
        season = record.season.replace("-", "\u2013")
        out = self.out
        out.typed(iri, "CapacityStatement")
        out.label(iri, f"{record.stadium_name}: {record.capacity:,} seats in {season}",
                  f"{record.stadium_name}: aforo de {record.capacity:,} en {season}")
        out.link(iri, AKG + "capacityOf", self.iris.stadium(record.stadium))
        out.link(iri, AKG + "season", self.iris.season(record.season))
        out.add(iri, AKG + "statedCapacity", record.capacity)
        out.link(club_season, AKG + "capacityStatement", iri)
        self.derived(iri, record.span)

    def map_city(self, city: str, name: str) -> None:
        iri = self.iris.city(city)
        self.out.typed(iri, "City")
        self.out.link(iri, RDF + "type", SCHEMA + "City")
        self.out.name(iri, name)

    def map_player(self, mention):
        player = self.players.player_of(mention)
        iri = self.iris.player(player.id)
        self.out.typed(iri, "Player")
        self.out.link(iri, RDF + "type", SCHEMA + "Person")
        self.out.name(iri, player.label)
        if player.full_name:
            self.out.add(iri, SCHEMA + "name", text(player.label))
        if mention.name != player.label:
            self.out.add(iri, SKOS + "altLabel", text(mention.name))
        self.out.add(iri, AKG + "nationality", mention.nationality)
        return player

    def map_person_manager(self, mention) -> str:
        iri = self.iris.manager(slugify(mention.name))
        self.out.typed(iri, "Manager")
        self.out.link(iri, RDF + "type", SCHEMA + "Person")
        self.out.name(iri, mention.name)
        self.out.add(iri, SCHEMA + "name", text(mention.name))
        self.out.add(iri, AKG + "nationality", mention.nationality)
        return iri
