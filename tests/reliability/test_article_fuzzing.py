"""Article fuzzing: mutated and truncated articles never crash the reader, the interpreter or the pipeline, and every
problem they report names the article and a line of it."""

from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from ascenso_kg.iris import Iris
from ascenso_kg.mappings.mapping_tables import default_tables
from ascenso_kg.mappings.interpret.article import interpret
from ascenso_kg.mappings.pipeline import map_articles
from ascenso_kg.mappings.read.reader import read_text
from tests.checkout import ARTICLES_DIR

ARTICLES = {path.name: path.read_text(encoding="utf-8") for path in sorted(ARTICLES_DIR.glob("*.txt"))}
# Fragments the reader gives meaning to, so mutations reach its branches rather than only its prose path.
FRAGMENTS = ["==", "===", "|", "||", "|-", "{|", "|}", "* ", "# ", "0–0", "2–1 (4–3 p)", "90+2'", "45'", "(pen.)",
             "(o.g.)", "Aggregate", "Liguilla", "Final", "Apertura 2012", "Clausura", "Necaxa", "Estadio",
             "Attendance:", "Referee:", "Rank", "Pts", "\t", "\u00a0", "—", "[1]", "?", "\x00", "\ufeff", "á"]


@lru_cache(maxsize=1)
def tables():
    return default_tables()


@st.composite
def mutated_article(draw) -> tuple[str, str]:
    name = draw(st.sampled_from(sorted(ARTICLES)))
    lines = ARTICLES[name].splitlines()
    for _ in range(draw(st.integers(1, 8))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["cut line", "drop", "duplicate", "swap", "insert", "splice", "replace"]))
        if action == "cut line":
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
        elif action == "drop":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "insert":
            lines.insert(at, draw(st.text(max_size=40)))
        elif action == "splice":
            position = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:position] + draw(st.sampled_from(FRAGMENTS)) + lines[at][position:]
        else:
            lines[at] = "".join(draw(st.lists(st.sampled_from(FRAGMENTS + [" ", "x", "1"]), max_size=12)))
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]  # truncated anywhere, even mid-line
    return name, text


def assert_problems_name_a_line(problems, file: str, line_count: int) -> None:
    for problem in problems:
        assert problem.file == file, problem
        assert isinstance(problem.line, int) and 0 <= problem.line <= max(line_count, 1), (problem, line_count)
        assert str(problem).startswith(f"{file}:{problem.line}: ") and problem.message.strip()


@settings(max_examples=300, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_article())
def test_mutated_articles_never_crash_the_reader_or_interpreter(article):
    name, text = article
    document = read_text(text, file=name)
    assert_problems_name_a_line(document.problems, name, len(text.splitlines()))
    _, _, problems = interpret(document, "fuzzed", tables())
    assert_problems_name_a_line(problems, name, len(text.splitlines()))


@settings(max_examples=100, deadline=None, database=None, derandomize=True)
@given(st.sampled_from(sorted(ARTICLES)), st.data())
def test_truncated_articles_never_crash_the_reader_or_interpreter(name, data):
    text = ARTICLES[name][: data.draw(st.integers(0, len(ARTICLES[name])))]
    document = read_text(text, file=name)
    _, _, problems = interpret(document, "fuzzed", tables())
    assert_problems_name_a_line([*document.problems, *problems], name, len(text.splitlines()))


@settings(max_examples=12, deadline=None, database=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutated_article(), st.binary(max_size=64))
def test_the_pipeline_maps_a_folder_with_a_mutated_and_an_unreadable_article(tmp_path, article, garbage):
    name, text = article
    folder = tmp_path / "articles"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    shutil.copy(ARTICLES_DIR / "sources.csv", folder / "sources.csv")
    (folder / name).write_text(text, encoding="utf-8")
    (folder / "zz-unreadable.txt").write_bytes(b"Title\n\nline two\n\xff\xfe" + garbage)
    result = map_articles(Path(folder), Iris())
    for problem in result.problems:  # the articles', sources.csv's or a mapping table's own line
        assert problem.file and problem.line >= 1 and problem.message.strip(), problem
    unreadable = [p for p in result.problems if p.file == "zz-unreadable.txt" and "not UTF-8" in p.message]
    assert unreadable and unreadable[0].line == 4
