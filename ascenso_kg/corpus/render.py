"""Write a season as an article in the plain-text rendering of ``data/articles/``: infobox, intro, changes, stadia,
for each tournament its standings, matchdays, Liguilla and top scorers, the promotion final and the relegation
table. The sentences are those of the real articles, so ``mappings/tables/prose.csv`` and ``rules.csv`` read them.

The writer keeps line numbers, so a planted inconsistency is recorded with the line it is on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .club_pool import BY_ID
from .model import Goal, Match, Season, Tie, Tournament


def date_text(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def signed(number: int) -> str:
    return f"+{number}" if number > 0 else f"\u2212{-number}" if number < 0 else "0"


def article_file(season: Season) -> str:
    return f"{season.id}-ascenso-mx-season.txt"


def article_title(season: Season) -> str:
    return f"{season.name} Ascenso MX season"


@dataclass
class Planted:
    kind: str
    line: int
    detail: str


@dataclass
class ArticleText:
    lines: list[str] = field(default_factory=list)
    planted: list[Planted] = field(default_factory=list)

    def add(self, text: str = "") -> int:
        self.lines.append(text)
        return len(self.lines)

    def heading(self, depth: int, title: str) -> None:
        if self.lines and self.lines[-1]:
            self.add()
        self.add(f"{'=' * depth}{title}{'=' * depth}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def render_season(season: Season) -> ArticleText:
    out = ArticleText()
    names = season.names
    apertura, clausura = season.apertura, season.clausura
    out.add(f"= {article_title(season)} =")
    out.add()
    out.add("Infobox")
    out.add("- Competition: Ascenso MX")
    out.add(f"- Winners: Apertura: {names[apertura.champion]} , Clausura: {names[clausura.champion]}")
    out.add(f"- Promoted: {names[season.promoted]}")
    out.add(f"- Relegated: {names[season.relegated]}")
    out.add(f"- Season: {season.name}")
    out.add(f"- Prevseason: {season.previous_name}")
    out.add(f"- Nextseason: {season.next_name}")
    out.add()
    end = season.end_override or season.end
    line = out.add(
        f"The {season.name} Ascenso MX season took place from {date_text(season.start)} to {date_text(end)} and was "
        f"divided into two tournaments named {apertura.name} and {clausura.name}. The Ascenso MX is the second-tier "
        "football league of Mexico."
    )
    if season.end_override:
        out.planted.append(Planted("season_end_before_final", line,
                                   f"season ends {end.isoformat()}, promotion final second leg "
                                   f"{season.end.isoformat()}"))
    if season.promotion_final:
        out.add()
        out.add(f"The {apertura.name} winner {names[apertura.champion]} defeated the {clausura.name} winner "
                f"{names[clausura.champion]} in a promotional final and won the ascension to the "
                f"{season.next_name} Liga MX season." if season.promoted == apertura.champion else
                f"The {clausura.name} winner {names[clausura.champion]} defeated the {apertura.name} winner "
                f"{names[apertura.champion]} in a promotional final and won the ascension to the "
                f"{season.next_name} Liga MX season.")
    out.heading(2, "Changes from the previous season")
    out.add()
    for change in season.changes:
        out.add(f"- {change.text}")
    render_stadia(out, season)
    for tournament, ordinal in ((apertura, "first"), (clausura, "second")):
        render_tournament(out, season, tournament, ordinal)
    if season.promotion_final:
        render_promotion_final(out, season, season.promotion_final)
    render_relegation(out, season)
    return out


def render_stadia(out: ArticleText, season: Season) -> None:
    out.heading(2, "Stadia and locations")
    out.add()
    out.add(f"The following {len(season.clubs)} clubs competed in the Liga de Ascenso during the "
            f"{season.start_year}\u2013{season.start_year + 1} season:")
    out.add()
    out.add("| Club | City | Stadium | Capacity |")
    for club in season.clubs:
        ground = BY_ID[club].ground
        out.add(f"| {season.names[club]} | {ground.city} | {ground.stadium} | {ground.capacity:,} |")


def render_tournament(out: ArticleText, season: Season, tournament: Tournament, ordinal: str) -> None:
    out.heading(2, tournament.name)
    out.add(f"The {tournament.year} {tournament.kind} was the {ordinal} championship of the season. It began on "
            f"{date_text(tournament.start)} and ended on {date_text(tournament.end)}.")
    out.heading(3, "Standings")
    out.add("| Pos | Team | Pld | W | D | L | GF | GA | GD | Pts |")
    for rank, row in enumerate(tournament.standings, start=1):
        line = out.add(f"| {rank} | {tournament.names[row.club]} | {row.played} | {row.won} | {row.drawn} | "
                       f"{row.lost} | {row.goals_for} | {row.goals_against} | {signed(row.goal_difference)} | "
                       f"{row.points + row.points_offset} |")
        if row.points_offset:
            out.planted.append(Planted("standings_points", line,
                                       f"Pts {row.points + row.points_offset}, 3W+D = {row.points}"))
    for number, matchday in enumerate(tournament.matchdays, start=1):
        out.heading(3, f"Matchday {number}")
        for match in matchday:
            render_match(out, match, tournament.names)
    render_liguilla(out, season, tournament)
    render_top_scorers(out, tournament)


def render_liguilla(out: ArticleText, season: Season, tournament: Tournament) -> None:
    out.heading(3, "Liguilla (Playoffs)")
    out.add()
    other = season.clausura if tournament is season.apertura else season.apertura
    for paragraph in rules_text(tournament, other, season):
        if out.lines[-1] and not (paragraph.startswith("- ") and out.lines[-1].startswith("- ")):
            out.add()  # a blank line between paragraphs, none between bullets
        out.add(paragraph)
    for name, ties in tournament.rounds:
        out.heading(4, name)
        for leg, label in ((0, "First leg"), (1, "Second leg")):
            out.heading(5, label)
            legs = sorted(((tie.first_leg, tie.second_leg)[leg] for tie in ties), key=lambda match: match.date)
            for match in legs:
                render_match(out, match, tournament.names)


def rules_text(tournament: Tournament, other: Tournament, season: Season) -> list[str]:
    fmt = tournament.format
    if fmt.qualifiers == 7:
        rules = [
            "The six best teams after first place played two games against each other on a home-and-away basis. "
            "The winner of each match up was determined by aggregate score."
            + (" If the teams were tied, the Away goals rule applied." if fmt.away_goals else ""),
            "The teams were seeded one to seven in quarterfinals, and were re-seeded one to four in semifinals, "
            "depending on their position in the general table. The higher seeded teams play on their home field "
            "during the second leg.",
        ]
    else:
        rules = [
            "The eight qualified teams played two games against each other on a home-and-away basis. The winner of "
            "each match was determined by aggregate score."
            + (" If the teams were tied, the Away goals rule applied." if fmt.away_goals else ""),
            "The teams were seeded one to eight in the quarterfinals, and were re-seeded one to four in the "
            "semifinals, depending on their position in the general table. The higher seeded teams played on their "
            "home field during the second leg.",
        ]
    if fmt.away_goals:
        rules.append("- If the two teams were tied after both legs, the away goals rule applied. If both teams were "
                     "still tied, the higher seeded team advanced.")
    else:
        rules.append("- If the two teams were tied after both legs, the higher seeded team advanced.")
    rules.append("- Teams were re-seeded every round.")
    if tournament.kind == "Apertura":
        rules.append(f"- The winner qualified to the playoff match vs the {other.name} winner. However, if the winner "
                     "had been the same in both tournaments, that team would have been the team promoted to the "
                     f"{season.next_name} Liga MX season without playing the Promotional Final")
    else:
        rules.append(f"- The winner qualified to the playoff match vs {season.names[other.champion]} ({other.name} "
                     f"Champions). The winner was promoted to the {season.next_name} Liga MX season.")
    return rules


def render_top_scorers(out: ArticleText, tournament: Tournament) -> None:
    out.heading(2, f" Top goalscorers - {tournament.name} regular season ")
    out.add(f"Last updated on {date_text(tournament.last_regular_date)}.")
    out.add()
    out.add("Players sorted first by goals scored, then by goal frequency (Minutes played/Goals scored).")
    out.add()
    out.add(f"In blue, the goal scoring champion(s) of {tournament.name}")
    out.add("| Rank | Player | Club | Goals | Goal freq. |")
    for rank, row in enumerate(tournament.top_scorers, start=1):
        player = row.player
        out.add(f"| {rank} | {player.nationality} {player.full_name} | {tournament.names[row.club]} | {row.goals} | "
                f"{row.frequency} |")
    out.add()
    out.add(f"Source: Ascenso MX goalscorers official page - {tournament.name}")


def render_promotion_final(out: ArticleText, season: Season, tie: Tie) -> None:
    names = season.clausura.names
    out.heading(2, f"Campeón de Ascenso {season.start_year + 1}")
    out.add()
    out.add("=== First leg===")
    out.add()
    render_match(out, tie.first_leg, names, indent=" ", full_names=True)
    out.add()
    out.add("----")
    out.add()
    out.add("===Second leg===")
    out.add()
    render_match(out, tie.second_leg, names, indent=" ", full_names=True)


def render_relegation(out: ArticleText, season: Season) -> None:
    out.heading(2, " Relegation table ")
    tournaments = season.relegation_tournaments
    listed = ", ".join(tournaments[:-1]) + f" and {tournaments[-1]}" if len(tournaments) > 1 else tournaments[0]
    out.add("The relegated team will be the team with the lowest ratio by summing the points scored in the "
            f"following tournaments: {listed}.")
    out.add("| Rank | Team | Points | Games | % |")
    for rank, row in enumerate(season.relegation, start=1):
        ratio = row.ratio + row.ratio_offset
        line = out.add(f"| {rank} | {season.names[row.club]} | {row.points} | {row.games} | {ratio} |")
        if row.ratio_offset:
            out.planted.append(Planted("relegation_ratio", line, f"ratio {ratio}, points/games = {row.ratio}"))
    out.add()
    out.add(f"Source: Ascenso MX relegation table - Clausura {season.start_year + 1}")


def render_match(out: ArticleText, match: Match, names: dict[str, str], indent: str = "",
                 full_names: bool = False) -> None:
    out.add(date_text(match.date))
    note = f" ({match.shootout[0]}-{match.shootout[1]} p)" if match.shootout else ""
    out.add(f"{indent}{names[match.home]} {match.home_score}-{match.away_score} {names[match.away]}{note}")
    for for_home, club in ((True, match.home), (False, match.away)):
        goals = [goal for goal in match.goals if goal.for_home == for_home and goal is not match.dropped_goal]
        if goals:
            line = out.add(f"{indent}  {names[club]}: {scorer_text(goals, full_names)}")
            if match.dropped_goal is not None and match.dropped_goal.for_home == for_home:
                out.planted.append(Planted("scorer_shortfall", line,
                                           f"{names[match.home]} {match.home_score}-{match.away_score} "
                                           f"{names[match.away]}: one goal missing from the scorers"))


def scorer_text(goals: list[Goal], full_names: bool) -> str:
    """"V. Lojero 6', 49' (pen.) , D. Cervantes 79'": scorers in the order of their first goal."""
    entries: dict[tuple[int, bool], list[Goal]] = {}
    for goal in goals:
        entries.setdefault((goal.scorer.number, goal.own_goal), []).append(goal)
    parts = []
    for scored in entries.values():
        player = scored[0].scorer
        name = player.full_name if full_names else player.short_name
        minutes = ", ".join(goal.minute_text + (" (pen.)" if goal.penalty else " (o.g.)" if goal.own_goal else "")
                            for goal in scored)
        parts.append(f"{name} {minutes}")
    return " , ".join(parts)
