"""Content negotiation: one table from media type to serializer, one pure ``parse_accept()``.

The tables are the single place that says which formats the endpoint speaks; the views ask ``choose_format()`` and
never compare media-type strings themselves. Negotiation follows RFC 9110 §12.5.1: a media range's quality applies to
the types it matches, the most specific matching range wins, ``q=0`` means "not acceptable", and ties go to the
server's order of preference (the order of the table).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Format:
    """One serialization the endpoint can produce."""

    name: str  # the value of ``format=`` and the key of the serializer
    media_type: str  # the Content-Type sent back
    aliases: tuple[str, ...] = ()  # other media types a client may ask for this format by
    w3c_format: str | None = None  # the format's IRI in http://www.w3.org/ns/formats/, for the service description
    short_names: tuple[str, ...] = ()  # other accepted values of ``format=``

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)


FORMATS_NS = "http://www.w3.org/ns/formats/"
HTML = Format("html", "text/html", ("application/xhtml+xml",))

# SELECT and ASK results. CSV and TSV have no boolean form, so ASK drops them (see formats_for()).
RESULT_FORMATS = (
    Format("json", "application/sparql-results+json", ("application/json",), FORMATS_NS + "SPARQL_Results_JSON"),
    Format("xml", "application/sparql-results+xml", ("application/xml",), FORMATS_NS + "SPARQL_Results_XML"),
    Format("csv", "text/csv", (), FORMATS_NS + "SPARQL_Results_CSV"),
    Format("tsv", "text/tab-separated-values", (), FORMATS_NS + "SPARQL_Results_TSV"),
    HTML,
)

# CONSTRUCT and DESCRIBE results; also the service description and the VoID document.
GRAPH_FORMATS = (
    Format("turtle", "text/turtle", ("application/x-turtle",), FORMATS_NS + "Turtle", ("ttl",)),
    Format("ntriples", "application/n-triples", ("text/plain",), FORMATS_NS + "N-Triples", ("nt",)),
    Format("jsonld", "application/ld+json", ("application/json",), FORMATS_NS + "JSON-LD", ("json-ld", "json")),
    Format("rdfxml", "application/rdf+xml", ("application/xml",), FORMATS_NS + "RDF_XML", ("xml", "rdf")),
    Format("trig", "application/trig", (), FORMATS_NS + "TriG"),
    Format("nquads", "application/n-quads", (), FORMATS_NS + "N-Quads", ("nq",)),
    HTML,
)

BOOLEAN_FORMATS = tuple(f for f in RESULT_FORMATS if f.name in ("json", "xml", "html"))


def formats_for(query_form: str) -> tuple[Format, ...]:
    """The formats a query of this form (SELECT, ASK, CONSTRUCT, DESCRIBE) can be answered in."""
    if query_form in ("CONSTRUCT", "DESCRIBE"):
        return GRAPH_FORMATS
    if query_form == "ASK":
        return BOOLEAN_FORMATS
    return RESULT_FORMATS


@dataclass(frozen=True, order=True)
class MediaRange:
    """One element of an Accept header: ``type/subtype;params;q=…``."""

    type: str
    subtype: str
    q: float = 1.0
    params: tuple[tuple[str, str], ...] = field(default=())

    @property
    def specificity(self) -> int:
        """How specific the range is: ``*/*`` < ``text/*`` < ``text/html`` < ``text/html;level=1``."""
        if self.type == "*":
            return 0
        if self.subtype == "*":
            return 1
        return 2 + len(self.params)

    def matches(self, media_type: str) -> bool:
        """Whether the range covers one of our (parameterless, UTF-8) media types.

        A range with a parameter other than ``charset=utf-8`` (``text/html;level=1``) names a variant we do not
        produce, so it matches nothing of ours.
        """
        main, _, sub = media_type.partition("/")
        if any((name, value.lower()) != ("charset", "utf-8") for name, value in self.params):
            return False
        return self.type in ("*", main) and self.subtype in ("*", sub)


def parse_accept(header: str | None) -> list[MediaRange]:
    """Parse an Accept header into media ranges, best quality first; malformed elements are dropped.

    A missing or empty header yields ``[*/*]``: RFC 9110 says the client then accepts anything.
    """
    if header is None or not header.strip():
        return [MediaRange("*", "*")]
    ranges = []
    for element in header.split(","):
        media_range = _parse_media_range(element)
        if media_range is not None:
            ranges.append(media_range)
    # Stable sort: equal qualities keep the client's order.
    return sorted(ranges, key=lambda r: -r.q)


def _parse_media_range(element: str) -> MediaRange | None:
    kind, *raw_params = (part.strip() for part in element.split(";"))
    main, slash, sub = kind.lower().partition("/")
    if not slash or not main or not sub or (main == "*" and sub != "*"):
        return None
    q = 1.0
    params = []
    for raw in raw_params:
        name, equals, value = raw.partition("=")
        name = name.strip().lower()
        if not equals or not name:
            continue
        value = value.strip().strip('"')
        if name == "q":
            try:
                q = float(value)
            except ValueError:
                return None
            if not 0.0 <= q <= 1.0:
                return None
        else:
            params.append((name, value))
    return MediaRange(main, sub, q, tuple(params))


def quality(media_type: str, ranges: list[MediaRange], explicit_only: bool = False) -> float:
    """The quality the client gives ``media_type``: that of the most specific range matching it (0 if none).

    With ``explicit_only``, wildcard ranges do not count: an alias (``application/json``) is chosen only when asked
    for by name, so ``*/*`` with the canonical type refused (``q=0``) does not bring the format back through it.
    """
    matching = [r for r in ranges if r.matches(media_type) and not (explicit_only and r.specificity < 2)]
    if not matching:
        return 0.0
    return max(matching, key=lambda r: r.specificity).q


def negotiate(accept_header: str | None, offered: tuple[Format, ...]) -> Format | None:
    """The offered format the client prefers most, or None when it accepts none of them."""
    ranges = parse_accept(accept_header)
    best: Format | None = None
    best_q = 0.0
    for fmt in offered:
        q = max([quality(fmt.media_type, ranges)]
                + [quality(alias, ranges, explicit_only=True) for alias in fmt.aliases])
        if q > best_q:
            best, best_q = fmt, q
    return best


def format_by_name(name: str, offered: tuple[Format, ...]) -> Format | None:
    """The offered format named by a ``format=`` value: a short name (``json``, ``ttl``) or a media type."""
    wanted = name.strip().lower()
    for fmt in offered:
        if wanted == fmt.name or wanted in fmt.short_names or wanted in fmt.media_types:
            return fmt
    return None


def choose_format(accept_header: str | None, format_param: str | None, offered: tuple[Format, ...]) -> Format | None:
    """``format=`` wins over the Accept header (browsers cannot set headers on a link)."""
    if format_param:
        return format_by_name(format_param, offered)
    return negotiate(accept_header, offered)
