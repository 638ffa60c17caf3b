"""Synthetic season articles in the rendering of ``data/articles/``, for tests and benchmarks at any size.

``generate_corpus(out, seasons, seed)`` writes one article per season (``2030-31-ascenso-mx-season.txt`` …), a
``sources.csv`` like the real one and ``planted.json`` listing the inconsistencies planted on purpose. Everything
comes from one ``random.Random(seed)``: the same arguments give byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

from .league import League
from .model import Season
from .plant import plant
from .render import article_file, article_title, render_season

FIRST_SEASON = 2030  # well after the real articles (2011–12 to 2013–14), so no IRI collides with theirs
LICENCE = "CC0 (synthetic)"


@dataclass
class CorpusSummary:
    out: Path
    seasons: list[Season] = field(default_factory=list)
    planted: list[dict[str, object]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def matches(self) -> int:
        return sum(len(season.all_matches()) for season in self.seasons)

    @property
    def goals(self) -> int:
        """Goals the scorer lines give (the scores' total, less the goals planted missing)."""
        return sum(match.total_goals - (match.dropped_goal is not None)
                   for season in self.seasons for match in season.all_matches())


def remove_previous_corpus(out: Path) -> None:
    """Make room in ``out`` for a new corpus: remove a corpus generated there before (every article its
    ``sources.csv`` lists as synthetic), so a smaller corpus does not leave stale articles behind. A folder holding
    any other article is refused with ``ValueError``."""
    if not out.is_dir():
        return
    listed: list[str] = []
    sources = out / "sources.csv"
    if sources.exists():
        with sources.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        if any(row.get("licence") != LICENCE for row in rows):
            raise ValueError(f"{out} holds articles that are not synthetic; choose another folder")
        listed = [row["file"] for row in rows if Path(row["file"]).name == row["file"] and row["file"].endswith(".txt")]
    others = sorted(path.name for path in out.glob("*.txt") if path.name not in listed)
    if others:
        raise ValueError(f"{out} holds articles this generator did not write ({others[0]} …); choose another folder")
    for name in listed:
        (out / name).unlink(missing_ok=True)


def generate_seasons(count: int, seed: int, first_season: int = FIRST_SEASON) -> list[Season]:
    league = League(random.Random(seed), first_season)
    return [league.play_season() for _ in range(count)]


def generate_corpus(out: Path | str, seasons: int, seed: int, plant_count: int = 0,
                    first_season: int = FIRST_SEASON) -> CorpusSummary:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    summary = CorpusSummary(out, generate_seasons(seasons, seed, first_season))
    if plant_count:
        plant(summary.seasons, plant_count, seed)
    sources = io.StringIO()
    writer = csv.writer(sources, lineterminator="\n")
    writer.writerow(["file", "original_file", "title", "url", "licence"])
    for season in summary.seasons:
        name = article_file(season)
        article = render_season(season)
        path = out / name
        path.write_text(article.text(), encoding="utf-8")
        summary.files.append(path)
        writer.writerow([name, "", article_title(season), f"https://example.invalid/ascenso-kg/synthetic/{season.id}",
                         LICENCE])
        summary.planted += [
            {"article": path.stem, "file": name, "line": planted.line, "kind": planted.kind, "detail": planted.detail}
            for planted in article.planted
        ]
    (out / "sources.csv").write_text(sources.getvalue(), encoding="utf-8")
    (out / "planted.json").write_text(json.dumps(summary.planted, indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    return summary
