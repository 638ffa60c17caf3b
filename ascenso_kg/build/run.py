"""``ascenso-kg build``: articles -> graph -> dumps, reports and an Oxigraph store, published as one release.

The build streams: the articles are interpreted first (what crosses articles is settled from their records), then
mapped one at a time; each article's graph goes to the store and to its own dumps as it is made, and into sorted
runs that are merged into the whole graph's dumps and union at the end. Memory holds one article's statements and
one run, not the whole graph.

The release's layout (store, dumps, reports, sources, manifest) is ``ascenso_kg.build.release.Release``'s.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import shutil
import sys
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Callable, Iterable

from pyoxigraph import BlankNode, RdfFormat, Triple, parse

from .. import __version__
from .dumps import (
    DumpFile,
    Lines,
    TextDump,
    encoded_quad_lines,
    file_blocks,
    triple_line,
    turtle,
    write_article_dumps,
    write_checksums,
    write_file,
    write_text,
    write_turtle_dump,
)
from ..iris import AKG, CC0, CC_BY_SA, DEFAULT_BASE, RDF, Iris, licence_iri
from ..mappings.read.document import Problem
from ..mappings.pipeline import MappingResult, interpret_articles, map_graphs
from ..mappings.rdf.ntriples import Statement
from ..resources import ONTOLOGY_FILE
from ..validation.release_report import PublishedValidation, publish_validation
from ..workspace import ARTICLES_DIR, DEFAULT_OUT_DIR
from .collector import sparse_collections
from .release import Release, build_lock, new_staging, publish, release_id
from .sorted_runs import SortedRuns
from .store import StoreLoader
from .writer import DumpWriter

Progress = Callable[[str], None]

# The store loads while the articles are mapped: loads of 8 MiB start early enough to keep up, and are few enough
# (a few hundred at a thousand seasons) for RocksDB.
LOAD_CHUNK_BYTES = 8 * 2**20
# N-Quads lines sorted in memory at a time (about 400 MiB: a hundred seasons' 1.26 M fit in one); more go to sorted
# runs on disk
RUN_SIZE = 1_500_000
# Jobs waiting for the dump writer process: an article's text each (a few MiB at most)
WRITER_PENDING = 8


class StrictBuildFailed(RuntimeError):
    """``--strict`` and the articles have problems; nothing was published."""


@dataclass
class BuildSummary:
    release: Path
    articles: int
    triples: int
    quads: int
    classes: Counter = field(default_factory=Counter)
    problems: list[Problem] = field(default_factory=list)
    lines_mapped: int = 0
    lines_skipped: int = 0
    lines_unexplained: int = 0
    rows_complete: int = 0  # rows of the venues and standings tables
    rows_captured: int = 0
    violations: int = 0  # SHACL violations of the published graph: a mapping bug, so the command exits 1
    infobox_fields: int = 0
    infobox_captured: int = 0

    def render(self) -> str:
        warnings = sum(problem.severity == "warning" for problem in self.problems)
        lines = [
            f"release   {self.release}",
            f"articles  {self.articles}",
            f"triples   {self.triples} ({self.quads} quads in named graphs)",
            f"lines     {self.lines_mapped} mapped, {self.lines_skipped} skipped with a reason, "
            f"{self.lines_unexplained} unexplained",
            f"tables    {self.rows_captured} of {self.rows_complete} complete stadium and standings rows captured",
            f"infobox    {self.infobox_captured} of {self.infobox_fields} fields with a meaning captured (reports/infobox.tsv)",
            f"problems  {warnings} warnings, {len(self.problems) - warnings} notes (reports/problems.tsv)",
            f"shapes    {self.violations} violations (dumps/validation-report.ttl)",
            "entities by class:",
        ]
        lines += [f"  {name:<18} {count}" for name, count in sorted(self.classes.items())]
        return "\n".join(lines)


def statements_of(triples: Iterable[Triple], graph: str) -> list[Statement]:
    """pyoxigraph triples as statements of ``graph`` (a term's text is the one Oxigraph writes)."""
    graph_term = f"<{graph}>"
    return [Statement(str(t.subject), str(t.predicate), str(t.object), graph_term) for t in triples]


def ontology_statements(graph: str) -> list[Statement]:
    """The ontology's statements. Its blank nodes (RDF lists) are relabelled in parse order: the parser's labels are
    random, and the dumps must be byte-identical from build to build."""
    labels: dict[BlankNode, BlankNode] = {}

    def stable(term):
        if isinstance(term, BlankNode):
            return labels.setdefault(term, BlankNode(f"ontology{len(labels)}"))
        return term

    return statements_of((Triple(stable(t.subject), t.predicate, stable(t.object))
                          for t in parse(path=str(ONTOLOGY_FILE), format=RdfFormat.TURTLE)), graph)


def build_release(
    articles_dir: Path = ARTICLES_DIR,
    out_dir: Path = DEFAULT_OUT_DIR,
    base: str = DEFAULT_BASE,
    strict: bool = False,
    progress: Progress = lambda message: print(message, file=sys.stderr),
) -> BuildSummary:
    with sparse_collections() as freeze:
        iris = Iris(base)
        articles_dir, out_dir = Path(articles_dir), Path(out_dir)
        progress(f"reading articles in {articles_dir}")
        result = interpret_articles(articles_dir)
        freeze()  # the records live until they are mapped: the collector need not look at them again
        for problem in result.problems:
            progress(f"  {problem.severity}: {problem}")
        # The links graph's problems (found while mapping) are notes only: the articles' problems decide --strict.
        if strict and any(problem.severity == "warning" for problem in result.problems):
            raise StrictBuildFailed("the articles have problems (see above); --strict publishes nothing")
        with build_lock(out_dir):
            staging = new_staging(out_dir)
            summary = _write_release(staging, result, iris, base, progress)
            content_hash = Release(staging).manifest["content_sha256"]
            summary.release = publish(out_dir, staging, release_id(content_hash))
    progress(f"published {summary.release}")
    return summary


@dataclass
class _Union:
    """What the merge of every graph's statements tells: the counts and the entities by class."""

    triples: int = 0
    quads: int = 0
    classes: Counter = field(default_factory=Counter)  # class term -> typed entities


def _write_release(staging: Path, result: MappingResult, iris: Iris, base: str, progress: Progress) -> BuildSummary:
    progress("mapping the articles, loading the store and writing dumps")
    scratch = staging / "scratch"
    scratch.mkdir()
    summary = BuildSummary(staging, len(result.records), 0, 0, problems=result.problems)
    summary.rows_complete = sum(records.rows_complete for records in result.records)
    summary.rows_captured = sum(records.rows_captured for records in result.records)
    problems_before = len(result.problems)
    # The store loads on a thread of its own (Oxigraph's loader releases the GIL) and the dump writer in a process of
    # its own, while this one maps and merges.
    with DumpWriter(WRITER_PENDING) as writer:
        loader = StoreLoader(Release(staging).store_path, chunk_bytes=LOAD_CHUNK_BYTES)
        try:
            runs = SortedRuns(scratch / "runs", RUN_SIZE)
            graph_triples: dict[str, int] = {}
            for graph in map_graphs(result, iris):
                quads = encoded_quad_lines(graph.statements)
                del graph.statements[:]
                graph_triples[graph.iri] = len(quads)
                nquads = b"".join(quads)
                loader.load(nquads)
                runs.add_lines(quads)  # the same lines: the whole graph's dumps are merged from the graphs' lines
                del quads
                if graph.source is not None:
                    writer.submit(f"the dumps of article {graph.source.id}", write_article_dumps, staging,
                                  f"articles/{graph.source.id}", nquads, base,
                                  f"The graph of {graph.source.title or graph.source.id}")
                del nquads
            for problem in result.problems[problems_before:]:
                progress(f"  {problem.severity}: {problem}")
            result.records.clear()  # mapped: validation's processes need the memory
            union = scratch / "union.nt"  # the data's N-Triples: validation and the with-ontology files read it
            files, totals = _write_data_dumps(staging, runs, loader, base, union, scratch)
            summary.triples = totals.triples
            summary.classes = Counter({_local_name(term): count for term, count in totals.classes.items()})
            progress("dumps written; waiting for the store and the dump writer")
            loader.wait()
            files += [file for article in writer.wait() for file in article]
            writer.close()
            # Nothing else runs during validation, so its time is its own. The report (dumps/validation-report.ttl,
            # dumps/shapes.ttl) joins the ontology in the with-ontology dumps and in the store.
            validation = publish_validation(staging, union, totals.triples, iris, progress)
            summary.violations = len(list(validation.validation.of_severity("Violation")))
            progress("adding the ontology and the validation report")
            added, added_files, triples = _add_ontology_and_report(staging, validation, totals, union, base, iris,
                                                                   loader)
            graph_triples = dict(sorted({**graph_triples, **added}.items()))
            files = [*validation.files, *files, *added_files]
            loader.wait()
        finally:
            loader.close()
    shutil.rmtree(scratch)
    summary.quads = sum(graph_triples.values())
    _write_reports(staging, result, summary)
    _copy_sources(Release(staging), result)
    write_checksums(staging, files)
    _write_manifest(staging, result, iris, base, files, graph_triples, triples)
    return summary


def _write_data_dumps(staging: Path, runs: SortedRuns, loader: StoreLoader, base: str, union: Path,
                      scratch: Path) -> tuple[list[DumpFile], _Union]:
    """The whole graph's dumps from the merged runs, in one pass: the N-Quads, and the N-Triples of the union (kept
    in ``union`` too), which the store also takes as its default graph; then the Turtle, from ``union``.

    The gzip streams (ISA-L) depend on how their text is cut into blocks, so the N-Quads and N-Triples go to them in
    blocks of ``DUMP_BLOCK_LINES`` lines and the Turtle in one block, as they always have: the dumps stay
    byte-identical to earlier builds of the same articles."""
    description = "The whole knowledge graph"
    totals = _Union()
    # The classes are counted from the lines that may state a type (a quick test first, then the exact one).
    type_term = f"<{RDF}type>".encode()
    class_prefix = f"<{AKG}".encode()
    may_type = b" " + type_term + b" " + class_prefix
    merged = runs.merged()
    with TextDump(staging, "ascenso-kg.nt", plain=False, copy=union) as ntriples, \
            TextDump(staging, "ascenso-kg.nq") as nquads:
        triple_lines = _Blocks(lambda block: (ntriples.write(block), loader.load(block)))
        previous = None
        while block := list(islice(merged, DUMP_BLOCK_LINES)):
            triples = triple_lines.lines
            for line in block:
                triple = triple_line(line)
                if triple != previous:
                    previous = triple
                    triples.append(triple)
                    totals.triples += 1
                    if may_type in triple:
                        _, predicate, value = triple.split(b" ", 2)
                        if predicate == type_term and value.startswith(class_prefix):
                            totals.classes[value[:-3].decode()] += 1
            totals.quads += len(block)
            nquads.write(b"".join(block))  # a block of DUMP_BLOCK_LINES lines, as the N-Quads always had
            triple_lines.write_full()
        triple_lines.write_rest()
    files = ntriples.files(totals.triples, description) + nquads.files(totals.quads, description)
    # The Turtle here, not in the dump writer: this process would only wait for the writer's last articles and the
    # store meanwhile.
    files = write_turtle_dump(staging, "ascenso-kg.ttl", union, base, scratch / "union.ttl", totals.triples,
                              description) + files
    return files, totals


DUMP_BLOCK_LINES = 65536


class _Blocks:
    """Lines (UTF-8) written in blocks of ``DUMP_BLOCK_LINES``."""

    def __init__(self, write: Callable[[bytes], object]):
        self.lines: list[bytes] = []
        self._write = write

    def write_full(self) -> None:
        while len(self.lines) >= DUMP_BLOCK_LINES:
            self._write(b"".join(self.lines[:DUMP_BLOCK_LINES]))
            del self.lines[:DUMP_BLOCK_LINES]

    def write_rest(self) -> None:
        self.write_full()
        if self.lines:
            self._write(b"".join(self.lines))
            self.lines.clear()


def _local_name(class_term: str) -> str:
    return class_term.removeprefix(f"<{AKG}").removesuffix(">")


def _add_ontology_and_report(staging: Path, validation: PublishedValidation, data: _Union, union: Path, base: str,
                             iris: Iris, loader: StoreLoader) -> tuple[dict[str, int], list[DumpFile], int]:
    """Load the ontology's and the validation report's graphs and write the with-ontology dumps; returns the triples
    of each added graph, the files written and the triples of the whole union.

    The with-ontology files are the data's files followed by the added lines (sorted within each part): nothing of
    the data is serialized or sorted again."""
    graphs = {iris.graph("ontology"): ontology_statements(iris.graph("ontology")),
              iris.graph("validation"): statements_of((quad.triple for quad in validation.quads),
                                                      iris.graph("validation"))}
    added = Lines.of(statement for statements in graphs.values() for statement in statements)
    new_triples = "".join(_lines_not_in(added.triples, union))
    loader.load(added.nquads())
    loader.load(new_triples.encode())
    triples = data.triples + new_triples.count("\n")
    dumps = Release(staging).dumps_dir
    stem, description = "ascenso-kg-with-ontology", "The knowledge graph, its ontology and its validation report"
    files = write_text(staging, f"{stem}.ttl", chain(file_blocks(dumps / "ascenso-kg.ttl"),
                                                     [turtle(new_triples.encode(), base)]),
                       triples, description, plain=False)
    files += write_text(staging, f"{stem}.nt", chain(file_blocks(union), [new_triples.encode()]), triples,
                        description, plain=False)
    files += write_text(staging, f"{stem}.nq", chain(file_blocks(dumps / "ascenso-kg.nq"), [added.nquads()]),
                        data.quads + len(added.quads), description)
    ontology = len(set(graphs[iris.graph("ontology")]))
    files.append(write_file(staging, "dumps/ontology.ttl", ONTOLOGY_FILE.read_bytes(), ontology,
                            "The ascenso-kg ontology (Turtle)"))
    return {graph: len(set(statements)) for graph, statements in graphs.items()}, files, triples


def _lines_not_in(lines: list[str], path: Path) -> list[str]:
    """Those of a few lines that a (large) file does not hold, read a line at a time."""
    wanted = {line.encode() for line in lines}
    with path.open("rb") as handle:
        held = {line for line in handle if line in wanted}
    return [line for line in lines if line.encode() not in held]


def _write_reports(staging: Path, result: MappingResult, summary: BuildSummary) -> None:
    reports = Release(staging).reports_dir
    reports.mkdir()
    _write_infobox_report(reports, result, summary)
    with (reports / "problems.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["file", "line", "severity", "message"])
        for problem in result.problems:
            writer.writerow([problem.file, problem.line, problem.severity, problem.message])
    with (reports / "coverage.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["article", "line", "status"])
        for source in result.sources:
            coverage = result.coverage.get(source.id)
            if coverage is None:
                continue
            for line, status in sorted(coverage.explained.items()):
                writer.writerow([source.path.name, line, status])
                if status == "mapped":
                    summary.lines_mapped += 1
                elif "(reported)" in status:
                    summary.lines_unexplained += 1
                else:
                    summary.lines_skipped += 1


def _copy_sources(release: Release, result: MappingResult) -> None:
    """The articles as they were read, so that the server shows the very text the graph's line numbers point into."""
    release.sources_dir.mkdir()
    for source in result.sources:
        if source.path.is_file():  # one that could not be read (a folder named like an article) has no text to show
            shutil.copyfile(source.path, release.sources_dir / source.path.name)


def _write_infobox_report(reports: Path, result: MappingResult, summary: BuildSummary) -> None:
    """Every infobox field of every article: the property it became, or why it was skipped."""
    with (reports / "infobox.tsv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["article", "line", "key", "value", "property"])
        for source in result.sources:
            for line, key, value, outcome in result.infobox.get(source.id, []):
                writer.writerow([source.path.name, line, key, value, outcome])
                summary.infobox_fields += not outcome.startswith("skipped (no meaning)")
                summary.infobox_captured += not outcome.startswith("skipped")


def _licence_and_attribution(result: MappingResult) -> dict[str, str | None]:
    """The dataset's licence: share-alike as soon as one source article is CC BY-SA; CC0 if every one is CC0."""
    licences = {licence_iri(source.licence) for source in result.sources}
    if CC_BY_SA in licences:
        return {"licence": CC_BY_SA,
                "attribution": "Adapted from English Wikipedia articles (CC BY-SA 4.0); see each article's URL."}
    if licences == {CC0}:
        return {"licence": CC0, "attribution": "Synthetic articles; no attribution required."}
    return {"licence": None, "attribution": "The licences of the source articles are listed with each article."}


def _write_manifest(staging: Path, result: MappingResult, iris: Iris, base: str, files: list[DumpFile],
                    graph_triples: dict[str, int], triples: int) -> None:
    content = hashlib.sha256()
    for file in sorted(files, key=lambda f: f.path):
        content.update(f"{file.path} {file.sha256}\n".encode())
    manifest = {
        "build_date": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "generator": f"ascenso-kg {__version__}",
        "base": base,
        **_licence_and_attribution(result),
        "articles": [
            {"id": source.id, "file": source.path.name, "title": source.title, "url": source.url,
             "licence": source.licence, "graph": iris.article_graph(source.id),
             **({"excerpt": True} if source.excerpt else {}),
             **({"retrieved": source.retrieved} if source.retrieved else {})}
            for source in result.sources
        ],
        "files": [file.as_json() for file in files],
        "triples": triples,
        "graphs": graph_triples,
        "content_sha256": content.hexdigest(),
    }
    Release(staging).manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
