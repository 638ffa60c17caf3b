"""The terms ``ontology/ascenso.ttl`` declares, for checking the mapping tables against it.

A table that names a property, a class or an individual (``league_table_properties.csv``, ``league_tables.csv``,
``stages.csv``, ``change_kinds.csv``, ``outcome_kinds.csv``, ``tie_decisions.csv``, ``infobox_fields.csv``,
``infobox_own_fields.csv``) may only name one the ontology declares: a typo in a table would otherwise become a term
no shape, page or query knows. The tables name the project's own terms by their local name (the statements modules
write ``akg:`` + the name), so that is what is read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pyoxigraph

from ascenso_kg.iris import AKG, OWL, RDF, RDFS

_PROPERTY_TYPES = {OWL + "ObjectProperty", OWL + "DatatypeProperty", OWL + "AnnotationProperty", RDF + "Property"}
_CLASS_TYPES = {OWL + "Class", RDFS + "Class"}


@dataclass(frozen=True)
class OntologyTerms:
    """The ``akg:`` terms of the ontology by local name: properties, classes, each class's superclasses (direct and
    indirect) and each individual's classes."""

    properties: frozenset[str]
    classes: frozenset[str]
    superclasses: dict[str, frozenset[str]]
    types: dict[str, frozenset[str]]

    def is_subclass(self, name: str, of: str) -> bool:
        return name in self.classes and of in self.superclasses.get(name, frozenset())

    def is_instance(self, name: str, of: str) -> bool:
        return of in self.types.get(name, frozenset())


@lru_cache(maxsize=4)
def ontology_terms(path: Path) -> OntologyTerms:
    """Read the ontology (a millisecond with pyoxigraph, so the tables are checked every time they are loaded)."""
    types: dict[str, set[str]] = {}
    parents: dict[str, set[str]] = {}
    for triple in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE):
        subject, predicate, value = triple.subject, triple.predicate.value, triple.object
        if not isinstance(subject, pyoxigraph.NamedNode) or not isinstance(value, pyoxigraph.NamedNode):
            continue
        if predicate == RDF + "type":
            types.setdefault(subject.value, set()).add(value.value)
        elif predicate == RDFS + "subClassOf":
            parents.setdefault(subject.value, set()).add(value.value)

    def local(iri: str) -> str | None:
        return iri[len(AKG):] if iri.startswith(AKG) else None

    def ancestors(iri: str) -> set[str]:
        seen: set[str] = set()
        todo = list(parents.get(iri, ()))
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(parents.get(parent, ()))
        return seen

    own = {local(iri): kinds for iri, kinds in types.items() if local(iri)}
    classes = frozenset(name for name, kinds in own.items() if kinds & _CLASS_TYPES)
    return OntologyTerms(
        properties=frozenset(name for name, kinds in own.items() if kinds & _PROPERTY_TYPES),
        classes=classes,
        superclasses={name: frozenset(filter(None, map(local, ancestors(AKG + name)))) for name in classes},
        types={name: frozenset(filter(None, map(local, kinds))) for name, kinds in own.items()},
    )
