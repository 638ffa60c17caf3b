"""A generated corpus through the real build: no warnings from its articles, every line accounted for, and the
graph holds every match, every written goal, the ties as the rules decide them and the top scorers' goals."""

from __future__ import annotations

import json
import re
from collections import Counter

from ascenso_kg.corpus import CorpusSummary

_SCORE_LINE = re.compile(r"^ ?\S.*? (\d{1,2})-(\d{1,2}) \S")
_DECISIONS = {"aggregate": "DecidedOnAggregate", "away_goals": "DecidedOnAwayGoals",
              "higher_seed": "DecidedOnHigherSeed", "penalties": "DecidedOnPenalties"}


def planted(corpus: CorpusSummary, kind: str) -> list[dict]:
    entries = json.loads((corpus.out / "planted.json").read_text(encoding="utf-8"))
    return [entry for entry in entries if entry["kind"] == kind]


def test_the_articles_build_without_warnings_and_every_line_is_explained(planted_build, planted_corpus):
    summary, _ = planted_build
    articles = {path.name for path in planted_corpus.files}
    warnings = [problem for problem in summary.problems if problem.severity == "warning"]
    # mappings/tables/links.csv links the real articles' entities; a synthetic corpus cannot hold its seasons.
    assert [str(problem) for problem in warnings if problem.file != "links.csv"] == []
    assert all(problem.message.endswith("in the graph; not linked") for problem in warnings)
    assert not [problem for problem in summary.problems if problem.file in articles and problem.severity != "info"]
    assert summary.lines_unexplained == 0
    assert summary.articles == 2


def test_every_match_is_in_the_graph(planted_build, planted_corpus):
    expected = 0
    for season in planted_corpus.seasons:
        clubs = len(season.clubs)
        for tournament in (season.apertura, season.clausura):
            ties = 3 + 2 + 1 if tournament.format.qualifiers == 7 else 4 + 2 + 1
            expected += clubs * (clubs - 1) // 2 + 2 * ties
        expected += 2 if season.promotion_final else 0
    assert planted_build[0].classes["Match"] == expected == planted_corpus.matches


def test_goals_are_the_scores_less_the_planted_shortfalls(planted_build, planted_corpus):
    scores = 0
    for path in planted_corpus.files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if match := _SCORE_LINE.match(line):
                scores += int(match[1]) + int(match[2])
    shortfalls = planted(planted_corpus, "scorer_shortfall")
    assert shortfalls
    assert planted_build[0].classes["Goal"] == scores - len(shortfalls) == planted_corpus.goals


def test_the_matches_short_of_goals_are_the_planted_ones(corpus_select, planted_corpus):
    rows = corpus_select("""
        SELECT ?file ?first ?last WHERE {
            ?match a akg:Match ; akg:homeScore ?home ; akg:awayScore ?away ;
                   prov:wasDerivedFrom [ akg:firstLine ?first ; akg:lastLine ?last ; akg:article ?article ] .
            ?article akg:fileName ?file .
            { SELECT ?match (COUNT(?goal) AS ?goals) WHERE { ?match a akg:Match . OPTIONAL { ?goal akg:match ?match } }
              GROUP BY ?match }
            FILTER (?goals != ?home + ?away)
        }""")
    short = sorted((row["file"], row["first"], row["last"]) for row in rows)
    expected = planted(planted_corpus, "scorer_shortfall")
    assert len(short) == len(expected)
    for (file, first, last), entry in zip(short, sorted(expected, key=lambda e: (e["file"], e["line"]))):
        assert file == entry["file"] and first < entry["line"] <= last


def test_ties_are_decided_as_the_generator_decided_them(corpus_select, planted_corpus):
    rows = corpus_select("SELECT ?decision (COUNT(?tie) AS ?ties) WHERE { ?tie a akg:Tie ; akg:decidedBy ?decision }"
                         " GROUP BY ?decision")
    in_graph = Counter({row["decision"].rsplit("#", 1)[1]: row["ties"] for row in rows})
    generated = Counter()
    for season in planted_corpus.seasons:
        ties = [tie for t in (season.apertura, season.clausura) for _, round_ties in t.rounds for tie in round_ties]
        ties += [season.promotion_final] if season.promotion_final else []
        generated.update(_DECISIONS[tie.decided_by] for tie in ties)
    assert in_graph == generated
    winners = corpus_select("SELECT (COUNT(?tie) AS ?ties) WHERE { ?tie a akg:Tie FILTER NOT EXISTS { ?tie akg:winner ?w } }")
    assert winners == [{"ties": 0}]


def test_top_scorers_are_the_scorers_of_the_match_blocks(corpus_select, planted_corpus):
    """The abbreviated scorers of the matches resolve to the full names of the table: the goals in the graph of
    each top scorer are the table's, less a goal planted missing."""
    rows = corpus_select("""
        SELECT ?tournament ?name ?goals (COUNT(DISTINCT ?goal) AS ?scored) WHERE {
            ?table a akg:TopScorerTable ; akg:tableOf ?tournament .
            ?row akg:table ?table ; akg:player ?player ; akg:goals ?goals .
            ?player schema:name ?name .
            OPTIONAL {
                ?goal akg:scorer ?player ; akg:match/akg:round/akg:stage ?stage .
                ?stage a akg:RegularSeason ; akg:tournament ?tournament .
                FILTER NOT EXISTS { ?goal akg:ownGoal true }
            }
        } GROUP BY ?tournament ?name ?goals""")
    dropped = Counter()
    for season in planted_corpus.seasons:
        for tournament in (season.apertura, season.clausura):
            for match in (m for day in tournament.matchdays for m in day):
                if match.dropped_goal and not match.dropped_goal.own_goal:
                    dropped[(f"{tournament.kind.lower()}-{tournament.year}", match.dropped_goal.scorer.full_name)] += 1
    assert len(rows) == sum(len(t.top_scorers) for s in planted_corpus.seasons for t in (s.apertura, s.clausura))
    for row in rows:
        tournament = row["tournament"].rsplit("/", 1)[1]
        assert row["scored"] == row["goals"] - dropped[(tournament, row["name"])], row


def test_validation_finds_exactly_the_planted_inconsistencies(corpus_select, planted_corpus):
    """The build's SHACL report (its validation graph, in the store) has no violation and one warning for each
    planted inconsistency, pointing at the lines it was planted on."""
    rows = corpus_select("""
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?result ?severity ?file ?first ?last WHERE {
            ?result a sh:ValidationResult ; sh:resultSeverity ?severity .
            OPTIONAL { ?result prov:wasDerivedFrom ?span .
                       ?span akg:firstLine ?first ; akg:lastLine ?last ; akg:article/akg:fileName ?file }
        }""")
    assert [row for row in rows if not row["severity"].endswith("#Warning")] == []
    warnings: dict[str, list[tuple]] = {}
    for row in rows:
        warnings.setdefault(row["result"], []).append((row["file"], row["first"], row["last"]))
    entries = json.loads((planted_corpus.out / "planted.json").read_text(encoding="utf-8"))
    assert len(warnings) == len(entries)
    for entry in entries:
        covering = [result for result, spans in warnings.items() if any(
            file == entry["file"] and first <= entry["line"] <= last for file, first, last in spans)]
        assert len(covering) == 1, entry
