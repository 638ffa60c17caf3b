"""Links to the graph's resources that stay on this site.

Resource IRIs are named under the canonical base (``https://w3id.org/ascenso-kg/``), which may not redirect here
(a local or self-hosted server, or a base not registered yet). Every human-facing link to a resource this app
serves therefore points to its local path, as the entity pages do: the same page on any host, and on the canonical
host the very same address. IRIs the app does not serve (Wikipedia, Wikidata…) stay as they are.
"""

from __future__ import annotations

from flask import current_app, request

from .pages.addresses import Addresses, base_from_prefixes


def addresses() -> Addresses:
    return Addresses(base_from_prefixes(current_app.config["PREFIXES"]))


def site_href(iri: str) -> str:
    """The local path of ``iri`` when this app serves it, else the IRI itself."""
    return addresses().href(iri)


def site_url(iri: str) -> str:
    """As ``site_href``, but absolute (for documents read elsewhere: a reconciliation manifest, a preview)."""
    path = addresses().local_path(iri)
    return request.host_url.rstrip("/") + path if path else iri
