"""Invented players: names in the style of the league (mostly Mexican, with South Americans and a few others),
squads by position, and the turnover of squads between seasons.

Names are written in full in tables (``MEX Víctor Lojero``) and abbreviated in match blocks (``V. Lojero``). The
reader merges an abbreviation with a full name of the same club and season when exactly one fits its initial and
surname, so within a squad no two players share a last surname word; given names never start with an accented
capital, whose abbreviation (``Á. Reyes``) the reader would not take for an initial.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ascenso_kg.iris import slugify

SPANISH_GIVEN = (
    "Alan", "Alberto", "Alejandro", "Alfonso", "Alfredo", "Andrés", "Angel", "Antonio", "Ariel", "Armando", "Arturo",
    "Bernardo", "Bryan", "Carlos", "César", "Christian", "Cristian", "Daniel", "David", "Diego", "Edgar", "Eduardo",
    "Efraín", "Emanuel", "Emilio", "Enrique", "Erick", "Ernesto", "Esteban", "Ever", "Fabián", "Facundo", "Federico",
    "Felipe", "Fernando", "Francisco", "Gabriel", "Gerardo", "Germán", "Gonzalo", "Guillermo", "Gustavo", "Héctor",
    "Hugo", "Ignacio", "Isaac", "Iván", "Jaime", "Javier", "Jesús", "Jonathan", "Jorge", "José", "Juan", "Julio",
    "Leonardo", "Lucas", "Luis", "Manuel", "Marco", "Mario", "Martín", "Matías", "Mauricio", "Miguel", "Nicolás",
    "Omar", "Oscar", "Oswaldo", "Pablo", "Patricio", "Pedro", "Rafael", "Ramón", "Raúl", "Ricardo", "Roberto",
    "Rodrigo", "Rogelio", "Rubén", "Salvador", "Santiago", "Sergio", "Ulises", "Víctor", "Walter", "Xavier",
)
SPANISH_COMPOUND = (
    "Juan Manuel", "José Luis", "Juan Carlos", "Luis Antonio", "Jorge Luis", "Miguel Ángel", "Juan Pablo",
    "José Juan", "Juan de Dios", "José Antonio", "Luis Fernando", "Carlos Alberto",
)
MEXICAN_SURNAMES = (
    "García", "Hernández", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez", "Ramírez", "Cruz",
    "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz", "Gutiérrez", "Ruiz", "Mendoza",
    "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero", "Álvarez", "Méndez", "Chávez", "Rivera", "Juárez", "Ramos",
    "Domínguez", "Herrera", "Medina", "Castro", "Vargas", "Guzmán", "Velázquez", "Muñoz", "Rojas", "de la Torre",
    "Contreras", "Salazar", "Luna", "Ortega", "Guerrero", "Estrada", "Bautista", "Cortés", "Soto", "Alvarado",
    "Espinoza", "Lara", "Ávila", "Ríos", "Cervantes", "Delgado", "Vega", "Márquez", "Sandoval", "Fuentes",
    "Carrillo", "Trejo", "Valdez", "Zamora", "Peña", "Cárdenas", "Solís", "Navarro", "Ibarra", "Campos", "Acosta",
    "Rosas", "Mejía", "Lozano", "Esqueda", "Olvera", "Padilla", "Robles", "Salinas", "Orozco", "Arellano",
    "Valenzuela", "Villalobos", "Tapia", "Zúñiga", "Galindo", "Mora", "Quintero", "Escobar", "Cisneros", "Pacheco",
    "Montes", "Nava", "Cabrera", "Arriaga", "Villegas", "Aceves", "Barrera", "Alatorre", "Isijara", "Vilchis",
    "Sepúlveda", "Ocampo", "Valadéz", "Íñiguez", "Enríquez", "Escoboza", "Lucio", "Nurse", "de Anda", "del Castillo",
)
RIOPLATENSE_SURNAMES = (
    "Fernández", "Sosa", "Acuña", "Gauna", "Ferreyra", "Olivera", "Rinaldi", "Bustos", "Pereyra", "Ledesma",
    "Godoy", "Cabral", "Maidana", "Bianchi", "Lombardi", "Mancuso", "Olsina", "Martiñones", "Strahman", "Cavallo",
    "Saucedo", "Follé", "Eugui", "Rodríguez", "Suárez", "Píriz", "Lugano", "Recoba", "Medina", "Benítez",
)
COLOMBIAN_SURNAMES = (
    "Santoya", "Mosquera", "Valencia", "Rentería", "Murillo", "Palacios", "Cuesta", "Ibargüen", "Córdoba",
    "Asprilla", "Perea", "Quiñones", "Hurtado", "Zapata", "Arboleda",
)
BRAZILIAN_GIVEN = (
    "Eder", "Rodrigo", "Leandro", "Fabrício", "Anderson", "Wellington", "Thiago", "Marcelo", "Everton", "Luciano",
    "Rafael", "Bruno", "Felipe", "Gustavo", "Washington", "Cléber", "Aparecido", "Jefferson", "Vinícius", "Danilo",
)
BRAZILIAN_SURNAMES = (
    "Lima", "Souza", "Santos", "Oliveira", "Pereira", "Costa", "Ferreira", "Almeida", "Carvalho", "Ribeiro", "Rocha",
    "Dos Santos", "de Souza", "Barbosa", "Nunes", "Moura", "Teixeira", "de Pinho", "Goncalves", "Emílio",
)
AMERICAN_GIVEN = ("Sonny", "Michael", "Brandon", "Kevin", "Joshua", "Anthony", "Jonathan", "Daniel")

# (nationality, weight, given names, surnames)
NATIONALITIES: tuple[tuple[str, int, tuple[str, ...], tuple[str, ...]], ...] = (
    ("MEX", 70, SPANISH_GIVEN, MEXICAN_SURNAMES),
    ("ARG", 9, SPANISH_GIVEN, RIOPLATENSE_SURNAMES + MEXICAN_SURNAMES[:20]),
    ("COL", 6, SPANISH_GIVEN, COLOMBIAN_SURNAMES + MEXICAN_SURNAMES[:15]),
    ("URU", 4, SPANISH_GIVEN, RIOPLATENSE_SURNAMES),
    ("BRA", 3, BRAZILIAN_GIVEN, BRAZILIAN_SURNAMES),
    ("PAR", 2, SPANISH_GIVEN, RIOPLATENSE_SURNAMES + MEXICAN_SURNAMES[:10]),
    ("USA", 2, AMERICAN_GIVEN, MEXICAN_SURNAMES),
    ("ECU", 1, SPANISH_GIVEN, COLOMBIAN_SURNAMES),
    ("CRC", 1, SPANISH_GIVEN, MEXICAN_SURNAMES),
    ("CHI", 1, SPANISH_GIVEN, RIOPLATENSE_SURNAMES + MEXICAN_SURNAMES[:10]),
    ("GUA", 1, SPANISH_GIVEN, MEXICAN_SURNAMES),
)
_NATIONALITY_WEIGHTS = [weight for _, weight, _, _ in NATIONALITIES]

# Squad by position: how many, how many start (4-4-2), and how likely each is to score or to put through his own net.
POSITIONS = {"GK": (3, 1), "DF": (8, 4), "MF": (8, 4), "FW": (5, 2)}
SCORING_WEIGHT = {"GK": 0.0, "DF": 0.35, "MF": 1.2, "FW": 3.0}
OWN_GOAL_WEIGHT = {"GK": 0.5, "DF": 3.0, "MF": 1.0, "FW": 0.3}


@dataclass(eq=False)
class Player:
    number: int  # unique in a corpus; orders players deterministically
    given: str
    surname: str
    nationality: str
    position: str
    talent: float  # how often he scores, relative to his position
    regular: float  # how likely he starts

    @property
    def full_name(self) -> str:
        return f"{self.given} {self.surname}"

    @property
    def short_name(self) -> str:
        return f"{self.given[0]}. {self.surname}"

    @property
    def surname_key(self) -> str:
        return slugify(self.surname.split()[-1])


@dataclass
class Squad:
    club: str
    players: list[Player] = field(default_factory=list)
    full_names_used: set[str] = field(default_factory=set)  # a full name never returns to the same club

    def by_position(self, position: str) -> list[Player]:
        return [player for player in self.players if player.position == position]


class PlayerFactory:
    """Makes players with fresh names; one per corpus, so player numbers are unique."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.count = 0

    def new_player(self, squad: Squad, position: str) -> Player:
        rng = self.rng
        taken = {player.surname_key for player in squad.players}
        while True:
            nationality, _, given_names, surnames = rng.choices(NATIONALITIES, weights=_NATIONALITY_WEIGHTS)[0]
            given = rng.choice(SPANISH_COMPOUND) if given_names is SPANISH_GIVEN and rng.random() < 0.08 \
                else rng.choice(given_names)
            surname = rng.choice(surnames)
            full = f"{given} {surname}"
            if slugify(surname.split()[-1]) not in taken and full not in squad.full_names_used:
                break
        self.count += 1
        talent = rng.lognormvariate(0.0, 0.45)
        regular = min(1.0, max(0.1, rng.uniform(0.1, 0.8) + 0.2 * talent))  # the better ones start more often
        player = Player(self.count, given, surname, nationality, position, talent, regular)
        squad.full_names_used.add(full)
        return player

    def new_squad(self, club: str) -> Squad:
        squad = Squad(club)
        for position, (size, _) in POSITIONS.items():
            for _ in range(size):
                squad.players.append(self.new_player(squad, position))
        return squad

    def turnover(self, squad: Squad, share: float) -> None:
        """Between seasons: some players leave and as many arrive, position for position."""
        rng = self.rng
        leaving = [player for player in squad.players if rng.random() < share]
        for player in leaving:
            squad.players.remove(player)
        for player in leaving:
            squad.players.append(self.new_player(squad, player.position))
        for player in squad.players:  # form changes: who starts is not fixed for ever
            player.regular = min(1.0, max(0.1, player.regular + rng.uniform(-0.2, 0.2)))
