"""Where a resource IRI is served on this host, and which IRI a local path stands for.

Resources are named under the configured base (``https://w3id.org/ascenso-kg/``) but served wherever the app runs,
so ``…/resource/club/necaxa`` is answered at ``/resource/club/necaxa`` and every link in a page points to the local
path: the pages work on localhost, behind a proxy, or at the base itself. The ontology's namespace does not move
with the base (it is a vocabulary others reuse), so its terms are always served at ``/ontology#<term>``: a hash IRI
whose document is the ontology page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

from flask import current_app

from ascenso_kg import iris

# The top-level folders of the base the pages answer for (iris.py mints resources, sources and graphs under them).
SERVED_FOLDERS = ("resource", "source", "graph")
_PLAIN_PATH = re.compile(r"[A-Za-z0-9/._~-]*")


@dataclass(frozen=True)
class Addresses:
    base: str  # ends with "/"

    def local_path(self, iri: str) -> str | None:
        """The path this app serves ``iri`` at, or None for an IRI it does not serve (Wikipedia, DBpedia…)."""
        if iri == iris.ONTOLOGY_IRI:
            return "/ontology"
        if iri.startswith(iris.AKG):
            return "/ontology#" + quote(iri[len(iris.AKG):], safe="")
        if iri.startswith(self.base):
            rest = iri[len(self.base):]
            if rest.split("/", 1)[0] in SERVED_FOLDERS:
                # Minted IRIs are slugs: quoting them changes nothing, so skip it (a page makes thousands of links).
                return "/" + (rest if _PLAIN_PATH.fullmatch(rest) else quote(rest, safe="/-._~!$&'()*+,;=:@%"))
        return None

    def href(self, iri: str) -> str:
        """Where a link to ``iri`` points: the local path when this app serves it, else the IRI itself."""
        return self.local_path(iri) or iri

    def iri_for(self, folder: str, rest: str) -> str:
        """The IRI a local path ``/<folder>/<rest>`` stands for (the inverse of ``local_path``). ``rest`` comes
        already decoded by the web server, so it is not decoded again."""
        return self.base + folder + "/" + rest


def base_from_prefixes(prefixes: dict[str, str]) -> str:
    """The app's IRI base, read back from the ``res:`` prefix ``create_app`` set (``<base>resource/``)."""
    return prefixes["res"].removesuffix("resource/")


def get_addresses() -> Addresses:
    """The current app's addresses (its IRI base from its prefixes)."""
    return Addresses(base_from_prefixes(current_app.config["PREFIXES"]))
