"""Gold: seasons and tournaments, with the dates the articles' prose gives (and none where it gives none)."""

from __future__ import annotations

import pytest

from ascenso_kg.iris import Iris

IRIS = Iris()

# season, competition name (infobox), start, end (lead paragraph), previous, next
SEASONS = [
    ("2011-12", "Liga de Ascenso", None, None, "2010-11", "2012-13"),  # line 12 gives no dates
    ("2012-13", "Ascenso MX", "2012-07-20", "2013-05-11", "2011-12", "2013-14"),  # line 12
    ("2013-14", "Ascenso MX", "2013-07-19", "2014-04-12", "2012-13", "2014-15"),  # line 12
]

# tournament, season, start, end
TOURNAMENTS = [
    ("apertura-2011", "2011-12", "2011-07-24", None),  # 2011-12 line 51: "It began on 24 July 2011."
    ("clausura-2012", "2011-12", "2012-01-06", "2012-04-15"),  # 2011-12 line 80
    ("apertura-2012", "2012-13", "2012-07-20", "2012-12-01"),  # 2012-13 line 45
    ("clausura-2013", "2012-13", "2013-01-04", "2013-05-11"),  # 2012-13 line 90
    ("apertura-2013", "2013-14", "2013-07-19", "2013-11-30"),  # 2013-14 line 47
    ("clausura-2014", "2013-14", None, None),  # the Clausura 2014 section has no dates
]


@pytest.mark.parametrize("season, competition, start, end, previous, next_", SEASONS)
def test_season(select, season, competition, start, end, previous, next_):
    rows = select(f"""
        SELECT DISTINCT ?competition ?start ?end ?previous ?next WHERE {{
          <{IRIS.season(season)}> a akg:Season ; akg:competitionName ?competition ;
              akg:previousSeason ?previous ; akg:nextSeason ?next .
          OPTIONAL {{ <{IRIS.season(season)}> schema:startDate ?start }}
          OPTIONAL {{ <{IRIS.season(season)}> schema:endDate ?end }}
        }}""")
    assert rows == [{"competition": competition, "start": start, "end": end,
                     "previous": IRIS.season(previous), "next": IRIS.season(next_)}]


@pytest.mark.parametrize("tournament, season, start, end", TOURNAMENTS)
def test_tournament(select, tournament, season, start, end):
    rows = select(f"""
        SELECT DISTINCT ?season ?start ?end WHERE {{
          <{IRIS.tournament(tournament)}> a akg:Tournament ; akg:season ?season .
          OPTIONAL {{ <{IRIS.tournament(tournament)}> schema:startDate ?start }}
          OPTIONAL {{ <{IRIS.tournament(tournament)}> schema:endDate ?end }}
        }}""")
    assert rows == [{"season": IRIS.season(season), "start": start, "end": end}]
