"""Search: find clubs, players, stadiums, seasons… by typing a few letters of any of their names.

The index is built once per app from the names the pages already hold (labels, ``skos:altLabel``, names as the
articles wrote them) and lives in memory: a keystroke is a binary search in a sorted list of keys, never a SPARQL
REGEX over the store. Matching ignores accents, case and punctuation, so "leon" finds León and "U de G", "udeg" or
"udg" (the initials of "U. de G.") find Leones Negros UdeG.

Each name gives three kinds of keys: the name run together (``udeg``), its initials (``udg``) and each of its words.
A query matches a key it is a prefix of; a query of several words also matches a name whose words start with each
of them, in any order ("victoria estadio"). A name typed in full ranks first; then results go by class (a club before
a player before a tie), then by how well they match, then by the length of the name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ascenso_kg import iris
from ascenso_kg.accents import strip_accents

from .pages.addresses import get_addresses
from .pages.names import SEARCHABLE_CLASSES, Names, get_names
from .per_app import per_app

SUGGESTIONS = 10
RESULTS_PER_PAGE = 50
MAX_QUERY_LENGTH = 200
_EXTENSION = "ascenso_kg.search_index"

# Kinds of keys, and how well a query matches each: (as a prefix, exactly). Lower is better.
COMPACT, INITIALS, WORD = 0, 1, 2
SCORES = {COMPACT: (1, 0), WORD: (3, 2), INITIALS: (4, 2)}
EVERY_WORD = 3  # each word of the query starts a word of the name
_WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower case without accents: 'León' -> 'leon', 'Mérida' -> 'merida', 'Ñ' -> 'n'."""
    return strip_accents(text).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class Entry:
    iri: str
    label: str
    cls: str
    rank: int  # the class's place in SEARCHABLE_CLASSES
    names: tuple[str, ...]  # the label first, then the aliases
    name_words: tuple[tuple[str, ...], ...]  # the words of each name


class SearchIndex:
    def __init__(self, entries: list[Entry]):
        self.entries = entries
        keys = set()
        for position, entry in enumerate(entries):
            for name_index, name_words in enumerate(entry.name_words):
                if not name_words:
                    continue
                keys.add(("".join(name_words), COMPACT, position, name_index))
                if len(name_words) > 1:
                    keys.add(("".join(w[0] for w in name_words), INITIALS, position, name_index))
                for word in name_words:
                    keys.add((word, WORD, position, name_index))
        self.keys = sorted(keys)
        self._texts = [key[0] for key in self.keys]

    def _prefixed(self, prefix: str):
        start = bisect.bisect_left(self._texts, prefix)
        for index in range(start, len(self.keys)):
            if not self._texts[index].startswith(prefix):
                break
            yield self.keys[index]

    def search(self, query: str, limit: int = SUGGESTIONS, cls: str | None = None) -> list[Entry]:
        return [hit["entry"] for hit in self.hits(query, cls)[:limit]]

    def every(self, cls: str) -> list[dict]:
        """Every entry of one class, by name: what a search for a type with no words lists."""
        found = [{"entry": entry, "score": 0, "matched": entry.label} for entry in self.entries if entry.cls == cls]
        return sorted(found, key=lambda hit: (fold(hit["entry"].label), hit["entry"].iri))

    def hits(self, query: str, cls: str | None = None) -> list[dict]:
        """Every entry matching ``query`` (optionally of one class), best first, with the name that matched."""
        query_words = words(query[:MAX_QUERY_LENGTH])
        if not query_words:
            return []
        best: dict[int, tuple[int, int, int]] = {}  # entry position -> (score, not verbatim, name index)
        verbatim = fold(query).strip()

        def offer(position: int, score: int, name_index: int) -> None:
            # Among names matching equally well, the one written as the query was typed is the one to tell.
            candidate = (score, fold(self.entries[position].names[name_index]) != verbatim, name_index)
            if position not in best or candidate < best[position]:
                best[position] = candidate

        compact = "".join(query_words)
        for text, kind, position, name_index in self._prefixed(compact):
            offer(position, SCORES[kind][text == compact], name_index)
        if len(query_words) > 1:
            longest = max(query_words, key=len)
            for _, kind, position, name_index in self._prefixed(longest):
                if kind != WORD:
                    continue
                name_words = self.entries[position].name_words[name_index]
                if all(any(w.startswith(q) for w in name_words) for q in query_words):
                    offer(position, EVERY_WORD, name_index)
        found = []
        for position, (score, _, name_index) in best.items():
            entry = self.entries[position]
            if cls and entry.cls != cls:
                continue
            found.append({"entry": entry, "score": score, "matched": entry.names[name_index]})
        # A name typed in full comes first; then clubs before players before stadiums…, each by how well it matched.
        found.sort(key=lambda hit: (hit["score"] > 0, hit["entry"].rank, hit["score"], len(hit["entry"].label),
                                    hit["entry"].label))
        return found


def build_index(names: Names) -> SearchIndex:
    rank = {cls: position for position, cls in enumerate(SEARCHABLE_CLASSES)}
    entries = []
    for iri, cls in names.classes.items():
        label = names.label(iri)
        if label is None:
            continue
        all_names = [label.text] + [l.text for l in names.labels(iri) if l.text != label.text]
        all_names += [alias for alias in names.aliases.get(iri, ()) if alias not in all_names]
        entries.append(Entry(iri, label.text, cls, rank.get(cls, len(rank)), tuple(all_names),
                             tuple(tuple(words(name)) for name in all_names)))
    entries.sort(key=lambda e: e.iri)  # a stable order, whatever order the store answered in
    return SearchIndex(entries)


def get_index() -> SearchIndex:
    """The search index of the current app, built on first use from its names and kept."""
    return per_app(_EXTENSION, lambda: build_index(get_names()))


def class_key(cls: str) -> str:
    """``…#TopScorerTable`` -> ``topscorertable``: the value of ``type=`` that selects a class."""
    return cls.removeprefix(iris.AKG).lower()


def class_label(cls: str, names: Names) -> str:
    """The class's English label from the ontology (``top scorers``), for typed results."""
    return next((l.text for l in names.labels(cls) if l.lang == "en"), class_key(cls))


def result(hit: dict, names: Names) -> dict:
    entry = hit["entry"]
    return {
        "label": entry.label,
        "iri": entry.iri,
        "href": get_addresses().href(entry.iri),
        "type": class_key(entry.cls),
        "type_label": class_label(entry.cls, names),
        "matched": hit["matched"] if hit["matched"] != entry.label else None,
    }


def suggestions(query: str, limit: int = SUGGESTIONS, cls: str | None = None) -> list[dict]:
    """The best matches for ``query`` as plain results (label, link, type)."""
    names = get_names()
    return [result(hit, names) for hit in get_index().hits(query, cls)[:limit]]


