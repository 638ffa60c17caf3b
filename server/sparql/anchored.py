"""Queries proven cheap before they run: anchored lookups, which the web process may evaluate itself.

A query is *anchored* when its text is, token for token, one of these shapes and nothing else:

    SELECT (?v … | *) [WHERE] { triple patterns } [LIMIT n]
    ASK [WHERE] { triple patterns }

with at most ``MAX_PATTERNS`` (two) triple patterns (``;`` and ``,`` lists count one each), where the subject of the
first is an IRI and the subject of the second is an IRI or a variable of the first; a predicate is an IRI, ``a`` or a
variable (no property path: no ``/ | ^ * + ?``); an object is an IRI, a variable, a string with an optional language
tag or datatype, or an unsigned integer. No FILTER, OPTIONAL, UNION, BIND, VALUES, sub-query, GRAPH, SERVICE, FROM,
GROUP, ORDER, DISTINCT, OFFSET, blank node or collection: any other token, and the query goes to the query processes
as before.

Why such a query is bounded: each pattern is answered by index lookups on its subject, and the subject is a constant
or a term the first pattern found. So between two rows the engine reads at most the statements about one subject
(the first pattern's, D of them at most) and makes one lookup for each; the answer has at most D × D rows, and the
row cap and a clock checked at each row (``answer_here.py``) stop it sooner. D grows with the data (a stadium has a
``prov:wasDerivedFrom`` per article line naming it: 21 statements at 10 seasons, about 2,000 expected at 1,000), so
D² is not small, which is why the chain stops at two patterns and DISTINCT and OFFSET (which skip rows inside the
engine, between two clock checks) are left out. Measured at 10 seasons: an entity's statements 0.1 ms, a join to
its neighbours' labels 0.5 ms (the engine starts from the anchored pattern whichever comes first in the text),
against 214 ms for the unanchored label pattern alone. Such a query cannot run away, so it needs no process to be
killed in.

The reading is deliberately conservative: the lexer is the guards' own (``query_text.tokenize``), keywords must be
whole words, and anything it does not recognise, or may read differently from the store's parser, makes the query
not anchored (run in a query process, where it is stopped at the time limit as every other query).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .query_text import Token, _read_prologue, _significant, tokenize

MAX_PATTERNS = 2
MAX_LENGTH = 4096  # characters: a longer text is not read (lookups are short), so the cache below holds at most 4 MiB
_TERM_KINDS = ("iri", "pname")


class _NotAnchored(Exception):
    pass


@dataclass(frozen=True)
class Shape:
    """What the reading of an anchored query found: its number of triple patterns and its LIMIT (None: none)."""

    patterns: int
    limit: int | None


def is_anchored(text: str) -> bool:
    """Whether ``text`` is an anchored query (see the module): cheap and bounded however the store evaluates it."""
    return anchored_shape(text) is not None


def anchored_shape(text: str) -> Shape | None:
    """The shape of ``text`` if it is an anchored query, else None."""
    return _shape(text) if len(text) <= MAX_LENGTH else None


@lru_cache(maxsize=1024)  # pages and tools send the same texts again and again; lexing costs more than the lookup
def _shape(text: str) -> Shape | None:
    try:
        reader = _Reader(text)
        reader.read_query()
    except _NotAnchored:
        return None
    return Shape(reader.patterns, reader.limit)


class _Reader:
    def __init__(self, text: str):
        self.text = text
        tokens = _significant(tokenize(text))
        self.prefixes, self.position = _read_prologue(tokens)
        self.tokens = tokens
        self.bound: set[str] = set()
        self.patterns = 0
        self.limit: int | None = None

    # Tokens ------------------------------------------------------------------------------------------------------
    def peek(self) -> Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> Token:
        token = self.next()
        self.position += 1
        return token

    def next(self) -> Token:
        """The next token, which must be there."""
        token = self.peek()
        if token is None:
            raise _NotAnchored
        return token

    def is_word(self, token: Token | None, *words: str) -> bool:
        return token is not None and token.kind == "word" and token.text.upper() in words

    def is_symbol(self, token: Token | None, symbol: str) -> bool:
        return token is not None and token.kind == "other" and token.text == symbol

    def expect_symbol(self, symbol: str) -> None:
        if not self.is_symbol(self.take(), symbol):
            raise _NotAnchored

    def take_variable(self) -> str:
        token = self.take()
        if token.kind != "var" or self.glued(token):
            raise _NotAnchored
        return token.text[1:]

    def glued(self, token: Token) -> bool:
        """Whether a ``?var`` follows the previous term with no space: ``<p>?o`` may also read as the path ``<p>?``."""
        return token.text.startswith("?") and token.start > 0 and not self.text[token.start - 1].isspace() \
            and self.text[token.start - 1] not in "{.;,"

    def take_term(self) -> None:
        """An IRI or a prefixed name whose prefix is declared with an absolute IRI."""
        token = self.take()
        if token.kind not in _TERM_KINDS:
            raise _NotAnchored
        if token.kind == "pname" and self.prefixes.get(token.prefix) is None:
            raise _NotAnchored  # undeclared or relative: left to the store's parser, in a query process

    # The query ---------------------------------------------------------------------------------------------------
    def read_query(self) -> None:
        form = self.take()
        if self.is_word(form, "SELECT"):
            self.read_projection()
        elif not self.is_word(form, "ASK"):
            raise _NotAnchored
        if self.is_word(self.peek(), "WHERE"):
            self.take()
        self.read_group()
        if self.is_word(form, "SELECT"):
            self.read_modifiers()
        if self.peek() is not None:
            raise _NotAnchored

    def read_projection(self) -> None:
        if self.is_symbol(self.peek(), "*"):
            self.take()
            return
        projected = 0
        while self.peek() is not None and self.peek().kind == "var":
            self.take_variable()
            projected += 1
        if not projected:
            raise _NotAnchored

    def read_modifiers(self) -> None:
        if self.is_word(self.peek(), "LIMIT"):
            self.take()
            number = self.take()
            if number.kind != "word" or not number.text.isdigit() or not number.text.isascii():
                raise _NotAnchored
            self.limit = int(number.text)

    def read_group(self) -> None:
        self.expect_symbol("{")
        while not self.is_symbol(self.peek(), "}"):
            self.read_triples()
            if self.is_symbol(self.peek(), "."):
                self.take()
            elif not self.is_symbol(self.peek(), "}"):
                raise _NotAnchored
        self.take()

    def read_triples(self) -> None:
        """A subject and its predicate-object lists: ``s p o ; p o , o``."""
        subject = self.next()
        if subject.kind == "var":
            if self.take_variable() not in self.bound:
                raise _NotAnchored  # an unanchored pattern: a scan of the store
        else:
            self.take_term()
        found: list[str] = []
        while True:
            self.read_predicate(found)
            while True:
                self.read_object(found)
                self.count_pattern()
                if not self.is_symbol(self.peek(), ","):
                    break
                self.take()
            if not self.is_symbol(self.peek(), ";"):
                break
            self.take()
            if self.is_symbol(self.peek(), ".") or self.is_symbol(self.peek(), "}"):
                break  # a trailing ``;`` is allowed
        self.bound.update(found)

    def count_pattern(self) -> None:
        self.patterns += 1
        if self.patterns > MAX_PATTERNS:
            raise _NotAnchored

    def read_predicate(self, found: list[str]) -> None:
        token = self.next()
        if token.kind == "var":
            found.append(self.take_variable())
        elif token.kind == "word" and token.text == "a":
            self.take()
        else:
            self.take_term()

    def read_object(self, found: list[str]) -> None:
        token = self.next()
        if token.kind == "var":
            found.append(self.take_variable())
        elif token.kind == "string":
            self.take()
            if self.peek() is not None and self.peek().kind == "langtag":
                self.take()
            elif self.is_symbol(self.peek(), "^"):
                self.take()
                self.expect_symbol("^")
                self.take_term()
        elif token.kind == "word" and token.text.isdigit() and token.text.isascii():
            self.take()
        else:
            self.take_term()
