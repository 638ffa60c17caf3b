"""Writers for query answers, keyed by the format names of ``negotiation.py``.

SELECT/ASK answers are written here following the W3C result formats (JSON, XML, CSV, TSV) rather than by
pyoxigraph, because a capped answer must say it was cut: the JSON document carries ``"truncated": true`` (placed
before ``results`` so streaming parsers such as Oxigraph's still accept it) and the XML one a comment. Graphs are
written by pyoxigraph; the line-based and Turtle-family formats get a comment when cut. The HTTP header that says
the same for every format is set by the view.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Callable
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph
import rdflib

from .sparql.query_results import Boolean, Graph, Outcome, QueryFailed, Solutions, Term

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"

RDF_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "rdfxml": pyoxigraph.RdfFormat.RDF_XML,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nquads": pyoxigraph.RdfFormat.N_QUADS,
}
_HASH_COMMENT_FORMATS = ("turtle", "ntriples", "trig", "nquads")
ITS = "http://www.w3.org/2005/11/its"
# Characters XML 1.0 cannot hold, even escaped (XML 1.0 §2.2): most C0 controls, surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The local part an RDF/XML writer must turn into an element name: an NCName, roughly (XML Namespaces §3).
_NCNAME_TAIL = re.compile(r"[^\W\d][\w.\-]*\Z")
NOT_XML_MESSAGE = ("The answer holds a character that XML 1.0 cannot carry (a control character such as U+0000 or "
                   "U+0007, or U+FFFE); ask for JSON (application/sparql-results+json) or another format instead.")


def truncation_note(outcome: Outcome) -> str:
    count = len(outcome.rows) if isinstance(outcome, Solutions) else len(getattr(outcome, "triples", ()))
    return f"Results truncated: only the first {count} are shown; the query has more."


# SPARQL 1.1 Query Results JSON -------------------------------------------------------------------------------
def _json_term(term: Term) -> dict:
    if isinstance(term, pyoxigraph.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, pyoxigraph.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, pyoxigraph.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    value = {"type": "literal", "value": term.value}
    if term.language:
        value["xml:lang"] = term.language
        if term.direction is not None:  # SPARQL 1.2 results keep a literal's base direction
            value["its:dir"] = str(term.direction)
    elif term.datatype.value != XSD_STRING:
        value["datatype"] = term.datatype.value
    return value


def write_json(outcome: Solutions | Boolean) -> bytes:
    """The JSON document, written compactly as ``json.dumps(…, separators=(",", ":"))`` writes the document of
    ``_json_term`` rows, and byte for byte as Oxigraph writes it (two tests check both): an answer then reads the
    same whether the engine wrote it (``answer_here.py``) or these writers did. It is written a term at a time:
    building the dictionaries cost more than running a cheap query."""
    if isinstance(outcome, Boolean):
        return json.dumps({"head": {}, "boolean": outcome.value}, separators=_COMPACT).encode()
    names = [_json_string(name) + ":" for name in outcome.variables]
    out = ['{"head":{"vars":[', ",".join(_json_string(name) for name in outcome.variables), "]},"]
    if outcome.truncated:
        out.append('"truncated":true,')
    out.append('"results":{"bindings":[')
    out.append(",".join("{" + ",".join([name + _json_term_text(term) for name, term in zip(names, row)
                                        if term is not None]) + "}"
                        for row in outcome.rows))
    out.append("]}}")
    return "".join(out).encode()


_COMPACT = (",", ":")
_json_string = json.encoder.encode_basestring  # JSON string syntax, as json.dumps(ensure_ascii=False) writes it
_NAMED_NODE, _BLANK_NODE, _LITERAL = pyoxigraph.NamedNode, pyoxigraph.BlankNode, pyoxigraph.Literal


def _json_term_text(term: Term) -> str:
    """``json.dumps(_json_term(term), ensure_ascii=False, separators=_COMPACT)``, written directly."""
    kind = type(term)
    if kind is _NAMED_NODE:
        return '{"type":"uri","value":' + _json_string(term.value) + "}"
    if kind is _LITERAL:
        text = '{"type":"literal","value":' + _json_string(term.value)
        language = term.language
        if language:
            text += ',"xml:lang":' + _json_string(language)
            if term.direction is not None:
                text += ',"its:dir":' + _json_string(str(term.direction))
            return text + "}"
        datatype = term.datatype.value
        return text + ("}" if datatype == XSD_STRING else ',"datatype":' + _json_string(datatype) + "}")
    if kind is _BLANK_NODE:
        return '{"type":"bnode","value":' + _json_string(term.value) + "}"
    return json.dumps(_json_term(term), ensure_ascii=False, separators=_COMPACT)  # a triple term (RDF 1.2): rare


# SPARQL Query Results XML ------------------------------------------------------------------------------------
def _xml_text(value: str) -> str:
    """``value`` as XML character data that reads back the same: a raw CR would be read as a line feed."""
    if _NOT_XML.search(value):
        raise QueryFailed(406, NOT_XML_MESSAGE)
    return escape(value, {"\r": "&#13;"})


def _xml_term(term: Term) -> str:
    if isinstance(term, pyoxigraph.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, pyoxigraph.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if isinstance(term, pyoxigraph.Triple):
        return (f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
                f"</predicate><object>{_xml_term(term.object)}</object></triple>")
    if term.language:
        direction = f" its:dir=\"{term.direction}\"" if term.direction is not None else ""
        return f"<literal xml:lang={quoteattr(term.language)}{direction}>{_xml_text(term.value)}</literal>"
    if term.datatype.value != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype.value)}>{_xml_text(term.value)}</literal>"
    return f"<literal>{_xml_text(term.value)}</literal>"


def write_xml(outcome: Solutions | Boolean) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n'
           f'<sparql xmlns="http://www.w3.org/2005/sparql-results#" xmlns:its="{ITS}">\n']
    if isinstance(outcome, Boolean):
        out.append(f"<head/>\n<boolean>{'true' if outcome.value else 'false'}</boolean>\n</sparql>\n")
        return "".join(out).encode()
    if outcome.truncated:
        out.append(f"<!-- {escape(truncation_note(outcome))} -->\n")
    out.append("<head>" + "".join(f"<variable name={quoteattr(v)}/>" for v in outcome.variables) + "</head>\n")
    out.append("<results>\n")
    for row in outcome.as_dicts():
        bindings = "".join(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>" for name, term in row.items())
        out.append(f"<result>{bindings}</result>\n")
    out.append("</results>\n</sparql>\n")
    return "".join(out).encode()


# SPARQL 1.1 Query Results CSV and TSV ------------------------------------------------------------------------
def _csv_value(term: Term | None) -> str:
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, pyoxigraph.Triple):
        return _tsv_term(term)
    return term.value


def write_csv(outcome: Solutions) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(outcome.variables)
    writer.writerows([_csv_value(term) for term in row] for row in outcome.rows)
    return buffer.getvalue().encode()


def _tsv_term(term: Term) -> str:
    """A term in Turtle syntax; pyoxigraph's str() gives N-Triples, which escapes tabs and newlines. A triple term
    is written as RDF 1.2 Turtle writes one, ``<<( s p o )>>``, so a TSV reader can parse it back."""
    if isinstance(term, pyoxigraph.Triple):
        return f"<<( {_tsv_term(term.subject)} {_tsv_term(term.predicate)} {_tsv_term(term.object)} )>>"
    return str(term)


def write_tsv(outcome: Solutions) -> bytes:
    lines = ["\t".join("?" + v for v in outcome.variables)]
    lines += ["\t".join("" if term is None else _tsv_term(term) for term in row) for row in outcome.rows]
    return ("\n".join(lines) + "\n").encode()


RESULT_WRITERS: dict[str, Callable[[Outcome], bytes]] = {
    "json": write_json, "xml": write_xml, "csv": write_csv, "tsv": write_tsv,
}


# Graphs ------------------------------------------------------------------------------------------------------
def _check_writable(graph: Graph, format_name: str) -> None:
    """Refuse, with 406 and a reason, a graph the format cannot hold (pyoxigraph would raise, or write bad XML)."""
    if format_name == "jsonld" and any(isinstance(term, pyoxigraph.Triple)
                                       for t in graph.triples for term in (t.subject, t.object)):
        raise QueryFailed(406, "JSON-LD cannot hold triple terms (RDF 1.2); ask for Turtle, N-Triples or N-Quads.")
    if format_name == "rdfxml":
        for triple in graph.triples:
            local = re.split(r"[#/:]", triple.predicate.value)[-1]
            if not _NCNAME_TAIL.match(local):
                raise QueryFailed(406, f"RDF/XML cannot write the predicate <{triple.predicate.value}> as an XML "
                                       "element name; ask for Turtle, N-Triples or JSON-LD.")


def write_graph(graph: Graph, format_name: str, prefixes: dict[str, str]) -> bytes:
    _check_writable(graph, format_name)
    try:
        body = pyoxigraph.serialize(graph.triples, format=RDF_FORMATS[format_name], prefixes=prefixes)
    except (OSError, ValueError) as error:  # a term the format cannot hold
        raise QueryFailed(406, f"The answer cannot be written in this format ({error}); ask for Turtle or "
                               "N-Triples.") from None
    if not graph.truncated:
        return body
    note = truncation_note(graph)
    if format_name in _HASH_COMMENT_FORMATS:
        return f"# {note}\n".encode() + body
    if format_name == "rdfxml":
        declaration, _, rest = body.partition(b"\n")
        return declaration + f"\n<!-- {escape(note)} -->\n".encode() + rest
    return body  # JSON has no comments: the Results-Truncated header says it


def serialize(outcome: Outcome, format_name: str, prefixes: dict[str, str]) -> bytes:
    if isinstance(outcome, Graph):
        return write_graph(outcome, format_name, prefixes)
    return RESULT_WRITERS[format_name](outcome)


# Compacted JSON-LD -------------------------------------------------------------------------------------------
def jsonld_context(prefixes: dict[str, str]) -> dict:
    """The context of the pages' JSON-LD (served at /context.jsonld): the project's prefixes, so that IRIs read as
    ``club:necaxa`` and ``akg:homeScore``."""
    return {"@context": dict(sorted(prefixes.items()))}


def write_compact_jsonld(triples: list, prefixes: dict[str, str]) -> bytes:
    """Triples as JSON-LD compacted with ``jsonld_context(prefixes)``. The context is written inline, the same as the
    published one, so that a reader understands the document without fetching anything (the views link the
    published copy in a ``Link`` header)."""
    graph = rdflib.Graph()  # pyoxigraph writes expanded JSON-LD only; rdflib compacts
    graph.parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")
    context = jsonld_context(prefixes)["@context"]
    document = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    # rdflib leaves IRIs whose local part holds "/" expanded (player/necaxa/victor-lojero); a compact IRI may hold
    # one (JSON-LD 1.1 §4.1.5 expands it by plain concatenation), so they are shortened here with the longest prefix.
    namespaces = sorted(((ns, prefix) for prefix, ns in context.items()), key=lambda pair: -len(pair[0]))

    def shorten(iri: str) -> str:
        for namespace, prefix in namespaces:
            if iri.startswith(namespace) and len(iri) > len(namespace) and not iri[len(namespace):].startswith("//"):
                return f"{prefix}:{iri[len(namespace):]}"
        return iri

    def walk(value):
        if isinstance(value, list):
            return [walk(item) for item in value]
        if isinstance(value, dict):
            return {key: (value[key] if key == "@context" else
                          shorten(item) if key == "@id" and isinstance(item, str) else walk(item))
                    for key, item in value.items()}
        return value

    return json.dumps(walk(document), indent=1, ensure_ascii=False).encode()
