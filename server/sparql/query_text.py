"""What a SPARQL request is, read from its text before any store sees it.

The endpoint must know three things before it runs a query: its form (to negotiate a result format and refuse updates
with 403 rather than a parser error), whether it names its own dataset (FROM / FROM NAMED: Oxigraph's union-default
option would silently override it), and every SERVICE it calls (federation is allowed only to an allow-list, and the
check must happen before Oxigraph opens a connection).

pyoxigraph offers no parser, so this module lexes the text the way the SPARQL grammar does (comments, strings, IRIs,
variables, prefixed names). The SERVICE check is deliberately conservative because Oxigraph matches keywords without
word boundaries: ``SERVICEex:x`` and ``SERVICE:x`` are service calls to it. So every occurrence of "service" in a
keyword-like token (a word or a prefix name) is a candidate, and a candidate whose target resolves to an IRI outside
the allow-list, or is a variable, is refused. Only variable names, string contents, comments, IRIs, blank-node labels,
language tags and the local part of prefixed names are skipped: in those places Oxigraph cannot read a keyword.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

_BASE_CHARS = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f"
    "\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_CHARS_U = _BASE_CHARS + "_"
_CHARS = _CHARS_U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_PREFIX = rf"[{_BASE_CHARS}](?:[{_CHARS}.]*[{_CHARS}])?"
_PN_LOCAL = rf"(?:[{_CHARS_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"

_TOKEN = re.compile(
    rf"""
      (?P<space>\s+)
    | (?P<comment>\#[^\r\n]*)
    | (?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|{_UCHAR})*>)
    | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
               |\"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
               |'(?:[^'\\\r\n]|\\.)*'
               |"(?:[^"\\\r\n]|\\.)*")
    | (?P<var>[?$][{_CHARS_U}0-9][{_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)
    | (?P<bnode>_:[{_CHARS_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?)
    | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    | (?P<pname>(?P<prefix>{_PN_PREFIX})?:(?P<local>{_PN_LOCAL})?)
    | (?P<word>[{_CHARS_U}0-9][{_CHARS}]*)
    | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


class Token(NamedTuple):  # a tuple, not a dataclass: a query has hundreds and each request reads them
    kind: str
    text: str
    start: int
    prefix: str | None = None  # for prefixed names
    local: str | None = None


@dataclass(frozen=True)
class ServiceCall:
    """A SERVICE the query may call: its target as written and the absolute IRI it resolves to, if any."""

    target: str
    iri: str | None
    is_variable: bool = False


@dataclass(frozen=True)
class QueryShape:
    form: str | None  # SELECT, CONSTRUCT, DESCRIBE, ASK, or None when the text starts with none of them
    is_update: bool
    has_dataset_clause: bool
    services: tuple[ServiceCall, ...] = field(default=())

    def refused_services(self, allowed: frozenset[str] | set[str] | tuple[str, ...]) -> list[ServiceCall]:
        """The service calls that may not run: variables, and IRIs missing from ``allowed`` (compared exactly)."""
        return [call for call in self.services if call.is_variable or call.iri not in allowed]


def tokenize(text: str) -> list[Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind in ("prefix", "local"):  # inner groups of a prefixed name
            kind = "pname"
        tokens.append(Token(kind, match.group(), match.start(), match["prefix"] or "", match["local"] or "")
                      if kind == "pname" else Token(kind, match.group(), match.start()))
    return tokens


def _significant(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.kind not in ("space", "comment")]


def decode_iri(token_text: str) -> str:
    """The IRI of an IRIREF token, with \\u and \\U escapes decoded as Oxigraph does."""
    return re.sub(_UCHAR, lambda m: chr(int(m.group()[2:], 16)), token_text[1:-1])


def _unescape_local(local: str) -> str:
    return re.sub(r"\\(.)", r"\1", local)


def _is_absolute(iri: str) -> bool:
    return re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", iri) is not None


def _read_prologue(tokens: list[Token]) -> tuple[dict[str, str | None], int]:
    """The PREFIX declarations (prefix -> absolute IRI, or None if relative) and the index of the first body token.

    Declarations glued to their keyword (``PREFIXex:<…>``) count as Oxigraph reads them. BASE is read only to be
    skipped: a relative IRI never passes the allow-list, so the base it would resolve against does not matter. The
    prologue ends at the first token that does not continue a well-formed declaration.
    """
    prefixes: dict[str, str | None] = {}
    i = 0
    while i < len(tokens):
        token, rest = tokens[i], tokens[i + 1:i + 3]
        if token.kind == "word" and token.text.upper() == "BASE" and rest[:1] and rest[0].kind == "iri":
            i += 2
            continue
        if token.kind == "word" and token.text.upper() == "PREFIX" and len(rest) == 2 \
                and rest[0].kind == "pname" and not rest[0].local:
            declared, iri_token, length = rest[0].prefix, rest[1], 3
        elif token.kind == "pname" and token.prefix.upper().startswith("PREFIX") and not token.local and rest:
            declared, iri_token, length = token.prefix[len("PREFIX"):], rest[0], 2
        else:
            break
        if iri_token.kind != "iri":
            break
        iri = decode_iri(iri_token.text)
        prefixes[declared] = iri if _is_absolute(iri) else None
        i += length
    return prefixes, i


def _skip_space(text: str, position: int) -> int:
    while True:
        match = re.compile(r"\s+|#[^\r\n]*").match(text, position)
        if not match or match.end() == position:
            return position
        position = match.end()


def _service_target(text: str, position: int, prefixes: dict[str, str | None]) -> ServiceCall | None:
    """The call a SERVICE keyword ending at ``position`` makes, or None if Oxigraph could not parse one there."""
    position = _skip_space(text, position)
    if text[position:position + 6].upper() == "SILENT":
        position = _skip_space(text, position + 6)
    match = _TOKEN.match(text, position)
    if match is None:
        return None
    if match.lastgroup == "iri":
        iri = decode_iri(match.group())
        return ServiceCall(match.group(), iri if _is_absolute(iri) else None)
    if match.lastgroup == "var":
        return ServiceCall(match.group(), None, is_variable=True)
    if match.lastgroup in ("pname", "prefix", "local"):
        prefix = match["prefix"] or ""
        if prefix not in prefixes:
            return None  # an undeclared prefix is a syntax error: Oxigraph will refuse the query itself
        namespace = prefixes[prefix]
        iri = None if namespace is None else namespace + _unescape_local(match["local"] or "")
        return ServiceCall(match.group(), iri)
    return None


def _service_calls(text: str, tokens: list[Token], prefixes: dict[str, str | None]) -> list[ServiceCall]:
    calls = []
    for token in tokens:
        if token.kind == "word":
            searched = token.text
        elif token.kind == "pname":
            searched = token.prefix  # the local part is a name; Oxigraph reads it whole
        else:
            continue
        for found in re.finditer("service", searched, re.IGNORECASE):
            call = _service_target(text, token.start + found.end(), prefixes)
            if call is not None:
                calls.append(call)
    return calls


def analyse_query(text: str, tokens: list[Token] | None = None) -> QueryShape:
    """Read the form, dataset clause and service calls of a query (or recognise an update); ``tokens``: its
    ``tokenize``, if already made."""
    tokens = _significant(tokenize(text) if tokens is None else tokens)
    prefixes, body_start = _read_prologue(tokens)
    first = tokens[body_start].text.upper() if body_start < len(tokens) else ""
    form = next((f for f in QUERY_FORMS if first.startswith(f)), None)
    is_update = form is None and any(first.startswith(k) for k in UPDATE_KEYWORDS)
    has_dataset_clause = any(
        (t.kind == "word" and t.text.upper() in ("FROM", "FROMNAMED"))
        or (t.kind == "pname" and t.prefix.upper().startswith("FROM"))
        for t in tokens[body_start:]
    )
    # The prologue holds only well-formed declarations (PREFIX service: <…> is one), never a service call.
    services = _service_calls(text, tokens[body_start:], prefixes)
    return QueryShape(form, is_update, has_dataset_clause, tuple(services))


@dataclass(frozen=True)
class QueryFacts:
    """What the endpoint's guards read from a query's text, from one pass of the lexer."""

    depth: int  # nesting_depth
    operators: int  # operator_count
    shape: QueryShape


def query_facts(text: str) -> QueryFacts:
    tokens = tokenize(text)
    return QueryFacts(nesting_depth(text, tokens), operator_count(text, tokens), analyse_query(text, tokens))


def nesting_depth(text: str, tokens: list[Token] | None = None) -> int:
    """How deeply groups, sub-queries, expressions and collections nest (``{``, ``(``, ``[``), outside strings, IRIs
    and comments. Oxigraph's parser recurses once per level, and a few thousand levels overflow its stack."""
    depth = deepest = 0
    for token in tokenize(text) if tokens is None else tokens:
        if token.kind != "other":
            continue
        if token.text in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif token.text in "})]":
            depth = max(0, depth - 1)
    return deepest


_CHAIN_SYMBOLS = frozenset("!+-*/|&^")
_CHAIN_WORDS = frozenset(("UNION", "MINUS", "OPTIONAL"))


def operator_count(text: str, tokens: list[Token] | None = None) -> int:
    """How many operators that chain (``! + - * / | & ^``, UNION, MINUS, OPTIONAL) the query holds, outside strings,
    IRIs and comments. Oxigraph's parser and planner recurse once per link of such a chain, and a few thousand links
    in a query of a few kilobytes overflow the query process's stack (a segfault, not an error)."""
    return sum(1 for token in (tokenize(text) if tokens is None else tokens)
               if (token.kind == "other" and token.text in _CHAIN_SYMBOLS)
               or (token.kind == "word" and token.text.upper() in _CHAIN_WORDS))
