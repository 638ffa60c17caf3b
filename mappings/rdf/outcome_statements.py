"""Titles, promotions and relegations from the infobox, and club changes between seasons."""

from __future__ import annotations

from ascenso_kg.iris import AKG, RDFS

from .ntriples import text
from .terms import tournament_label


class OutcomeMapping:
    """Part of :class:`ArticleMapper` (``rdf.py``), which holds the graph being written and the resolvers."""

    def map_title(self, title) -> None:
        iri = self.iris.title(title.tournament)
        tournament = self.iris.tournament(title.tournament)
        out = self.out
        out.typed(iri, "Title")
        out.label(iri, f"{self.club_name(title.club)}, champion of {tournament_label(title.tournament)}")
        out.link(iri, AKG + "tournament", tournament)
        out.link(iri, AKG + "club", self.iris.club(title.club))
        out.add(iri, AKG + "titleNumber", title.number)
        out.link(tournament, AKG + "champion", self.iris.club(title.club))
        self.derived(iri, title.span)

    def map_outcome(self, outcome) -> None:
        iri = self.iris.season_outcome(outcome.season, outcome.kind, outcome.club)
        season = self.iris.season(outcome.season)
        out = self.out
        kind = self.tables.outcome_kinds[outcome.kind]  # outcome_kinds.csv
        out.typed(iri, "ClubChange", kind.change_class)
        out.label(iri, f"{self.club_name(outcome.club)} {outcome.kind} at the end of {outcome.season.replace('-', '–')}")
        out.link(iri, AKG + "season", season)
        out.link(iri, AKG + "club", self.iris.club(outcome.club))
        if outcome.note:
            out.add(iri, RDFS + "comment", text(outcome.note, "en"))
        out.link(season, AKG + kind.season_property, self.iris.club(outcome.club))
        self.derived(iri, outcome.span)

    def map_change(self, change) -> None:
        iri = self.iris.club_change(change.season, change.number)
        out = self.out
        out.typed(iri, "ClubChange", *change.kinds)
        kinds = ", ".join(kind.lower() for kind in change.kinds) or "change"
        out.label(iri, f"{self.club_name(change.club)}: {kinds} ({change.season.replace('-', '–')})")
        out.add(iri, RDFS + "comment", text(change.text, "en"))
        out.link(iri, AKG + "season", self.iris.season(change.season))
        out.link(iri, AKG + "club", self.iris.club(change.club))
        if change.new_club:
            out.link(iri, AKG + "newClub", self.iris.club(change.new_club))
        out.add(iri, AKG + "newName", change.new_name)
        if change.new_city:
            self.map_city(change.new_city, change.new_city_name)
            out.link(iri, AKG + "newCity", self.iris.city(change.new_city))
        if change.league:
            out.link(iri, AKG + "league", self.iris.competition(change.league))
        self.derived(iri, change.span)
