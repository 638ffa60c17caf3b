"""The comparison report: for each accepted link, where the graph and the Wikidata item disagree, for a person to
judge (neither side is assumed right; nothing is changed).

Read from the item (one query per batch of items): its English label, P17 country, P118 league, P159 headquarters
location and P1346 winner. Compared with the graph:

- ``label``: the table's label (the one the pages show) is no longer the item's English label;
- ``country``: a club's item is not in Mexico (Q96);
- ``participation``: the graph has the club in a season of a linked competition that the item's P118 does not list;
- ``city``: the item's headquarters location is none of the graph's cities for the club;
- ``winner``: a season's champion in the graph the item's P1346 lacks, or a P1346 winner the graph does not have;
- ``missing``: the endpoint knows nothing of the item (``link --check`` says more).

A value the graph holds for an entity without a reviewed item cannot be compared; that is said too.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph

from ascenso_kg.iris import AKG, RDF, RDFS, Iris
from ascenso_kg.mappings.mapping_tables import WikidataLink
from ascenso_kg.mappings.rdf.links import entity_iri

from .client import SparqlClient
from .wikidata import item, qid_of, wikidata_query

MEXICO = "Q96"
COMPARE_BATCH = 50


@dataclass
class ItemFacts:
    label: str | None = None
    values: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # property -> QIDs
    names: dict[str, str] = field(default_factory=dict)  # QID -> English label


@dataclass(frozen=True)
class Disagreement:
    row: WikidataLink
    topic: str
    detail: str

    def render(self) -> str:
        return f"{self.row.entity} {self.row.qid}: {self.topic}: {self.detail}"


def fetch_facts(client: SparqlClient, qids: list[str]) -> dict[str, ItemFacts]:
    facts: dict[str, ItemFacts] = defaultdict(ItemFacts)
    for start in range(0, len(qids), COMPARE_BATCH):
        batch = qids[start:start + COMPARE_BATCH]
        for binding in client.select(wikidata_query("compare", items=" ".join(item(qid) for qid in batch))):
            qid = qid_of(binding["item"]["value"])
            if qid is None:
                continue
            prop, value = binding["property"]["value"], binding["value"]["value"]
            if prop == "label":
                facts[qid].label = value
                continue
            target = qid_of(value)
            if target:
                facts[qid].values[prop].add(target)
                if "valueLabel" in binding:
                    facts[qid].names[target] = binding["valueLabel"]["value"]
    return facts


class GraphSide:
    """What the published graph says about a linked entity, with the graph's own reviewed items for its values."""

    def __init__(self, store: pyoxigraph.Store, iris: Iris, rows: list[WikidataLink]):
        self.store, self.iris = store, iris
        self.qids = {entity_iri(iris, row): row.qid for row in rows if row.accepted}

    def _objects(self, subject: str, predicate: str) -> set[str]:
        return {quad.object.value for quad in self.store.quads_for_pattern(
            pyoxigraph.NamedNode(subject), pyoxigraph.NamedNode(predicate), None, None)}

    def _subjects(self, predicate: str, obj: str) -> set[str]:
        return {quad.subject.value for quad in self.store.quads_for_pattern(
            None, pyoxigraph.NamedNode(predicate), pyoxigraph.NamedNode(obj), None)}

    def _is(self, iri: str, ontology_class: str) -> bool:
        return AKG + ontology_class in self._objects(iri, RDF + "type")

    def label(self, iri: str) -> str:
        labels = sorted(quad.object.value for quad in self.store.quads_for_pattern(
            pyoxigraph.NamedNode(iri), pyoxigraph.NamedNode(RDFS + "label"), None, None)
            if getattr(quad.object, "language", None) != "es")
        return labels[0] if labels else iri.rpartition("/resource/")[2]

    def club_seasons(self, club: str) -> list[str]:
        return sorted(part for part in self._subjects(AKG + "club", club) if self._is(part, "ClubSeason"))

    def club_competitions(self, club: str) -> dict[str, list[str]]:
        """competition IRI -> the labels of the seasons the graph has the club in."""
        found: dict[str, list[str]] = defaultdict(list)
        for part in self.club_seasons(club):
            for season in self._objects(part, AKG + "season"):
                for competition in self._objects(season, AKG + "competition"):
                    found[competition].append(self.label(season))
        return found

    def club_cities(self, club: str) -> set[str]:
        return {city for part in self.club_seasons(club) for city in self._objects(part, AKG + "city")}

    def season_champions(self, season: str) -> set[str]:
        return {champion for tournament in self._subjects(AKG + "season", season) if self._is(tournament, "Tournament")
                for champion in self._objects(tournament, AKG + "champion")}


def _named(qid: str, facts: ItemFacts) -> str:
    return f"{facts.names[qid]} ({qid})" if qid in facts.names else qid


def compare_row(row: WikidataLink, facts: ItemFacts | None, graph: GraphSide) -> list[Disagreement]:
    if facts is None:
        return [Disagreement(row, "missing", "the endpoint has nothing on this item (run link --check)")]
    found = []
    say = lambda topic, detail: found.append(Disagreement(row, topic, detail))  # noqa: E731
    if facts.label is not None and row.label and facts.label != row.label:
        say("label", f"the table (and the pages) say {row.label!r}; the item's English label is {facts.label!r}")
    iri = entity_iri(graph.iris, row)
    if row.kind == "club":
        if facts.values["P17"] and MEXICO not in facts.values["P17"]:
            say("country", "the item's country (P17) is " + ", ".join(_named(q, facts) for q in
                                                                    sorted(facts.values["P17"])) + ", not Mexico")
        for competition, seasons in sorted(graph.club_competitions(iri).items()):
            qid = graph.qids.get(competition)
            if qid and qid not in facts.values["P118"]:
                say("participation", f"the graph has the club in {graph.label(competition)} ({qid}) in "
                    f"{', '.join(sorted(set(seasons)))}; the item's league (P118) does not list {qid}")
        cities = graph.club_cities(iri)
        if facts.values["P159"] and cities:
            linked = {graph.qids[city] for city in cities if city in graph.qids}
            if not linked & facts.values["P159"]:
                wikidata = ", ".join(_named(q, facts) for q in sorted(facts.values["P159"]))
                ours = ", ".join(f"{graph.label(city)} ({graph.qids.get(city, 'no Wikidata item')})"
                                 for city in sorted(cities))
                say("city", f"the item's headquarters location (P159) is {wikidata}; the graph places the club "
                    f"in {ours}")
    if row.kind == "season":
        winners = facts.values["P1346"]
        ours = set()
        for champion in sorted(graph.season_champions(iri)):
            qid = graph.qids.get(champion)
            if qid is None:
                say("winner", f"the graph's champion {graph.label(champion)} has no Wikidata item: not compared")
                continue
            ours.add(qid)
            if qid not in winners:
                say("winner", f"the graph's champion {graph.label(champion)} ({qid}) is not a winner (P1346) "
                    "of the item")
        for qid in sorted(winners - ours, key=lambda q: int(q[1:])):
            say("winner", f"the item lists {_named(qid, facts)} as a winner (P1346); the graph has no such champion")
    return found


def compare_links(client: SparqlClient, store: pyoxigraph.Store, iris: Iris,
                  rows: list[WikidataLink]) -> list[Disagreement]:
    """Disagreements for every accepted row, in table order."""
    accepted = [row for row in rows if row.accepted]
    facts = fetch_facts(client, sorted({row.qid for row in accepted}, key=lambda qid: int(qid[1:])))
    graph = GraphSide(store, iris, rows)
    return [found for row in accepted for found in compare_row(row, facts.get(row.qid), graph)]
