"""Interpret a read article: from sections, tables, match blocks and prose to football records.

The walk keeps a context (tournament, stage, round, leg, and what kind of section it is in) that headings set
through ``headings.csv``. Every non-blank line ends up either mapped or skipped with a reason; :class:`Coverage`
keeps the account, and any line left unexplained is reported with its number.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ascenso_kg.iris import slugify

from ..mapping_tables import MappingTables
from .context import (
    OPENING_TOURNAMENTS,
    TOURNAMENT_KIND,
    TOURNAMENT_NAME,
    Context,
    Coverage,
    SectionState,
    season_id_from,
    season_id_of,
    season_name_of,
    tournament_id_of,
)
from ..read.document import BulletItem, Document, MatchBlock, Paragraph, Placeholder, Problem, Section, Table
from .name_resolution import NameResolver
from .infobox_fields import InfoboxReading
from .match_blocks import MatchReading
from .prose import ProseReading
from .article_tables import TableReading
from .records import ArticleRecords, PlayerMention, SeasonRecord, Span, StageKey, StageRecord, TournamentRecord
from ..read.value_parsers import split_nationality


class ArticleInterpreter(InfoboxReading, ProseReading, TableReading, MatchReading):
    def __init__(self, document: Document, article_id: str, tables: MappingTables, excerpt: bool = False) -> None:
        self.document = document
        self.excerpt = excerpt
        self.article = article_id
        self.tables = tables
        self.names = NameResolver(tables)
        self.coverage = Coverage()
        self.problems: list[Problem] = []
        self.records = ArticleRecords(
            article=article_id, title=document.title, kind="unknown", file=document.file
        )
        self.season: SeasonRecord | None = None
        self._change_number = 0
        self._stadiums_reported: set[str] = set()

    # Reporting ------------------------------------------------------------------------------------------
    def report(self, line: int, message: str, severity: str = "warning") -> None:
        self.problems.append(Problem(self.document.file, line, message, severity))

    def span(self, *lines: int) -> Span:
        return Span.of(self.article, *lines)

    # Names -----------------------------------------------------------------------------------------------
    def club(self, name: str, line: int) -> str:
        name = " ".join(name.split())
        club = self.names.club(name, self.article, line)
        if club is None:
            club = slugify(name)
            if club not in self.records.clubs_named:  # once per article is enough to find the row to add
                self.report(line, f"club {name!r} is not in mappings/tables/club_aliases.csv; recorded as club {club!r}")
        self.records.clubs_named.setdefault(club, set()).add(name)
        return club

    def stadium(self, name: str, line: int) -> tuple[str, str]:
        """(id, name) of a stadium; one the tables do not know is its own stadium, minted from its cleaned name and
        reported once per article for review."""
        stadium, canonical = self.names.stadium(name)
        if stadium not in self.tables.stadiums and stadium not in self._stadiums_reported:
            self._stadiums_reported.add(stadium)
            self.report(line, f"stadium {canonical!r} is not in mappings/tables/stadium_aliases.csv; "
                              f"recorded as stadium {stadium!r}")
        return stadium, canonical

    def person(self, text: str, club: str | None) -> PlayerMention:
        nationality, name = split_nationality(text)
        return PlayerMention(name=name, club=club, season=self.season.id if self.season else "", nationality=nationality)

    # The walk --------------------------------------------------------------------------------------------
    def run(self) -> tuple[ArticleRecords, Coverage, list[Problem]]:
        document = self.document
        self.problems.extend(document.problems)
        context = self.classify_article()
        if document.title_line:
            self.coverage.mapped(document.title_line)
            if not any(text.strip() for text in document.lines[document.title_line:]):
                self.report(document.title_line, "the article has only a title: nothing else to map")
        if self.season is not None:
            self.read_infobox()
            self.explain_infobox_template()
            self.records.seasons.append(self.season)
            self.walk(document.root, context)
        self.explain_cut_line()
        self.explain_stray_fragments()
        for number in self.coverage.unexplained(document):
            if number not in {problem.line for problem in self.problems}:
                self.report(number, f"line not mapped: {document.lines[number - 1].strip()[:80]!r}")
            self.coverage.skipped(number, "not understood (reported)")
        return self.records, self.coverage, self.problems

    def explain_cut_line(self) -> None:
        """An excerpt stops mid-line: its last line (a table row without its closing '|', half a heading or a word)
        is cut, and is never read as if it were whole. A file that ends without a line break was cut the same way,
        whether or not sources.csv calls it an excerpt."""
        if not (self.excerpt or self.document.ends_mid_line):
            return
        last = max((n for n, text in enumerate(self.document.lines, start=1) if text.strip()), default=0)
        if last and last not in self.coverage.explained:
            self.coverage.skipped(last, "cut by the end of the excerpt (truncated); not read")
            self.report(last, "the excerpt ends inside this line (truncated); it is not read", "info")

    def explain_infobox_template(self) -> None:
        """A wikitext copy's infobox template spans more lines than its fields: a value continued on the next lines
        ('|winners=Apertura: X' / 'Clausura: Y') is read with its field, an empty parameter states nothing, and '}}'
        closes the template."""
        if not self.document.infobox_end or not self.document.infobox_line:
            return
        fields = sorted(self.document.infobox, key=lambda field: field.line)
        for number in range(self.document.infobox_line + 1, self.document.infobox_end + 1):
            text = self.document.lines[number - 1].strip() if number <= len(self.document.lines) else ""
            if not text or number in self.coverage.explained:
                continue
            owner = next((field for field in reversed(fields) if field.line < number), None)
            if text.startswith("|") or owner is None:
                self.coverage.skipped(number, "an empty parameter of the infobox template; it states nothing")
            elif text.strip("}") == "":
                self.coverage.skipped(number, "the end of the infobox template")
            elif self.coverage.explained.get(owner.line) == "mapped":
                self.coverage.mapped(number)
            elif owner.line in self.coverage.explained:
                self.coverage.explained[number] = self.coverage.explained[owner.line]

    def explain_stray_fragments(self) -> None:
        """A footnote's text the rendering moved between the title and the infobox ('"a"|BUAP was supposed to be
        relegated …', 'San Luis Ban|Estadio …'): the note of a table or cell not in the article's rendering, with the
        '|' of the template it came from. It names no place in the article; it is not read."""
        first_field = min((field.line for field in self.document.infobox), default=0)
        for number in range(self.document.title_line + 1, first_field):
            text = self.document.lines[number - 1]
            if text.strip() and number not in self.coverage.explained and "|" in text and not text.lstrip().startswith("|"):
                self.coverage.skipped(number, "a footnote's fragment the rendering left before the infobox; "
                                              "its table or cell is not in the rendering")

    def classify_article(self) -> Context:
        for pattern in self.tables.article_kinds:
            match = pattern.regex.match(self.document.title)
            if not match:
                continue
            groups = match.groupdict()
            self.records.kind = pattern.value
            self.records.competition = self.competition_of(groups.get("competition") or "")
            if pattern.value == "season":
                season_id = season_id_from(groups["season"])
                if season_id is None:
                    break
                self.season = SeasonRecord(season_id, season_name_of(season_id), self.span(1))
                self.season.title = self.document.title
                return Context(scope=("season", season_id))
            kind, year = groups["kind"], int(groups["year"])
            season_id = season_id_of(kind, year)
            self.season = SeasonRecord(season_id, season_name_of(season_id), self.span(self.document.title_line))
            tournament = self.tournament(kind, year, self.document.title_line)
            if pattern.value == "liguilla":
                stage = self.stage(StageKey("liguilla", tournament), self.document.title_line)
                return Context(tournament=tournament, stage=stage.key, scope=("liguilla", tournament))
            return Context(tournament=tournament, scope=("tournament", tournament))
        return self.classify_by_infobox()

    def classify_by_infobox(self) -> Context:
        """A title of no known kind: the season and competition the infobox states, if it states them."""
        stated = {field.key.strip().lower(): field for field in self.document.infobox}
        season_field, competition_field = stated.get("season"), stated.get("competition")
        season_id = season_id_from(season_field.value) if season_field else None
        line = self.document.title_line or 1
        if not self.document.title:
            return Context()  # the reader has said why (no title, not text)
        if season_id is None or competition_field is None:
            self.report(line, f"title {self.document.title!r} matches no article kind in "
                              "mappings/tables/article_kinds.csv and its infobox states no season and competition; "
                              "the article was not mapped")
            return Context()
        self.report(line, f"title {self.document.title!r} matches no article kind in mappings/tables/article_kinds.csv; "
                          "read as a season from its infobox's Season and Competition", "info")
        self.records.kind = "season"
        self.records.competition = self.competition_of(competition_field.value)
        self.season = SeasonRecord(season_id, season_name_of(season_id), self.span(season_field.line))
        return Context(scope=("season", season_id))

    def competition_of(self, name: str) -> str:
        """The competition id of a name; a name the tables do not know is minted from the name and reported once."""
        name = " ".join(name.split())
        known = self.names.competition(name)
        if known:
            self.records.competitions[known[0]] = known[1]
            return known[0]
        if not name:
            return ""
        competition = slugify(name)
        # Its seasons are minted under their own competition, so nothing merges by mistake; but an article of a
        # competition this graph does not cover (another country's league) deserves a look.
        self.report(self.document.title_line or 1,
                    f"competition {name!r} is not in mappings/tables/competitions.csv (not a competition this graph "
                    f"covers?); its seasons are recorded under competition {competition!r}")
        self.records.competitions[competition] = name
        return competition

    def tournament(self, kind: str, year: int, line: int) -> str:
        tournament_id = tournament_id_of(kind, year)
        season = season_id_of(kind, year)
        if self.season and season != self.season.id:
            self.report(line, f"{kind} {year} belongs to season {season_name_of(season)}, not {self.season.name}")
        if tournament_id not in self.records.tournaments:
            self.records.tournaments[tournament_id] = TournamentRecord(tournament_id, kind, year, season, self.span(line))
        return tournament_id

    def stage(self, key: StageKey, line: int) -> StageRecord:
        if key not in self.records.stages:
            self.records.stages[key] = StageRecord(key, self.span(line))
        return self.records.stages[key]

    def walk(self, section: Section, context: Context) -> None:
        state = SectionState()
        for block in section.blocks:
            if (heading := self.bare_heading(block)) is not None:
                context, state = self.enter(heading, context), SectionState()
                continue
            self.read_block(block, context, state)
        for subsection in section.subsections:
            self.walk(subsection, self.enter(subsection, context))

    def bare_heading(self, block) -> Section | None:
        """A wikitext copy's heading lost its '==': 'Changes from the previous season' stands as a line of its own.
        A short line with no sentence's end that a heading pattern of headings.csv matches is read as that heading."""
        if not (self.document.wikitext and isinstance(block, Paragraph)):
            return None
        text = block.text.strip()
        if len(text) > 60 or text.endswith((".", ":", ",", ";")) or not text[:1].isupper():
            return None
        if not any(pattern.regex.search(text) for pattern in self.tables.headings):
            return None
        return Section(text, 2, block.line)

    def enter(self, section: Section, context: Context) -> Context:
        """The context inside a section, from what its heading says."""
        title = section.title
        for pattern in self.tables.headings:
            match = pattern.regex.search(title)
            if match:
                self.coverage.mapped(section.line)
                return self.heading_context(pattern.value, pattern.argument, match, section, context)
        self.coverage.skipped(section.line, "a heading the tables do not map; its content is read in context")
        self.report(section.line, f"heading {title!r} is not in mappings/tables/headings.csv", "info")
        return replace(context, role=None)

    def heading_context(self, role: str, argument: str, match: re.Match[str], section: Section, context: Context) -> Context:
        line, title = section.line, section.title
        named = TOURNAMENT_NAME.search(title)
        season = self.season
        if role == "tournament":
            tournament = self.tournament(match["kind"], int(match["year"]), line)
            return Context(role=role, tournament=tournament, scope=("tournament", tournament))
        if role == "liguilla":
            tournament = context.tournament
            if named:
                tournament = self.tournament(named["kind"], int(named["year"]), line)
            elif (kind := TOURNAMENT_KIND.search(title)) and season:
                start, end = (int(part) for part in season.id.split("-"))
                year = start if kind["kind"] in OPENING_TOURNAMENTS else start + 1
                tournament = self.tournament(kind["kind"], year, line)
            if tournament is None:
                self.report(line, f"a Liguilla heading with no tournament around it: {title!r}")
                return replace(context, role=None)
            stage = self.stage(StageKey("liguilla", tournament), line)
            return Context(role="rules", tournament=tournament, stage=stage.key, scope=("liguilla", tournament))
        if role == "promotion_final":
            season_id = season.id if season else ""
            if match.groupdict().get("year") and season and not season.id.endswith(match["year"][-2:]):
                self.report(line, f"{title!r} is not the promotion final of season {season.name}")
            stage = self.stage(StageKey("promotion_final", season_id), line)
            return Context(role=role, tournament=None, stage=stage.key, scope=("season", season_id))
        if role == "round":
            return replace(context, role=role, round=argument, leg=None)
        if role == "matchday":
            if context.tournament is None:
                self.report(line, f"a matchday heading with no tournament around it: {title!r}")
                return replace(context, role=None)
            stage = self.stage(StageKey("regular_season", context.tournament), line)
            return replace(context, role=role, stage=stage.key, round=f"matchday-{int(match['number'])}", leg=None)
        if role == "leg":
            return replace(context, role=role, leg=int(argument))
        if role == "top_scorers":
            scope = context.scope
            rest = title[match.end():]
            if "liguilla" in rest.lower() and context.tournament:
                scope = ("liguilla", context.tournament)
            elif named:
                scope = ("tournament", self.tournament(named["kind"], int(named["year"]), line))
            elif context.tournament:
                scope = ("tournament", context.tournament)
            return replace(context, role=role, scope=scope)
        return replace(context, role=role)

    # Blocks ----------------------------------------------------------------------------------------------
    def read_block(self, block, context: Context, state: SectionState) -> None:
        if isinstance(block, Placeholder):
            self.coverage.skipped(block.line, "an empty placeholder left by the rendering")
        elif isinstance(block, MatchBlock):
            self.read_match(block, context)
        elif isinstance(block, Table):
            self.read_table_block(block, context, state)
        elif isinstance(block, BulletItem) and context.role == "changes":
            self.read_change_bullet(block, context, state)
        elif isinstance(block, (Paragraph, BulletItem)):
            self.read_prose(block.text, block.line, context, state)


def interpret(document: Document, article_id: str, tables: MappingTables,
              excerpt: bool = False) -> tuple[ArticleRecords, Coverage, list[Problem]]:
    return ArticleInterpreter(document, article_id, tables, excerpt).run()
