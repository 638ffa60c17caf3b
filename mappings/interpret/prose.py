"""Prose: the sentences that carry dates, table notes, tie notes and a Liguilla's rules (``prose.csv``,
``rules.csv``)."""

from __future__ import annotations

from .context import Context, SectionState
from .reading import ArticleReading, club, report, span, stage
from .records import RoundKey, RulesRecord, StageKey, TieRecord, TieSideRecord
from ..read.value_parsers import parse_count, parse_date


def read_prose(reading: ArticleReading, text: str, line: int, context: Context, state: SectionState) -> None:
    understood = False
    for pattern in reading.tables.prose:
        match = pattern.regex.search(text)
        if not match:
            continue
        understood = apply_prose(reading, pattern.value, pattern.note, match, line, context, state) or understood
    if context.stage is not None and context.role in ("rules", "entries", None, "round", "leg"):
        understood = apply_rules(reading, text, line, context.stage) or understood
    if understood:
        reading.coverage.mapped(line)


def apply_prose(reading: ArticleReading, meaning, reason, match, line, context: Context, state: SectionState) -> bool:
    if meaning == "skip":
        reading.coverage.skipped(line, reason)
        return False
    if meaning == "season_dates" and reading.season:
        reading.season.start, reading.season.end = parse_date(match["start"]), parse_date(match["end"])
        reading.season.dates_span = span(reading, line)
        return True
    if meaning == "tournament_dates" and context.tournament:
        record = reading.records.tournaments[context.tournament]
        record.start = parse_date(match["start"])
        record.end = parse_date(match["end"]) if match["end"] else None
        record.dates_span = span(reading, line)
        return True
    if meaning == "updated_on":
        date = parse_date(match["date"])
        if date is None:
            report(reading, line, f"cannot read the date {match['date']!r}")
            return False
        if state.last_table is not None:
            state.last_table.updated_on = date
        else:
            state.pending_updated = date
        return True
    if meaning == "sort_rule":
        if state.last_table is not None:
            state.last_table.sort_rule = match.string
        else:
            state.pending_sort = match.string
        return True
    if meaning == "tie_note" and context.stage and context.round:
        winner = club(reading, match["club"], line)
        home, away = int(match["home"]), int(match["away"])
        if home != away:
            report(reading, line, f"'Round tied {home}-{away}' is not a tie")
        reading.records.ties.append(
            TieRecord(
                round=RoundKey(context.stage, context.round),
                sides=[TieSideRecord(winner, aggregate=home if home == away else None)],
                span=span(reading, line),
                stated_winner=winner,
                decision="away_goals",
            )
        )
        return True
    report(reading, line, f"{meaning.replace('_', ' ')} outside the section it belongs to")
    return False


def apply_rules(reading: ArticleReading, text: str, line: int, stage_key: StageKey) -> bool:
    rules: RulesRecord = stage(reading, stage_key, line).rules
    understood = False
    for pattern in reading.tables.rules:
        match = pattern.regex.search(text)
        if not match:
            continue
        value: object = pattern.argument
        if value.startswith("{"):
            value = parse_count(match[value.strip("{}")])
            if value is None:
                continue
        elif value in ("true", "false"):
            value = value == "true"
        elif pattern.value in ("qualifiers", "byes", "legs"):
            value = int(value)
        if getattr(rules, pattern.value) is None:
            setattr(rules, pattern.value, value)
        understood = True
    if understood:
        rules.spans.append(span(reading, line))
        rules.text.append(text)
    return understood
