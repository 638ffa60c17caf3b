"""The league through the seasons: which clubs play in it, how strong they are, the promotion final between the
two tournament winners, the relegation table over the last six tournaments, and the moves between the Ascenso,
Liga MX above and the Segunda División below that the next season's "Changes" bullets tell.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .club_pool import CLUBS, ClubEntry
from .match_play import MatchEngine
from .model import Change, LiguillaFormat, Match, RelegationRow, Season, Tie, Tournament
from .squads import PlayerFactory, Squad
from .schedule import leg_dates, round_robin
from .tournament import TournamentPlayer

WARM_UP_SEASONS = 2  # played but not written, so the first article's relegation table has six tournaments
RELEGATION_TOURNAMENTS = 6
FORMATS = (LiguillaFormat(7, away_goals=True), LiguillaFormat(8, away_goals=False))
FORMAT_WEIGHTS = (7, 3)


@dataclass(eq=False)
class ClubState:
    entry: ClubEntry
    squad: Squad
    strength: float
    name: str
    level: str  # "ascenso", "liga-mx", "segunda"
    arrived: bool = False  # new in the Ascenso this season (bigger squad turnover)


class League:
    def __init__(self, rng: random.Random, first_season: int) -> None:
        self.rng = rng
        self.factory = PlayerFactory(rng)
        self.engine = MatchEngine(rng)
        self.tournaments = TournamentPlayer(rng, self.engine, self.side)
        self.year = first_season - WARM_UP_SEASONS
        order = list(CLUBS)
        rng.shuffle(order)
        size = rng.choice((15, 16))
        self.clubs: dict[str, ClubState] = {}
        for index, entry in enumerate(order):
            level = "ascenso" if index < size else "liga-mx" if index < size + 3 else "segunda"
            self.clubs[entry.id] = ClubState(entry, self.factory.new_squad(entry.id), rng.gauss(0.0, 0.3),
                                             entry.name, level)
        self.history: list[tuple[str, dict[str, int], dict[str, int]]] = []  # tournament, points, games
        self.changes: list[Change] = []  # bullets for the coming season
        for _ in range(WARM_UP_SEASONS):
            self.play_season()

    def side(self, club: str) -> tuple[Squad, float]:
        state = self.clubs[club]
        return state.squad, state.strength

    def members(self) -> list[str]:
        return sorted((club for club, state in self.clubs.items() if state.level == "ascenso"),
                      key=lambda club: self.clubs[club].name)

    def play_season(self) -> Season:
        rng = self.rng
        clubs = self.members()
        for club in clubs:
            state = self.clubs[club]
            self.factory.turnover(state.squad, 0.5 if state.arrived else 0.25)
            state.strength = 0.7 * state.strength + rng.gauss(0.0, 0.15)
            state.arrived = False
        season_format = rng.choices(FORMATS, weights=FORMAT_WEIGHTS)[0]
        clausura_format = season_format if rng.random() < 0.85 else rng.choices(FORMATS, weights=FORMAT_WEIGHTS)[0]
        fixtures = round_robin(rng, clubs)
        apertura = self.tournament("Apertura", self.year, clubs, season_format, fixtures)
        reversed_fixtures = [[(away, home) for home, away in pairs] for pairs in fixtures]
        clausura = self.tournament("Clausura", self.year + 1, clubs, clausura_format, reversed_fixtures)
        season = Season(self.year, clubs, {club: self.clubs[club].name for club in clubs}, apertura, clausura,
                        changes=self.changes)
        self.promotion(season)
        self.relegation(season)
        self.changes = self.move_clubs(season)
        self.year += 1
        return season

    def tournament(self, kind: str, year: int, clubs: list[str], fmt: LiguillaFormat,
                   fixtures: list[list[tuple[str, str]]]) -> Tournament:
        rng = self.rng
        names = {}
        for club in clubs:
            choices = self.clubs[club].entry.match_names
            names[club] = choices[0] if len(choices) == 1 or rng.random() < 0.6 else rng.choice(choices[1:])
        tournament = Tournament(kind, year, clubs, names, fmt)
        self.tournaments.play(tournament, fixtures)
        points = {row.club: row.points for row in tournament.standings}
        games = {row.club: row.played for row in tournament.standings}
        self.history.append((tournament.name, points, games))
        return tournament

    def promotion(self, season: Season) -> None:
        """The two winners meet in the promotion final; the one with more points over the season hosts the second
        leg. A tie on aggregate goes to penalties after the second leg. A club winning both is promoted outright."""
        apertura, clausura = season.apertura.champion, season.clausura.champion
        if apertura == clausura:
            season.promoted = apertura
            return
        points = {club: 0 for club in (apertura, clausura)}
        for tournament in (season.apertura, season.clausura):
            for row in tournament.standings:
                if row.club in points:
                    points[row.club] += row.points
        higher, lower = sorted((apertura, clausura), key=lambda club: (-points[club], club))
        first_date, second_date = leg_dates(self.rng, season.clausura.end)
        first, second = Match(first_date, lower, higher), Match(second_date, higher, lower)
        self.engine.play(first, self.side(lower), self.side(higher))
        self.engine.play(second, self.side(higher), self.side(lower))
        tie = Tie(higher, lower, 1, 2, first, second)
        aggregate = tie.aggregate()
        if aggregate[0] != aggregate[1]:
            tie.winner, tie.decided_by = (higher if aggregate[0] > aggregate[1] else lower), "aggregate"
        else:
            second.shootout = self.shootout()
            tie.winner = higher if second.shootout[0] > second.shootout[1] else lower
            tie.decided_by = "penalties"
        season.promotion_final = tie
        season.promoted = tie.winner

    def shootout(self) -> tuple[int, int]:
        rng = self.rng
        home = away = 0
        for kick in range(5):
            home += rng.random() < 0.75
            if home > away + 5 - kick or away > home + 4 - kick:
                return home, away
            away += rng.random() < 0.75
            if home > away + 4 - kick or away > home + 4 - kick:
                return home, away
        while True:  # sudden death
            home_scores, away_scores = rng.random() < 0.75, rng.random() < 0.75
            home, away = home + home_scores, away + away_scores
            if home_scores != away_scores:
                return home, away

    def relegation(self, season: Season) -> None:
        """The relegation table over the last six tournaments and the club it sends down: its last row, the fewest
        points per game (exactly, not by the rounded ratio), as the shape ``RelegatedClubLastInTable`` checks.

        The promoted club, bound for Liga MX, cannot go down and is left out of the table. Listed but skipped, it
        could be the last row while another club is relegated, and the article would contradict its own table."""
        window = self.history[-RELEGATION_TOURNAMENTS:]
        season.relegation_tournaments = [name for name, _, _ in window]
        rows = []
        for club in season.clubs:
            if club == season.promoted:
                continue
            points = sum(tournament_points.get(club, 0) for _, tournament_points, _ in window)
            games = sum(tournament_games.get(club, 0) for _, _, tournament_games in window)
            rows.append(RelegationRow(club, points, games))
        rows.sort(key=lambda row: (-row.points_per_game, -row.points, row.club))
        season.relegation = rows
        season.relegated = rows[-1].club

    def move_clubs(self, season: Season) -> list[Change]:
        """Promoted up, relegated down, one club down from Liga MX and one up from the Segunda; told as bullets."""
        rng = self.rng
        clubs = self.clubs
        promoted, relegated = clubs[season.promoted], clubs[season.relegated]
        from_liga_mx = rng.choice([state for state in clubs.values() if state.level == "liga-mx"])
        from_segunda = rng.choice([state for state in clubs.values() if state.level == "segunda"])
        promoted.level, relegated.level = "liga-mx", "segunda"
        from_liga_mx.level = from_segunda.level = "ascenso"
        from_liga_mx.arrived = from_segunda.arrived = True
        from_liga_mx.strength = self.rng.gauss(0.2, 0.15)  # a Liga MX squad, stronger than most
        from_segunda.strength = self.rng.gauss(-0.1, 0.15)
        said = self.said
        changes = [
            Change(rng.choice((
                f"{said(promoted)} were promoted to Liga MX.",
                f"{said(promoted)} won promotion to Liga MX.",
                f"{said(promoted)} won the promotional final and were promoted to Liga MX.",
            ) if season.promotion_final else (
                f"{said(promoted)} were promoted to Liga MX.",
                f"{said(promoted)} won both tournaments and were promoted to Liga MX.",
            ))),
            Change(rng.choice((
                f"{said(from_liga_mx)} were relegated from Liga MX.",
                f"{said(from_liga_mx)} finished last place in the relegation table in Mexican Primera División "
                "and the team was relegated to Ascenso MX.",
            ))),
            Change(rng.choice((
                f"{said(from_segunda)} were promoted from Segunda División de México.",
                f"{said(from_segunda)} won promotion to Ascenso MX from Segunda División de México.",
            ))),
            Change(rng.choice((
                f"{said(relegated)} were relegated to Segunda División de México.",
                f"{said(relegated)} finished last in the relegation table and were relegated to Segunda División "
                "de México.",
            ))),
        ]
        staying = [state for state in clubs.values() if state.level == "ascenso"]
        for state in staying:
            renamings = [name for name in state.entry.renamings if name != state.name]
            draw = rng.random()
            if renamings and draw < 0.04:
                new_name = rng.choice(renamings)
                logo = " and updated logo" if rng.random() < 0.5 else ""
                changes.append(Change(f"{state.name} changed name to {new_name}{logo}."))
                state.name = new_name
            elif draw > 0.97:
                changes.append(Change(f"{state.name} changed logo."))
        return changes

    def said(self, state: ClubState) -> str:
        """The name a bullet uses: usually the current one, sometimes a longer form of it."""
        names = [state.name, *state.entry.match_names, *state.entry.table_names]
        return state.name if self.rng.random() < 0.6 else self.rng.choice(names)
