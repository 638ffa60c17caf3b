"""The example queries of the editor (queries/*.rq): each has its header, and each answers, on the real build
(plus a hand-written validation report), exactly the rows the articles say it should."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.checkout import ROOT
from ascenso_kg.server.examples import load_examples, read_example
from ascenso_kg.server.sparql.query_text import analyse_query

# The federated examples call Wikidata through SERVICE: tests/linking/test_federation.py runs them against a stand-in.
EXAMPLES = [example for example in load_examples(ROOT / "queries") if not analyse_query(example.text).services]
UNORDERED_LISTS = {"cities", "which"}  # GROUP_CONCAT columns: their order is not defined

# Expected rows, in the order of each query's ORDER BY; integers as int, unbound as None.
EXPECTED: dict[str, list[tuple]] = {
    "01-top-scorers-per-tournament": [
        ('Apertura 2011', 'Roberto Nicolás Saucedo', 'Correcaminos UAT', None),
        ('Apertura 2012', 'Víctor Lojero', 'Necaxa', 11),
        ('Apertura 2012 Liguilla', 'Gustavo A. Ramírez', 'Dorados de Sinaloa', 4),
        ('Clausura 2013', 'Víctor Lojero', 'Necaxa', 12),
    ],
    "02-finals": [
        ('2012 promotion final', 'Correcaminos UAT 2–1 León (9 May 2012)',
         'León 5–0 Correcaminos UAT (12 May 2012)', 'León'),
        ('2013 promotion final', 'La Piedad 0–1 Neza (15 May 2013)', 'Neza 0–1 La Piedad (18 May 2013)',
         'La Piedad'),
        ('2014 promotion final', 'Estudiantes Tecos 0–0 Leones Negros UdeG (7 May 2014)',
         'Leones Negros UdeG 1–1 Estudiantes Tecos (10 May 2014)', 'Leones Negros UdeG'),
        ('Apertura 2013 Liguilla final', 'Leones Negros UdeG 1–0 Necaxa (27 November 2013)',
         'Necaxa 1–1 Leones Negros UdeG (30 November 2013)', 'Leones Negros UdeG'),
        ('Clausura 2012 Liguilla final', 'Lobos BUAP 3–3 León (2 May 2012)', 'León 4–0 Lobos BUAP (5 May 2012)',
         'León'),
        ('Clausura 2013 Liguilla final', 'Neza 3–0 Necaxa (8 May 2013)', 'Necaxa 0–1 Neza (11 May 2013)', 'Neza'),
        ('Clausura 2014 Liguilla final', 'Estudiantes Tecos 0–0 Correcaminos UAT (30 April 2014)',
         'Correcaminos UAT 1–1 Estudiantes Tecos (3 May 2014)', 'Estudiantes Tecos'),
    ],
    "03-ties-decided-on-away-goals": [
        ('Apertura 2012 Liguilla semifinals', 'Dorados de Sinaloa', 3, None, 'Dorados de Sinaloa'),
        ('Clausura 2014 Liguilla final', 'Correcaminos UAT', 1, 0, 'Estudiantes Tecos'),
        ('Clausura 2014 Liguilla final', 'Estudiantes Tecos', 1, 1, 'Estudiantes Tecos'),
    ],
    "04-one-clubs-liguilla-path": [
        ('Clausura 2012 Liguilla quarterfinals', 'Leones Negros UdeG', 1, 1, 'true'),
        ('Clausura 2012 Liguilla semifinals', 'Lobos BUAP', 1, 3, 'false'),
        ('Clausura 2013 Liguilla quarterfinals', 'Veracruz', 6, 3, 'true'),
        ('Clausura 2013 Liguilla semifinals', 'Correcaminos UAT', 6, 4, 'true'),
        ('Clausura 2013 Liguilla final', 'Neza', 0, 4, 'false'),
        ('Apertura 2013 Liguilla quarterfinals', 'Atlético San Luis', 4, 0, 'true'),
        ('Apertura 2013 Liguilla semifinals', 'Delfines', 7, 0, 'true'),
        ('Apertura 2013 Liguilla final', 'Leones Negros UdeG', 1, 2, 'false'),
        ('Clausura 2014 Liguilla quarterfinals', 'Delfines', 6, 3, 'true'),
        ('Clausura 2014 Liguilla semifinals', 'Estudiantes Tecos', 0, 0, 'false'),
    ],
    "05-stadiums-by-capacity": [
        ('Estadio Jalisco', 55020, frozenset({'Guadalajara'})),
        ('Estadio Nou Camp', 31297, frozenset({'León'})),
        ('Estadio Luis de la Fuente', 28703, frozenset({'Veracruz'})),
        ('Estadio Alfonso Lastras', 25111, frozenset({'San Luis Potosí'})),
        ('Estadio Sergio León Chávez', 25000, frozenset({'Irapuato'})),
        ('Estadio Victoria', 23851, frozenset({'Aguascalientes'})),
        ('Estadio Miguel Alemán', 23182, frozenset({'Celaya'})),
        ('Estadio Neza 86', 20000, frozenset({'Ciudad Nezahualcóyotl'})),
        ('Estadio Olímpico Benito Juárez', 19703, frozenset({'Ciudad Juárez'})),
        ('Estadio Olímpico de C.U.', 19283, frozenset({'Puebla'})),
        ('Estadio Tres de Marzo', 18779, frozenset({'Zapopan'})),
        ('Estadio Banorte', 17898, frozenset({'Culiacán'})),
        ('Estadio Mariano Matamoros', 16000, frozenset({'Xochitepec'})),
        ('Estadio Carlos Iturralde', 15087, frozenset({'Mérida'})),
        ('Estadio Centenario', 14800, frozenset({'Cuernavaca'})),
        ('Estadio 10 de Diciembre', 14500, frozenset({'Jasso', 'Ciudad Cooperativa Cruz Azul'})),
        ('Estadio Juan N. López', 13356, frozenset({'La Piedad'})),
        ('Estadio Marte R. Gómez', 10520, frozenset({'Ciudad Victoria'})),
        ('Estadio Benito Juárez', 10250, frozenset({'Oaxaca'})),
        ('Estadio Altamira', 9581, frozenset({'Altamira'})),
        ('Unidad Deportiva Campus II de la UAC', 8985, frozenset({'Ciudad del Carmen'})),
    ],
    "06-players-who-scored-in-more-than-one-season": [
        ('https://w3id.org/ascenso-kg/resource/player/necaxa/victor-lojero', 'Víctor Lojero', 2,
         frozenset({'2011–12', '2012–13'})),
    ],
    "07-validation-warnings-per-season": [
        ('2012–13', 2),
        ('2013–14', 1),
    ],
    "08-clubs-across-their-renamings": [
        ('Atlante UTN', 'Delfines'),
        ('Atlante UTN', 'Neza'),
        ('Irapuato', 'Zacatepec'),
        ('La Piedad', 'Tiburones Rojos de Veracruz'),
        ('Neza', 'Delfines'),
        ('Orizaba', 'Atlético San Luis'),
        ('Orizaba', 'Veracruz'),
        ('Tecamachalco', 'Alebrijes de Oaxaca'),
        ('Veracruz', 'Atlético San Luis'),
    ],
    "09-champions-and-promotion": [
        ('2011–12', 'Apertura 2011', 'Correcaminos UAT', 'León'),
        ('2011–12', 'Clausura 2012', 'León', 'León'),
        ('2012–13', 'Apertura 2012', 'La Piedad', 'La Piedad'),
        ('2012–13', 'Clausura 2013', 'Neza', 'La Piedad'),
        ('2013–14', 'Apertura 2013', 'Leones Negros UdeG', 'Leones Negros UdeG'),
        ('2013–14', 'Clausura 2014', 'Estudiantes Tecos', 'Leones Negros UdeG'),
    ],
    "10-highest-scoring-matches": [
        ('Correcaminos UAT 3–3 Necaxa (4 May 2013)', 6),
        ('Lobos BUAP 3–3 León (2 May 2012)', 6),
        ('Leones Negros UdeG 5–0 Mérida (13 November 2013)', 5),
        ('León 5–0 Correcaminos UAT (12 May 2012)', 5),
        ('Necaxa 3–2 Veracruz (24 April 2013)', 5),
    ],
    "11-late-goals": [
        (90, 'R. de Pinho', 'Correcaminos UAT 3–3 Necaxa (4 May 2013)'),
        (90, 'M. Castillo', 'Lobos BUAP 1–0 Neza (19 April 2012)'),
        (90, 'A. Lucio', 'Necaxa 0–1 Neza (11 May 2013)'),
        (90, 'V. Lojero', 'Necaxa 4–1 Delfines (19 April 2014)'),
        (89, 'J. Ibarra', 'Delfines 3–1 Correcaminos UAT (16 November 2013)'),
        (87, 'L. Padilla', 'Necaxa 3–1 Correcaminos UAT (1 May 2013)'),
        (86, 'J. Goncalves', 'Necaxa 1–1 Leones Negros UdeG (30 November 2013)'),
        (85, 'J. Isijara', 'Delfines 0–4 Necaxa (20 November 2013)'),
        (84, 'J. Silva', 'Correcaminos UAT 3–3 Necaxa (4 May 2013)'),
        (83, 'Alatorre', 'Leones Negros UdeG 1–1 Estudiantes Tecos (10 May 2014)'),
        (83, 'E. Mendoza', 'Leones Negros UdeG 5–0 Mérida (13 November 2013)'),
        (83, 'Nelson Sebastián Maz', 'León 4–0 Lobos BUAP (5 May 2012)'),
        (83, 'C. Hurtado', 'Necaxa 3–0 Delfines (23 November 2013)'),
        (83, 'R. Vilchis', 'Neza 2–1 Lobos BUAP (24 April 2013)'),
        (81, 'Nelson Sebastián Maz', 'León 4–0 Lobos BUAP (5 May 2012)'),
        (81, 'D. Jiménez', 'Mérida 1–1 Correcaminos UAT (21 April 2012)'),
        (80, 'E. Pacheco', 'Correcaminos UAT 3–3 Necaxa (4 May 2013)'),
        (80, 'H. Martín', 'Mérida 2–0 Leones Negros UdeG (16 November 2013)'),
    ],
    "12-relegation-table-bottom": [
        ('2012–13', 'Pumas Morelos', '1.0824'),
        ('2012–13', 'Cruz Azul Hidalgo', '1.1071'),
        ('2012–13', 'Leones Negros UdeG', '1.1882'),
        ('2013–14', 'Zacatepec', '0.9524'),
        ('2013–14', 'Ballenas Galeana', '1'),
        ('2013–14', 'Cruz Azul Hidalgo', '1.0238'),
    ],
    "13-where-a-fact-comes-from": [
        (167, 169, '2012-13-ascenso-mx-season.txt',
         'https://en.wikipedia.org/wiki/2012%E2%80%9313_Ascenso_MX_season'),
    ],
    "14-how-ties-were-decided": [
        ('on aggregate', 20),
        ('higher seed advanced', 4),
        ('not stated in the article', 2),
        ('on away goals', 2),
    ],
    "15-liguilla-managers-and-captains": [
        ('Apertura 2012 Liguilla', 1, 'Necaxa', 'Jaime Ordiales', 'Víctor Lojero'),
        ('Apertura 2012 Liguilla', 2, 'Neza', 'Carlos Bustos', 'Diego Mejía'),
        ('Apertura 2012 Liguilla', 3, 'Estudiantes Tecos', 'Héctor Hugo Eugui', 'Diego Jiménez'),
        ('Apertura 2012 Liguilla', 4, 'Lobos BUAP', 'Sergio Orduña', 'Alex Diego'),
        ('Apertura 2012 Liguilla', 5, 'Mérida', 'Ricardo Valiño', 'Eder Patiño'),
        ('Apertura 2012 Liguilla', 6, 'La Piedad', 'Cristóbal Ortega', 'Luis Antonio Martínez'),
        ('Apertura 2012 Liguilla', 7, 'Dorados de Sinaloa', 'Francisco Javier Ramírez', 'Cuauhtémoc Blanco'),
    ],
}


def plain_rows(document: dict) -> list[tuple]:
    """SPARQL JSON results as tuples of plain values, in the head's variable order."""
    variables = document["head"]["vars"]
    rows = []
    for binding in document["results"]["bindings"]:
        row = []
        for name in variables:
            term = binding.get(name)
            if term is None:
                row.append(None)
            elif term.get("datatype") == "http://www.w3.org/2001/XMLSchema#integer":
                row.append(int(term["value"]))
            elif name in UNORDERED_LISTS:
                row.append(frozenset(term["value"].split(", ")))
            else:
                row.append(term["value"])
        rows.append(tuple(row))
    return rows


def run(client, text: str) -> list[tuple]:
    response = client.post("/sparql", data={"query": text}, headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.get_data(as_text=True)
    return plain_rows(json.loads(response.data))


def test_there_are_at_least_twelve_examples_each_with_expected_rows():
    assert len(EXAMPLES) >= 12
    assert {e.name for e in EXAMPLES} == set(EXPECTED)
    assert all(e.title and e.description for e in EXAMPLES)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.name)
def test_example_answers_its_expected_rows(examples_client, example):
    assert run(examples_client, example.text) == EXPECTED[example.name]


def test_an_example_without_its_header_is_refused_with_its_file_name(tmp_path: Path):
    path = tmp_path / "no-header.rq"
    path.write_text("# title: A title only\nSELECT * { ?s ?p ?o }\n")
    with pytest.raises(ValueError, match="no-header.rq.*description"):
        read_example(path)


def test_editor_offers_every_example(client):
    page = client.get("/sparql", headers={"Accept": "text/html"}).get_data(as_text=True)
    for example in EXAMPLES:
        assert f'data-example="{example.name}"' in page
