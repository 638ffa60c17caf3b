"""Graph IRIs a query may not name: files and addresses on this machine or its private network.

Oxigraph reads FROM, FROM NAMED, ``default-graph-uri`` and ``named-graph-uri`` as names of graphs in the store and
never dereferences them, and SERVICE is held to its own allow-list (``query_text``). A graph name that points at a
file or at a loopback, private, link-local or unspecified address is still refused, before anything runs: no graph of
this dataset has such a name, and a back-end that does dereference dataset IRIs (a remote store behind
``STORE_BACKEND=remote`` may) must never be steered at the machine it runs on or its neighbours.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from .sparql.query_text import decode_iri, tokenize

_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")


def _host_is_local(host: str) -> bool:
    host = host.strip("[]").rstrip(".").lower()
    if host in _LOCAL_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        try:  # 127.1, 0x7f.1, 2130706433: forms that resolvers still read as an address
            address = ipaddress.ip_address(_inet_aton(host))
        except ValueError:
            return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified
            or address.is_reserved or address.is_multicast)


def _inet_aton(host: str) -> int:
    """The address inet_aton(3) reads from ``host`` (1 to 4 parts, decimal, octal or hex), or ValueError."""
    parts = host.split(".")
    if not 1 <= len(parts) <= 4 or not all(parts):
        raise ValueError(host)
    numbers = [int(p, 16) if p.startswith("0x") else int(p, 8) if p.startswith("0") and len(p) > 1 else int(p)
               for p in parts]  # int() raises ValueError on anything else
    *leading, last = numbers
    if any(n > 255 for n in leading) or last >= 256 ** (5 - len(parts)):
        raise ValueError(host)
    value = 0
    for n in leading:
        value = value * 256 + n
    return value * 256 ** (5 - len(parts)) + last


def is_refused_graph(iri: str) -> bool:
    """True for a ``file:`` IRI, or one whose host is this machine or a private, link-local or reserved address."""
    try:
        parts = urlsplit(iri.strip())
    except ValueError:
        return False  # not an IRI at all: the store's own parser refuses it
    if parts.scheme.lower() == "file":
        return True
    try:
        host = parts.hostname
    except ValueError:
        return False
    return bool(host) and _host_is_local(host)


def dataset_iris(text: str) -> list[str]:
    """The IRIs written after FROM or FROM NAMED in a query (prefixed names resolved where the prologue allows)."""
    tokens = [t for t in tokenize(text) if t.kind not in ("space", "comment")]
    prefixes = {}
    found = []
    for i, token in enumerate(tokens):
        upper = token.text.upper()
        if upper == "PREFIX" and i + 2 < len(tokens) and tokens[i + 1].kind == "pname" and tokens[i + 2].kind == "iri":
            prefixes[tokens[i + 1].prefix] = decode_iri(tokens[i + 2].text)
        if token.kind != "word" or upper not in ("FROM", "FROMNAMED", "NAMED"):
            continue
        target = tokens[i + 1] if i + 1 < len(tokens) else None
        if target is None:
            continue
        if target.kind == "iri":
            found.append(decode_iri(target.text))
        elif target.kind == "pname" and target.prefix in prefixes:
            found.append(prefixes[target.prefix] + re.sub(r"\\(.)", r"\1", target.local or ""))
    return found


def refused_graphs(query: str, *graph_lists: tuple[str, ...] | None) -> list[str]:
    """The graph IRIs of a request (its query's dataset clauses and the protocol's graph lists) that are refused."""
    named = dataset_iris(query) + [iri for graphs in graph_lists for iri in graphs or ()]
    return [iri for iri in named if is_refused_graph(iri)]
