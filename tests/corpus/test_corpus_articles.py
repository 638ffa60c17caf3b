"""Generated articles, read back with the project's reader: tables that add up, standings that agree with the
results, top scorers that count the goals of the match blocks, Liguillas that follow their rules, and exactly the
planted inconsistencies."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from tests.corpus.corpus_checks import club_id, inconsistencies, read

from ascenso_kg.corpus import CorpusSummary
from ascenso_kg.mappings.interpret.players import _fits

NATIONALITIES = {"MEX", "ARG", "COL", "URU", "BRA", "PAR", "USA", "ECU", "CRC", "CHI", "GUA"}


@pytest.fixture(scope="module")
def articles(clean_corpus: CorpusSummary):
    return [read(path) for path in clean_corpus.files]


def test_the_clean_corpus_has_no_inconsistency(articles):
    assert [found for article in articles for found in inconsistencies(article)] == []


def test_the_inconsistencies_found_are_exactly_the_planted_ones(planted_corpus: CorpusSummary):
    planted = json.loads((planted_corpus.out / "planted.json").read_text(encoding="utf-8"))
    found = set().union(*(inconsistencies(read(path)) for path in planted_corpus.files))
    assert found == {(entry["file"], entry["line"], entry["kind"]) for entry in planted}
    assert Counter(entry["kind"] for entry in planted) == {
        "scorer_shortfall": 2, "standings_points": 2, "relegation_ratio": 2, "season_end_before_final": 2}


def test_standings_rows_add_up_and_are_sorted(articles):
    for article in articles:
        for tournament in article.tournaments.values():
            rows = tournament.standings
            assert [row.rank for row in rows] == list(range(1, len(rows) + 1))
            for row in rows:
                assert row.played == row.won + row.drawn + row.lost == len(rows) - 1
                assert row.goal_difference == row.goals_for - row.goals_against
            keys = [(row.points, row.goal_difference, row.goals_for) for row in rows]
            assert keys == sorted(keys, reverse=True)
            assert sum(row.won for row in rows) == sum(row.lost for row in rows)
            assert sum(row.goals_for for row in rows) == sum(row.goals_against for row in rows)


def test_standings_agree_with_the_matchday_results(articles):
    for article in articles:
        for tournament in article.tournaments.values():
            totals: dict[str, list[int]] = {}
            for match in (m for day in tournament.matchdays for m in day):
                for club, scored, conceded in ((match.home, match.home_score, match.away_score),
                                               (match.away, match.away_score, match.home_score)):
                    won, drawn, lost, goals_for, goals_against = totals.setdefault(club, [0] * 5)
                    totals[club] = [won + (scored > conceded), drawn + (scored == conceded),
                                    lost + (scored < conceded), goals_for + scored, goals_against + conceded]
            assert {row.club: [row.won, row.drawn, row.lost, row.goals_for, row.goals_against]
                    for row in tournament.standings} == totals


def test_every_club_meets_every_other_once_per_tournament(articles):
    for article in articles:
        for tournament in article.tournaments.values():
            clubs = [row.club for row in tournament.standings]
            pairs = Counter(frozenset((m.home, m.away)) for day in tournament.matchdays for m in day)
            assert len(pairs) == len(clubs) * (len(clubs) - 1) // 2 and set(pairs.values()) == {1}
            for day in tournament.matchdays:
                playing = [club for m in day for club in (m.home, m.away)]
                assert len(playing) == len(set(playing)) >= len(clubs) - 1


def test_top_scorers_count_the_goals_of_the_match_blocks(articles):
    for article in articles:
        for tournament in article.tournaments.values():
            scored: Counter = Counter()
            for match in (m for day in tournament.matchdays for m in day):
                for entry in match.scorers:
                    for goal in entry.parsed.goals:
                        if not goal.own_goal:
                            scored[(entry.parsed.club, goal.scorer)] += 1
            assert tournament.top_scorers
            for player, club, goals, _ in tournament.top_scorers:
                fitting = [name for (side, name), count in scored.items() if side == club and _fits(name, player)]
                assert len(fitting) == 1, (player, club, fitting)
                assert scored[(club, fitting[0])] == goals
            best = max(scored.values())
            assert tournament.top_scorers[0][2] == best


def test_liguilla_ties_follow_the_stated_rules(articles):
    """Seeds from the standings; each round's winners, settled by aggregate, away goals where the rules say so and
    then the higher seed, are the clubs of the next round and, after the final, the champion."""
    formats = Counter()
    for article in articles:
        infobox = {field.key: field.value for field in article.document.infobox}
        champions = {kind.strip(): club_id(club.strip())
                     for kind, club in (part.split(":") for part in infobox["Winners"].split(","))}
        for name, tournament in article.tournaments.items():
            seeds = {club_id(row.club): row.rank for row in tournament.standings}
            rounds = [[(club_id(m.home), m.home_score, m.away_score, club_id(m.away)) for m in legs]
                      for legs in tournament.liguilla.values()]
            byes = {club for club, seed in seeds.items() if seed == 1} if len(rounds[0]) == 6 else set()
            qualifiers = len(rounds[0]) + len(byes)
            away_goals = "away goals rule applied" in tournament.rules.lower()
            formats[(qualifiers, away_goals)] += 1
            assert f"seeded one to {'seven' if qualifiers == 7 else 'eight'} in" in tournament.rules
            assert {club for leg in rounds[0] for club in (leg[0], leg[3])} | byes == \
                {club for club, seed in seeds.items() if seed <= qualifiers}
            for index, legs in enumerate(rounds):
                half = len(legs) // 2
                assert len(legs) == 2 * half
                winners = set()
                for first in legs[:half]:
                    second = next(leg for leg in legs[half:] if (leg[0], leg[3]) == (first[3], first[0]))
                    higher, lower = second[0], first[0]
                    assert seeds[higher] < seeds[lower]
                    aggregate = (first[2] + second[1], first[1] + second[2])
                    away = (first[2], second[2])
                    if aggregate[0] != aggregate[1]:
                        winners.add(higher if aggregate[0] > aggregate[1] else lower)
                    elif away_goals and away[0] != away[1]:
                        winners.add(higher if away[0] > away[1] else lower)
                    else:
                        winners.add(higher)
                if index + 1 < len(rounds):
                    following = {club for leg in rounds[index + 1] for club in (leg[0], leg[3])}
                    assert following == winners | (byes if index == 0 else set())
                else:
                    assert winners == {champions[name.split()[0]]}
    assert sum(formats.values()) == 2 * len(articles)


def test_the_promotion_final_is_won_by_the_promoted_club(articles):
    finals = [article for article in articles if article.promotion_final]
    assert finals
    for article in finals:
        first, second = article.promotion_final
        promoted = club_id(next(field.value for field in article.document.infobox if field.key == "Promoted"))
        home = first.away_score + second.home_score
        away = first.home_score + second.away_score
        if home == away:
            assert second.penalties is not None and second.penalties[0] != second.penalties[1]
            winner = second.home if second.penalties[0] > second.penalties[1] else second.away
        else:
            assert second.penalties is None
            winner = second.home if home > away else second.away
        assert club_id(winner) == promoted


def test_goals_look_like_football(articles):
    matches = [m for article in articles for t in article.tournaments.values() for day in t.matchdays for m in day]
    goals = [goal for m in matches for entry in m.scorers for goal in entry.parsed.goals]
    assert 2.2 < len(goals) / len(matches) < 2.9
    assert all(goal.minute and 1 <= goal.minute.minute <= 90 for goal in goals)
    assert 0 < sum(goal.minute.added is not None for goal in goals) < len(goals) * 0.1
    assert 0 < sum(goal.penalty for goal in goals) < len(goals) * 0.15
    assert 0 < sum(goal.own_goal for goal in goals) < len(goals) * 0.05
    assert all(re.fullmatch(r"[A-Z]\. \S.*", goal.scorer) for goal in goals)


def test_table_players_have_a_nationality_and_a_full_name(articles):
    rows = [row for article in articles for t in article.tournaments.values() for row in t.top_scorers]
    assert {nationality for _, _, _, nationality in rows} <= NATIONALITIES
    assert all(len(name.split()) >= 2 and not name.split()[0].endswith(".") for name, _, _, _ in rows)
