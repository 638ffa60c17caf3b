"""The clubs a synthetic league is drawn from: the real clubs of ``mappings/tables/clubs.csv``, the names the
articles call them by (each one a general row of ``club_aliases.csv``, so it resolves), and the grounds the real
articles list for them (``Stadia and locations``).

What is written here is what the tables do not hold: which of a club's names a season uses and in which order (the
seeded draws depend on both, so the same seed gives the same articles), and each ground's capacity. Ids, names and
stadiums are checked against the tables by ``tests/corpus/test_club_pool.py``.

Two names are kept out of some places. ``Zacatepec 1948`` is used, as in the real articles, only in tables and the
infobox. A new name ending in a full stop (``Delfines F.C.``) is never given in a "changed name to …" bullet:
``change_kinds.csv`` reads the sentence's final stop as the end of the name and would record a club
``Delfines F.C`` that the alias table does not know.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Ground:
    stadium: str
    city: str
    capacity: int


@dataclass(frozen=True)
class ClubEntry:
    id: str
    name: str  # the name the stadia table and the infobox use
    match_names: tuple[str, ...]  # names a tournament may use in match blocks and tables (first: the usual one)
    ground: Ground
    renamings: tuple[str, ...] = ()  # names a "changed name to …" bullet may give it (no trailing full stop)
    table_names: tuple[str, ...] = ()  # extra names only used in table cells and the infobox


# id, stadia name, match names, stadium, city, capacity, renamings, table-only names
CLUBS: tuple[ClubEntry, ...] = (
    ClubEntry("altamira", "Altamira", ("Altamira", "Estudiantes de Altamira"),
              Ground("Estadio Altamira", "Altamira", 9581)),
    ClubEntry("atletico-san-luis", "Atlético San Luis", ("Atlético San Luis", "San Luis"),
              Ground("Estadio Alfonso Lastras", "San Luis Potosí", 25111)),
    ClubEntry("ballenas-galeana", "Ballenas Galeana", ("Ballenas Galeana",),
              Ground("Estadio Mariano Matamoros", "Xochitepec", 16000)),
    ClubEntry("celaya", "Celaya", ("Celaya", "Celaya F.C."),
              Ground("Estadio Miguel Alemán", "Celaya", 23182)),
    ClubEntry("correcaminos", "Correcaminos", ("UAT", "Correcaminos"),
              Ground("Estadio Marte R. Gómez", "Ciudad Victoria", 10520)),
    ClubEntry("cruz-azul-hidalgo", "Cruz Azul Hidalgo", ("Cruz Azul Hidalgo",),
              Ground("Estadio 10 de Diciembre", "Ciudad Cooperativa Cruz Azul", 14500)),
    ClubEntry("delfines", "Delfines", ("Delfines", "Delfines F.C."),
              Ground("Unidad Deportiva Campus II de la UAC", "Ciudad del Carmen", 8985)),
    ClubEntry("dorados-de-sinaloa", "Dorados de Sinaloa", ("Dorados", "Dorados de Sinaloa", "Sinaloa"),
              Ground("Estadio Banorte", "Culiacán", 17898)),
    ClubEntry("indios", "Indios", ("Indios",),
              Ground("Olímpico Benito Juárez", "Ciudad Juárez", 19703)),
    ClubEntry("irapuato", "Irapuato", ("Irapuato", "Irapuato FC"),
              Ground("Estadio Sergio León Chávez", "Irapuato", 25000), renamings=("Irapuato FC", "Irapuato")),
    ClubEntry("la-piedad", "La Piedad", ("La Piedad", "C.F. La Piedad"),
              Ground("Estadio Juan N. López", "La Piedad", 13356)),
    ClubEntry("leon", "León", ("León",),
              Ground("Nou Camp", "León", 31297)),
    ClubEntry("lobos-buap", "Lobos BUAP", ("Lobos BUAP", "BUAP"),
              Ground("Estadio Olímpico de C.U.", "Puebla", 19283), renamings=("Lobos BUAP", "Lobos de la BUAP")),
    ClubEntry("merida", "Mérida", ("Mérida", "Mérida FC", "FC Mérida"),
              Ground("Estadio Carlos Iturralde", "Mérida", 15087), renamings=("FC Mérida", "Mérida FC")),
    ClubEntry("necaxa", "Necaxa", ("Necaxa",),
              Ground("Estadio Victoria", "Aguascalientes", 23851)),
    ClubEntry("neza", "Neza", ("Neza", "Neza FC"),
              Ground("Estadio Neza 86", "Ciudad Nezahualcóyotl", 20000), renamings=("Neza FC", "Toros Neza")),
    ClubEntry("oaxaca", "Oaxaca", ("Oaxaca", "Alebrijes de Oaxaca"),
              Ground("Estadio Benito Juárez", "Oaxaca City", 10250), renamings=("Alebrijes de Oaxaca",)),
    ClubEntry("pumas-morelos", "Pumas Morelos", ("Pumas Morelos",),
              Ground("Estadio Centenario", "Cuernavaca", 14800)),
    ClubEntry("tecos", "Estudiantes Tecos", ("Estudiantes Tecos", "Tecos"),
              Ground("Estadio Tres de Marzo", "Zapopan, Jalisco", 18779), renamings=("Estudiantes Tecos", "Tecos")),
    ClubEntry("udeg", "U. de G.", ("U. de G.", "UdeG"),
              Ground("Estadio Jalisco", "Guadalajara", 55020)),
    ClubEntry("veracruz", "Veracruz", ("Veracruz",),
              Ground("Estadio Luis de la Fuente", "Veracruz", 28703)),
    ClubEntry("zacatepec", "Zacatepec", ("Zacatepec",),
              Ground("Estadio Centenario", "Cuernavaca", 14800), table_names=("Zacatepec 1948",)),
)

BY_ID = {entry.id: entry for entry in CLUBS}
