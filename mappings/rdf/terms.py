"""Terms and labels every mapper shares: provenance and label properties, stage IRIs and names (how a tie decision
is written is a table: ``mappings/tables/tie_decisions.csv``)."""

from __future__ import annotations

from ascenso_kg.iris import PROV, RDFS, Iris

from ..interpret.records import StageKey

LABEL = RDFS + "label"
DERIVED = PROV + "wasDerivedFrom"


def stage_iri(iris: Iris, key: StageKey) -> str:
    if key.kind == "liguilla":
        return iris.liguilla(key.owner)
    if key.kind == "regular_season":
        return iris.regular_season(key.owner)
    return iris.promotion_final(key.owner)


def tournament_label(tournament_id: str) -> str:
    kind, year = tournament_id.split("-")
    return f"{kind.capitalize()} {year}"


def stage_label(key: StageKey) -> tuple[str, str]:
    if key.kind == "liguilla":
        name = tournament_label(key.owner)
        return f"{name} Liguilla", f"Liguilla del {name}"
    if key.kind == "regular_season":
        name = tournament_label(key.owner)
        return f"{name} regular season", f"Fase regular del {name}"
    year = int(key.owner.split("-")[0]) + 1  # the final closes the season: 2012-13 -> 2013
    return f"{year} promotion final", f"Campeón de Ascenso {year}"
