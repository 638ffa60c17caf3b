"""The gaps the family's articles showed: a final's own title read as a competition's name, clubs and stadiums the
tables do not know (minted from their cleaned names and reported, labelled as written), club-change sentences about
such clubs, and a last line cut inside by the excerpt's end."""

from __future__ import annotations

from pathlib import Path

import pytest

from ascenso_kg.iris import AKG, RDFS, Iris
from ascenso_kg.mappings.mapping_tables import default_tables
from ascenso_kg.mappings.interpret.article import interpret
from ascenso_kg.mappings.pipeline import map_articles
from ascenso_kg.mappings.read.reader import read_text

SEASON_HEAD = "= 2030–31 Ascenso MX season =\n\n"
CHANGES = SEASON_HEAD + "==Changes for the 2030–31 season==\n"


def _records(text: str):
    return interpret(read_text(text, "test.txt"), "test", default_tables())


def _build(tmp_path: Path, articles: dict[str, str]):
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = map_articles(tmp_path, Iris())
    return result, result.nquads().decode()


FINAL = """= Apertura 2030 Copa MX final =

Infobox
- Title: Apertura 2030 Copa MX final
- Event: Apertura 2030 Copa MX
- Team1: Cometas del Norte
- Team2: Real Pinole
"""
CUP = """= Apertura 2030 Copa MX =

Infobox
- Title: Copa MX
- Champions: Cometas del Norte
"""


def test_a_final_s_own_title_is_not_read_as_its_competition_s_name(tmp_path):
    records, coverage, _ = _records(FINAL)
    assert records.seasons[0].competition_name is None
    assert coverage.explained[4] == "skipped: infobox Title: the article's own title (a final's, a Liguilla's), " \
                                    "not a competition's name"
    _, quads = _build(tmp_path, {"final.txt": FINAL, "cup.txt": CUP})
    names = {line.split(f"<{AKG}competitionName> ")[1].rsplit(" <", 1)[0] for line in quads.splitlines()
             if f"<{AKG}competitionName>" in line}
    assert names == {'"Copa MX"'}


@pytest.mark.parametrize("bullet, clubs, kinds", [
    ("- Acapulco was bought by Toluca, the team was relocated to State of Mexico and renamed Atlético Mexiquense.",
     ["acapulco"], [["FranchisePurchase", "Relocation", "Rebranding"]]),
    ("- Cuautitlán relocated to Puebla and renamed Lobos UAP.", ["cuautitlan"], [["Relocation", "Rebranding"]]),
    ("- Due to the lack of local economic support, Tampico Madero was sold.", ["tampico-madero"],
     [["FranchisePurchase"]]),
    ("- Lozaro, Guerreros Acapulco and San Miguel Caudillos dissolved.",
     ["lozaro", "guerreros-acapulco", "san-miguel-caudillos"], [["Dissolution"]] * 3),
    ('- Atlas "B" was promoted from Liga de Nuevos Talentos.', ["atlas-b"], [["Promotion"]]),
    ("- Guerreros de Tabasco, new expansion team.", ["guerreros-de-tabasco"], [[]]),
])
def test_a_change_about_clubs_the_tables_do_not_know_mints_them(bullet, clubs, kinds):
    records, coverage, problems = _records(CHANGES + bullet + "\n")
    assert [change.club for change in records.changes] == clubs
    assert [sorted(change.kinds) for change in records.changes] == [sorted(kind) for kind in kinds]
    assert coverage.explained[4] == "mapped"
    reported = [p.message for p in problems if p.line == 4 and "is not in mappings/tables/club_aliases.csv" in p.message]
    assert all(sum(f"recorded as club {club!r}" in message for message in reported) == 1 for club in clubs)


@pytest.mark.parametrize("bullet, new_name, city", [
    ("- Leones de Morelos was renamed to Querétaro F.C.", "Querétaro F.C.", None),
    ("- Coyotes de Sonora was moved to Zapotlanejo and was renamed as Académicos de Atlas.", "Académicos de Atlas",
     "zapotlanejo"),
    ("- Tigrillos moved from Mexico City to Los Mochis and became Tigrillos Broncos.", "Tigrillos Broncos",
     "los-mochis"),
    ("- Valle Verde F.C. moved to Tuxtla Gutiérrez and became Tuxtla F.C.", "Tuxtla F.C.", "tuxtla-gutierrez"),
])
def test_a_change_s_new_name_and_city_are_read_as_written(bullet, new_name, city):
    records, _, _ = _records(CHANGES + bullet + "\n")
    assert [(change.new_name, change.new_city) for change in records.changes] == [(new_name, city)]


def test_a_sentence_opening_with_a_conjunction_or_an_institution_mints_no_club():
    text = CHANGES + ("- The Mexican Football Federation forced each team to have a reserve team.\n"
                      "- Since 2030–31 season, the season will once again be divided into two tournaments.\n")
    records, _, _ = _records(text)
    assert records.changes == [] and not records.clubs_named


def test_a_last_line_cut_inside_is_never_read(tmp_path):
    text = CHANGES + "- Tampico Madero was moved to Salamanca and renamed Petroleros de"  # no final line break
    records, coverage, _ = _records(text)
    assert records.changes == []
    assert coverage.explained[4] == "skipped: cut by the end of the excerpt (truncated); not read"


def test_unknown_clubs_and_stadiums_are_labelled_by_their_cleaned_names(tmp_path):
    text = ("= 2030 Ascenso MX Apertura Liguilla =\n\n==Quarter-finals==\n===First leg===\n"
            "2030-11-20\nCometas del Norte 1-1 Real Pinole\n\n"
            "= =\n")
    venues = SEASON_HEAD + "==Stadiums and locations==\n| Club | City | Stadium | Capacity |\n" \
                           "| Cometas del Norte | Villa Norte | Estadio Cometa | 9,581 |\n"
    result, quads = _build(tmp_path, {"2030-ascenso-mx-apertura-liguilla.txt": text, "season.txt": venues})
    labels = {line.split(" ", 2)[2] for line in quads.splitlines() if f"<{RDFS}label>" in line}
    assert any(label.startswith('"Cometas del Norte 1–1 Real Pinole') for label in labels), sorted(labels)
    stadium = [line for line in quads.splitlines() if "/resource/stadium/estadio-cometa>" in line.split(" ")[0]]
    assert any('"Estadio Cometa"' in line for line in stadium)
    reports = [p for p in result.problems if "stadium 'Estadio Cometa'" in p.message]
    assert [(p.file, p.line) for p in reports] == [("season.txt", 5)]


@pytest.mark.parametrize("text", [
    "The 2030–31 Liga MX season (known as the Liga Imaginaria for sponsorship reasons) was the 84th professional "
    "top-flight football league season in Mexico.",
    "The 2030–31 Liga Premier de Ascenso season was split in two tournaments Apertura and Clausura.",
    "32 teams participated in this tournament.",
    "<section begin=Quarter-finals />",
    "Santos Laguna won 6–3 on aggregate.",
    "2–2 on aggregate. Toluca advanced due to being the higher seeded club.",
    "The semifinals are scheduled to be played on.",
    "1. superior goal difference;",
    "As winners, Monterrey earned a spot to face the winners of the Clausura 2031 edition, in the 2031 Supercopa MX.",
])
def test_the_family_s_recurring_sentences_are_skipped_with_their_reason(text):
    _, coverage, _ = _records(SEASON_HEAD + "==Overview==\n" + text + "\n")
    assert coverage.explained[4].startswith("skipped: ") and "not understood" not in coverage.explained[4]


def test_a_bullet_about_the_competition_in_the_changes_is_skipped_with_its_reason():
    _, coverage, _ = _records(CHANGES + "- 27 teams will participate in the season.\n"
                                        "- Since 2030–31 season, the season will once again be divided into two "
                                        "tournaments: Apertura and Clausura.\n")
    assert [coverage.explained[4][:9], coverage.explained[5][:9]] == ["skipped: "] * 2
    assert "not understood" not in coverage.explained[4] + coverage.explained[5]


def test_a_table_of_past_appearances_is_skipped_with_its_reason():
    text = SEASON_HEAD + "==Qualified teams==\n| Team | Previous finals appearances (bold indicates winners) |\n" \
                         "| Monterrey | 3 (1964, 1969, 1992) |\n"
    _, coverage, problems = _records(text)
    assert coverage.explained[4] == coverage.explained[5] == \
        "skipped: the finalists' earlier finals: their history, which their own articles hold; not modelled"
    assert not [p for p in problems if p.line in (4, 5)]


def test_a_score_line_split_by_the_rendering_is_one_match():
    text = ("= 2030 Ascenso MX Apertura Liguilla =\n\n==Final==\n===Second leg===\n2030-12-12\nIrapuato 3 - 3\n"
            "(a.e.t.) Necaxa\n  Irapuato: González 15'\n")
    records, coverage, _ = _records(text)
    [match] = records.matches
    assert (match.home, match.away, match.home_score, match.away_score, match.extra_time) == \
        ("irapuato", "necaxa", 3, 3, True)
    assert all(coverage.explained[line] == "mapped" for line in (5, 6, 7, 8))


def test_a_footnote_fragment_before_the_infobox_is_skipped_and_the_infobox_still_read():
    text = ("= 2030–31 Liga MX season =\n\n\"a\"|BUAP was supposed to be relegated.\n- Competition: Liga MX\n"
            "- Season: 2030–31\n")
    records, coverage, _ = _records(text)
    assert coverage.explained[3].startswith("skipped: a footnote's fragment")
    assert records.seasons[0].competition_name == "Liga MX"


def test_neighbours_in_two_leagues_are_no_one_season():
    text = SEASON_HEAD + "Infobox\n- Season: 2030–31\n- Nextseason: LPA 2031–32, LNT 2031–32\n"
    records, coverage, _ = _records(text)
    assert records.seasons[0].next is None
    assert coverage.explained[5].startswith("skipped: infobox Nextseason: names the neighbouring seasons")


def test_a_list_of_created_clubs_mints_each():
    records, _, _ = _records(CHANGES + "- For this reason, new expansion franchises were created: Pumas Morelos, "
                                       "Tecos 'A' and Gallos de Caliente.\n")
    assert [change.club for change in records.changes] == ["pumas-morelos", "tecos-a", "gallos-de-caliente"]


LIGUILLA_FINAL = """= Liga de Ascenso Apertura 2030 Liguilla Final =

Infobox
- Title: Liga de Ascenso Apertura 2030 Liguilla Final
- Team1: Necaxa
- Team1Score: 4
- Team2: Irapuato
- Team2Score: 3
- Details: On aggregate
- Firstleg: First leg
- Team1Score1: 1
- Team2Score1: 0
- Date1: 9 December 2030
- Stadium1: Estadio Victoria
- Referee1: Carlos Manuel Martínez Soto (Mexico)
"""


def test_a_liguilla_final_s_infobox_gives_the_final_tie_s_aggregate_and_no_invented_match():
    records, coverage, problems = _records(LIGUILLA_FINAL)
    [tie] = records.ties
    assert (tie.round.round, [(side.club, side.aggregate) for side in tie.sides]) == \
        ("final", [("necaxa", 4), ("irapuato", 3)])
    assert records.matches == []  # the infobox does not say which side was at home
    assert [coverage.explained[line] for line in (6, 8, 9)] == ["mapped"] * 3
    assert all(coverage.explained[line].startswith("skipped: infobox ") for line in range(10, 16))
    assert not [p for p in problems if "not mapped" in p.message]


def test_a_single_match_final_s_details_are_skipped_with_their_reason():
    text = FINAL + "- Team1Score: 1\n- Team2Score: 0\n- Date: 2030-12-21\n- Stadium: Estadio Cometa\n" \
                   "- City: Villa Norte\n- Referee: Jorge Pérez\n"
    records, coverage, _ = _records(text)
    assert records.ties == [] and records.matches == []
    assert all(coverage.explained[line].startswith("skipped: infobox ") for line in range(8, 14))


def test_a_wikitext_infobox_s_continuation_lines_are_read_with_their_field():
    text = ("2030–31 Ascenso MX season\n{{Infobox football league season\n|competition=Ascenso MX\n"
            "|winners=Apertura: Necaxa\nClausura: Irapuato\n|image =\n|season=2030–31\n}}\n")
    records, coverage, _ = _records(text)
    assert [coverage.explained[line] for line in (4, 5)] == ["mapped", "mapped"]
    assert coverage.explained[6] == "skipped: an empty parameter of the infobox template; it states nothing"
    assert coverage.explained[8] == "skipped: the end of the infobox template"
    assert sorted(title.club for title in records.titles) == ["irapuato", "necaxa"]


@pytest.mark.parametrize("written, city", [
    ("Guadalajara, Jalisco", ("guadalajara", "Guadalajara")),
    ("Nezahualcóyotl, State of Mexico", ("ciudad-nezahualcoyotl", "Ciudad Nezahualcóyotl")),
    ("Comalcalco, Tabasco", ("comalcalco", "Comalcalco")),
    ("Ciudad Cooperativa Cruz Azul, Jasso", ("ciudad-cooperativa-cruz-azul-jasso", "Ciudad Cooperativa Cruz Azul, Jasso")),
])
def test_a_city_followed_by_its_state_is_the_city(written, city):
    from ascenso_kg.mappings.interpret.name_resolution import NameResolver

    assert NameResolver(default_tables()).city(written) == city


def test_a_finals_own_article_gives_its_figures_to_its_tournament():
    records, _, _ = _records(LIGUILLA_FINAL)
    finalists = [record for record in records.statistics if record.field == "finalist"]
    assert finalists and all((record.scope, record.owner) == ("tournament", "apertura-2030") for record in finalists)


def test_a_final_s_attendance_is_not_the_competition_s_total():
    records, coverage, _ = _records(FINAL + "- Attendance: 35,658\n")
    assert [record for record in records.statistics if record.field == "total_attendance"] == []
    assert coverage.explained[8].startswith("skipped: infobox Attendance: the final's attendance")


WIKITEXT_HEAD = "2030–31 Ascenso MX season\n{{Infobox football league season\n|competition=Ascenso MX\n|season=2030–31\n}}\n"


def test_a_wikitext_copy_s_bare_heading_is_read_as_its_heading():
    records, coverage, _ = _records(WIKITEXT_HEAD + "Changes from the previous season\n"
                                                    "- Cuautitlán relocated to Puebla and renamed Lobos UAP.\n")
    assert coverage.explained[6] == "mapped" and coverage.explained[7] == "mapped"
    assert [change.club for change in records.changes] == ["cuautitlan"]


def test_a_wikitable_s_markup_is_never_read_as_a_club():
    text = WIKITEXT_HEAD + ("Stadia and locations\n"
                            '{{Location map~ |Mexico |lat=22.396 |long=-97.937 |label=Altamira |position=right}}\n'
                            'class="wikitable sortable" |\n!Location !Stadium !Capacity |\n'
                            '|align="center"|Altamira |align="center"|Altamira |align="center"|9,581 |\n')
    records, coverage, _ = _records(text)
    assert records.club_seasons == [] and "align-center" not in records.clubs_named
    assert all(coverage.explained[line].startswith("skipped: ") for line in (7, 8, 9, 10))
    assert not any("not understood" in coverage.explained[line] for line in (7, 8, 9, 10))
