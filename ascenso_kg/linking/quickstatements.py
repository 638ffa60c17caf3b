"""The graph's season facts offered back to Wikidata as QuickStatements (v1 text), for an editor to review and upload.

Only entities with an accepted row of ``mappings/tables/wikidata.csv`` are subjects, and only statements whose value
is a reviewed item too (or a number or date) are written; everything else becomes a line of the companion report
saying what would be needed. A club gets nothing: its facts here (names, seasons played) Wikidata models on other
items. Each statement is referenced to the English Wikipedia article it came from: S143 English Wikipedia, S4656 the
article URL, S813 the retrieval day when ``sources.csv`` records one (its optional ``retrieved`` column).

The property ids come from ``mappings/tables/wikidata_properties.csv`` (id, label, reason), looked up by label.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph

from ascenso_kg.iris import AKG, FOAF, PROV, RDF, RDFS, SCHEMA, Iris
from ascenso_kg.mappings.mapping_tables import WikidataLink
from ascenso_kg.mappings.rdf.links import entity_iri, kind_iri

from .entities import IdReader

ENGLISH_WIKIPEDIA = "Q328"  # the item the S143 reference names
PROPERTY_COLUMNS = ("property", "label", "reason")
NEEDED_PROPERTIES = ("participating team", "winner", "of", "number of participants", "start time", "end time",
                     "follows", "followed by", "imported from Wikimedia project", "Wikimedia import URL", "retrieved")
_PID = re.compile(r"P[1-9][0-9]*")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class ExportError(ValueError):
    """A properties table or sources file the export cannot use; the message names the file and line."""


def load_properties(path: Path) -> dict[str, str]:
    """label -> property id, checked: well-formed ids, each id and label once, a reason for each, none missing."""
    by_label: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != PROPERTY_COLUMNS:
            raise ExportError(f"{path.name}:1: the header must be {','.join(PROPERTY_COLUMNS)}")
        for line, row in enumerate(reader, start=2):
            pid, label, reason = (row[column].strip() for column in PROPERTY_COLUMNS)
            if not _PID.fullmatch(pid):
                raise ExportError(f"{path.name}:{line}: not a Wikidata property id: {pid!r}")
            if not label or not reason:
                raise ExportError(f"{path.name}:{line}: every property needs its label and the reason it is used")
            if label in by_label or pid in by_label.values():
                raise ExportError(f"{path.name}:{line}: {pid} {label!r} is listed twice")
            by_label[label] = pid
    missing = [label for label in NEEDED_PROPERTIES if label not in by_label]
    if missing:
        raise ExportError(f"{path.name}: the export needs these properties: {', '.join(missing)}")
    return by_label


@dataclass(frozen=True)
class Source:
    url: str
    retrieved: str | None  # YYYY-MM-DD, or None when nobody recorded it


def load_sources(path: Path) -> dict[str, Source]:
    """article id (file name without .txt) -> its English Wikipedia URL and retrieval day, from sources.csv."""
    sources = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            retrieved = (row.get("retrieved") or "").strip() or None
            if retrieved is not None and not _DATE.fullmatch(retrieved):
                raise ExportError(f"{path.name}:{line}: retrieved must be a day YYYY-MM-DD: {retrieved!r}")
            sources[row["file"].removesuffix(".txt")] = Source(row["url"], retrieved)
    return sources


def qs_string(value: str) -> str:
    return '"' + value.replace('"', '\\"') + '"'


def qs_day(day: str) -> str:
    """'2012-07-20' -> '+2012-07-20T00:00:00Z/11' (precision 11: a day)."""
    return f"+{day}T00:00:00Z/11"


@dataclass
class Export:
    statements: list[str] = field(default_factory=list)
    needed: list[str] = field(default_factory=list)  # the companion report: what would be needed for more

    def need(self, line: str) -> None:
        if line not in self.needed:
            self.needed.append(line)


class QuickStatementsWriter:
    def __init__(self, store: pyoxigraph.Store, iris: Iris, links: list[WikidataLink], properties: dict[str, str],
                 sources: dict[str, Source]):
        self.store, self.iris, self.p, self.sources = store, iris, properties, sources
        self.qids = {entity_iri(iris, row): row.qid for row in links if row.accepted}
        self.ids = IdReader(iris)
        self.article_prefix = iris.article("")
        self.result = Export()

    # -- reading the graph ---------------------------------------------------------------------------------------
    def _objects(self, subject: str, predicate: str) -> list[pyoxigraph.Term]:
        found = {quad.object for quad in self.store.quads_for_pattern(
            pyoxigraph.NamedNode(subject), pyoxigraph.NamedNode(predicate), None, None)}
        return sorted(found, key=lambda term: term.value)

    def _subjects(self, predicate: str, obj: str) -> list[str]:
        return sorted({quad.subject.value for quad in self.store.quads_for_pattern(
            None, pyoxigraph.NamedNode(predicate), pyoxigraph.NamedNode(obj), None)})

    def _is(self, iri: str, ontology_class: str) -> bool:
        return any(term.value == AKG + ontology_class for term in self._objects(iri, RDF + "type"))

    def _label(self, iri: str) -> str:
        labels = [term for term in self._objects(iri, RDFS + "label") if getattr(term, "language", None) != "es"]
        return labels[0].value if labels else iri.rpartition("/resource/")[2]

    def _articles(self, iri: str) -> list[str]:
        """The article ids the statements about ``iri`` were read from."""
        ids = set()
        for term in self._objects(iri, PROV + "wasDerivedFrom"):
            if term.value.startswith(self.article_prefix):
                ids.add(term.value[len(self.article_prefix):].split("/", 1)[0])
        return sorted(ids)

    def _own_articles(self, iri: str) -> list[str]:
        """The entity's own article first (its foaf:isPrimaryTopicOf), then the others it was read from."""
        pages = {term.value for term in self._objects(iri, FOAF + "isPrimaryTopicOf")}
        return sorted(self._articles(iri), key=lambda article: (
            article not in self.sources or self.sources[article].url not in pages, article))

    # -- writing ---------------------------------------------------------------------------------------------------
    def _reference(self, article_id: str) -> str | None:
        source = self.sources.get(article_id)
        if source is None:
            self.result.need(f"article {article_id} is not in sources.csv: its statements have no reference")
            return None
        parts = [f"S{self.p['imported from Wikimedia project'][1:]}", ENGLISH_WIKIPEDIA,
                 f"S{self.p['Wikimedia import URL'][1:]}", qs_string(source.url)]
        if source.retrieved:
            parts += [f"S{self.p['retrieved'][1:]}", qs_day(source.retrieved)]
        else:
            self.result.need(f"article {article_id} has no retrieval date in sources.csv: S813 left out")
        return "\t".join(parts)

    def _write(self, subject_qid: str, prop: str, value: str, article_ids: list[str], qualifiers: str = "") -> None:
        if not article_ids:
            return  # a fact the graph holds without its article is not offered: it could not be referenced
        reference = self._reference(article_ids[0])
        if reference is None:
            return
        line = "\t".join(part for part in (subject_qid, self.p[prop], value, qualifiers, reference) if part)
        self.result.statements.append(line)

    def _item(self, iri: str, what: str) -> str | None:
        qid = self.qids.get(iri)
        if qid is None:
            self.result.need(f"{what} {self._label(iri)} has no Wikidata item")
        return qid

    def season(self, iri: str) -> None:
        qid = self._item(iri, "season")
        if qid is None:
            return
        own = self._own_articles(iri)
        parts = self._subjects(AKG + "season", iri)
        clubs = [(club.value, self._articles(part)) for part in parts if self._is(part, "ClubSeason")
                 for club in self._objects(part, AKG + "club")]
        for club, articles in clubs:
            club_qid = self._item(club, "club")
            if club_qid:
                self._write(qid, "participating team", club_qid, articles)
        if clubs:
            self._write(qid, "number of participants", str(len(clubs)), clubs[0][1])  # a quantity without unit
        for tournament in (part for part in parts if self._is(part, "Tournament")):
            for champion in self._objects(tournament, AKG + "champion"):
                liguilla = self.iris.liguilla(tournament.removeprefix(self.iris.tournament("")))
                champion_qid = self._item(champion.value, "club")
                liguilla_qid = self._item(liguilla, "tournament") if champion_qid else None
                if champion_qid and liguilla_qid:
                    self._write(qid, "winner", champion_qid, self._articles(tournament),
                                qualifiers=f"{self.p['of']}\t{liguilla_qid}")
        for prop, predicate in (("start time", SCHEMA + "startDate"), ("end time", SCHEMA + "endDate")):
            for day in self._objects(iri, predicate):
                self._write(qid, prop, qs_day(day.value), own)
        for prop, predicate in (("follows", AKG + "previousSeason"), ("followed by", AKG + "nextSeason")):
            for other in self._objects(iri, predicate):
                other_qid = self._item(other.value, "season")
                if other_qid:
                    self._write(qid, prop, other_qid, own)

    def seasons(self, only: set[str] | None) -> Export:
        for iri in sorted(self._subjects(RDF + "type", AKG + "Season")):
            season_id = self.ids.id_of("season", iri)
            if season_id is None or (only is not None and f"season/{season_id}" not in only):
                continue
            self.season(iri)
        for iri, qid in sorted(self.qids.items()):
            if only is not None and not any(iri == kind_iri(self.iris, *entity.split("/", 1)) for entity in only):
                continue
            if iri.startswith(self.iris.club("")):
                self.result.need(f"club {self._label(iri)} ({qid}): nothing to offer; Wikidata models a club's "
                                 "seasons on the season items")
        return self.result

