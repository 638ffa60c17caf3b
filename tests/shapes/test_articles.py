"""The four articles: no violation, and every real inconsistency or gap in them reported as a warning, pointing
to the lines it comes from. Each one was found by reading the articles; the comment says what the article does."""

from __future__ import annotations

from collections import Counter

import pytest

from ascenso_kg.validation import validate_quads

RES = "https://w3id.org/ascenso-kg/resource/"

# (shape, focus under …/resource/, words of the message, where in the articles)
WARNINGS = [
    # Semifinal second leg UAT 3-3 Necaxa lists two UAT scorers.
    ("ScorersCoverScore", "match/2013-05-04-correcaminos-necaxa",
     "Correcaminos UAT scored 3, but the article lists only 2 of its scorers", "2012-13-ascenso-mx-season.txt, lines 151–154"),
    # "The eight qualified teams … seeded one to eight in the quarterfinals", but three quarterfinal ties …
    ("TiesPerRound", "tournament/clausura-2013/liguilla",
     "state 8 qualified clubs, so it has 4 quarterfinal, 2 semifinal and 1 final ties, but the article gives 3, 2 and 1",
     "2012-13-ascenso-mx-season.txt, line 100"),
    # … and U. de G. plays a semifinal without one.
    ("ClubWithoutEarlierTie", "tournament/clausura-2013/liguilla",
     "Leones Negros UdeG plays in the Clausura 2013 Liguilla semifinals without a tie in the Clausura 2013 Liguilla "
     "quarterfinals, but the rules of the Clausura 2013 Liguilla send no club straight to that round",
     "2012-13-ascenso-mx-season.txt, line 100"),
    # "took place from 20 July 2012 to 11 May 2013", but the promotion final was played on 15 and 18 May.
    ("SeasonMatchesInsideSeason", "season/2012-13",
     "took place from 20 July 2012 to 11 May 2013, the article says, but 2 of its matches were played outside those "
     "dates, from 15 May 2013 to 18 May 2013", "2012-13-ascenso-mx-season.txt, line 12"),
    # "took place from 19 July 2013 to 12 April 2014", but the Clausura Liguilla and promotion final ran to 10 May.
    ("SeasonMatchesInsideSeason", "season/2013-14",
     "from 19 July 2013 to 12 April 2014, the article says, but 14 of its matches were played outside those dates, "
     "from 16 April 2014 to 10 May 2014", "2013-14-ascenso-mx-season.txt, line 12"),
    # Clausura 2012 "ended on 15 April 2012"; its Liguilla was played from 18 April to 5 May.
    ("TournamentMatchesInsideTournament", "tournament/clausura-2012",
     "Clausura 2012 ran from 6 January 2012 to 15 April 2012, the article says, but 12 of its matches were played "
     "outside those dates, from 18 April 2012 to 5 May 2012", "2011-12-liga-de-ascenso-season.txt, lines 5 and 80"),
    # The 2013 promotion final: level on aggregate and away goals; the article does not say how it was decided.
    ("TieDecisionExplained", "season/2012-13/promotion-final/final/la-piedad-neza",
     "La Piedad and Neza were level 1–1 on aggregate and 1–1 on away goals; the article states no rules for the "
     "2013 promotion final", "2012-13-ascenso-mx-season.txt, lines 175–177 and 183–185"),
    # The 2014 promotion final: level on aggregate; away goals would favour Tecos, yet UdeG was promoted.
    ("TieDecisionExplained", "season/2013-14/promotion-final/final/tecos-udeg",
     "were level 1–1 on aggregate and 1–0 on away goals, which favour Estudiantes Tecos if the away goals rule "
     "applied", "2013-14-ascenso-mx-season.txt, lines 189–190 and 196–199"),
    # "Round tied 3-3. Dorados advance to Final by the away goal rule": no opponent, no legs.
    ("TieComplete", "tournament/apertura-2012/liguilla/semifinals/dorados-de-sinaloa",
     "the article names 1 of its 2 clubs and gives 0 of its 2 legs", "2012-ascenso-mx-apertura-liguilla.txt, line 67"),
    # The Apertura 2012 Liguilla article leaves its quarterfinals and final blank (placeholders only).
    ("TiesPerRound", "tournament/apertura-2012/liguilla",
     "state 7 qualified clubs, so it has 3 quarterfinal, 2 semifinal and 1 final ties, but the article gives 0, 1 and 0",
     "2012-13-ascenso-mx-season.txt, line 54; 2012-ascenso-mx-apertura-liguilla.txt, line 1"),
    # The Apertura 2011 Liguilla states its rules but gives no result at all.
    ("TiesPerRound", "tournament/apertura-2011/liguilla", "but the article gives 0, 0 and 0",
     "2011-12-liga-de-ascenso-season.txt, line 53"),
    # "Last Updated on 21 January 2012", a year before the Clausura 2013 began.
    ("TableUpdatedAfterStart", "tournament/clausura-2013/top-scorers",
     "last updated on 21 January 2012, the article says, before Clausura 2013, which the table covers, began on "
     "4 January 2013", "2012-13-ascenso-mx-season.txt, lines 192–202"),
    # "Updated on 21 November 2011", yet the table counts the Clausura 2012 points.
    ("TableUpdatedAfterStart", "season/2011-12/relegation",
     "last updated on 21 November 2011, the article says, before Clausura 2012", "2011-12-liga-de-ascenso-season.txt, lines 165–180"),
    # The rendering lost the goals of the first row of each shared rank.
    ("TopScorerGoalsGiven", "tournament/apertura-2011/top-scorers", "5 of the 12 rows of the Apertura 2011 top scorers "
     "give no goals (between rows 1 and 10)", "2011-12-liga-de-ascenso-season.txt, lines 65–77"),
    # The Avg column is "'" in every row.
    ("RelegationRatioGiven", "season/2011-12/relegation", "15 of the 15 rows of the 2011–12 relegation table give no ratio",
     "2011-12-liga-de-ascenso-season.txt, lines 165–180"),
    # Jasso in 2012–13, Ciudad Cooperativa Cruz Azul in the other seasons.
    ("StadiumInOneCity", "stadium/estadio-10-de-diciembre",
     "place Estadio 10 de Diciembre in Ciudad Cooperativa Cruz Azul (2011–12 and 2013–14) and in Jasso (2012–13)",
     "2011-12-liga-de-ascenso-season.txt, line 37; 2012-13-ascenso-mx-season.txt, line 31; "
     "2013-14-ascenso-mx-season.txt, line 35"),
    # "Irapuato FC was rebranded Zacatepec and moved to Zacatepec de Hidalgo", but plays in Cuernavaca.
    ("RelocationMatchesStadia", "season/2013-14/change/4",
     "Zacatepec moved to Zacatepec de Hidalgo for the 2013–14 Ascenso MX season, but its stadia table places "
     "Zacatepec in Cuernavaca", "2013-14-ascenso-mx-season.txt, line 19"),
    # Scorer lines with a name and no minute.
    ("GoalShape", "match/2012-04-18-udeg-necaxa/goal/1", "no minute for C. Valdovinos",
     "2011-12-liga-de-ascenso-season.txt, line 101"),
    ("GoalShape", "match/2012-05-09-correcaminos-leon/goal/3", "no minute for I. González",
     "2011-12-liga-de-ascenso-season.txt, line 154"),
    ("GoalShape", "match/2014-04-19-necaxa-delfines/goal/4", "no minute for J. Goncalves",
     "2013-14-ascenso-mx-season.txt, line 154"),
]
# U. de G. finished last of the 2011–12 relegation table but stayed (the 2012–13 article says why): a note.
NOTES = [("LowestRatioNotRelegated", "season/2011-12")]


def found(findings, severity: str) -> Counter:
    return Counter((f.shape_name, str(f.focus).removeprefix(RES)) for f in findings if f.severity == severity)


def test_the_four_articles_have_no_violation(article_validation):
    assert [f.message for f in article_validation.of_severity("Violation")] == []


def test_the_four_articles_give_exactly_the_listed_warnings_and_notes(article_validation):
    assert found(article_validation.findings, "Warning") == Counter((shape, focus) for shape, focus, _, _ in WARNINGS)
    assert found(article_validation.findings, "Info") == Counter(NOTES)


@pytest.mark.parametrize("shape, focus, words, lines", WARNINGS, ids=[f"{w[0]} {w[1]}" for w in WARNINGS])
def test_each_warning_says_what_is_wrong_and_where(shape, focus, words, lines, article_validation):
    [finding] = [f for f in article_validation.findings if f.shape_name == shape and str(f.focus) == RES + focus]
    assert words in finding.message
    assert lines in finding.message
    assert finding.season or shape == "StadiumInOneCity"


def single_article_warnings(article: str) -> set[tuple[str, str]]:
    """The listed warnings an article shows on its own: those that come from its lines alone (the Cruz Azul
    stadium and the Apertura 2012 Liguilla take two articles or more to see)."""
    return {(shape, focus) for shape, focus, _, lines in WARNINGS
            if lines.startswith(f"{article}.txt,") and ";" not in lines}


@pytest.mark.parametrize("article", ["2011-12-liga-de-ascenso-season", "2012-13-ascenso-mx-season",
                                     "2012-ascenso-mx-apertura-liguilla", "2013-14-ascenso-mx-season"])
def test_each_article_graph_validates_on_its_own(article, release_quads, shapes):
    validation = validate_quads(release_quads, article=article, shapes=shapes)
    assert validation.of_severity("Violation") == []
    assert single_article_warnings(article) <= set(found(validation.findings, "Warning"))
    assert all(f"{article}.txt" in f.message for f in validation.findings)
