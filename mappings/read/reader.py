"""Read an article's plain-text rendering into a :class:`Document`.

The rendering: ``= Title =``; an ``Infobox`` line followed by ``- Key: value`` lines; ``==`` headings at any depth;
pipe tables; dated match blocks (a date line, a score line, indented scorer lines); bullet lists; empty placeholders
(``----``, ``<onlyinclude></onlyinclude>``); and prose. The reader knows the shapes of lines, not what they mean for
football: that is the interpreter's job. A line it cannot place is kept as prose, and a broken construct (a date with
no score line, a scorer line it cannot read) is reported with its line number.
"""

from __future__ import annotations

import re
from pathlib import Path

from .document import (
    BulletItem,
    Document,
    InfoboxField,
    MatchBlock,
    Paragraph,
    Placeholder,
    ScorerEntry,
    Section,
    Table,
    TableRow,
)
from .wikitext import looks_like_wikitext, read_wikitext_infobox, wikitext_title
from .scorers import parse_scorer_line
from .value_parsers import SCORE, parse_date, parse_score

_TITLE = re.compile(r"^=\s*(?P<title>[^=].*?)\s*=$")
_HEADING = re.compile(r"^(?P<marks>={2,6})\s*(?P<title>.*?)\s*(?P=marks)\s*$")
_INFOBOX_FIELD = re.compile(r"^-\s*(?P<key>[^:]+?)\s*:\s*(?P<value>.*)$")
# Infobox keys are short template parameter names ("Continentalcup1 Qualifiers"); a longer "key" is a sentence.
_LONGEST_KEY = 40
_BULLET = re.compile(r"^[-*•]\s+(?P<text>.+)$")
_PLACEHOLDER = re.compile(r"^(?:-{4,}|<onlyinclude>\s*</onlyinclude>|<[a-z]+\s*/>)$")
_TABLE_ROW = re.compile(r"^\|(?P<cells>.*)\|$")
# "Neza 2-1 Lobos BUAP", "Neza 2–1 Lobos BUAP (a.e.t.)", "Neza 1-1 Lobos BUAP (4-3 p)"
_SCORE_LINE = re.compile(
    rf"^(?P<home>\S.*?)\s+(?P<score>{SCORE})\s+(?P<away>[^()]*?\S)"
    r"(?P<notes>(?:\s*\([^)]*\))*)$"
)
_SCORE_WITHOUT_AWAY = re.compile(rf"^\S.*?\s+{SCORE}$")
_NOTES_THEN_AWAY = re.compile(r"^(?P<notes>(?:\([^)]*\)\s*)+)(?P<away>[^()\s][^()]*)$")
_EXTRA_TIME = re.compile(r"a\.?\s*e\.?\s*t\.?|extra time", re.IGNORECASE)
_SHOOTOUT = re.compile(r"(\d{1,2})\s*[-–]\s*(\d{1,2})\s*(?:p|pen\.?|pens|penalties|on penalties)\b", re.IGNORECASE)
_SHOOTOUT_PREFIX = re.compile(r"(?:p|pen\.?|pens)\s*(\d{1,2})\s*[-–]\s*(\d{1,2})", re.IGNORECASE)


def _is_infobox_field(stripped: str) -> bool:
    field = _INFOBOX_FIELD.match(stripped)
    return bool(field) and len(field["key"]) <= _LONGEST_KEY and not _HEADING.match(stripped)


def split_cells(row_text: str) -> tuple[str, ...]:
    """'| 1 | Necaxa | 30 |' -> ('1', 'Necaxa', '30')."""
    match = _TABLE_ROW.match(row_text.strip())
    inner = match["cells"] if match else row_text.strip().strip("|")
    return tuple(cell.strip() for cell in inner.split("|"))


def read_article(path: Path | str) -> Document:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        document = Document(file=path.name, title="", title_line=0, lines=[])
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        document.problem(line, f"not UTF-8 text ({error.reason}); the article was not read")
        return document
    except OSError as error:  # a folder named like an article, a file we may not read
        document = Document(file=path.name, title="", title_line=0, lines=[])
        document.problem(1, f"cannot be read ({error.strerror or error}); the article was not read")
        return document
    return read_text(text, file=path.name)


def read_text(text: str, file: str = "<text>") -> Document:
    lines = text.splitlines()
    document = Document(file=file, title="", title_line=0, lines=lines,
                        ends_mid_line=bool(text.strip()) and not text.endswith(("\n", "\r")))
    wikitext = looks_like_wikitext(text)
    document.wikitext = wikitext
    if wikitext and (bare := wikitext_title(lines)):  # a wikitext copy starts with its bare title
        document.title, document.title_line = bare
    _Reader(document).run()
    if wikitext and not document.infobox:
        read_wikitext_infobox(text, document)
    if not document.infobox:
        _report_unreadable_infobox(document)
    return document


# How the HTML-text mirrors flatten an infobox; the reader says which it met rather than guess at the values.
_UNREADABLE_INFOBOXES = (
    (re.compile(r"(?:Шаблон|Template):Infobox"), "the mirror shows the infobox template unexpanded ({text})"),
    (re.compile(r"^(?:Competition|Winners|Champions|Season):\S"),
     "the mirror flattened the infobox into 'Key:value' lines with values split over lines ({text})"),
    (re.compile(r"^(?:Season|Champions|Matches played|Relegated)(?=[\dA-Z])\S"),
     "the mirror ran the infobox's labels and values together ({text})"),
    (re.compile(r"^(?:Season|Champions|Dates|Promoted|Relegated) \| "),
     "the mirror flattened the infobox into a table ({text})"),
)


def _report_unreadable_infobox(document: Document) -> None:
    for number, line in enumerate(document.lines[:40], start=1):
        for pattern, reason in _UNREADABLE_INFOBOXES:
            if pattern.search(line.strip()):
                text = line.strip()[:40]
                document.problem(number, "no infobox read: " + reason.format(text=repr(text)))
                return


class _Reader:
    """A single pass over the lines; ``self.index`` is 0-based, line numbers given out are 1-based."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.lines = list(document.lines)
        if document.ends_mid_line and len(self.lines) > 1:
            self.lines[-1] = ""  # cut inside: never read as if it were whole (the interpreter explains it)
        self.index = 0
        self.stack: list[Section] = [document.root]

    @property
    def section(self) -> Section:
        return self.stack[-1]

    def run(self) -> None:
        while self.index < len(self.lines):
            raw = self.lines[self.index]
            stripped = raw.strip()
            number = self.index + 1
            if not stripped:
                self.index += 1
            elif not self.document.title and (title := _TITLE.match(stripped)):
                self.document.title, self.document.title_line = title["title"], number
                self.index += 1
            elif stripped == "Infobox" and self.document.infobox_line is None and not self.document.infobox:
                self.document.infobox_line = number
                self.index += 1
                self.read_infobox()
            elif self.infobox_may_start() and _is_infobox_field(stripped):
                self.read_infobox()
            elif heading := _HEADING.match(stripped):
                self.open_section(heading["title"], len(heading["marks"]), number)
                self.index += 1
            elif _TABLE_ROW.match(stripped):
                self.read_table()
            elif _PLACEHOLDER.match(stripped):
                self.section.blocks.append(Placeholder(stripped, number))
                self.index += 1
            elif parse_date(stripped) is not None:
                self.read_match_block()
            elif bullet := _BULLET.match(stripped):
                self.section.blocks.append(BulletItem(bullet["text"].strip(), number))
                self.index += 1
            else:
                self.section.blocks.append(Paragraph(stripped, number))
                self.index += 1
        if not self.document.title:
            self.document.problem(1, "no '= Title =' line; the article has no title")

    def open_section(self, title: str, depth: int, line: int) -> None:
        while len(self.stack) > 1 and self.stack[-1].depth >= depth:
            self.stack.pop()
        section = Section(title, depth, line)
        self.section.subsections.append(section)
        self.stack.append(section)

    def infobox_may_start(self) -> bool:
        """The infobox is the first run of ``- Key: value`` lines after the title and before any heading, whatever
        precedes it (an ``Infobox`` line, a stray footnote paragraph or nothing). Later runs of the same shape are
        body bullets."""
        return bool(self.document.title) and not self.document.infobox and len(self.stack) == 1 and not any(
            isinstance(block, (Table, MatchBlock)) for block in self.document.root.blocks)

    def read_infobox(self) -> None:
        """Read ``- Key: value`` lines up to the first blank line, heading or line of another shape."""
        while self.index < len(self.lines):
            stripped = self.lines[self.index].strip()
            field = _INFOBOX_FIELD.match(stripped)
            if not _is_infobox_field(stripped):
                break
            self.document.infobox.append(InfoboxField(field["key"], field["value"].strip(), self.index + 1))
            self.index += 1

    def read_table(self) -> None:
        rows = []
        while self.index < len(self.lines) and _TABLE_ROW.match(self.lines[self.index].strip()):
            rows.append(TableRow(split_cells(self.lines[self.index]), self.index + 1))
            self.index += 1
        self.section.blocks.append(Table(tuple(rows)))

    def _next_content_index(self, start: int) -> int | None:
        for index in range(start, len(self.lines)):
            if self.lines[index].strip():
                return index
        return None

    def read_match_block(self) -> None:
        date_line = self.index + 1
        date = parse_date(self.lines[self.index].strip())
        score_index = self._next_content_index(self.index + 1)
        score = _SCORE_LINE.match(self.lines[score_index].strip()) if score_index is not None else None
        away_line = None
        if score is None and score_index is not None and _SCORE_WITHOUT_AWAY.match(self.lines[score_index].strip()):
            # 'Irapuato 3 - 3' / '(a.e.t.) Necaxa': the score's note and the away side went to the next line.
            next_index = score_index + 1
            rest = _NOTES_THEN_AWAY.match(self.lines[next_index].strip()) if next_index < len(self.lines) else None
            if rest:
                joined = f"{self.lines[score_index].strip()} {rest['away']} {rest['notes'].strip()}"
                score = _SCORE_LINE.match(joined)
                away_line = next_index + 1 if score else None
        if score is None:
            # A date on its own (a schedule line, a match not yet played): keep it as prose and say so.
            self.document.problem(date_line, "a date line with no score line after it; read as prose", "info")
            self.section.blocks.append(Paragraph(self.lines[self.index].strip(), date_line))
            self.index += 1
            return
        note = "; ".join(re.findall(r"\(([^)]*)\)", score["notes"]))
        extra_time = bool(_EXTRA_TIME.search(note))
        shootout = _SHOOTOUT.search(note) or _SHOOTOUT_PREFIX.search(note)
        if note and not (extra_time or shootout):
            self.document.problem(score_index + 1, f"score note ({note}) not understood; left out", "warning")
        goals = parse_score(score["score"])
        self.index = (away_line or score_index + 1)
        scorers = []
        while self.index < len(self.lines):
            raw = self.lines[self.index]
            if not raw.strip() or not raw[:1].isspace():
                break
            parsed = parse_scorer_line(raw.strip())
            if parsed is None:
                break
            for message in parsed.problems:
                self.document.problem(self.index + 1, message)
            scorers.append(ScorerEntry(parsed, self.index + 1))
            self.index += 1
        self.section.blocks.append(
            MatchBlock(
                date=date,
                date_line=date_line,
                home=score["home"].strip(),
                away=score["away"].strip(),
                home_score=goals.home,
                away_score=goals.away,
                score_line=score_index + 1,
                scorers=tuple(scorers),
                extra_time=extra_time,
                penalties=(int(shootout[1]), int(shootout[2])) if shootout else None,
                away_line=away_line,
            )
        )
