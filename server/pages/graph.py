"""The triples a page is made of, indexed both ways for the views that read them.

A page gathers its statements with a few CONSTRUCT queries into one ``PageGraph``; the views read football facts out
of it (a match's goals, a tie's sides) and the RDF renderings serialize the same triples. Terms are pyoxigraph terms,
compared by value.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

import pyoxigraph

from ascenso_kg import iris

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal
RDF_TYPE = pyoxigraph.NamedNode(iris.RDF + "type")


def node(iri: str) -> pyoxigraph.NamedNode:
    return pyoxigraph.NamedNode(iri)


def akg(name: str) -> pyoxigraph.NamedNode:
    return pyoxigraph.NamedNode(iris.AKG + name)


class PageGraph:
    def __init__(self, triples: Iterable[pyoxigraph.Triple] = ()):
        self.triples: dict[pyoxigraph.Triple, None] = {}  # insertion-ordered set
        self._out: dict[Term, dict[pyoxigraph.NamedNode, list[Term]]] = defaultdict(lambda: defaultdict(list))
        self._in: dict[Term, dict[pyoxigraph.NamedNode, list[Term]]] = defaultdict(lambda: defaultdict(list))
        self.add_all(triples)

    def add(self, triple: pyoxigraph.Triple) -> None:
        if triple in self.triples:
            return
        self.triples[triple] = None
        self._out[triple.subject][triple.predicate].append(triple.object)
        self._in[triple.object][triple.predicate].append(triple.subject)

    def add_all(self, triples: Iterable[pyoxigraph.Triple]) -> None:
        for triple in triples:
            self.add(triple)

    def __len__(self) -> int:
        return len(self.triples)

    def outgoing_subjects(self):
        """Every subject with statements on the page, in the order they arrived."""
        return self._out.keys()

    def outgoing(self, subject: Term) -> dict[pyoxigraph.NamedNode, list[Term]]:
        return self._out.get(subject, {})

    def objects(self, subject: Term, predicate: pyoxigraph.NamedNode) -> list[Term]:
        return list(self._out.get(subject, {}).get(predicate, ()))

    def value(self, subject: Term, predicate: pyoxigraph.NamedNode) -> Term | None:
        found = self._out.get(subject, {}).get(predicate)
        return found[0] if found else None

    def subjects(self, predicate: pyoxigraph.NamedNode, obj: Term) -> list[Term]:
        return list(self._in.get(obj, {}).get(predicate, ()))

    def types(self, subject: Term) -> set[str]:
        return {t.value for t in self.objects(subject, RDF_TYPE) if isinstance(t, pyoxigraph.NamedNode)}

    def has_type(self, subject: Term, class_name: str) -> bool:
        return iris.AKG + class_name in self.types(subject)

    def instances(self, class_name: str) -> list[Term]:
        return self.subjects(RDF_TYPE, akg(class_name))

    def number(self, subject: Term, predicate: pyoxigraph.NamedNode) -> int | float | None:
        """A numeric literal's value (int for integers), or None when absent or not a number."""
        literal = self.value(subject, predicate)
        if not isinstance(literal, pyoxigraph.Literal):
            return None
        try:
            return int(literal.value)
        except ValueError:
            try:
                return float(literal.value)
            except ValueError:
                return None

    def literal(self, subject: Term, predicate: pyoxigraph.NamedNode) -> str | None:
        literal = self.value(subject, predicate)
        return literal.value if isinstance(literal, pyoxigraph.Literal) else None

    def flag(self, subject: Term, predicate: pyoxigraph.NamedNode) -> bool:
        return self.literal(subject, predicate) in ("true", "1")
