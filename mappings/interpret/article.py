"""Interpret a read article: from sections, tables, match blocks and prose to football records.

The walk keeps a context (tournament, stage, round, leg, and what kind of section it is in) that headings set
through ``headings.csv``. Every non-blank line ends up either mapped or skipped with a reason; :class:`Coverage`
keeps the account, and any line left unexplained is reported with its number. What the walk holds is an
:class:`ArticleReading` (``reading.py``); each kind of block is read by the function :data:`BLOCK_READERS` names.
"""

from __future__ import annotations

from ascenso_kg.notation import season_id_from, season_name

import re
from dataclasses import replace
from typing import Callable

from ..mapping_tables import MappingTables
from ..read.document import BulletItem, Document, MatchBlock, Paragraph, Placeholder, Problem, Section, Table
from .article_tables import read_table_block
from .context import (
    OPENING_TOURNAMENTS,
    TOURNAMENT_KIND,
    TOURNAMENT_NAME,
    Context,
    Coverage,
    SectionState,
    season_id_of,
)
from .infobox_fields import read_infobox
from .match_blocks import read_change_bullet, read_match
from .prose import read_prose
from .reading import ArticleReading, competition_of, report, span, stage, start_reading, tournament
from .records import ArticleRecords, SeasonRecord, StageKey


def interpret(document: Document, article_id: str, tables: MappingTables,
              excerpt: bool = False) -> tuple[ArticleRecords, Coverage, list[Problem]]:
    reading = start_reading(document, article_id, tables, excerpt)
    reading.problems.extend(document.problems)
    context = classify_article(reading)
    if document.title_line:
        reading.coverage.mapped(document.title_line)
        if not any(text.strip() for text in document.lines[document.title_line:]):
            report(reading, document.title_line, "the article has only a title: nothing else to map")
    if reading.season is not None:
        read_infobox(reading)
        explain_infobox_template(reading)
        reading.records.seasons.append(reading.season)
        walk(reading, document.root, context)
    explain_cut_line(reading)
    explain_stray_fragments(reading)
    for number in reading.coverage.unexplained(document):
        if number not in {problem.line for problem in reading.problems}:
            report(reading, number, f"line not mapped: {document.lines[number - 1].strip()[:80]!r}")
        reading.coverage.skipped(number, "not understood (reported)")
    return reading.records, reading.coverage, reading.problems


# Lines around the content ------------------------------------------------------------------------------
def explain_cut_line(reading: ArticleReading) -> None:
    """An excerpt stops mid-line: its last line (a table row without its closing '|', half a heading or a word)
    is cut, and is never read as if it were whole. A file that ends without a line break was cut the same way,
    whether or not sources.csv calls it an excerpt."""
    document, coverage = reading.document, reading.coverage
    if not (reading.excerpt or document.ends_mid_line):
        return
    last = max((n for n, text in enumerate(document.lines, start=1) if text.strip()), default=0)
    if last and last not in coverage.explained:
        coverage.skipped(last, "cut by the end of the excerpt (truncated); not read")
        report(reading, last, "the excerpt ends inside this line (truncated); it is not read", "info")


def explain_infobox_template(reading: ArticleReading) -> None:
    """A wikitext copy's infobox template spans more lines than its fields: a value continued on the next lines
    ('|winners=Apertura: X' / 'Clausura: Y') is read with its field, an empty parameter states nothing, and '}}'
    closes the template."""
    document, coverage = reading.document, reading.coverage
    if not document.infobox_end or not document.infobox_line:
        return
    fields = sorted(document.infobox, key=lambda field: field.line)
    for number in range(document.infobox_line + 1, document.infobox_end + 1):
        text = document.lines[number - 1].strip() if number <= len(document.lines) else ""
        if not text or number in coverage.explained:
            continue
        owner = next((field for field in reversed(fields) if field.line < number), None)
        if text.startswith("|") or owner is None:
            coverage.skipped(number, "an empty parameter of the infobox template; it states nothing")
        elif text.strip("}") == "":
            coverage.skipped(number, "the end of the infobox template")
        elif coverage.explained.get(owner.line) == "mapped":
            coverage.mapped(number)
        elif owner.line in coverage.explained:
            coverage.explained[number] = coverage.explained[owner.line]


def explain_stray_fragments(reading: ArticleReading) -> None:
    """A footnote's text the rendering moved between the title and the infobox ('"a"|BUAP was supposed to be
    relegated …', 'San Luis Ban|Estadio …'): the note of a table or cell not in the article's rendering, with the
    '|' of the template it came from. It names no place in the article; it is not read."""
    document, coverage = reading.document, reading.coverage
    first_field = min((field.line for field in document.infobox), default=0)
    for number in range(document.title_line + 1, first_field):
        text = document.lines[number - 1]
        if text.strip() and number not in coverage.explained and "|" in text and not text.lstrip().startswith("|"):
            coverage.skipped(number, "a footnote's fragment the rendering left before the infobox; "
                                     "its table or cell is not in the rendering")


# What the article is -----------------------------------------------------------------------------------
def classify_article(reading: ArticleReading) -> Context:
    document, records = reading.document, reading.records
    for pattern in reading.tables.article_kinds:
        match = pattern.regex.match(document.title)
        if not match:
            continue
        groups = match.groupdict()
        records.kind = pattern.value
        records.competition = competition_of(reading, groups.get("competition") or "")
        if pattern.value == "season":
            season_id = season_id_from(groups["season"])
            if season_id is None:
                break
            reading.season = SeasonRecord(season_id, season_name(season_id), span(reading, 1))
            reading.season.title = document.title
            return Context(scope=("season", season_id))
        kind, year = groups["kind"], int(groups["year"])
        season_id = season_id_of(kind, year)
        reading.season = SeasonRecord(season_id, season_name(season_id), span(reading, document.title_line))
        tournament_id = tournament(reading, kind, year, document.title_line)
        if pattern.value == "liguilla":
            liguilla = stage(reading, StageKey("liguilla", tournament_id), document.title_line)
            return Context(tournament=tournament_id, stage=liguilla.key, scope=("liguilla", tournament_id))
        return Context(tournament=tournament_id, scope=("tournament", tournament_id))
    return classify_by_infobox(reading)


def classify_by_infobox(reading: ArticleReading) -> Context:
    """A title of no known kind: the season and competition the infobox states, if it states them."""
    document = reading.document
    stated = {field.key.strip().lower(): field for field in document.infobox}
    season_field, competition_field = stated.get("season"), stated.get("competition")
    season_id = season_id_from(season_field.value) if season_field else None
    line = document.title_line or 1
    if not document.title:
        return Context()  # the reader has said why (no title, not text)
    if season_id is None or competition_field is None:
        report(reading, line, f"title {document.title!r} matches no article kind in "
                              "mappings/tables/article_kinds.csv and its infobox states no season and competition; "
                              "the article was not mapped")
        return Context()
    report(reading, line, f"title {document.title!r} matches no article kind in mappings/tables/article_kinds.csv; "
                          "read as a season from its infobox's Season and Competition", "info")
    reading.records.kind = "season"
    reading.records.competition = competition_of(reading, competition_field.value)
    reading.season = SeasonRecord(season_id, season_name(season_id), span(reading, season_field.line))
    return Context(scope=("season", season_id))


# The walk ----------------------------------------------------------------------------------------------
def walk(reading: ArticleReading, section: Section, context: Context) -> None:
    state = SectionState()
    for block in section.blocks:
        if (heading := bare_heading(reading, block)) is not None:
            context, state = enter(reading, heading, context), SectionState()
            continue
        reader = BLOCK_READERS.get(type(block))
        if reader is not None:
            reader(reading, block, context, state)
    for subsection in section.subsections:
        walk(reading, subsection, enter(reading, subsection, context))


def bare_heading(reading: ArticleReading, block) -> Section | None:
    """A wikitext copy's heading lost its '==': 'Changes from the previous season' stands as a line of its own.
    A short line with no sentence's end that a heading pattern of headings.csv matches is read as that heading."""
    if not (reading.document.wikitext and isinstance(block, Paragraph)):
        return None
    text = block.text.strip()
    if len(text) > 60 or text.endswith((".", ":", ",", ";")) or not text[:1].isupper():
        return None
    if not any(pattern.regex.search(text) for pattern in reading.tables.headings):
        return None
    return Section(text, 2, block.line)


def enter(reading: ArticleReading, section: Section, context: Context) -> Context:
    """The context inside a section, from what its heading says."""
    title = section.title
    for pattern in reading.tables.headings:
        match = pattern.regex.search(title)
        if match:
            reading.coverage.mapped(section.line)
            return heading_context(reading, pattern.value, pattern.argument, match, section, context)
    reading.coverage.skipped(section.line, "a heading the tables do not map; its content is read in context")
    report(reading, section.line, f"heading {title!r} is not in mappings/tables/headings.csv", "info")
    return replace(context, role=None)


def heading_context(reading: ArticleReading, role: str, argument: str, match: re.Match[str], section: Section,
                    context: Context) -> Context:
    line, title = section.line, section.title
    named = TOURNAMENT_NAME.search(title)
    season = reading.season
    if role == "tournament":
        tournament_id = tournament(reading, match["kind"], int(match["year"]), line)
        return Context(role=role, tournament=tournament_id, scope=("tournament", tournament_id))
    if role == "liguilla":
        tournament_id = context.tournament
        if named:
            tournament_id = tournament(reading, named["kind"], int(named["year"]), line)
        elif (kind := TOURNAMENT_KIND.search(title)) and season:
            start, end = (int(part) for part in season.id.split("-"))
            year = start if kind["kind"] in OPENING_TOURNAMENTS else start + 1
            tournament_id = tournament(reading, kind["kind"], year, line)
        if tournament_id is None:
            report(reading, line, f"a Liguilla heading with no tournament around it: {title!r}")
            return replace(context, role=None)
        liguilla = stage(reading, StageKey("liguilla", tournament_id), line)
        return Context(role="rules", tournament=tournament_id, stage=liguilla.key, scope=("liguilla", tournament_id))
    if role == "promotion_final":
        season_id = season.id if season else ""
        if match.groupdict().get("year") and season and not season.id.endswith(match["year"][-2:]):
            report(reading, line, f"{title!r} is not the promotion final of season {season.name}")
        final = stage(reading, StageKey("promotion_final", season_id), line)
        return Context(role=role, tournament=None, stage=final.key, scope=("season", season_id))
    if role == "round":
        return replace(context, role=role, round=argument, leg=None)
    if role == "matchday":
        if context.tournament is None:
            report(reading, line, f"a matchday heading with no tournament around it: {title!r}")
            return replace(context, role=None)
        regular = stage(reading, StageKey("regular_season", context.tournament), line)
        return replace(context, role=role, stage=regular.key, round=f"matchday-{int(match['number'])}", leg=None)
    if role == "leg":
        return replace(context, role=role, leg=int(argument))
    if role == "top_scorers":
        scope = context.scope
        rest = title[match.end():]
        if "liguilla" in rest.lower() and context.tournament:
            scope = ("liguilla", context.tournament)
        elif named:
            scope = ("tournament", tournament(reading, named["kind"], int(named["year"]), line))
        elif context.tournament:
            scope = ("tournament", context.tournament)
        return replace(context, role=role, scope=scope)
    return replace(context, role=role)


# Blocks ------------------------------------------------------------------------------------------------
def read_placeholder(reading: ArticleReading, block: Placeholder, context: Context, state: SectionState) -> None:
    reading.coverage.skipped(block.line, "an empty placeholder left by the rendering")


def read_bullet(reading: ArticleReading, block: BulletItem, context: Context, state: SectionState) -> None:
    """A bullet under 'Changes from the previous season' is a club change; elsewhere it is prose."""
    if context.role == "changes":
        read_change_bullet(reading, block, context, state)
    else:
        read_prose(reading, block.text, block.line, context, state)


def read_paragraph(reading: ArticleReading, block: Paragraph, context: Context, state: SectionState) -> None:
    read_prose(reading, block.text, block.line, context, state)


def read_match_block(reading: ArticleReading, block: MatchBlock, context: Context, state: SectionState) -> None:
    read_match(reading, block, context)


# Which function reads each kind of block the reader gives (read/document.py).
BLOCK_READERS: dict[type, Callable[[ArticleReading, object, Context, SectionState], None]] = {
    Placeholder: read_placeholder,
    MatchBlock: read_match_block,
    Table: read_table_block,
    BulletItem: read_bullet,
    Paragraph: read_paragraph,
}
