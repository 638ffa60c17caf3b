"""The W3C Entity Reconciliation API (v0.2, as OpenRefine speaks it) over the graph's clubs, players, stadiums and
seasons, so that people can match their spreadsheets to this graph's IRIs.

- ``views``: the endpoints (``/reconcile`` with its manifest and query batches, suggest, preview);
- ``batches``: reading query batches, writing candidates;
- ``index`` and ``service``: the in-memory index of names and property values, built once per app from the store;
- ``matching``: accent- and case-insensitive scoring, property constraints and the ``match`` decision;
- ``suggest``: prefix search for entities, types and properties;
- ``extend``: data extension, property proposals and values of matched entities;
- ``schema``: the types and properties offered.
"""

from .views import bp

__all__ = ["bp"]
