"""One case per constraint, in the manner of the DASH test suites: a data graph that must fail with exactly the
listed results, and a data graph that must pass.

Both graphs are the mini season (fixtures/mini-season.ttl) changed by a SPARQL Update: ``fails`` breaks the one
thing the shape checks, ``passes`` (by default no change) goes as near to the edge as the shape allows. ``expect``
lists the focus nodes (local names under ex:) and severities of every result the shape must give, and ``says`` a
phrase each message must contain.
"""

from __future__ import annotations

from dataclasses import dataclass

V, W, I = "Violation", "Warning", "Info"


@dataclass(frozen=True)
class Case:
    name: str
    shape: str
    fails: str
    expect: tuple[tuple[str, str], ...]
    passes: str = ""
    says: str = ""


def set_value(subject: str, predicate: str, value: str) -> str:
    """Replace every value of ``subject predicate`` with ``value``."""
    return f"DELETE {{ {subject} {predicate} ?old }} INSERT {{ {subject} {predicate} {value} }} WHERE {{ OPTIONAL {{ {subject} {predicate} ?old }} }}"


def drop(subject: str, predicate: str) -> str:
    return f"DELETE WHERE {{ {subject} {predicate} ?old }}"


def add(triples: str) -> str:
    return f"INSERT DATA {{ {triples} }}"


def both(*updates: str) -> str:
    return " ;\n".join(updates)


CASES = [
    # Infobox statistics -------------------------------------------------------------------------------------------
    Case("statistic belongs to a season or tournament", "InfoboxStatisticShape",
         add("ex:stat a akg:InfoboxStatistic ; akg:count 3 ."), (("stat", V),),
         passes=add("ex:stat a akg:InfoboxStatistic ; akg:count 0 ; akg:statisticOf ex:season .")),
    # Provenance ---------------------------------------------------------------------------------------------------
    Case("article needs a file name", "SourceArticleShape", drop("ex:article", "akg:fileName"), (("article", V),)),
    Case("span lines in order", "SourceSpanShape", set_value("ex:lines", "akg:firstLine", "13"), (("lines", V),),
         passes=set_value("ex:lines", "akg:firstLine", "12")),
    Case("facts come from lines", "SourcedFactShape", drop("ex:g0", "prov:wasDerivedFrom"), (("g0", V),)),
    # Competition, seasons, tournaments ----------------------------------------------------------------------------
    Case("competition has a name", "CompetitionShape", drop("ex:league", "rdfs:label"), (("league", V),)),
    Case("season name is years", "SeasonShape", set_value("ex:season", "akg:seasonName", '"2030-31"'),
         (("season", V),), passes=set_value("ex:season", "akg:seasonName", '"2099–00"')),
    Case("season starts before it ends", "SeasonShape",
         set_value("ex:season", "schema:endDate", '"2030-06-30"^^xsd:date'), (("season", W),),
         passes=set_value("ex:season", "schema:endDate", '"2030-07-01"^^xsd:date')),
    Case("season matches inside its dates", "SeasonMatchesInsideSeason",
         set_value("ex:season", "schema:endDate", '"2031-05-24"^^xsd:date'), (("season", W),),
         passes=set_value("ex:season", "schema:endDate", '"2031-05-25"^^xsd:date'),
         says="one of its matches was played outside those dates, on 25 May 2031"),
    Case("promoted club won the promotion final", "PromotedClubWonPromotionFinal",
         set_value("ex:season", "akg:promoted", "ex:beta"), (("season", W),),
         says="names Beta as promoted, but Alfa won the Beta v Alfa (2031 promotion final)"),
    Case("relegated club is last", "RelegatedClubLastInTable", set_value("ex:season", "akg:relegated", "ex:alfa"),
         (("season", W),), says="Delta has fewer points per game (18 in 20, against 30 in 20)"),
    Case("lowest club not relegated is noted", "LowestRatioNotRelegated", drop("ex:season", "akg:relegated"),
         (("season", I),), says="Delta has the fewest points per game"),
    Case("tournament kind", "TournamentShape", set_value("ex:apertura", "akg:tournamentKind", '"Primavera"'),
         (("apertura", V),), passes=set_value("ex:apertura", "akg:tournamentKind", '"Bicentenario"')),
    Case("one champion", "TournamentShape", add("ex:apertura akg:champion ex:beta ."), (("apertura", W),)),
    Case("tournament matches inside its dates", "TournamentMatchesInsideTournament",
         set_value("ex:apertura", "schema:endDate", '"2030-12-03"^^xsd:date'), (("apertura", W),),
         passes=set_value("ex:apertura", "schema:endDate", '"2030-12-04"^^xsd:date'),
         says="ran from 1 July 2030 to 3 December 2030"),
    Case("tournament inside its season", "TournamentInsideSeason",
         set_value("ex:clausura", "schema:endDate", '"2031-06-10"^^xsd:date'), (("clausura", W),),
         passes=set_value("ex:clausura", "schema:endDate", '"2031-05-31"^^xsd:date')),
    Case("champion won the final", "ChampionWonFinal", set_value("ex:apertura", "akg:champion", "ex:beta"),
         (("apertura", W),), says="names Beta champion of Apertura 2030, but Alfa won the final"),
    # Stages, rounds, rules ----------------------------------------------------------------------------------------
    Case("one set of rules", "StageShape", add("ex:liguilla akg:rules ex:otherRules . ex:otherRules a akg:PlayoffRules ."),
         (("liguilla", V),)),
    Case("ties per round", "TiesPerRound", "DELETE WHERE { ex:tie2 ?p ?o }", (("liguilla", W),),
         says="so it has 0 quarterfinal, 2 semifinal and 1 final ties, but the article gives 0, 1 and 1"),
    Case("no club skips a round", "ClubWithoutEarlierTie", "DELETE WHERE { ex:tie2 ?p ?o }", (("liguilla", W),),
         passes=both("DELETE WHERE { ex:tie2 ?p ?o }", set_value("ex:rules", "akg:byes", "1")),
         says="Beta plays in the Apertura 2030 Liguilla final without a tie in the Apertura 2030 Liguilla semifinals"),
    Case("entries match qualifiers", "EntriesMatchQualifiers", "DELETE WHERE { ex:entryDelta ?p ?o }",
         (("liguilla", W),), says="but its Teams table lists 3"),
    Case("Liguilla of a tournament", "LiguillaShape", drop("ex:liguilla", "akg:tournament"), (("liguilla", V),)),
    Case("regular phase of a tournament", "RegularSeasonShape", drop("ex:regular", "akg:tournament"),
         (("regular", V),)),
    Case("promotion final of a season", "PromotionFinalShape",
         set_value("ex:promotionFinal", "akg:season", "ex:apertura"), (("promotionFinal", V),)),
    Case("promotion final between champions", "PromotionFinalBetweenChampions",
         set_value("ex:clausura", "akg:champion", "ex:gamma"), (("promotionFinal", W),),
         says="Beta plays the 2031 promotion final"),
    Case("round order", "RoundShape", set_value("ex:semifinals", "akg:roundOrder", "0"), (("semifinals", V),),
         passes=set_value("ex:matchday1", "akg:roundOrder", "17")),
    Case("legs per tie", "PlayoffRulesShape", set_value("ex:rules", "akg:legsPerTie", "3"), (("rules", V),),
         passes=set_value("ex:rules", "akg:legsPerTie", "1")),
    Case("articles state the rules alike", "RulesAgree", add("ex:rules akg:qualifiers 6 ."), (("rules", W),),
         says="qualifiers is 4 in one and 6 in another"),
    Case("byes match qualifiers", "ByesMatchQualifiers", set_value("ex:rules", "akg:byes", "1"), (("rules", W),),
         passes=both(set_value("ex:rules", "akg:byes", "1"), set_value("ex:rules", "akg:qualifiers", "7"))),
    Case("tie decisions have labels", "TieDecisionShape", add("ex:coinToss a akg:TieDecision ."), (("coinToss", V),)),
    # Ties ---------------------------------------------------------------------------------------------------------
    Case("two sides at most", "TieShape", add("ex:tie1 akg:side ex:tie2beta ."), (("tie1", V),)),
    Case("a tie has a winner", "TieShape", drop("ex:tie1", "akg:winner"), (("tie1", W),)),
    Case("known decisions", "TieShape", set_value("ex:tie1", "akg:decidedBy", "ex:coinToss"), (("tie1", V),)),
    Case("second leg swaps home and away", "TieLegsSwapped", set_value("ex:sf1b", "schema:homeTeam", "ex:gamma"),
         (("tie1", V),)),
    Case("sides play the legs", "TieSidesPlayTheLegs", set_value("ex:tie1delta", "akg:club", "ex:gamma"),
         (("tie1", V), ("tie1", V))),
    Case("leg numbers", "TieLegNumbers", set_value("ex:sf1b", "akg:leg", "1"), (("tie1", V),)),
    Case("winner is a side", "TieWinnerIsASide", set_value("ex:tie1", "akg:winner", "ex:gamma"), (("tie1", V),)),
    Case("aggregate is the sum of the legs", "TieAggregateEqualsLegs",
         set_value("ex:tie1alfa", "akg:aggregateGoals", "4"), (("tie1", V),),
         says="the aggregate is recorded as Delta 1–4 Alfa, but the legs were 0–2 and 1–1, which make 1–3"),
    Case("away goals", "TieAwayGoalsComputed", set_value("ex:tie1alfa", "akg:awayGoals", "1"), (("tie1", V),),
         says="Alfa is recorded with 1 away goals, but it scored 2"),
    Case("winner follows the rules", "TieWinnerFollowsRules",
         set_value("ex:tie2", "akg:decidedBy", "akg:DecidedOnAggregate"), (("tie2", V),),
         passes=both(set_value("ex:rules", "akg:awayGoalsRule", "false"),
                     set_value("ex:tie2", "akg:decidedBy", "akg:DecidedOnHigherSeed")),
         says="recorded as won by Beta (on aggregate), but its legs and the stated rules give Beta (on away goals)"),
    Case("the higher seed is the second leg's host", "TieWinnerFollowsRules",
         both(set_value("ex:rules", "akg:awayGoalsRule", "false"), "DELETE WHERE { ?entry akg:seed ?seed }",
              set_value("ex:tie2", "akg:decidedBy", "akg:DecidedOnHigherSeed"),
              set_value("ex:tie2", "akg:winner", "ex:gamma")), (("tie2", V),),
         passes=both(set_value("ex:rules", "akg:awayGoalsRule", "false"), "DELETE WHERE { ?entry akg:seed ?seed }",
                     set_value("ex:tie2", "akg:decidedBy", "akg:DecidedOnHigherSeed"))),
    Case("unexplained decisions are reported", "TieDecisionExplained",
         set_value("ex:tie4", "akg:decidedBy", "akg:DecisionNotStated"), (("tie4", W),),
         says="Alfa won 2–1 on aggregate; the article states no rules for the 2031 promotion final"),
    Case("incomplete ties", "TieComplete", drop("ex:tie1", "akg:secondLeg"), (("tie1", W),),
         passes=both(drop("ex:tie1", "akg:secondLeg"), set_value("ex:rules", "akg:legsPerTie", "1")),
         says="names 2 of its 2 clubs and gives 1 of its 2 legs"),
    Case("second leg after the first", "SecondLegAfterFirst",
         set_value("ex:sf1b", "schema:startDate", '"2030-11-20"^^xsd:date'), (("tie1", W),),
         passes=set_value("ex:sf1b", "schema:startDate", '"2030-11-21"^^xsd:date')),
    Case("away goals within the aggregate", "TieSideShape", set_value("ex:tie1alfa", "akg:awayGoals", "4"),
         (("tie1alfa", V),)),
    # Matches and goals --------------------------------------------------------------------------------------------
    Case("scores are not negative", "MatchShape", set_value("ex:sf1a", "akg:homeScore", "-1"), (("sf1a", V),),
         passes=set_value("ex:sf1b", "akg:homeScore", "0")),
    Case("a club does not play itself", "MatchShape", set_value("ex:m0", "schema:awayTeam", "ex:alfa"),
         (("m0", V),)),
    Case("a match has a round", "MatchShape", drop("ex:m0", "akg:round"), (("m0", W),)),
    Case("goals do not exceed the score", "ScorersNotBeyondScore",
         add("ex:extra a akg:Goal ; akg:match ex:m0 ; akg:forClub ex:alfa ."), (("m0", W),),
         passes=both(add("ex:extra a akg:Goal ; akg:match ex:m0 ; akg:forClub ex:alfa ."),
                     set_value("ex:m0", "akg:homeScore", "2")),
         says="the article lists 2 goals for Alfa, more than the 1 it scored"),
    Case("a shortfall of scorers is reported", "ScorersCoverScore", "DELETE WHERE { ex:g0 ?p ?o }", (("m0", W),),
         passes=both("DELETE WHERE { ex:g0 ?p ?o }", set_value("ex:m0", "akg:homeScore", "0")),
         says="Alfa scored 1, but the article lists only 0 of its scorers"),
    Case("clubs of the season", "ClubsOfTheSeason", "DELETE WHERE { ex:gammaSeason ?p ?o }",
         (("sf2a", W), ("sf2b", W)), passes="DELETE WHERE { ?clubSeason a akg:ClubSeason ; ?p ?o }",
         says="Gamma plays"),
    Case("a goal has a minute", "GoalShape", drop("ex:g0", "akg:minute"), (("g0", W),)),
    Case("a goal has a player", "GoalShape", set_value("ex:g0", "akg:scorer", "ex:alfa"), (("g0", V),)),
    Case("minute within the match", "GoalMinuteInPlay", set_value("ex:g0", "akg:minute", "95"), (("g0", W),),
         passes=both(set_value("ex:g0", "akg:minute", "95"), add("ex:m0 akg:afterExtraTime true .")),
         says="is dated minute 95, which is not in the 90 minutes of Alfa 1–0 Beta (1 August 2030)"),
    Case("stoppage time ends a period", "GoalMinuteInPlay", set_value("ex:g3", "akg:minute", "44"), (("g3", W),),
         passes=set_value("ex:g3", "akg:minute", "90"), says="minute 44+2"),
    Case("a goal counts for a club of its match", "GoalForAClubOfTheMatch",
         set_value("ex:g0", "akg:forClub", "ex:gamma"), (("g0", V),)),
    # Clubs, places, people ----------------------------------------------------------------------------------------
    Case("a club has a name", "ClubShape", drop("ex:zeta", "rdfs:label"), (("zeta", V),)),
    Case("a club season is one club's", "ClubSeasonShape", add("ex:alfaSeason akg:club ex:beta ."),
         (("alfaSeason", V),)),
    Case("capacities are positive", "StadiumShape", set_value("ex:alfaPark", "akg:capacity", "0"),
         (("alfaPark", W),), passes=set_value("ex:alfaPark", "akg:capacity", "1")),
    Case("a capacity statement gives its season, value and lines", "CapacityStatementShape",
         add("ex:cap a akg:CapacityStatement ; akg:capacityOf ex:alfaPark ; akg:season ex:season ; "
             "prov:wasDerivedFrom ex:lines ."), (("cap", V),),
         passes=add("ex:cap a akg:CapacityStatement ; akg:capacityOf ex:alfaPark ; akg:season ex:season ; "
                    "prov:wasDerivedFrom ex:lines ; akg:statedCapacity 9000 .")),
    Case("a stadium is in one city", "StadiumInOneCity",
         add("ex:gammaSeason akg:stadium ex:alfaPark ; akg:city ex:betaTown ."), (("alfaPark", W),),
         passes=add("ex:gammaSeason akg:stadium ex:alfaPark ; akg:city ex:alfaTown ."),
         says="place Alfa Park in Alfa Town (2030–31) and in Beta Town (2030–31)"),
    Case("a city has a name", "CityShape", drop("ex:deltaTown", "rdfs:label"), (("deltaTown", V),)),
    Case("nationality codes", "PlayerShape", set_value("ex:striker", "akg:nationality", '"Mexico"'),
         (("striker", V),)),
    Case("a manager has a name", "ManagerShape", drop("ex:coach", "rdfs:label"), (("coach", V),)),
    Case("seeds count from one", "LiguillaEntryShape", set_value("ex:entryAlfa", "akg:seed", "0"),
         (("entryAlfa", V),)),
    # Titles and changes -------------------------------------------------------------------------------------------
    Case("a title has a club", "TitleShape", drop("ex:titleApertura", "akg:club"), (("titleApertura", V),)),
    Case("a title's club is the champion", "TitleIsChampion", set_value("ex:titleApertura", "akg:club", "ex:beta"),
         (("titleApertura", V),)),
    Case("a change has a season", "ClubChangeShape", drop("ex:dissolution", "akg:season"), (("dissolution", V),)),
    Case("a promotion's league", "PromotionShape", set_value("ex:promotion", "akg:league", "ex:alfa"),
         (("promotion", V),)),
    Case("a relegation's club", "RelegationShape", drop("ex:relegation", "akg:club"), (("relegation", V),)),
    Case("a rebranding names the new identity", "RebrandingShape",
         both(drop("ex:move", "akg:newName"), drop("ex:move", "akg:newClub")), (("move", V),),
         passes=drop("ex:move", "akg:newName")),
    Case("a relocation names the city", "RelocationShape", drop("ex:move", "akg:newCity"), (("move", V),)),
    Case("a relocation agrees with the stadia table", "RelocationMatchesStadia",
         set_value("ex:deltaSeason", "akg:city", "ex:betaTown"), (("move", W),),
         says="says Delta moved to Delta Town for the 2030–31 Mini season, but its stadia table places Delta in Beta Town"),
    Case("a dissolution's club", "DissolutionShape", drop("ex:dissolution", "akg:club"), (("dissolution", V),)),
    Case("a suspension's club", "SuspensionShape", drop("ex:suspension", "akg:club"), (("suspension", V),)),
    Case("a franchise purchase's league", "FranchisePurchaseShape", set_value("ex:purchase", "akg:league", "ex:gamma"),
         (("purchase", V),)),
    Case("an image change's club", "ImageChangeShape", drop("ex:logo", "akg:club"), (("logo", V),)),
    # Tables -------------------------------------------------------------------------------------------------------
    Case("a table covers something", "TableShape", drop("ex:standings", "akg:tableOf"), (("standings", V),)),
    Case("updated after the tournament began", "TableUpdatedAfterStart",
         set_value("ex:scorers", "akg:updatedOn", '"2030-06-30"^^xsd:date'), (("scorers", W),),
         passes=set_value("ex:scorers", "akg:updatedOn", '"2030-07-01"^^xsd:date'),
         says="last updated on 30 June 2030, the article says, before Apertura 2030"),
    Case("standings rows only", "StandingsTableShape",
         add("ex:stray a akg:TableRow , akg:TopScorerRow ; akg:table ex:standings ."), (("standings", V),)),
    Case("top-scorer rows only", "TopScorerTableShape",
         add("ex:stray a akg:TableRow , akg:StandingsRow ; akg:table ex:scorers ."), (("scorers", V),)),
    Case("top scorers give goals", "TopScorerGoalsGiven", drop("ex:scorers2", "akg:goals"), (("scorers", W),),
         says="1 of the 3 rows of the Apertura 2030 top scorers gives no goals (row 2)"),
    Case("top scorers in the stated order", "TopScorerOrder",
         set_value("ex:scorers2", "akg:goalFrequency", "70.0"), (("scorers", W),),
         passes=both(set_value("ex:scorers2", "akg:goalFrequency", "70.0"), set_value(
             "ex:scorers", "akg:sortRule", '"Players sorted first by goals scored, then by last name."')),
         says="row 2 (Bea Winger) comes after row 1 (Ana Striker), against the order the article states: both scored 5, and a goal every 70 minutes comes after one every 80"),
    Case("top scorers by last name", "TopScorerOrder",
         set_value("ex:scorers", "akg:sortRule", '"Players sorted first by goals scored, then by last name."') + " ;\n"
         + set_value("ex:striker", "rdfs:label", '"Ana Zúñiga"'), (("scorers", W),),
         passes=set_value("ex:scorers", "akg:sortRule", '"Players sorted first by goals scored, then by last name."'),
         says="Bea Winger comes after Ana Zúñiga by last name"),
    Case("relegation rows only", "RelegationTableShape",
         add("ex:stray a akg:TableRow , akg:StandingsRow ; akg:table ex:relegationTable ."), (("relegationTable", V),)),
    Case("relegation tables give ratios", "RelegationRatioGiven", drop("ex:relegation1", "akg:ratio"),
         (("relegationTable", W),), says="1 of the 2 rows"),
    Case("rows count from one", "TableRowShape", set_value("ex:standings1", "akg:rowIndex", "0"), (("standings1", V),)),
    Case("standings numbers are not negative", "StandingsRowShape", set_value("ex:standings1", "akg:won", "-1"),
         (("standings1", V),)),
    Case("played is won plus drawn plus lost", "StandingsPlayed", set_value("ex:standings1", "akg:played", "4"),
         (("standings1", W),), says="4 played, but 2 won + 1 drawn + 0 lost make 3"),
    Case("points are three a win and one a draw", "StandingsPoints", set_value("ex:standings1", "akg:points", "8"),
         (("standings1", W),), says="8 points, but 2 wins and 1 draws make 7"),
    Case("goal difference", "StandingsGoalDifference", set_value("ex:standings1", "akg:goalDifference", "3"),
         (("standings1", W),), says="goal difference 3, but 5 scored and 1 conceded make 4"),
    Case("goals are not negative", "TopScorerRowShape", set_value("ex:scorers3", "akg:goals", "-1"),
         (("scorers3", V),)),
    # A string is no decimal, nor comparable with the minimum 0: two results.
    Case("ratios are decimals", "RelegationRowShape", set_value("ex:relegation1", "akg:ratio", '"1.5"'),
         (("relegation1", V), ("relegation1", V))),
    Case("total is the sum of the tournaments", "RelegationTotal", set_value("ex:relegation1", "akg:points", "31"),
         (("relegation1", W),), says="a total of 31 points, but its tournament columns add up to 30"),
    Case("ratio is points per game", "RelegationRatio", set_value("ex:relegation1", "akg:ratio", "1.6"),
         (("relegation1", W),), passes=set_value("ex:relegation1", "akg:ratio", "1.50004"),
         says="the ratio is given as 1.6, but 30 points in 20 games make 1.5"),
    Case("tournament points are not negative", "TournamentPointsShape",
         set_value("ex:relegation1apertura", "akg:points", "-1"), (("relegation1apertura", V),)),
]
