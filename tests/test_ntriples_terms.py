"""A text literal's N-Triples term reads back as the very text, whatever characters it holds."""

import pytest
from pyoxigraph import Literal, RdfFormat, parse

from ascenso_kg.mappings.rdf.ntriples import text


@pytest.mark.parametrize("value", ['Club "Los Rayos"', "back\\slash", "two\nlines", "carriage\rreturn",
                                   "2012–13 Ascenso MX", "Pérez 45+2'", "", 'all "\\\n\r at once'])
@pytest.mark.parametrize("language", [None, "es"])
def test_a_text_term_reads_back_as_its_text(value: str, language: str | None):
    (triple,) = parse(f"<http://e> <http://p> {text(value, language)} .\n".encode(), format=RdfFormat.N_TRIPLES)
    assert triple.object == Literal(value, language=language)
