"""Terms and labels every mapper shares: provenance and label properties, stage IRIs and names (a stage's class and
names are a table, ``mappings/tables/stages.csv``; how a tie decision is written too, ``tie_decisions.csv``)."""

from __future__ import annotations

from ascenso_kg.iris import PROV, RDFS, Iris

from ..interpret.records import StageKey
from ..mapping_tables import MappingTables

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


def stage_label(key: StageKey, tables: MappingTables) -> tuple[str, str]:
    """A stage's English and Spanish names, from its row of ``stages.csv``."""
    stage = tables.stages[key.kind]
    if key.kind == "promotion_final":
        values = {"year": int(key.owner.split("-")[0]) + 1}  # the final closes the season: 2012-13 -> 2013
    else:
        values = {"tournament": tournament_label(key.owner)}
    return stage.label_en.format(**values), stage.label_es.format(**values)
