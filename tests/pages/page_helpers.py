"""Helpers of the page tests: how a browser asks, a small HTML reader, and test data (a module of its own, so the
tests import it by a name no other test folder uses)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
RES = "https://w3id.org/ascenso-kg/resource/"

# One entity of each class that has a page of its own, with its class and a label it must show.
ENTITIES = [
    ("resource/club/necaxa", "Club", "Necaxa"),
    ("resource/match/2013-05-11-necaxa-neza", "Match", "Necaxa 0–1 Neza (11 May 2013)"),
    ("resource/match/2013-05-11-necaxa-neza/goal/1", "Goal", "A. Lucio 90' (Necaxa v Neza, 11 May 2013)"),
    ("resource/tournament/clausura-2013/liguilla/final/neza-necaxa", "Tie",
     "Neza v Necaxa (Clausura 2013 Liguilla final)"),
    ("resource/tournament/clausura-2013/liguilla/final/neza-necaxa/side/neza", "TieSide", "Neza in Neza v Necaxa"),
    ("resource/tournament/clausura-2013/liguilla", "Liguilla", "Clausura 2013 Liguilla"),
    ("resource/season/2012-13/promotion-final", "PromotionFinal", "2013 promotion final"),
    ("resource/tournament/clausura-2013/liguilla/final", "Round", "Clausura 2013 Liguilla final"),
    ("resource/tournament/clausura-2013/liguilla/rules", "PlayoffRules", "Clausura 2013 Liguilla rules"),
    ("resource/tournament/clausura-2013", "Tournament", "Clausura 2013"),
    ("resource/season/2012-13", "Season", "2012–13 Ascenso MX season"),
    ("resource/tournament/apertura-2012/top-scorers", "TopScorerTable", "Apertura 2012 top scorers"),
    ("resource/tournament/apertura-2012/standings", "StandingsTable", "Apertura 2012 standings"),
    ("resource/season/2011-12/relegation", "RelegationTable", "2011–12 relegation table"),
    ("resource/tournament/apertura-2012/top-scorers/row/3", "TopScorerRow",
     "Danny Santoya (Necaxa), row 3 of Apertura 2012 top scorers"),
    ("resource/season/2012-13/club/necaxa", "ClubSeason", "Necaxa in 2012–13"),
    ("resource/season/2013-14/change/4", "Relocation", "Irapuato: rebranding, relocation (2013–14)"),
    ("resource/tournament/clausura-2013/title", "Title", "Neza, champion of Clausura 2013"),
    ("resource/tournament/apertura-2012/liguilla/entry/lobos-buap", "LiguillaEntry",
     "Lobos BUAP in the Apertura 2012 Liguilla"),
    ("resource/player/necaxa/victor-lojero", "Player", "Víctor Lojero"),
    ("resource/manager/ricardo-valino", "Manager", "Ricardo Valiño"),
    ("resource/stadium/estadio-victoria", "Stadium", "Estadio Victoria"),
    ("resource/city/aguascalientes", "City", "Aguascalientes"),
    ("resource/competition/liga-de-ascenso", "Competition", "Ascenso MX"),
    ("source/2012-13-ascenso-mx-season", "SourceArticle", "2012–13 Ascenso MX season"),
]

# Labels as hostile as an article could make them: markup, quotes, ampersands, a script.
HOSTILE_ARTICLE = """
    @prefix akg: <https://w3id.org/ascenso-kg/ontology#> .
    @prefix res: <https://w3id.org/ascenso-kg/resource/> .
    @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix schema: <http://schema.org/> .
    res:club\\/toros a akg:Club ; rdfs:label "<script>alert('club')</script> Toros & \\"Neza\\""@en ;
        skos:altLabel "<img src=x onerror=alert(1)>" .
    res:club\\/necaxa a akg:Club ; rdfs:label "Necaxa" .
    <https://w3id.org/ascenso-kg/source/hostile> a akg:SourceArticle ; rdfs:label "<b>hostile</b>"@en ;
        akg:fileName "missing.txt" .
    res:match\\/2013-05-08-toros-necaxa a akg:Match ; schema:homeTeam res:club\\/toros ;
        schema:awayTeam res:club\\/necaxa ; akg:homeScore 3 ; akg:awayScore 0 ;
        rdfs:label "</title><script>alert('match')</script>"@en .
    res:tournament\\/apertura-2030 a akg:Tournament ; rdfs:label "Apertura 2030"@en .
    res:tournament\\/apertura-2030\\/regular-season a akg:RegularSeason , akg:Stage ;
        akg:tournament res:tournament\\/apertura-2030 ; rdfs:label "Apertura 2030 regular season"@en .
    res:tournament\\/apertura-2030\\/regular-season\\/matchday-10 a akg:Round ; akg:roundOrder 10 ;
        akg:stage res:tournament\\/apertura-2030\\/regular-season ; rdfs:label "Apertura 2030, matchday 10"@en .
    res:tournament\\/apertura-2030\\/regular-season\\/matchday-2 a akg:Round ; akg:roundOrder 2 ;
        akg:stage res:tournament\\/apertura-2030\\/regular-season ; rdfs:label "Apertura 2030, matchday 2"@en .
    res:tournament\\/apertura-2030\\/regular-season\\/matchday-1 a akg:Round ; akg:roundOrder 1 ;
        akg:stage res:tournament\\/apertura-2030\\/regular-season ; rdfs:label "Apertura 2030, matchday 1"@en .
    res:match\\/2030-07-20-necaxa-toros a akg:Match ; schema:homeTeam res:club\\/necaxa ;
        schema:awayTeam res:club\\/toros ; akg:homeScore 2 ; akg:awayScore 2 ;
        schema:startDate "2030-07-20"^^<http://www.w3.org/2001/XMLSchema#date> ;
        akg:round res:tournament\\/apertura-2030\\/regular-season\\/matchday-1 ; rdfs:label "Necaxa 2–2 Toros"@en .
"""


class PageParser(HTMLParser):
    """What the tests read back from a page: the title, h1, every link, text by element id, script bodies."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self.h1 = ""
        self.title = ""
        self.scripts: list[str] = []  # what a browser would run
        self.data_blocks: list[str] = []  # <script type="application/ld+json">: data, never run
        self.elements: list[tuple[str, dict]] = []
        self.text_parts: list[str] = []
        self._stack: list[str] = []
        self._script_is_data = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "a" and "href" in attrs:
            self.links.append({"href": attrs["href"], "text": "", "class": attrs.get("class", "")})
        if tag == "script":
            self._script_is_data = attrs.get("type") == "application/ld+json"
        if tag not in ("br", "img", "input", "link", "meta", "path", "rect", "line"):
            self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self._stack:
            while self._stack and self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if "h1" in self._stack:
            self.h1 += data
        if "title" in self._stack and "svg" not in self._stack:
            self.title += data
        if "script" in self._stack:
            (self.data_blocks if self._script_is_data else self.scripts).append(data)
        if "a" in self._stack and self.links:
            self.links[-1]["text"] += data
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        """The page's words, one space apart, without the space a tag boundary leaves before punctuation."""
        return re.sub(r" ([,.:;)])", r"\1", " ".join(" ".join(self.text_parts).split()))

    def hrefs(self) -> list[str]:
        return [link["href"] for link in self.links]

    def find(self, tag: str, **attrs) -> list[dict]:
        return [a for t, a in self.elements if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def parse_page(response) -> PageParser:
    parser = PageParser()
    parser.feed(response.get_data(as_text=True))
    parser.close()
    return parser
