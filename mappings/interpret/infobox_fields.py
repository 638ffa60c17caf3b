"""The infobox: every field the family uses, through one value grammar (``infobox_values.py``).

Which key means which field is data (``infobox_keys.csv``, per article kind or ``*`` for any); how a field's value
is read and which ontology property it becomes is data too (``infobox_fields.csv``; for the fields read by their own
code below, ``infobox_own_fields.csv``). Each field is recorded in
:attr:`ArticleRecords.infobox_report` as mapped to a property or skipped with a reason (``reports/infobox.tsv``).
:data:`OWN_FIELD_READERS` names the function of each field read by its own code, :data:`SHAPE_READERS` the function
of each shape of figure the others have.
"""

from __future__ import annotations

import re
from typing import Callable

from ascenso_kg.iris import slugify

from ..read.infobox_values import (
    CLOSING,
    OPENING,
    Group,
    Item,
    parse_number,
    parse_season,
    parse_tournament,
    parse_value,
    split_residue,
)
from .reading import ArticleReading, club, report, span, tournament
from .records import (OutcomeRecord, RoundKey, StageKey, StatisticRecord, TieRecord, TieSideRecord, TitleRecord,
                      TournamentRecord)
from ..read.value_parsers import SCORE, parse_count, parse_date

_NOTE_IN_PARENTHESES = re.compile(r"^(?P<name>[^(]+?)\s*\((?P<note>[^)]*)\)\s*$")
_NATIONALITY = re.compile(r"^[A-Z]{3}\s+(?=\S)")  # "MEX Aldo de Nigris": a flag's code left by the rendering
_MATCH = re.compile(rf"\S.*?\s{SCORE}\s\S|\S.*\svs\.?\s\S", re.IGNORECASE)
_COUNT_THEN_CLUB = re.compile(r"^(?P<count>\d+)\s+(?:matches|games)\s+(?P<club>\D.*)$", re.IGNORECASE)
_SEASON_IN_TEXT = re.compile(r"\b\d{4}\s*[–−-]\s*\d{2}(?:\d{2})?\b")
_DATES = re.compile(r"^(?P<start>.+?)\s*[–—-]\s*(?P<end>\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},\s*\d{4})$")


def read_infobox(reading: ArticleReading) -> None:
    if reading.document.infobox_line:
        reading.coverage.mapped(reading.document.infobox_line)
    final = read_final_aggregate(reading)
    for entry in reading.document.infobox:
        if entry.line in final:
            reading.coverage.mapped(entry.line)
            note_field(reading, entry.line, entry.key, entry.value, "akg:aggregateGoals (the final's tie)")
            continue
        value, residue = split_residue(entry.value)
        outcome = read_infobox_entry(reading, entry.key, value, entry.line)
        for key, extra in residue:
            if extra:
                read_infobox_entry(reading, key, extra, entry.line)
        if outcome:
            reading.coverage.mapped(entry.line)


def read_final_aggregate(reading: ArticleReading) -> set[int]:
    """A Liguilla final's infobox: 'Team1: Necaxa', 'Team1Score: 4', 'Team2: Irapuato', 'Team2Score: 3',
    'Details: On aggregate' is the final tie's aggregate, each side's own. (A single match's score is not read: the
    infobox does not say which side was at home.) The lines read, if any."""
    fields = {" ".join(entry.key.split()).lower(): entry for entry in reading.document.infobox}
    stage = next((key for key in reading.records.stages if key.kind == "liguilla"), None)
    parts = [fields.get(key) for key in ("team1", "team1score", "team2", "team2score", "details")]
    if stage is None or None in parts or "aggregate" not in parts[4].value.lower():
        return set()
    team1, score1, team2, score2, details = parts
    if not (score1.value.strip().isdigit() and score2.value.strip().isdigit()):
        return set()
    sides = [TieSideRecord(club(reading, team1.value, team1.line), aggregate=int(score1.value)),
             TieSideRecord(club(reading, team2.value, team2.line), aggregate=int(score2.value))]
    lines = (score1.line, score2.line, details.line)
    reading.records.ties.append(TieRecord(RoundKey(stage, "final"), sides, span(reading, min(lines), max(lines))))
    return set(lines)


def infobox_field(reading: ArticleReading, key: str) -> tuple[str | None, str]:
    lowered = " ".join(key.split()).lower()
    for kind in (reading.records.kind, "*"):
        if (kind, lowered) in reading.tables.infobox_keys:
            return reading.tables.infobox_keys[(kind, lowered)], reading.tables.infobox_notes.get((kind, lowered), "")
    return None, ""


def note_field(reading: ArticleReading, line: int, key: str, value: str, outcome: str) -> None:
    reading.records.infobox_report.append((line, key, value, outcome))


def read_infobox_entry(reading: ArticleReading, key: str, value: str, line: int) -> bool:
    handler, note = infobox_field(reading, key)
    if handler is None:
        report(reading, line, f"infobox key {key!r} is not mapped (mappings/tables/infobox_keys.csv)")
        reading.coverage.skipped(line, f"infobox key {key!r} not mapped (reported)")
        note_field(reading, line, key, value, "skipped: key not in infobox_keys.csv")
        return False
    if handler == "competition_name" and names_an_article(reading, value):
        handler, note = "skip", "the article's own title (a final's, a Liguilla's), not a competition's name"
    if handler == "total_attendance" and is_a_match_infobox(reading):
        handler, note = "skip", "the final's attendance, a match's, not the competition's total; no match is " \
                                "made from the infobox (see Team1Score)"
    if handler in ("previous_season", "next_season") and len(_SEASON_IN_TEXT.findall(value)) > 1:
        # 'LPA 2008–09, LNT 2008–09', '2017–18 A, 2017–18 B': the neighbours in two leagues or divisions.
        handler, note = "skip", "names the neighbouring seasons of several leagues or divisions; no one season " \
                                "of this competition is meant"
    if handler == "skip":
        reading.coverage.skipped(line, f"infobox {key}: {note or 'nothing to add'}")
        note_field(reading, line, key, value, f"skipped (no meaning): {note or 'nothing to add'}")
        return False
    if not value.strip(" ,"):
        reading.coverage.skipped(line, f"infobox {key}: no value (lost in the rendering)")
        note_field(reading, line, key, value, "skipped: no value (lost in the rendering)")
        return False
    if handler in reading.tables.infobox_fields:
        shape, prop = reading.tables.infobox_fields[handler]
        understood = read_statistic(reading, handler, shape, key, value, line)
    else:
        prop = reading.tables.own_infobox_properties[handler]  # infobox_own_fields.csv
        understood = OWN_FIELD_READERS[handler](reading, handler, value, line)
    if understood and handler in reading.tables.infobox_fields:
        prop = f"akg:{prop}"
    note_field(reading, line, key, value, prop if understood else "skipped: value not understood (reported)")
    return understood


def is_a_match_infobox(reading: ArticleReading) -> bool:
    """A final's infobox names its two sides ('Team1', 'Team2'): its figures are the match's."""
    keys = {" ".join(entry.key.split()).lower() for entry in reading.document.infobox}
    return {"team1", "team2"} <= keys


def names_an_article(reading: ArticleReading, value: str) -> bool:
    """'Title: Apertura 2017 Copa MX final' names the article itself: a title of an article kind, not a
    competition the tables know."""
    value = " ".join(value.split())
    if reading.names.competition(value):
        return False
    return value == " ".join(reading.document.title.split()) or any(
        pattern.regex.match(value) for pattern in reading.tables.article_kinds)


# The season's own fields --------------------------------------------------------------------------
def read_competition_name(reading: ArticleReading, handler: str, value: str, line: int) -> bool:
    reading.season.competition_name = value
    competition = reading.names.competition(value)
    if competition:
        reading.records.competitions[competition[0]] = competition[1]
    else:
        report(reading, line, f"competition {value!r} is not in mappings/tables/competitions.csv; "
                              "the season is not linked to a competition")
    return True


def read_season_name(reading: ArticleReading, handler: str, value: str, line: int) -> bool:
    season = reading.season
    if (parse_season(value) or slugify(value)) != season.id:
        report(reading, line, f"infobox season {value!r} differs from the title's {season.name}")
    return True


def read_neighbour_season(reading: ArticleReading, handler: str, value: str, line: int) -> bool:
    """'Previous season', 'Next season': a season, or, in a tournament's article, a tournament."""
    neighbour = parse_season(value)
    if neighbour is None and (named := parse_tournament(value)):
        # A tournament's article names the neighbouring tournaments, not seasons.
        field = handler.split("_")[0] + "_tournament"
        own = [t.id for t in reading.records.tournaments.values()
               if re.search(rf"\b{t.kind}\b.*\b{t.year}\b|\b{t.year}\b.*\b{t.kind}\b", reading.document.title)]
        scope = ("tournament", own[0]) if own else ("season", reading.season.id)
        statistic(reading, field, *scope, line, label=f"{named[0].lower()}-{named[1]}")
        return True
    if neighbour is None:
        report(reading, line, f"cannot read the season {value!r}")
        return False
    setattr(reading.season, handler.split("_")[0], neighbour)
    return True


def read_dates(reading: ArticleReading, handler: str, value: str, line: int) -> bool:
    match = _DATES.match(value.strip())
    start, end = (parse_date(match["start"]), parse_date(match["end"])) if match else (None, None)
    if start is None or end is None:
        report(reading, line, f"cannot read the dates {value!r}")
        return False
    season = reading.season
    season.start, season.end, season.dates_span = start, end, span(reading, line)
    return True


def read_qualifiers(reading: ArticleReading, handler: str, value: str, line: int) -> bool:
    count = parse_count(value)
    stage = reading.records.stages.get(StageKey("liguilla", next(iter(reading.records.tournaments), "")))
    if count is None or stage is None:
        report(reading, line, f"cannot read the number of teams {value!r}")
        return False
    stage.rules.qualifiers = count
    stage.rules.spans.append(span(reading, line))
    return True


def read_outcome(reading: ArticleReading, kind: str, value: str, line: int) -> bool:
    if value.strip().lower() in ("", "—", "-") :
        return False
    items = [item for group in parse_value(value) for item in group.items]
    if items and all(item.states_none for item in items):
        statistic(reading, kind, "season", reading.season.id, line, none_stated=True)
        return True
    match = _NOTE_IN_PARENTHESES.match(value)
    name, note = (match["name"], match["note"]) if match else (value, None)
    named = [Item(part.strip()) for part in re.split(r"\s*(?:,| and )\s*", name) if part.strip()]
    for club_id in clubs_of(reading, named, line):
        reading.records.outcomes.append(OutcomeRecord(kind, reading.season.id, club_id, span(reading, line), note))
    return True


def read_winners(reading: ArticleReading, handler: str, value: str, line: int) -> bool:
    """'Apertura: La Piedad , Clausura: Neza' -> a title for each tournament; 'None' -> none stated."""
    understood = False
    for group in parse_value(value):
        scope = group_scope(reading, group, line)
        if scope is None:
            continue
        kind, owner = scope
        items = [item for item in group.items]
        if items and all(item.states_none for item in items):
            statistic(reading, "champion", kind, owner, line, none_stated=True)
            understood = True
            continue
        if group.label == "Campeón de Ascenso":
            statistic(reading, "promotion_winner", "season", reading.season.id, line,
                      clubs=tuple(clubs_of(reading, items, line)))
            understood = True
            continue
        if kind == "season" and len(reading.records.tournaments) == 1 and group.label is None:
            kind, owner = "tournament", next(iter(reading.records.tournaments))
        clubs = clubs_of(reading, items, line)
        if not clubs:
            continue
        if kind == "tournament":
            number = next((item.title_number for item in items if item.title_number), None)
            reading.records.titles.append(TitleRecord(owner, clubs[0], span(reading, line), number))
        else:
            division = group.label if group.label and group.label.startswith("Serie") else None
            statistic(reading, "champion", kind, owner, line, clubs=tuple(clubs), label=division)
        understood = True
    return understood


# Which function reads each field the infobox code reads itself (the others are statistics: infobox_fields.csv).
OWN_FIELD_READERS: dict[str, Callable[[ArticleReading, str, str, int], bool]] = {
    "competition_name": read_competition_name,
    "season_name": read_season_name,
    "previous_season": read_neighbour_season,
    "next_season": read_neighbour_season,
    "winners": read_winners,
    "dates": read_dates,
    "promoted": read_outcome,
    "relegated": read_outcome,
    "qualifiers": read_qualifiers,
}


# Statistics -------------------------------------------------------------------------------------------
def read_statistic(reading: ArticleReading, field: str, shape: str, key: str, value: str, line: int) -> bool:
    understood = False
    slot_in_key = re.search(r"(\d+)", key)
    for group in parse_value(value):
        scope = group_scope(reading, group, line)
        if scope is None or not group.items:
            continue
        kind, owner = scope
        if kind == "season" and reading.records.kind in ("liguilla", "tournament") and group.label is None \
                and len(reading.records.tournaments) == 1:
            # A tournament's or a Liguilla's own article: an unlabelled figure is that tournament's.
            kind, owner = "tournament", next(iter(reading.records.tournaments))
        items = list(group.items)
        division = group.label if group.label and group.label.startswith("Serie") else None
        if all(item.states_none for item in items):
            statistic(reading, field, kind, owner, line, none_stated=True, label=division)
            understood = True
            continue
        slot = int(slot_in_key[1]) if slot_in_key and shape.startswith("continental") else None
        reader = SHAPE_READERS.get(shape)
        read = reader is not None and reader(reading, field, kind, owner, items, line, division, slot)
        if not read:
            report(reading, line, f"cannot read the infobox {key} {', '.join(item.text for item in items)!r}")
        understood = understood or read
    return understood


def read_count(reading: ArticleReading, field, kind, owner, items, line, division, slot) -> bool:
    count = parse_number(items[0].text)
    if count is None:
        return False
    statistic(reading, field, kind, owner, line, count=count, label=division)
    return True


def read_clubs(reading: ArticleReading, field, kind, owner, items, line, division, slot) -> bool:
    clubs = clubs_of(reading, items, line)
    if clubs:
        statistic(reading, field, kind, owner, line, clubs=tuple(clubs), label=division, slot=slot)
    return bool(clubs)


def read_continental_cup(reading: ArticleReading, field, kind, owner, items, line, division, slot) -> bool:
    statistic(reading, field, kind, owner, line, label=items[0].text, slot=slot)
    return True


def read_scorers(reading: ArticleReading, field, kind, owner, items, line, division, slot) -> bool:
    people, waiting = [], []
    for item in items:
        goals = parse_number(item.text.removesuffix(" goals").removesuffix(" goal"))
        if goals is not None and re.fullmatch(r"\d+(?: goals?)?", item.text):
            people += [(name, goals) for name in waiting]
            waiting = []
            continue
        waiting.append(_NATIONALITY.sub("", item.text))
        if item.goals is not None:
            people += [(name, item.goals) for name in waiting]
            waiting = []
    people += [(name, None) for name in waiting]
    if people:
        statistic(reading, field, kind, owner, line, people=tuple(people), label=division)
    return bool(people)


def read_matches(reading: ArticleReading, field, kind, owner, items, line, division, slot) -> bool:
    if any(re.search(r"\d+ points", note) for item in items for note in item.notes):
        # "Highest Scoring: Loros UdeC (44 points)": the renderings put the club with the most points here.
        points = next(int(re.search(r"\d+", note)[0]) for item in items for note in item.notes if "points" in note)
        clubs = clubs_of(reading, [item for item in items if not re.fullmatch(r"\d+ points", item.text)], line)
        if clubs:
            statistic(reading, "most_points", kind, owner, line, count=points, clubs=tuple(clubs), label=division)
        return bool(clubs)
    matches = [(item.text, item.notes[0] if item.notes else None) for item in items if _MATCH.match(item.text)]
    if matches:
        statistic(reading, field, kind, owner, line, matches=tuple(matches), label=division)
    return bool(matches)


def read_run(reading: ArticleReading, field, kind, owner, items, line, division, slot) -> bool:
    if glued := _COUNT_THEN_CLUB.match(items[0].text):  # "4 matches Santos Laguna"
        items = [Item(glued["count"]), Item(glued["club"], items[0].notes), *items[1:]]
    count = parse_number(items[0].text)
    if count is None:
        return read_runs_by_club(reading, field, kind, owner, items, line, division)
    clubs = clubs_of(reading, items[1:], line)  # none where the rendering lost the clubs' names
    statistic(reading, field, kind, owner, line, count=count, clubs=tuple(clubs), label=division)
    return True


def read_attendance(reading: ArticleReading, field, kind, owner, items, line, division, slot) -> bool:
    count = parse_number(items[0].text)
    if count is None and _MATCH.match(items[0].text) and items[0].notes:
        count = parse_number(items[0].notes[0])  # "Gavilanes 2–0 Loros UdeC (20,000)"
        if count is not None:
            statistic(reading, field, kind, owner, line, count=count, matches=((items[0].text, None),),
                      label=division)
            return True
    if count is None:
        return False
    rest = items[1:]
    if (cut := next((i for i, item in enumerate(rest) if parse_number(item.text) is not None), None)) is not None:
        # "Apertura:, 20, X vs Y, , 50, Z vs W": the second figure's label was lost in the rendering.
        report(reading, line, f"{', '.join(item.text for item in rest[cut:])!r}: its tournament label was "
                              "lost in the rendering; left out")
        rest = rest[:cut]
    matches = tuple((item.text, item.notes[0] if item.notes else None) for item in rest
                    if _MATCH.match(item.text))
    statistic(reading, field, kind, owner, line, count=count, matches=matches, label=division)
    return True


def read_runs_by_club(reading: ArticleReading, field, kind, owner, items, line, division) -> bool:
    """'Cruz Azul: 8 Games (January 11-March 8)' / 'América (5 – Apertura), Tijuana and Santos Laguna (3 –
    Clausura)': the club first, then the run's length (and the tournament)."""
    read = False
    for item in items:
        club_text, _, rest = item.text.partition(":")
        count = parse_number(rest.strip().split(" ")[0]) if rest else None
        where = None
        for note in item.notes:
            if match := re.match(r"^(\d+)\s*[–-]\s*(\w+)$", note):
                count, where = int(match[1]), match[2]
        if count is None:
            continue
        names = [Item(part) for part in re.split(r"\s+and\s+", club_text.strip())]
        scope = group_scope(reading, Group(where, None), line) if where else (kind, owner)
        if scope is None:
            continue
        statistic(reading, field, *scope, line, count=count, clubs=tuple(clubs_of(reading, names, line)),
                  label=division)
        read = True
    return read


# Which function reads a figure of each shape (the shape column of infobox_fields.csv).
SHAPE_READERS: dict[str, Callable[..., bool]] = {
    "count": read_count,
    "clubs": read_clubs,
    "continental_qualifiers": read_clubs,
    "continental_cup": read_continental_cup,
    "scorers": read_scorers,
    "matches": read_matches,
    "run": read_run,
    "attendance": read_attendance,
}


def statistic(reading: ArticleReading, field: str, kind: str, owner: str, line: int, slot: int | None = None,
              **values) -> None:
    taken = sum(1 for record in reading.records.statistics if (record.field, record.owner) == (field, owner))
    reading.records.statistics.append(StatisticRecord(field, kind, owner, slot or taken + 1, span(reading, line),
                                                      **values))


def group_scope(reading: ArticleReading, group: Group, line: int) -> tuple[str, str] | None:
    """The season, or the tournament a label names: 'Apertura' opens the season, 'Clausura' closes it."""
    label = group.label
    if label is None or label in ("Overall", "Campeón de Ascenso") or label.startswith("Serie"):
        return "season", reading.season.id
    start = int(reading.season.id.split("-")[0])
    if group.year is not None:
        year = group.year
    elif label.lower() in OPENING or label == "Guardianes" and not reading.records.tournaments:
        year = start
    elif label.lower() in CLOSING:
        year = start + 1
    else:
        report(reading, line, f"{label} without a year: which tournament it names is not clear")
        return None
    if year not in (start, start + 1):
        report(reading, line, f"{label} {year} is not a tournament of season {reading.season.name}")
        return None
    return "tournament", infobox_tournament(reading, label, year, line)


def infobox_tournament(reading: ArticleReading, kind: str, year: int, line: int) -> str:
    if kind in ("Apertura", "Clausura", "Bicentenario"):
        return tournament(reading, kind, year, line)
    # Invierno, Verano, Guardianes: their season is this one
    tournament_id = f"{slugify(kind)}-{year}"
    if tournament_id not in reading.records.tournaments:
        reading.records.tournaments[tournament_id] = TournamentRecord(tournament_id, kind, year, reading.season.id,
                                                                      span(reading, line))
    return tournament_id


def clubs_of(reading: ArticleReading, items: list[Item], line: int) -> list[str]:
    """Clubs named by items, once each: a link-doubled value ('Deportivo Toluca F.C., Toluca') is one club."""
    clubs: list[str] = []
    previous = ""
    for item in items:
        name = item.text
        if item.states_none or not re.search(r"[A-Za-zÀ-ÿ]", name):
            continue
        if previous and f" {name.lower()} " in f" {previous.lower()} ":
            continue
        club_id = club(reading, name, line)
        if club_id not in clubs:
            clubs.append(club_id)
        previous = name
    return clubs
