"""The infobox: competition name, winners, promoted and relegated clubs, neighbouring seasons (``infobox_keys.csv``)."""

from __future__ import annotations

import re

from ascenso_kg.iris import slugify

from .records import OutcomeRecord, StageKey, TitleRecord
from .values import parse_count

_NOTE_IN_PARENTHESES = re.compile(r"^(?P<name>[^(]+?)\s*\((?P<note>[^)]*)\)\s*$")
_TEMPLATE_RESIDUE = re.compile(r"^\||=\s*$|\{\{|\}\}")


class InfoboxReading:
    """Part of :class:`ArticleInterpreter` (``interpret.py``), which holds the state these methods use."""

    def read_infobox(self) -> None:
        if self.document.infobox_line:
            self.coverage.mapped(self.document.infobox_line)
        for entry in self.document.infobox:
            handler = self.tables.infobox_keys.get((self.records.kind, entry.key.lower()))
            if handler is None:
                residue = " (it looks like template markup left by the rendering)" if _TEMPLATE_RESIDUE.search(entry.value) else ""
                self.report(entry.line, f"infobox key {entry.key!r} is not mapped for {self.records.kind} articles{residue}")
                self.coverage.skipped(entry.line, f"infobox key {entry.key!r} not mapped (reported)")
                continue
            if handler == "skip":
                self.coverage.skipped(entry.line, f"infobox {entry.key}: nothing to add")
                continue
            if self.read_infobox_field(handler, entry.value, entry.line):
                self.coverage.mapped(entry.line)

    def read_infobox_field(self, handler: str, value: str, line: int) -> bool:
        season = self.season
        if handler == "competition_name":
            season.competition_name = value
            competition = self.names.competition(value)
            if competition:
                self.records.competitions[competition[0]] = competition[1]
            else:
                self.report(line, f"competition {value!r} is not in mappings/tables/competitions.csv; "
                                  "the season is not linked to a competition")
            return True
        if handler == "season_name":
            if slugify(value) != season.id:
                self.report(line, f"infobox season {value!r} differs from the title's {season.name}")
            return True
        if handler in ("previous_season", "next_season"):
            setattr(season, handler.split("_")[0], slugify(value))
            return True
        if handler == "winners":
            return self.read_winners(value, line)
        if handler in ("promoted", "relegated"):
            if value.strip().lower() in ("none", "—", "-", ""):
                return True
            match = _NOTE_IN_PARENTHESES.match(value)
            name, note = (match["name"], match["note"]) if match else (value, None)
            for part in re.split(r"\s*(?:,| and )\s*", name):
                if part:
                    self.records.outcomes.append(
                        OutcomeRecord(handler, season.id, self.club(part, line), self.span(line), note)
                    )
            return True
        if handler == "qualifiers":
            count = parse_count(value)
            stage = self.records.stages.get(StageKey("liguilla", next(iter(self.records.tournaments), "")))
            if count is None or stage is None:
                self.report(line, f"cannot read the number of teams {value!r}")
                return False
            stage.rules.qualifiers = count
            stage.rules.spans.append(self.span(line))
            return True
        return False

    def read_winners(self, value: str, line: int) -> bool:
        """'Apertura: La Piedad , Clausura: Neza' -> a title for each tournament."""
        understood = False
        start = int(self.season.id.split("-")[0])
        for part in value.split(","):
            kind, _, club = part.partition(":")
            kind, club = kind.strip(), club.strip()
            if kind not in ("Apertura", "Clausura") or not club:
                self.report(line, f"cannot read the winner {part.strip()!r}")
                continue
            tournament = self.tournament(kind, start if kind == "Apertura" else start + 1, line)
            self.records.titles.append(TitleRecord(tournament, self.club(club, line), self.span(line)))
            understood = True
        return understood
