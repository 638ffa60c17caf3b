"""The entities of a published build that may be linked to Wikidata, read from its store.

Each is named as the link tables name it, ``kind/id`` (``club/necaxa``, ``player/necaxa/victor-lojero``): the id is
what the kind's IRI-minting function of :class:`ascenso_kg.iris.Iris` was given, recovered by matching the IRI
against that function's own output, so no IRI layout is restated here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph

from ascenso_kg.iris import Iris
from ascenso_kg.mappings.mapping_tables import WIKIDATA_KINDS
from ascenso_kg.mappings.rdf.links import kind_iri
from ascenso_kg.build.release import ReleaseNotFound, open_release

ENTITIES_QUERY = Path(__file__).parent / "queries" / "entities.rq"
_MARK = "\x00"  # a character no IRI holds: it marks where the id goes in a kind's IRI


@dataclass
class LinkEntity:
    kind: str
    id: str
    iri: str
    labels: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    article: str | None = None  # its English Wikipedia article, from the links table

    @property
    def entity(self) -> str:
        return f"{self.kind}/{self.id}"

    @property
    def name(self) -> str:
        return self.labels[0] if self.labels else self.id


class IdReader:
    """Recovers ``id`` from an entity IRI of a known kind."""

    def __init__(self, iris: Iris):
        self.shapes = {kind: tuple(kind_iri(iris, kind, _MARK).split(_MARK)) for kind in WIKIDATA_KINDS}

    def id_of(self, kind: str, iri: str) -> str | None:
        prefix, suffix = self.shapes[kind]
        if not (iri.startswith(prefix) and iri.endswith(suffix)) or len(iri) <= len(prefix) + len(suffix):
            return None
        return iri[len(prefix):len(iri) - len(suffix)]


def read_entities(store: pyoxigraph.Store, iris: Iris) -> list[LinkEntity]:
    """Every club, stadium, city, competition, season, Liguilla and player of the store, sorted by ``kind/id``."""
    ids = IdReader(iris)
    found: dict[str, LinkEntity] = {}
    spanish: set[str] = set()  # labels tagged @es: the English (or untagged) label names the entity first
    for solution in store.query(ENTITIES_QUERY.read_text(encoding="utf-8")):
        kind, iri = solution["kind"].value, solution["entity"].value
        entity_id = ids.id_of(kind, iri)
        if entity_id is None:
            continue  # an IRI of another base or layout: not one this build minted
        entity = found.setdefault(iri, LinkEntity(kind, entity_id, iri))
        for variable, values in (("label", entity.labels), ("alias", entity.aliases)):
            term = solution[variable]
            if term is not None and term.value not in values:
                values.append(term.value)
                if term.language == "es":
                    spanish.add(term.value)
        if solution["article"] is not None:
            entity.article = solution["article"].value
    for entity in found.values():
        entity.labels.sort(key=lambda label: (label in spanish, label))
        entity.aliases.sort()
    return sorted(found.values(), key=lambda entity: entity.entity)


def open_release_store(out_dir: Path) -> pyoxigraph.Store:
    """The store of ``out_dir/current``, read-only; FileNotFoundError when there is no published build."""
    try:
        store_dir = open_release(out_dir).store_path
    except ReleaseNotFound:
        store_dir = None
    if store_dir is None or not store_dir.is_dir():
        raise FileNotFoundError(f"no published build in {out_dir} (run `ascenso-kg build` first)")
    return pyoxigraph.Store.read_only(str(store_dir))


def release_base(out_dir: Path) -> str | None:
    """The IRI base the build of ``out_dir/current`` minted its resources under (its manifest says)."""
    try:
        return open_release(out_dir).base
    except (OSError, ValueError, ReleaseNotFound):
        return None
