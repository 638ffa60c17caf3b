"""The response shapes of the Reconciliation Service API 0.2 (W3C Entity Reconciliation Community Group), written as
checks: the manifest's ``extend`` section, property proposals (§5.1) and data extension responses (§5.2), after the
spec's JSON schemas (manifest.json, data-extension-response.json)."""

from __future__ import annotations

import re

ISO_DATE_TIME = re.compile(r"^-?\d{4,}-(1[0-2]|0[1-9])-(3[01]|0[1-9]|[12]\d)T([01]\d|2[0-3]):[0-5]\d:[0-5]\d"
                           r"(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$")


def check_manifest_extend(manifest: dict) -> None:
    for key in ("versions", "name", "identifierSpace", "schemaSpace"):
        assert key in manifest, key
    assert "0.2" in manifest["versions"]
    extend = manifest["extend"]
    assert isinstance(extend, dict)
    proposals = extend["propose_properties"]
    assert isinstance(proposals["service_url"], str) and isinstance(proposals["service_path"], str)
    assert isinstance(extend.get("property_settings", []), list)


def check_property_proposals(answer: dict) -> None:
    assert isinstance(answer["properties"], list)
    for prop in answer["properties"]:
        assert set(prop) <= {"id", "name", "description"}
        assert isinstance(prop["id"], str) and isinstance(prop["name"], str)
    if "type" in answer:
        assert isinstance(answer["type"], str)
    if "limit" in answer:
        assert isinstance(answer["limit"], int) and len(answer["properties"]) <= answer["limit"]


def check_cell(cell: dict) -> None:
    """One of the spec's oneOf: {}, {id, name[, description]}, {str}, {float}, {int}, {date}."""
    if not cell:
        return
    if "id" in cell:
        assert set(cell) <= {"id", "name", "description"} and isinstance(cell["id"], str)
        assert isinstance(cell["name"], str)
        return
    assert len(cell) == 1, cell
    (kind, value), = cell.items()
    if kind == "str":
        assert isinstance(value, str)
    elif kind == "float":
        assert isinstance(value, (int, float)) and not isinstance(value, bool)
    elif kind == "int":
        assert isinstance(value, int) and not isinstance(value, bool)
    elif kind == "date":
        assert ISO_DATE_TIME.match(value)
    else:
        raise AssertionError(f"not a data extension cell: {cell}")


def check_extension_response(answer: dict) -> None:
    assert set(answer) >= {"meta", "rows"}
    for item in answer["meta"]:
        assert isinstance(item["id"], str) and isinstance(item["name"], str)
        if "type" in item:
            assert isinstance(item["type"]["id"], str)
    assert isinstance(answer["rows"], dict)
    for row in answer["rows"].values():
        assert isinstance(row, dict)
        for cells in row.values():
            assert isinstance(cells, list)
            for cell in cells:
                check_cell(cell)
