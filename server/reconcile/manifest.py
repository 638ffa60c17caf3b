"""The service manifest (Reconciliation Service API 0.2, §3.1): what the service offers and where."""

from __future__ import annotations

from flask import url_for

from ascenso_kg import __version__

from .batches import MAX_BATCH
from .schema import TYPES

PREVIEW_WIDTH = 420
PREVIEW_HEIGHT = 160


def service_manifest(identifier_space: str, schema_space: str) -> dict:
    service_url = url_for("reconcile.reconcile", _external=True)
    suggest = {"service_url": service_url}
    return {
        "versions": ["0.2"],
        "name": "ascenso-kg: Mexican second-tier football (Liga de Ascenso / Ascenso MX)",
        "identifierSpace": identifier_space,
        "schemaSpace": schema_space,
        "defaultTypes": [{"id": t.id, "name": t.name} for t in TYPES.values()],
        "serviceVersion": __version__,
        # OpenRefine puts the id in the template with encodeURI, which keeps the slashes of 'club/necaxa'.
        # The view is the entity's page on this site: the identifier space's IRIs need not resolve (yet).
        "view": {"url": url_for("pages.resource", rest="", _external=True) + "{{id}}"},
        "preview": {"url": url_for("reconcile.preview", _external=True) + "?id={{id}}",
                    "width": PREVIEW_WIDTH, "height": PREVIEW_HEIGHT},
        "suggest": {
            "entity": {**suggest, "service_path": "/suggest/entity"},
            "type": {**suggest, "service_path": "/suggest/type"},
            "property": {**suggest, "service_path": "/suggest/property"},
        },
        "batchSize": MAX_BATCH,
        # Data extension (§5): property proposals at /reconcile/properties, extend requests at /reconcile itself.
        "extend": {
            "propose_properties": {"service_url": service_url, "service_path": "/properties"},
            "property_settings": [],
        },
    }
