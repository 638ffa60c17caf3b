"""The mapping tables: each declared once, read by one loader that names the file and line of a bad row, and checked
against the ontology (every property, class and individual a table names is one ontology/ascenso.ttl declares)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ascenso_kg.mappings.mapping_tables import TABLES, WIKIDATA_TABLE, MappingTableError, load_tables
from ascenso_kg.resources import MAPPING_TABLES_DIR, ONTOLOGY_FILE


def tables_with(tmp_path: Path, file: str, row: str) -> tuple[Path, int]:
    """A copy of the project's tables with one row added to ``file``; the row's line number."""
    directory = tmp_path / "tables"
    shutil.copytree(MAPPING_TABLES_DIR, directory)
    path = directory / file
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + row + "\n", encoding="utf-8")
    return directory, len(path.read_text(encoding="utf-8").splitlines())


def test_the_shipped_tables_name_only_terms_the_ontology_declares():
    tables = load_tables()
    assert tables.row_properties["goals_for"] == "goalsFor"
    assert tables.league_tables["relegation"].row_class == "RelegationRow"
    assert tables.decisions["higher_seed"] == "DecidedOnHigherSeed"
    assert tables.stages["promotion_final"].stage_class == "PromotionFinal"


def test_a_stage_is_named_from_its_row():
    from ascenso_kg.mappings.interpret.records import StageKey
    from ascenso_kg.mappings.rdf.terms import stage_label

    tables = load_tables()
    assert stage_label(StageKey("liguilla", "apertura-2012"), tables) == ("Apertura 2012 Liguilla",
                                                                          "Liguilla del Apertura 2012")
    assert stage_label(StageKey("promotion_final", "2012-13"), tables) == ("2013 promotion final",
                                                                           "Campeón de Ascenso 2013")


def test_every_table_the_build_reads_is_declared_once():
    declared = [declaration.file for declaration in (*TABLES, WIKIDATA_TABLE)]
    assert len(declared) == len(set(declared))
    # wikidata_properties.csv is read by the QuickStatements export alone (ascenso_kg/linking/quickstatements.py)
    shipped = {path.name for path in MAPPING_TABLES_DIR.glob("*.csv")} - {"wikidata_properties.csv"}
    assert set(declared) == shipped


@pytest.mark.parametrize("file, row, message", [
    ("league_table_properties.csv", "goals_for,goalsScoredFor,", "unknown property 'goalsScoredFor'"),
    ("infobox_fields.csv", "fair_play,count,fairPlayPoints,", "unknown property 'fairPlayPoints'"),
    ("league_tables.csv", "fair_play,FairPlayTable,StandingsRow,fair play,juego limpio,",
     "unknown league table kind 'fair_play'"),
    ("infobox_own_fields.csv", "dates,schema:startDate akg:seasonStart,", "unknown property 'akg:seasonStart'"),
    ("infobox_own_fields.csv", "dates,schema:startDate ex:endDate,", "unknown vocabulary 'ex' in 'ex:endDate'"),
    ("infobox_own_fields.csv", "dates,startDate,", "'startDate' is not a prefixed name"),
    ("league_tables.csv", "standings,VenuesTable,StandingsRow,standings,tabla general,", "unknown class 'VenuesTable'"),
    ("league_tables.csv", "standings,StandingsTable,StandingsTable,standings,tabla general,",
     r"unknown class 'StandingsTable' \(not a subclass of akg:TableRow"),
    ("change_kinds.csv", r"\bwas merged\b,Merger,", r"unknown change kind 'Merger' \(not a subclass of akg:ClubChange"),
    ("change_kinds.csv", r"\bwas merged\b,Club,", "unknown change kind 'Club'"),
    ("outcome_kinds.csv", "relegated,Demotion,relegated,",
     r"unknown class 'Demotion' \(not a subclass of akg:ClubChange"),
    ("outcome_kinds.csv", "relegated,Relegation,demoted,", "unknown property 'demoted'"),
    ("stages.csv", "liguilla,Playoffs,{tournament} playoffs,Liguilla del {tournament},",
     r"unknown class 'Playoffs' \(not a subclass of akg:Stage"),
    ("tie_decisions.csv", "penalties,DecidedOnCoinToss,", "unknown individual 'DecidedOnCoinToss'"),
    ("tie_decisions.csv", "penalties,Tie,", r"unknown individual 'Tie' \(not an akg:TieDecision"),
])
def test_a_table_naming_a_term_the_ontology_lacks_is_refused_with_its_line(tmp_path, file, row, message):
    directory, line = tables_with(tmp_path, file, row)
    with pytest.raises(MappingTableError, match=rf"^{file}:{line}: {message}"):
        load_tables(directory)


def test_the_check_reads_the_ontology_it_is_given(tmp_path):
    """The same shipped tables fail against an ontology without a term they name: the check is the ontology's."""
    ontology = tmp_path / "ascenso.ttl"
    text = ONTOLOGY_FILE.read_text(encoding="utf-8")
    assert "akg:goalFrequency a owl:DatatypeProperty" in text
    ontology.write_text(text.replace("akg:goalFrequency a owl:DatatypeProperty", "akg:goalFrequency a owl:Thing"),
                        encoding="utf-8")
    line = next(number for number, text in enumerate(
        (MAPPING_TABLES_DIR / "league_table_properties.csv").read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("goal_frequency,"))
    message = rf"^league_table_properties.csv:{line}: unknown property 'goalFrequency'"
    with pytest.raises(MappingTableError, match=message):
        load_tables(ontology=ontology)


@pytest.mark.parametrize("file, row, message", [
    ("clubs.csv", "necaxa,Necaxa again,", "club 'necaxa' listed twice"),
    ("club_aliases.csv", "Rayos,club-que-no-existe,,", r"unknown club 'club-que-no-existe' \(not in clubs.csv\)"),
    ("rounds.csv", "round_of_16,Round of 16,Octavos de final,first", "order must be a whole number"),
    ("headings.csv", "^Fair play$,fair_play,,", "unknown role 'fair_play'"),
    ("headings.csv", "^Octavos$,round,round_of_16,", "unknown round"),
    ("headings.csv", "^(Octavos$,stadia,,", r"bad pattern '\^\(Octavos\$'"),
    ("columns.csv", "standings,Fair play,fair_play", r"unknown field 'fair_play' \(not in fields.csv\)"),
    ("table_kinds.csv", "fair_play,club fair_play,", "unknown field in 'club fair_play'"),
    ("infobox_fields.csv", "winners,clubs,champion,", "field 'winners' is read by its own code"),
    ("infobox_fields.csv", "fair_play,table,fairPlay,", "unknown infobox value shape 'table'"),
    ("infobox_fields.csv", "fair_play,count,akg:points,", "property must be an ontology term's local name"),
    ("infobox_keys.csv", "season,Fair play,fair_play,",
     r"unknown infobox field 'fair_play' \(not in infobox_fields.csv\)"),
    ("infobox_keys.csv", "season,Sponsor,skip,", r"a skipped key needs its reason \(note\)"),
    ("infobox_keys.csv", "season,WINNERS,winners,", "key 'WINNERS' listed twice for season"),
    ("rules.csv", "coin was tossed,tie_break,coin_toss,",
     r"unknown tie decision 'coin_toss' \(not in tie_decisions.csv\)"),
    ("rules.csv", "coin was tossed,coin,yes,", "unknown rule field 'coin'"),
    ("prose.csv", "fair play,fair_play,", "unknown meaning 'fair_play'"),
    ("skipped_tables.csv", "Fair play,", "every skipped table needs its reason"),
    ("outcome_kinds.csv", "withdrawn,Dissolution,relegated,", "unknown outcome kind 'withdrawn'"),
    ("tie_decisions.csv", "coin_toss,DecidedOnPenalties,", "unknown tie decision 'coin_toss'"),
    ("infobox_own_fields.csv", "runner_up,akg:runnerUp,", r"field 'runner_up' is not read by its own code"),
    ("infobox_own_fields.csv", "dates,,", "every field names the terms it becomes"),
    ("stages.csv", "repechage,Stage,{tournament} repechage,Repechaje del {tournament},",
     "unknown stage kind 'repechage'"),
    ("stages.csv", "promotion_final,PromotionFinal,{tournament} final,Final {year},",
     r"a promotion_final stage's name may only use \{year\}"),
    ("stages.csv", "liguilla,Liguilla,{tournament Liguilla,Liguilla,",
     r"a liguilla stage's name may only use \{tournament\}"),
    ("links.csv", "team,necaxa,https://en.wikipedia.org/wiki/Club_Necaxa,a copy", "unknown kind 'team'"),
    ("links.csv", "club,necaxa,https://es.wikipedia.org/wiki/Club_Necaxa,a copy",
     "enwiki_url must be an English Wikipedia article URL"),
])
def test_a_bad_row_is_refused_with_its_file_and_line(tmp_path, file, row, message):
    directory, line = tables_with(tmp_path, file, row)
    with pytest.raises(MappingTableError, match=rf"^{file}:{line}: {message}"):
        load_tables(directory)


def test_a_table_without_a_declared_column_is_refused_at_its_header(tmp_path):
    directory = tmp_path / "tables"
    shutil.copytree(MAPPING_TABLES_DIR, directory)
    (directory / "league_tables.csv").write_text("table,class,name_en\nstandings,StandingsTable,standings\n",
                                                 encoding="utf-8")
    with pytest.raises(MappingTableError, match=r"^league_tables.csv:1: missing columns row_class, name_es$"):
        load_tables(directory)


@pytest.mark.parametrize("file, first_column, key", [
    ("league_tables.csv", "table", "relegation"), ("stages.csv", "stage", "promotion_final"),
    ("tie_decisions.csv", "decision", "penalties"), ("outcome_kinds.csv", "kind", "relegated"),
    ("infobox_own_fields.csv", "field", "dates"),
])
def test_a_table_the_code_looks_up_by_key_must_have_every_row(tmp_path, file, first_column, key):
    """A row deleted from such a table fails the load, never a build halfway with a lookup error."""
    directory = tmp_path / "tables"
    shutil.copytree(MAPPING_TABLES_DIR, directory)
    path = directory / file
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith(first_column + ",")
    path.write_text("\n".join(line for line in lines if not line.startswith(key + ",")) + "\n", encoding="utf-8")
    with pytest.raises(MappingTableError, match=rf"^{file}: no row for '{key}'"):
        load_tables(directory)
