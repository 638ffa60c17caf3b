"""The example queries of the query editor: ``queries/*.rq``, each opening with ``# title:`` and ``# description:``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_HEADER = re.compile(r"#\s*(title|description):\s*(.*\S)\s*$")


@dataclass(frozen=True)
class Example:
    name: str  # the file name without .rq
    title: str
    description: str
    text: str


def read_example(path: Path) -> Example:
    """An example query file; a missing header is an error naming the file."""
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if match:
            key = match.group(1)
            header[key] = (header[key] + " " + match.group(2)) if key in header else match.group(2)
    missing = [key for key in ("title", "description") if key not in header]
    if missing:
        raise ValueError(f"{path}: the example needs a '# {missing[0]}:' comment line at the top")
    return Example(path.stem, header["title"], header["description"], text)


def load_examples(directory: Path) -> list[Example]:
    return [read_example(path) for path in sorted(directory.glob("*.rq"))]
