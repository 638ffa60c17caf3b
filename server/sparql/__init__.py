"""The SPARQL endpoint's machinery: reading a protocol request (``protocol``), guarding it (``request_guard``,
``query_text``, ``budget``), running it in query processes (``pool``, ``query_worker``), the route
(``endpoint``) and the direct path that answers plain queries before Flask by the route's own rules (``direct``). Kept free of imports here: a query process imports ``query_worker`` and must not load Flask."""
