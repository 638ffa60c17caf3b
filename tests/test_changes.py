"""Club changes from the bullets of a 'Changes' section: which club, which kinds, the new name, club and city.

The seed bullets, one line each, then variants they do not show.
"""

from __future__ import annotations

import pytest

from ascenso_kg.iris import slugify
from ascenso_kg.mappings.interpret.changes import read_change
from ascenso_kg.mappings.mapping_tables import default_tables
from ascenso_kg.mappings.interpret.name_resolution import NameResolver
from ascenso_kg.mappings.interpret.records import Span

LINE = 21


def read(text: str, article: str = "invented-article", line: int = LINE):
    tables = default_tables()
    names = NameResolver(tables)
    problems: list[tuple] = []
    records = read_change(
        text, Span(article, line, line), "2030-31", 1, tables, names,
        lambda name, line: names.club(name, article, line) or slugify(name), lambda *problem: problems.append(problem),
    )
    return records, problems


def summary(records) -> list[tuple]:
    return [(r.club, set(r.kinds), r.new_club, r.new_name, r.new_city, r.league) for r in records]


@pytest.mark.parametrize("text, expected", [
    ("Alacranes de Durango finished last in the 2010-2011 season and went bankrupt after several financial problems.",
     [("alacranes-de-durango", {"Dissolution"}, None, None, None, None)]),
    ("Atlante UTN was renamed Toros Neza.", [("atlante-utn", {"Rebranding"}, "neza", "Toros Neza", None, None)]),
    ("Tijuana won promotion to Liga MX.", [("tijuana", {"Promotion"}, None, None, None, "liga-mx")]),
    ("Celaya won promotion to Liga de Ascenso from Segunda División de México.",
     [("celaya", {"Promotion"}, None, None, None, "segunda-division")]),
    ("Mérida FC changed name to FC Mérida and updated logo.",
     [("merida", {"Rebranding", "ImageChange"}, None, "FC Mérida", None, None)]),
    ("Lobos de la BUAP changed logo.", [("lobos-buap", {"ImageChange"}, None, None, None, None)]),
    ("Indios were suspended after the Apertura 2011 due to financial problems.",
     [("indios", {"Suspension"}, None, None, None, None)]),
    ("Tecos were relegated from Liga MX.", [("tecos", {"Relegation"}, None, None, None, "liga-mx")]),
    ("Toros Neza was rebranded Delfines F.C. and moved to Ciudad del Carmen, Campeche.",
     [("neza", {"Rebranding", "Relocation"}, "delfines", "Delfines F.C.", "ciudad-del-carmen", None)]),
    ("Irapuato FC was rebranded Zacatepec and moved to Zacatepec de Hidalgo, Morelos.",
     [("irapuato", {"Rebranding", "Relocation"}, "zacatepec", "Zacatepec", "zacatepec-de-hidalgo", None)]),
    ("Pumas Morelos were relegated to Segunda División de México, the team disappeared after the relegation.",
     [("pumas-morelos", {"Relegation", "Dissolution"}, None, None, None, "segunda-division")]),
    ("C.F. La Piedad were promoted to Liga MX. But rebranded Tiburones Rojos de Veracruz and Moved to Veracruz.",
     [("la-piedad", {"Promotion", "Rebranding", "Relocation"}, "tiburones-rojos-de-veracruz",
       "Tiburones Rojos de Veracruz", "veracruz", "liga-mx")]),
    ("Titanes de Tulancingo, winners of Segunda División de México did not obtain a license to compete. The "
     "runners-up Tecamachalco also did not obtain a license. Since no teams were promoted from the Segunda, the "
     "total number of teams competing was reduced to fifteen.",
     [("titanes-de-tulancingo", {"Suspension"}, None, None, None, None),
      ("tecamachalco", {"Suspension"}, None, None, None, None)]),
    # variants the seeds do not show
    ("Celaya was relegated to Segunda División de México. León was promoted to Liga MX.",
     [("celaya", {"Relegation"}, None, None, None, "segunda-division"),
      ("leon", {"Promotion"}, None, None, None, "liga-mx")]),
    ("Tijuana won promotion to Liga MX. Necaxa were relegated from Liga MX.",
     [("tijuana", {"Promotion"}, None, None, None, "liga-mx"),
      ("necaxa", {"Relegation"}, None, None, None, "liga-mx")]),
    ("Irapuato FC moved to Zacatepec de Hidalgo, Morelos.",
     [("irapuato", {"Relocation"}, None, None, "zacatepec-de-hidalgo", None)]),
    ("Necaxa bought the franchise of Cruz Azul Hidalgo.",
     [("necaxa", {"FranchisePurchase"}, None, None, None, None)]),
])
def test_change(text, expected):
    records, problems = read(text)
    assert summary(records) == expected
    assert [record.number for record in records] == list(range(1, len(records) + 1))
    assert all(record.text == text and record.span.first == LINE for record in records)
    assert problems == []


def test_avoided_relegation_is_no_relegation():
    records, _ = read("U. de G. avoided relegation due to the disaffiliation to Indios.")
    kinds = {record.club: set(record.kinds) for record in records}
    assert kinds["indios"] == {"Suspension"}
    assert "Relegation" not in kinds.get("udeg", set())


def test_change_of_a_club_the_tables_do_not_know_is_reported_with_its_line():
    records, problems = read("Club Fantasma folded.")
    assert records == []
    assert problems and all(line == LINE and severity == "warning" for line, _, severity in problems)


@pytest.mark.parametrize("line, club", [(18, "tiburones-rojos-de-veracruz"), (48, "veracruz")])
def test_a_name_scoped_to_one_line_of_one_article(line, club):
    """'Veracruz' on line 18 of the 2011-12 article is the club suspended in 2011 (line 19 renames Orizaba
    Veracruz); elsewhere in that article it is the renamed Orizaba."""
    records, _ = read("Veracruz were suspended after the Clausura 2011 season for not paying players.",
                      article="2011-12-liga-de-ascenso-season", line=line)
    assert [record.club for record in records] == [club]
