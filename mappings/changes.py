"""Club changes between seasons, from the bullets of a "Changes from the previous season" section.

Each bullet is split into sentences; ``change_kinds.csv`` says which kinds of change a sentence states (promotion,
rebranding, relocation, …) and where the new name or city is. The club a change is about is the one named nearest
before the words that state it ("Necaxa were relegated … and Tecos were promoted …"), or the previous sentence's
subject when a sentence names none ("C.F. La Piedad were promoted to Liga MX. But rebranded …"). One record is made
per bullet and club concerned; the bullet's text is kept with it.
"""

from __future__ import annotations

import re
from typing import Callable

from .config import MappingTables
from .names import NameResolver
from .records import ChangeRecord, Span

_SENTENCE_END = re.compile(r"(?<!\b[A-Z])\.\s+(?=[A-Z])")

Report = Callable[[int, str, str], None]


def read_change(
    text: str,
    span: Span,
    season: str,
    first_number: int,
    tables: MappingTables,
    names: NameResolver,
    resolve_club: Callable[[str, int], str],
    report: Report,
) -> list[ChangeRecord]:
    line = span.first
    by_club: dict[str, ChangeRecord] = {}
    subject: str | None = None
    for sentence in _SENTENCE_END.split(text):
        mentions = _subjects(names.find_clubs(sentence, span.article, line), sentence, tables)
        if mentions and mentions[0][0] < _verb_position(sentence):
            subject = mentions[0][1]
        for pattern in tables.change_kinds:
            match = pattern.regex.search(sentence)
            if not match:
                continue
            groups = match.groupdict()
            if groups.get("club"):
                club = resolve_club(groups["club"], line)
            else:
                club = _nearest_before(mentions, _stated_at(match)) or subject
            if club is None:
                report(line, f"a {pattern.value} with no club named: {sentence!r}", "warning")
                continue
            record = by_club.setdefault(club, ChangeRecord(season, 0, text, span, club=club))
            if pattern.value not in record.kinds:
                record.kinds.append(pattern.value)
            if groups.get("new"):
                _set_new_name(record, groups["new"].strip(), names, span, resolve_club)
            if groups.get("city"):
                record.new_city, record.new_city_name = names.city(groups["city"].strip())
            if pattern.value in ("Promotion", "Relegation"):
                others = [c for c in names.find_competitions(sentence) if c[0] != "liga-de-ascenso"]
                if others:
                    record.league = others[0][0]
        if subject and subject not in by_club and mentions:
            by_club[subject] = ChangeRecord(season, 0, text, span, club=subject)
    if not by_club:
        report(line, "club change names no club the tables know; kept out of the graph", "warning")
    records = list(by_club.values())
    for offset, record in enumerate(records):
        record.number = first_number + offset
    return records


def _subjects(mentions: list[tuple[int, str, str]], sentence: str, tables: MappingTables) -> list[tuple[int, str, str]]:
    """The club mentions that can be a change's subject: not the new name a club took ('rebranded Delfines F.C.'),
    nor a city that shares a club's name ('moved to Veracruz')."""
    new_names = [
        range(match.start(group), match.end(group))
        for pattern in tables.change_kinds
        for match in pattern.regex.finditer(sentence)
        for group in ("new", "city")
        if match.groupdict().get(group)
    ]
    return [mention for mention in mentions if not any(mention[0] in taken for taken in new_names)]


def _stated_at(match: re.Match[str]) -> int:
    """Where a change is stated: before the new name or city it names, else at the end of its words."""
    starts = [match.start(name) for name in ("new", "city") if match.groupdict().get(name)]
    return min(starts) if starts else match.end()


def _nearest_before(mentions: list[tuple[int, str, str]], position: int) -> str | None:
    before = [club for start, club, _ in mentions if start < position]
    return before[-1] if before else None


def _verb_position(sentence: str) -> int:
    """Where the sentence's verb starts; a club named before it is the sentence's subject."""
    verb = re.search(
        r"\b(?:was|were|won|finished|changed|avoided|did|also|went|is|are|became|moved|rebranded|renamed)\b",
        sentence,
    )
    return verb.start() if verb else len(sentence)


def _set_new_name(
    record: ChangeRecord,
    new_name: str,
    names: NameResolver,
    span: Span,
    resolve_club: Callable[[str, int], str],
) -> None:
    if names.club(new_name, span.article, span.first) is None and names.club(new_name + ".", span.article, span.first):
        new_name += "."  # the sentence's full stop was also the name's ('Delfines F.C.')
    new_club = names.club(new_name, span.article, span.first) or resolve_club(new_name, span.first)
    record.new_name = new_name
    if new_club != record.club:
        record.new_club = new_club
