"""SPARQL constraints run once per shape, not once per focus node.

pyshacl 0.40 runs a SPARQL-based constraint once for each focus node, with ``$this`` pre-bound: a hundred seasons
hold some 40,000 matches and goals, so three of the shapes sent 40,000 queries each, which was most of the
validation. Here the constraint's query runs once, with the focus nodes given as ``VALUES $this { … }`` at the head
of its WHERE clause, and its solutions are handed back to pyshacl's own loop, focus node by focus node, so that the
results are made, deduplicated and worded by pyshacl exactly as before.

Joining with the focus nodes gives the solutions of the pre-bound runs, put together, when the query projects
``$this`` (each solution says which focus node it is for), has one SELECT (no subquery evaluated apart), no LIMIT or
OFFSET (they would cut across focus nodes), and groups by ``$this`` if it aggregates at all. A query that is not of
that form, a constraint with a single focus node, a focus node that is not an IRI, or the rdflib backend run
pyshacl's loop as it is. ``tests/shapes/test_batched_sparql.py`` compares the two, result by result, on the seeds,
the family set and a generated corpus with planted inconsistencies.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections import defaultdict

import pyshacl
import rdflib
from pyshacl.constraints.sparql.sparql_based_constraints import SPARQLBasedConstraint
from pyshacl.graph_abstraction import OxigraphDataGraph

ENGINES = ("pyshacl-batched", "pyshacl")
DEFAULT_ENGINE = "pyshacl-batched"
ENGINE_SETTING = "ASCENSO_KG_VALIDATION_ENGINE"  # the build's engine, where no option gives one

_state = {"batched": True, "queries": 0}

_SELECT = re.compile(r"\bSELECT\b", re.IGNORECASE)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_PROJECTS_THIS = re.compile(r"^\s*SELECT\s+(DISTINCT\s+|REDUCED\s+)?\$this\b", re.IGNORECASE)
_AGGREGATES = re.compile(
    r"\bGROUP\s+BY\b|(?<![?$\w])HAVING\b|(?<![?$\w])(COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(", re.IGNORECASE)
_GROUP_BY = re.compile(r"\bGROUP\s+BY\b(.*?)((?<![?$\w])(HAVING|ORDER|LIMIT|OFFSET|VALUES)\b|$)",
                       re.IGNORECASE | re.DOTALL)
_CUTS = re.compile(r"(?<![?$\w])(LIMIT|OFFSET)\b", re.IGNORECASE)  # the keywords, not ?limit
_THIS = re.compile(r"[?$]this\b")


def chosen_engine(name: str | None = None) -> str:
    """``name``, else the ``ASCENSO_KG_VALIDATION_ENGINE`` setting, else the default; an unknown name is refused."""
    name = name or os.environ.get(ENGINE_SETTING) or DEFAULT_ENGINE
    if name not in ENGINES:
        raise ValueError(f"unknown validation engine {name!r}; use one of {', '.join(ENGINES)}")
    return name


def describe_engine(name: str, backend: str = "oxigraph") -> str:
    """The engine in words, with pyshacl's version: what the manifest and the summaries say ran."""
    if backend != "oxigraph":
        return f"pySHACL {pyshacl.__version__} on rdflib"
    batching = ", SPARQL constraints batched, core constraints pre-checked in SPARQL" if name == "pyshacl-batched" else ""
    return f"pySHACL {pyshacl.__version__} on Oxigraph{batching}"


@contextlib.contextmanager
def engine(name: str):
    """Validate with ``name`` (one of ``ENGINES``) inside the block: ``pyshacl`` is pyshacl's own loop."""
    name = chosen_engine(name)
    before = _state["batched"]
    _state["batched"] = name == "pyshacl-batched"
    try:
        yield
    finally:
        _state["batched"] = before


def batching() -> bool:
    """Whether the engine in use is ``pyshacl-batched`` (which also pre-checks core constraints, see prechecked)."""
    return _state["batched"]


def batched_queries() -> int:
    """How many constraint queries have run batched in this process (tests check that batching happened)."""
    return _state["queries"]


def batchable(select_text: str) -> bool:
    """Whether the constraint's query gives the same solutions joined with all focus nodes as pre-bound to each."""
    if len(_SELECT.findall(select_text)) != 1 or not _PROJECTS_THIS.match(select_text):
        return False
    where = _WHERE.search(select_text)
    if where is None or "{" in select_text[:where.start()] or _CUTS.search(select_text):
        return False
    if _AGGREGATES.search(select_text):
        group = _GROUP_BY.search(select_text)
        return group is not None and _THIS.search(group.group(1)) is not None
    return True


def with_focus_nodes(query: str, focus_nodes: list[rdflib.URIRef]) -> str:
    """The (prefixed) query with ``VALUES $this { … }`` at the head of its WHERE clause."""
    where = _WHERE.search(query)
    values = " ".join(f"<{node}>" for node in focus_nodes)
    return f"{query[:where.end()]}\nVALUES $this {{ {values} }}\n{query[where.end():]}"


def violations_of(rows) -> list:
    """pyshacl's ``_validate_sparql_query`` on one focus node's solutions: the same tuples, deduplicated alike."""
    violations: list = []
    seen_failure = False
    for var_dict in rows:
        var_dict = dict(var_dict)
        failure = var_dict.pop("failure", None)
        if failure is not None:
            if not seen_failure:
                violations.append((True, var_dict))
                seen_failure = True
            continue
        p, v, t = var_dict.pop("path", None), var_dict.pop("value", None), var_dict.pop("this", None)
        if (p is not None or v is not None or t is not None) and (t, p, v, var_dict) not in violations:
            violations.append((t, p, v, var_dict))
    return violations


def _evaluate_sparql_constraint(self, sparql_constraint, target_graph, f_v_dict):
    focus_nodes = list(f_v_dict)
    if (not _state["batched"] or len(focus_nodes) < 2 or not isinstance(target_graph, OxigraphDataGraph)
            or not all(isinstance(node, rdflib.URIRef) for node in focus_nodes)
            or not batchable(sparql_constraint.select_text)):
        return _pyshacl_evaluate_sparql_constraint(self, sparql_constraint, target_graph, f_v_dict)
    init_binds, text = sparql_constraint.pre_bind_variables(focus_nodes[0])
    if set(init_binds) != {"this"}:  # $currentShape and the like: pyshacl's way
        return _pyshacl_evaluate_sparql_constraint(self, sparql_constraint, target_graph, f_v_dict)
    query = with_focus_nodes(sparql_constraint.apply_prefixes(text), focus_nodes)
    rows = defaultdict(list)
    _state["queries"] += 1
    for row in target_graph.query(query):
        rows[row["this"]].append(row.asdict())
    found = {node: violations_of(node_rows) for node, node_rows in rows.items()}

    # pyshacl's loop makes the results from what its query step returns for each focus node: the solutions above.
    # A focus node without any gives no result, so the loop is run over those with solutions only.
    self._validate_sparql_query = lambda _query, binds, _graph: found.get(binds["this"], [])
    try:
        return _pyshacl_evaluate_sparql_constraint(self, sparql_constraint, target_graph,
                                                   {node: nodes for node, nodes in f_v_dict.items() if node in found})
    finally:
        del self._validate_sparql_query


_pyshacl_evaluate_sparql_constraint = SPARQLBasedConstraint._evaluate_sparql_constraint
SPARQLBasedConstraint._evaluate_sparql_constraint = _evaluate_sparql_constraint
