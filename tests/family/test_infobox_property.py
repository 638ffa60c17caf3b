"""Whatever the order of an infobox's keys and the spacing of the headings, the same facts are read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ascenso_kg.mappings.read.reader import read_text

from .infobox_facts import facts, family_file, read_infobox_of

ARTICLES = [
    "plain/2019–20_Ascenso_MX_season.txt", "plain/2017–18_Liga_MX_season.txt", "plain/2002–03_Primera_División_A_season.txt",
    "plain/2018–19_Liga_Premier_de_México_season.txt", "plain/Apertura_2013_Copa_MX.txt",
    "plain/2020–21_Liga_de_Expansión_MX_season.txt",
]


def _split(text: str) -> tuple[list[str], list[int], list[str]]:
    lines = text.splitlines()
    document = read_text(text)
    numbers = [field.line for field in document.infobox]
    return lines, numbers, [lines[number - 1] for number in numbers]


@settings(max_examples=40, deadline=None)
@given(article=st.sampled_from(ARTICLES), data=st.data())
def test_key_order_and_heading_spacing_do_not_change_the_facts(article, data):
    text = family_file(article).read_text(encoding="utf-8")
    lines, numbers, fields = _split(text)
    shuffled = data.draw(st.permutations(fields))
    spacing = data.draw(st.sampled_from(["", " ", "  "]))
    rewritten = list(lines)
    for number, line in zip(numbers, shuffled):
        rewritten[number - 1] = line
    for index, line in enumerate(rewritten):
        if line.startswith("==") and line.rstrip().endswith("=="):
            marks = len(line) - len(line.lstrip("="))
            title = line.strip("= ").strip()
            rewritten[index] = f"{'=' * marks}{spacing}{title}{spacing}{'=' * marks}"
    assert facts(read_infobox_of("\n".join(rewritten))) == facts(read_infobox_of(text))
