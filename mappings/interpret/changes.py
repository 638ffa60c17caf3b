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

from ..mapping_tables import MappingTables
from .name_resolution import NameResolver
from .records import ChangeRecord, Span

# The verbs a club-change sentence starts its predicate with.
_VERBS = (r"(?:was|were|won|finished|changed|avoided|did|went|is|are|became|moved|moves|rebranded|renamed|"
          r"relocated|re-located|played|returned|dissolved|disappeared|disappears|leaves|left|could|adopted|"
          r"exchanged|had|took|purchased|bought)\b")
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
        together: list[str] = []
        mentions = _subjects(names.find_clubs(sentence, span.article, line), sentence, tables)
        if mentions and mentions[0][0] < _verb_position(sentence):
            subject = mentions[0][1]
        elif named := _named_subjects(sentence):
            # Clubs the alias table does not know are clubs of their own, minted from the name and reported.
            minted = [(start, resolve_club(name, line), name) for start, name in named]
            mentions = sorted(mentions + minted)
            subject = minted[0][1]
            for _, club, _ in minted:
                by_club.setdefault(club, ChangeRecord(season, 0, text, span, club=club))
            if len(minted) > 1:  # 'Lozaro, Guerreros Acapulco and San Miguel Caudillos dissolved': all three did
                together = [club for _, club, _ in minted]
        if created := _CREATED_LIST.search(sentence):
            # 'new expansion franchises were created: Pumas Morelos, Tecos 'A' and Gallos de Caliente.'
            for name in re.split(r",\s+|\s+and\s+", created["list"].strip().rstrip(".")):
                if name.strip():
                    club = resolve_club(name.strip(), line)
                    by_club.setdefault(club, ChangeRecord(season, 0, text, span, club=club))
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
            for concerned in together if club in together else [club]:
                if pattern.value not in by_club[concerned].kinds:
                    by_club[concerned].kinds.append(pattern.value)
            if groups.get("new"):
                _set_new_name(record, groups["new"].strip(), names, span, resolve_club)
            if groups.get("city"):
                record.new_city, record.new_city_name = names.city(groups["city"].strip())
            if pattern.value in tables.league_changes:
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


# A club's name as the family writes it: capitalised words, with the particles and marks names carry
# ('Real Sociedad de Zacatecas', 'C.D. Tapatío', 'Atlas "B"', 'Querétaro F.C.').
_NAME = r"""(?:[A-ZÁÉÍÓÚÑ][\w.'’-]*|"[A-Z]"|[A-Z]\.)(?:\s+(?:[A-ZÁÉÍÓÚÑ][\w.'’-]*|de|del|la|las|los|y|"[A-Z]"|[A-Z]\.))*"""
_SUBJECT = re.compile(rf"""^(?:(?:Due|After|Before|Since|In|On|For|With|Following)\b[^,]*,\s+)?(?:[Tt]he\s+)?"""
                      rf"""(?P<names>{_NAME}(?:\s+reserve team)?(?:(?:,\s+|\s+and\s+){_NAME})*)"""
                      rf"""(?:\s+(?:it\s+)?(?={_VERBS})|,?\s+(?=new\b))""")
# Words that open a sentence but name no club ('Since 2021–22 …', 'The Mexican Football Federation …').
_NOT_A_CLUB = re.compile(r"^(?:Since|Due|After|Before|However|Also|In|On|As|For|This|These|Each|Every|Both|All|But|"
                         r"And|Then|Later|Although|Meanwhile|Instead|Finally|It|They|He|She|Its|Their)$|"
                         r"\b(?:Federation|League|Division|División|Liga|teams?|clubs?)\b")


_CREATED_LIST = re.compile(r"\b(?:franchises|teams|clubs) (?:were|was) created:\s*(?P<list>[^.:]+)")


def _named_subjects(sentence: str) -> list[tuple[int, str]]:
    """The clubs a sentence opens with when the tables know none of them ('Acapulco was bought …', 'Lozaro,
    Guerreros Acapulco and San Miguel Caudillos dissolved.'), as (position, name)."""
    match = _SUBJECT.match(sentence)
    if not match:
        return []
    found = []
    start = match.start("names")
    for part in re.split(r"(,\s+|\s+and\s+)", match["names"]):
        name = part.strip()
        if name and not re.fullmatch(r",\s+|\s+and\s+", part):
            if _NOT_A_CLUB.search(name.split()[0]) or _NOT_A_CLUB.search(name.removesuffix(" reserve team")):
                return []
            found.append((start, name))
        start += len(part)
    return found


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
    elif re.search(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$", new_name):
        new_name += "."  # an abbreviation's last full stop was taken for the sentence's ('Tuxtla F.C.')
    new_club = names.club(new_name, span.article, span.first) or resolve_club(new_name, span.first)
    record.new_name = new_name
    if new_club != record.club:
        record.new_club = new_club
