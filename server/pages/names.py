"""The names pages show and search matches, read from the store.

Pages show labels, never IRIs. Two sources, so that neither the start of the app nor a page pays for the other:

- ``Names``, read once per app on first use: the labels, classes and aliases (``skos:altLabel``,
  ``akg:nameAsWritten``) of the entities people search for (clubs, players, stadiums, seasons…), the labels of the
  ontology's terms, and of the other vocabularies' terms the graph uses (``vocabulary.csv``). The search index is
  built from it, and most links on a page are to these entities. The home page reads a smaller ``Names`` of its own
  (``get_front_names``: seasons, tournaments, competitions, Liguillas, clubs), so that a started server's first
  answer does not read every player's name.
- ``PageNames``: the same interface for one page, adding the labels of everything else the page links to (goals,
  table rows, tie sides…), fetched with one anchored query per page (``page-labels.rq``). Reading every label of a
  graph of a hundred seasons at start-up would cost seconds and memory for names most pages never show.
"""

from __future__ import annotations

import csv
import sys
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from flask import current_app

from ascenso_kg import iris

from ..per_app import per_app
from ..sparql.query_results import QueryJob, Solutions
from ..store_backend import named_query
from .addresses import base_from_prefixes
from .page_store import page_store
from .queries import bind

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.csv")
_EXTENSION = "ascenso_kg.names"
# The names are read in one answer each: far more rows than an endpoint answer may hold.
NAMES_ROW_LIMIT = 50_000_000

# The order in which a label is picked for display: English, then untagged, then Spanish.
DISPLAY_LANGUAGES = ("en", "", "es")

# The classes of the entities people search for, most relevant first: a search ranks a club above a player above a
# tie, and an entity of several of these classes (a table and its kind) is shown as the first. Matches and rounds
# are reached from their clubs, ties and tournaments: a hundred seasons have tens of thousands of them.
SEARCHABLE_CLASSES = tuple(iris.AKG + name for name in (
    "Club", "Player", "Stadium", "Season", "Tournament", "Competition", "Liguilla", "PromotionFinal", "City",
    "Manager", "Tie", "StandingsTable", "TopScorerTable", "RelegationTable", "Table",
))

# The classes the home page links to (seasons, their champions, the latest Liguilla, the clubs): a few per season,
# read without the players' names. In SEARCHABLE_CLASSES' order, so an entity's class is the one ``Names`` gives it
# among these (Club is the most relevant of all, so the clubs are the same).
FRONT_CLASSES = tuple(c for c in SEARCHABLE_CLASSES
                      if c.removeprefix(iris.AKG) in ("Club", "Season", "Tournament", "Competition", "Liguilla"))


@dataclass(frozen=True)
class Label:
    text: str
    lang: str  # "" for a label without a language tag


class LabelLookup(ABC):
    """Picking the label to show among a resource's labels; subclasses say where the labels come from."""

    @abstractmethod
    def labels(self, iri: str) -> tuple[Label, ...]:
        """Every label of the resource, as its source holds them."""

    def label(self, iri: str) -> Label | None:
        """The label to show: English, else untagged, else Spanish, else any."""
        labels = self.labels(iri)
        if not labels:
            return None
        for lang in DISPLAY_LANGUAGES:
            for label in labels:
                if label.lang == lang:
                    return label
        return labels[0]

    def text(self, iri: str, default: str | None = None) -> str | None:
        label = self.label(iri)
        return label.text if label else default

    def other_label(self, iri: str) -> Label | None:
        """A label in another language than the displayed one, when it says something different (Spanish)."""
        shown = self.label(iri)
        if shown is None:
            return None
        return next((l for l in self.labels(iri) if l.lang != shown.lang and l.text != shown.text), None)


class Names(LabelLookup):
    """Labels by language, aliases and searchable class of the entities people search for; ontology labels."""

    def __init__(self, labels: dict[str, tuple[Label, ...]], aliases: dict[str, tuple[str, ...]],
                 classes: dict[str, str]):
        self._labels = labels
        self.aliases = aliases
        self.classes = classes  # entity IRI -> its most relevant searchable class IRI

    def labels(self, iri: str) -> tuple[Label, ...]:
        return self._labels.get(iri, ())

    def __contains__(self, iri: str) -> bool:
        return iri in self._labels


class LinkedLabels:
    """The labels pages fetched for the resources they link to, kept for the app's life and shared by its pages.

    The release never changes under a running app, and neighbouring pages link to the same matches, goals and table
    rows, so a label read once serves every later page. A resource found without a label is kept too (as no labels),
    so it is not asked for again. Bounded: when full it starts over.
    """

    def __init__(self, limit: int = 200_000):
        self.limit = limit
        self._labels: dict[str, tuple[Label, ...]] = {}

    def get(self, iri: str) -> tuple[Label, ...] | None:
        return self._labels.get(iri)

    def unknown(self, iris) -> list[str]:
        return [iri for iri in iris if iri not in self._labels]

    def add(self, asked: list[str], rows) -> None:
        found: dict[str, list[Label]] = {iri: [] for iri in asked}
        for entity, label in rows:
            if isinstance(label, pyoxigraph.Literal) and entity.value in found:
                found[entity.value].append(Label(label.value, label.language or ""))
        if len(self._labels) + len(found) > self.limit:
            self._labels = {}
        self._labels.update({iri: tuple(labels) for iri, labels in found.items()})


class PageNames(LabelLookup):
    """The app's names plus the labels of the other resources one page links to (read through ``linked``)."""

    def __init__(self, names: Names, linked: LinkedLabels | None = None):
        self.names = names
        self.linked = linked if linked is not None else LinkedLabels()
        self.fetched: dict[str, tuple[Label, ...]] = {}

    def labels(self, iri: str) -> tuple[Label, ...]:
        return self.names.labels(iri) or self.fetched.get(iri, ())

    def missing(self, candidates) -> list[str]:
        return [iri for iri in dict.fromkeys(candidates) if iri not in self.names and iri not in self.fetched]

    def take_linked(self, iris: list[str]) -> None:
        """Use the labels ``linked`` holds for ``iris`` on this page (they must all be there)."""
        self.fetched.update({iri: self.linked.get(iri) or () for iri in iris})


def read_vocabulary(path: Path = VOCABULARY_FILE) -> dict[str, tuple[Label, ...]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["iri"]: (Label(row["en"], "en"), Label(row["es"], "es")) for row in csv.DictReader(handle)}


def _select(name: str, **values) -> Solutions:
    text = bind(named_query(name), **values)
    outcome = page_store().run(QueryJob(text, "SELECT", row_limit=NAMES_ROW_LIMIT))
    assert isinstance(outcome, Solutions)
    return outcome


def load_names(base: str, classes: tuple[str, ...] = SEARCHABLE_CLASSES, aliases: bool = True) -> Names:
    """Read the names from the current app's store: of the entities of ``classes`` (all the searchable ones, or a few
    of them for the home page, which must not read every player's name), with their aliases when asked."""
    labels: dict[str, list[Label]] = {iri: list(found) for iri, found in read_vocabulary().items()}
    languages: dict[str, str] = {}  # one string object per language tag, not one per label

    def add_label(entity: str, label: pyoxigraph.Literal) -> None:
        lang = languages.setdefault(label.language or "", label.language or "")
        known = labels.setdefault(sys.intern(entity), [])
        if not any(l.text == label.value and l.lang == lang for l in known):
            known.append(Label(label.value, lang))

    rank = {iri: position for position, iri in enumerate(SEARCHABLE_CLASSES)}
    found_classes: dict[str, str] = {}
    outcome = _select("names-labels", classes=tuple(pyoxigraph.NamedNode(c) for c in classes))
    for entity, cls, label in outcome.rows:
        if isinstance(entity, pyoxigraph.NamedNode) and isinstance(label, pyoxigraph.Literal):
            add_label(entity.value, label)
            current = found_classes.get(entity.value)
            if current is None or rank[cls.value] < rank[current]:
                found_classes[sys.intern(entity.value)] = cls.value
    ontology = pyoxigraph.NamedNode(iris.Iris(base).graph("ontology"))
    for entity, label in _select("names-ontology", ontologyGraph=ontology).rows:
        if isinstance(entity, pyoxigraph.NamedNode) and isinstance(label, pyoxigraph.Literal):
            add_label(entity.value, label)

    found_aliases: dict[str, list[str]] = {}
    for entity, alias in _select("names-aliases").rows if aliases else ():
        if isinstance(entity, pyoxigraph.NamedNode) and isinstance(alias, pyoxigraph.Literal):
            known = found_aliases.setdefault(sys.intern(entity.value), [])
            if alias.value not in known:
                known.append(alias.value)
    return Names({iri: tuple(found) for iri, found in labels.items()},
                 {iri: tuple(found) for iri, found in found_aliases.items()}, found_classes)


def get_linked_labels() -> LinkedLabels:
    """The current app's shared ``LinkedLabels``."""
    return current_app.extensions.setdefault(_EXTENSION + ".linked", LinkedLabels())


def get_names() -> Names:
    """The names of the current app's release, read on first use and kept for the app's life."""
    return per_app(_EXTENSION, lambda: load_names(base_from_prefixes(current_app.config["PREFIXES"])))


def get_front_names() -> Names:
    """The names of the seasons, tournaments, competitions, Liguillas and clubs (``FRONT_CLASSES``) with the ontology's
    and vocabularies' labels: what the home page links to, read on first use without the players and the rest.
    An entity's labels are the same as in ``get_names()``; its class is one of these."""
    return per_app(_EXTENSION + ".front", lambda: load_names(base_from_prefixes(current_app.config["PREFIXES"]),
                                                            FRONT_CLASSES, aliases=False))


def term_label(iri: str, names: LabelLookup) -> str:
    """A label for any IRI: its name, else a short readable form (never the whole IRI when it can be avoided)."""
    text = names.text(iri)
    if text:
        return text
    if iri.startswith(iris.AKG):
        return iri[len(iris.AKG):]
    tail = iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return tail or iri
