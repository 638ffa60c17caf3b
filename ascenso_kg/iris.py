"""Every IRI the project mints, in one place.

Resource IRIs live under a configurable base (default ``https://w3id.org/ascenso-kg/``) and read like paths:
``…/resource/club/necaxa``, ``…/resource/match/2013-05-11-necaxa-neza``. The ontology's namespace never moves with
the base: it is a vocabulary other datasets may reuse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .accents import strip_accents

DEFAULT_BASE = "https://w3id.org/ascenso-kg/"
AKG = "https://w3id.org/ascenso-kg/ontology#"
ONTOLOGY_IRI = "https://w3id.org/ascenso-kg/ontology"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SCHEMA = "http://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
SH = "http://www.w3.org/ns/shacl#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"

CC_BY_SA = "https://creativecommons.org/licenses/by-sa/4.0/"
CC0 = "https://creativecommons.org/publicdomain/zero/1.0/"
LICENCES = {"CC BY-SA 4.0": CC_BY_SA, "CC0": CC0}  # as written in sources.csv -> licence IRI


def licence_iri(name: str) -> str | None:
    """'CC BY-SA 4.0' -> its IRI; 'CC0 (synthetic)' -> CC0's. Unknown or empty: None (nothing is asserted)."""
    for known, iri in LICENCES.items():
        if name.strip().startswith(known):
            return iri
    return None


# One prefix per kind of resource, so that queries and pages can say club:necaxa or match:2013-05-11-necaxa-neza.
RESOURCE_KINDS = ("club", "stadium", "city", "competition", "season", "tournament", "match", "player", "manager")


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The prefixes of the query editor, the example queries and the RDF of entity pages."""
    return {
        "akg": AKG,
        "res": base + "resource/",
        **{kind: f"{base}resource/{kind}/" for kind in RESOURCE_KINDS},
        "rdf": RDF,
        "rdfs": RDFS,
        "xsd": XSD,
        "owl": OWL,
        "schema": SCHEMA,
        "prov": PROV,
        "dcterms": DCTERMS,
        "skos": SKOS,
        "foaf": FOAF,
    }


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: 'U. de G.' -> 'u-de-g', '2012–13' -> '2012-13'."""
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-")


# The competition the graph began with: its seasons and tournaments keep the IRIs they had before competitions were
# told apart (…/season/2012-13). Every other competition's live under its id (…/season/liga-mx/2012-13).
UNSCOPED_COMPETITION = "liga-de-ascenso"


@dataclass(frozen=True)
class Iris:
    """Mints resource, graph and source IRIs under one base.

    Seasons, tournaments and what hangs off them (Liguillas, tables, titles, outcomes, club changes) are scoped by a
    competition: two competitions' 2012–13 seasons are two resources. ``scoped_to`` gives the minter of one
    competition."""

    base: str = DEFAULT_BASE
    scope: str = ""  # the competition id seasons and tournaments are scoped by ("": the unscoped one)

    def __post_init__(self) -> None:
        if not self.base.endswith("/"):
            raise ValueError(f"the IRI base must end with '/': {self.base!r}")

    def _resource(self, kind: str, *parts: str) -> str:
        return self.base + "resource/" + "/".join((kind, *parts))

    def scoped_to(self, competition: str) -> "Iris":
        return Iris(self.base, "" if competition == UNSCOPED_COMPETITION else competition)

    def _scoped(self, kind: str, *parts: str) -> str:
        return self._resource(kind, *((self.scope,) if self.scope else ()), *parts)

    # Sources and graphs -------------------------------------------------------------------------------
    def article(self, article_id: str) -> str:
        return self.base + "source/" + article_id

    def span(self, article_id: str, first: int, last: int) -> str:
        return f"{self.article(article_id)}/lines/{first}-{last}"

    def article_graph(self, article_id: str) -> str:
        return self.base + "graph/article/" + article_id

    def graph(self, name: str) -> str:
        """Graphs that do not come from one article: 'ontology', 'links', 'validation'."""
        return self.base + "graph/" + name

    # Competition structure ---------------------------------------------------------------------------
    def competition(self, competition_id: str) -> str:
        return self._resource("competition", competition_id)

    def season(self, season_id: str) -> str:
        return self._scoped("season", season_id)

    def tournament(self, tournament_id: str) -> str:
        return self._scoped("tournament", tournament_id)

    def liguilla(self, tournament_id: str) -> str:
        return self._scoped("tournament", tournament_id, "liguilla")

    def regular_season(self, tournament_id: str) -> str:
        return self._scoped("tournament", tournament_id, "regular-season")

    def promotion_final(self, season_id: str) -> str:
        return self._scoped("season", season_id, "promotion-final")

    def rules(self, stage_iri: str) -> str:
        return stage_iri + "/rules"

    def round(self, stage_iri: str, round_id: str) -> str:
        return f"{stage_iri}/{round_id}"

    def tie(self, round_iri: str, first_home: str, first_away: str) -> str:
        return f"{round_iri}/{first_home}-{first_away}"

    def one_sided_tie(self, round_iri: str, club_id: str) -> str:
        """A tie only a note names, by its winner ('Round tied 2-2, Necaxa went through on away goals')."""
        return f"{round_iri}/{club_id}"

    def tie_side(self, tie_iri: str, club_id: str) -> str:
        return f"{tie_iri}/side/{club_id}"

    def match(self, date: str, home: str, away: str) -> str:
        return self._resource("match", f"{date}-{home}-{away}")

    def goal(self, match_iri: str, number: int) -> str:
        return f"{match_iri}/goal/{number}"

    # Clubs, places, people ---------------------------------------------------------------------------
    def club(self, club_id: str) -> str:
        return self._resource("club", club_id)

    def club_season(self, season_id: str, club_id: str) -> str:
        return self._scoped("season", season_id, "club", club_id)

    def stadium(self, stadium_id: str) -> str:
        return self._resource("stadium", stadium_id)

    def capacity_statement(self, club_season_iri: str, stadium_id: str) -> str:
        """The capacity of a stadium as one season's article states it."""
        return f"{club_season_iri}/capacity/{stadium_id}"

    def city(self, city_id: str) -> str:
        return self._resource("city", city_id)

    def player(self, player_id: str) -> str:
        return self._resource("player", player_id)

    def manager(self, manager_id: str) -> str:
        return self._resource("manager", manager_id)

    # Outcomes, changes, tables -----------------------------------------------------------------------
    def title(self, tournament_id: str) -> str:
        return self._scoped("tournament", tournament_id, "title")

    def season_outcome(self, season_id: str, kind: str, club_id: str) -> str:
        return self._scoped("season", season_id, kind, club_id)

    def club_change(self, season_id: str, number: int) -> str:
        return self._scoped("season", season_id, "change", str(number))

    def table(self, scope_iri: str, kind: str) -> str:
        return f"{scope_iri}/{kind}"

    def table_row(self, table_iri: str, index: int) -> str:
        return f"{table_iri}/row/{index}"

    def tournament_points(self, row_iri: str, tournament_id: str) -> str:
        """A relegation row's points in one tournament."""
        return f"{row_iri}/points/{tournament_id}"

    def statistic(self, owner_iri: str, field: str, slot: int) -> str:
        """The slot-th figure of an infobox field on a season or tournament: 'top_scorer', 2 -> …/top-scorer-2."""
        return f"{owner_iri}/statistic/{field.replace('_', '-')}-{slot}"

    def liguilla_entry(self, liguilla_iri: str, club_id: str) -> str:
        return f"{liguilla_iri}/entry/{club_id}"
