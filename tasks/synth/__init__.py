"""Deterministic generator of realistic raw news-wire files, for benchmarks and tests.

    from tasks.synth import generate
    summary = generate(10_000, "data/synth", seed=0)   # start=/end= narrow the dates

Three layers, so a format plugs in without touching the rest:

* the story model: `make_story(rng, index)` draws a `WireStory` (headline, desk slug,
  agency, dateline city, date/time, paragraphs, the people/orgs/places named, version,
  story key ...) from ~650 templates with slots (topic headline/lead pairs, tagged body
  sentences, quotes); `make_writethru(rng, story)` draws its next version (same key and
  headline text, a writethru slug, one more paragraph, a later time);
* one renderer per format, `render_<format>(story) -> bytes`, registered in `RENDERERS`
  (file-name extension in `EXTENSIONS`). A renderer takes its layout choices from
  `story.style_seed`, so its bytes depend on the story alone, and encodes in
  `story.encoding`;
* `generate(n, out_dir, seed, formats=FORMATS)` streams n story deliveries to disk, in
  every wire format mixed (page_text, html, nitf, newsml_g2, newsml12, ninjs, anpa,
  iptc7901, warc, feeds, containers; renderers in tasks/synth/wire.py and web.py).
  Stream formats hold several stories per file (G2 newsMessage 1-3 items, ANPA / 7901
  captures, WARC, feeds; `BUNDLERS`), containers gzip single files or bundle them in
  .zip / .tar.gz. Files go in subfolders of at most 1,000 (0000/, 0001/ ...), named like
  xinhua-2019-03-14-000123.txt (bundles: warc-2019-03-14-000123.warc.gz ...).

The mix (per delivery, approximate, all drawn from the rng): 1% bad files (empty, random
binary, or XML / JSON / gzip cut short: `rejects_expected`), 3% duplicates (an exact copy
of an earlier file under another name, or an earlier story again in another format),
~5% writethrus (2.1% of new stories start a chain; 45% of chains reach version 3; a
chain stays in its format: G2 version 2 with the same guid, ANPA 1stLd-Writethru ...),
2% stories without any date, 2% cp1252, 1% latin-1, 1% UTF-8 with BOM (plus each
format's own habit: ANPA cp1252, 7901 latin-1, a quarter of NITF ISO-8859-1, JSON
UTF-8); 70% of pages carry the "Off the wire" ticker (made of the latest generated
headlines), 60% a navigation line.

Everything is driven by one `random.Random(seed)`: same (n, seed, options) => the same
bytes. Memory is flat in n (a bounded
reservoir for duplicates, a short queue of pending writethrus, a window of recent
headlines, at most one open file per stream format and agency). With multi-story formats
the last files of a run close early, so a shorter run is a prefix of a longer one only
for single-story formats. Standard library and warcio only.
"""

from __future__ import annotations

import gc
import gzip
import heapq
import io
import os
import random
import re
import string
import tarfile
import zipfile
from bisect import bisect_right
from collections import deque
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from math import gcd
from typing import Any, Callable, Sequence

__all__ = [
    "WireStory",
    "make_story",
    "make_writethru",
    "render_page_text",
    "RENDERERS",
    "EXTENSIONS",
    "BUNDLERS",
    "FORMATS",
    "generate",
    "DEFAULT_START",
    "DEFAULT_END",
]

DEFAULT_START = date(2016, 1, 1)
DEFAULT_END = date(2024, 12, 31)

# Variant rates (per file slot in `generate`, per new story in `make_story`).
P_BAD = 0.01  # empty or random binary file (a reject)
P_DUPLICATE = 0.03  # exact copy of an earlier file under another path
P_CHAIN = 0.021  # a new story starts a writethru chain (2 or 3 versions): ~5% of files
P_CHAIN_3 = 0.45  # ... of which this share gets a third version
P_UNDATED = 0.02  # no date anywhere in the file (nor in its name)
P_CP1252 = 0.02
P_LATIN1 = 0.01
P_BOM = 0.01  # UTF-8 with a byte-order mark

P_TICKER = 0.70  # a page shows the "Off the wire" ticker (always, when cp1252 / latin-1)
_SINGLE_BYTE = ("cp1252", "latin-1")
TICKER_WINDOW = 40  # generate() fills tickers from this many latest headlines
DUP_RESERVOIR = 256  # earlier files a duplicate may copy (reservoir sample)
FILES_PER_DIR = 1000

NBSP = "\u00a0"
TICKER_SEP = NBSP + NBSP + "\u2022 "  # bytes c2a0 c2a0 e280a2 20, as in the real page
TICKER_END = NBSP + NBSP

WRITETHRU_SLUGS = {2: ("1st LD Writethru: ",), 3: ("2nd LD Writethru: ", "2nd LD Writethru: ", "2nd LD: ")}
DESK_SLUGS = (
    ("Urgent: ", 4),
    ("Roundup: ", 5),
    ("Interview: ", 3),
    ("Commentary: ", 2),
    ("Feature: ", 3),
    ("Spotlight: ", 2),
    ("", 81),
)
_TICKER_SLUGS = DESK_SLUGS[:-1] + (("1st LD Writethru: ", 3), ("2nd LD Writethru: ", 1), ("2nd LD: ", 1))


def _lines(block: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in block.strip().splitlines() if s.strip() and not s.strip().startswith("#"))


_WORDS: dict[str, int] = {}  # template -> about how many words it fills to
_CONSTANT: dict[str, str] = {}  # templates without slots (no need to fill them)


def _pick(rng: random.Random, seq: Sequence[Any]) -> Any:
    return seq[int(rng.random() * len(seq))]


_CUMULATIVE: dict[int, tuple[Sequence[tuple[Any, float]], list[Any], list[float], float]] = {}


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, float]]) -> Any:
    """One item of ((item, weight), ...) by weight. `pairs` should be a long-lived tuple."""
    entry = _CUMULATIVE.get(id(pairs))
    if entry is None or entry[0] is not pairs:
        cum, total = [], 0.0
        for _, w in pairs:
            total += w
            cum.append(total)
        entry = _CUMULATIVE[id(pairs)] = (pairs, [item for item, _ in pairs], cum, total)
    _, items, cum, total = entry
    return items[bisect_right(cum, rng.random() * total)]


def _ri(rng: random.Random, a: int, b: int) -> int:
    """An int in [a, b] (a cheaper randint)."""
    return a + int(rng.random() * (b - a + 1))


# --------------------------------------------------------------------------------------
# Reference data: agencies, places, names, organisations
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Agency:
    name: str  # as on the source line: Xinhua, AP, Reuters, AFP, dpa
    key: str  # file-name prefix
    long_name: str  # for "said in an interview with ..."
    weight: float
    home: str  # home country
    home_share: float
    percent: str  # "percent" | "%" | "per cent"
    end_markers: tuple[str, ...]
    date_styles: tuple[tuple[str, float], ...]


AGENCIES: tuple[Agency, ...] = (
    Agency("Xinhua", "xinhua", "Xinhua", 35, "China", 0.30, "percent", ("Endit",),
           (("full", 60), ("ap", 10), ("dmy", 5), ("iso", 25))),
    Agency("AP", "ap", "The Associated Press", 20, "United States", 0.55, "percent", ("###", "-- 30 --"),
           (("ap", 45), ("full", 35), ("iso", 20))),
    Agency("Reuters", "reuters", "Reuters", 20, "Britain", 0.12, "%", ("(END)", "ENDS"),
           (("dmy", 40), ("full", 20), ("iso", 40))),
    Agency("AFP", "afp", "AFP", 15, "France", 0.25, "percent", ("ENDS", "(END)"),
           (("dmy", 40), ("iso", 40), ("full", 20))),
    Agency("dpa", "dpa", "dpa", 10, "Germany", 0.45, "per cent", ("(END)", "ENDS", "-- 30 --"),
           (("dmy", 50), ("iso", 40), ("full", 10))),
)
_AGENCY_WEIGHTS = tuple((a, a.weight) for a in AGENCIES)
AGENCY_BY_NAME = {a.name: a for a in AGENCIES}


@dataclass(frozen=True, slots=True)
class Country:
    name: str  # in running text, with article where English needs one
    short: str  # in headlines
    adj: str
    cities: tuple[str, ...]  # capital first
    names: str  # key of NAMES
    region: str
    leader: str  # "President" | "Prime Minister" | "Chancellor" ...
    currency: str  # "" = quote U.S. dollars
    stat_office: str
    euro: bool = False


COUNTRIES: tuple[Country, ...] = (
    Country("China", "China", "Chinese", ("Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Wuhan", "Chengdu", "Hangzhou", "Xi'an", "Tianjin", "Kunming"), "chinese", "Asia", "Premier", "yuan", "the National Bureau of Statistics"),
    Country("the United States", "U.S.", "U.S.", ("Washington", "New York", "Los Angeles", "Chicago", "Houston", "San Francisco", "Atlanta", "Miami", "Seattle", "Boston", "Denver", "Sacramento", "Austin", "Columbus", "Phoenix", "Detroit"), "anglo", "North America", "President", "", "the Labor Department"),
    Country("Germany", "Germany", "German", ("Berlin", "Hamburg", "Munich", "Frankfurt", "Cologne", "Düsseldorf", "Stuttgart", "Leipzig", "Dresden", "Hanover"), "german", "Europe", "Chancellor", "euros", "the Federal Statistical Office", True),
    Country("France", "France", "French", ("Paris", "Marseille", "Lyon", "Toulouse", "Nice", "Strasbourg", "Bordeaux", "Lille", "Nantes"), "french", "Europe", "President", "euros", "the national statistics institute INSEE", True),
    Country("Britain", "Britain", "British", ("London", "Manchester", "Birmingham", "Edinburgh", "Glasgow", "Belfast", "Cardiff", "Liverpool"), "anglo", "Europe", "Prime Minister", "pounds", "the Office for National Statistics"),
    Country("Japan", "Japan", "Japanese", ("Tokyo", "Osaka", "Yokohama", "Kyoto", "Sapporo", "Fukuoka", "Nagoya"), "japanese", "Asia", "Prime Minister", "yen", "the Ministry of Internal Affairs"),
    Country("South Korea", "S. Korea", "South Korean", ("Seoul", "Busan", "Incheon", "Daegu", "Gwangju"), "korean", "Asia", "President", "won", "Statistics Korea"),
    Country("India", "India", "Indian", ("New Delhi", "Mumbai", "Bengaluru", "Chennai", "Kolkata", "Hyderabad", "Ahmedabad"), "indian", "Asia", "Prime Minister", "rupees", "the National Statistical Office"),
    Country("Brazil", "Brazil", "Brazilian", ("Brasília", "São Paulo", "Rio de Janeiro", "Salvador", "Belo Horizonte", "Recife"), "lusophone", "Latin America", "President", "reais", "the statistics agency IBGE"),
    Country("Mexico", "Mexico", "Mexican", ("Mexico City", "Guadalajara", "Monterrey", "Puebla", "Tijuana"), "hispanic", "Latin America", "President", "pesos", "the statistics institute INEGI"),
    Country("Canada", "Canada", "Canadian", ("Ottawa", "Toronto", "Montréal", "Vancouver", "Calgary", "Québec City"), "anglo", "North America", "Prime Minister", "Canadian dollars", "Statistics Canada"),
    Country("Russia", "Russia", "Russian", ("Moscow", "St. Petersburg", "Novosibirsk", "Kazan", "Vladivostok"), "slavic", "Europe", "President", "rubles", "the statistics service Rosstat"),
    Country("Turkey", "Turkey", "Turkish", ("Ankara", "Istanbul", "Izmir", "Antalya", "Gaziantep"), "turkish", "the Middle East", "President", "lira", "the Turkish Statistical Institute"),
    Country("Egypt", "Egypt", "Egyptian", ("Cairo", "Alexandria", "Giza", "Port Said", "Luxor"), "arabic", "the Middle East", "President", "Egyptian pounds", "the statistics agency CAPMAS"),
    Country("Kenya", "Kenya", "Kenyan", ("Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret"), "east_african", "Africa", "President", "shillings", "the Kenya National Bureau of Statistics"),
    Country("Nigeria", "Nigeria", "Nigerian", ("Abuja", "Lagos", "Kano", "Ibadan", "Port Harcourt"), "west_african", "Africa", "President", "naira", "the National Bureau of Statistics"),
    Country("South Africa", "S. Africa", "South African", ("Pretoria", "Johannesburg", "Cape Town", "Durban", "Port Elizabeth"), "anglo", "Africa", "President", "rand", "Statistics South Africa"),
    Country("Australia", "Australia", "Australian", ("Canberra", "Sydney", "Melbourne", "Brisbane", "Perth", "Adelaide"), "anglo", "the Asia-Pacific", "Prime Minister", "Australian dollars", "the Australian Bureau of Statistics"),
    Country("Italy", "Italy", "Italian", ("Rome", "Milan", "Naples", "Turin", "Florence", "Genoa", "Bologna"), "italian", "Europe", "Prime Minister", "euros", "the statistics office ISTAT", True),
    Country("Spain", "Spain", "Spanish", ("Madrid", "Barcelona", "Valencia", "Seville", "Bilbao", "Málaga"), "hispanic", "Europe", "Prime Minister", "euros", "the National Statistics Institute", True),
    Country("Argentina", "Argentina", "Argentine", ("Buenos Aires", "Córdoba", "Rosario", "Mendoza"), "hispanic", "Latin America", "President", "pesos", "the statistics agency INDEC"),
    Country("Indonesia", "Indonesia", "Indonesian", ("Jakarta", "Surabaya", "Bandung", "Medan", "Makassar"), "indonesian", "Southeast Asia", "President", "rupiah", "Statistics Indonesia"),
    Country("Pakistan", "Pakistan", "Pakistani", ("Islamabad", "Karachi", "Lahore", "Peshawar", "Quetta"), "south_asian_muslim", "South Asia", "Prime Minister", "rupees", "the Pakistan Bureau of Statistics"),
    Country("Iran", "Iran", "Iranian", ("Tehran", "Isfahan", "Mashhad", "Shiraz", "Tabriz"), "persian", "the Middle East", "President", "rials", "the Statistical Centre of Iran"),
    Country("Israel", "Israel", "Israeli", ("Jerusalem", "Tel Aviv", "Haifa", "Beersheba"), "hebrew", "the Middle East", "Prime Minister", "shekels", "the Central Bureau of Statistics"),
    Country("Saudi Arabia", "Saudi Arabia", "Saudi", ("Riyadh", "Jeddah", "Dammam", "Mecca"), "arabic", "the Middle East", "Crown Prince", "riyals", "the General Authority for Statistics"),
    Country("Libya", "Libya", "Libyan", ("Tripoli", "Benghazi", "Misrata", "Sirte", "Tobruk"), "arabic", "North Africa", "Prime Minister", "", "the Bureau of Statistics and Census"),
    Country("Ukraine", "Ukraine", "Ukrainian", ("Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro"), "slavic", "Europe", "President", "hryvnias", "the State Statistics Service"),
    Country("Poland", "Poland", "Polish", ("Warsaw", "Krakow", "Gdansk", "Wroclaw", "Poznan"), "slavic", "Europe", "Prime Minister", "zlotys", "the statistics office GUS"),
    Country("Sweden", "Sweden", "Swedish", ("Stockholm", "Gothenburg", "Malmö", "Uppsala"), "nordic", "Europe", "Prime Minister", "kronor", "Statistics Sweden"),
    Country("Norway", "Norway", "Norwegian", ("Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø"), "nordic", "Europe", "Prime Minister", "kroner", "Statistics Norway"),
    Country("Greece", "Greece", "Greek", ("Athens", "Thessaloniki", "Patras", "Heraklion"), "greek", "Europe", "Prime Minister", "euros", "the statistics authority ELSTAT", True),
    Country("Austria", "Austria", "Austrian", ("Vienna", "Graz", "Salzburg", "Linz", "Innsbruck"), "german", "Europe", "Chancellor", "euros", "Statistics Austria", True),
    Country("Switzerland", "Switzerland", "Swiss", ("Bern", "Geneva", "Zürich", "Basel", "Lausanne"), "german", "Europe", "President", "Swiss francs", "the Federal Statistical Office"),
    Country("Belgium", "Belgium", "Belgian", ("Brussels", "Antwerp", "Ghent", "Liège"), "dutch", "Europe", "Prime Minister", "euros", "the statistics office Statbel", True),
    Country("the Netherlands", "Netherlands", "Dutch", ("The Hague", "Amsterdam", "Rotterdam", "Utrecht", "Eindhoven"), "dutch", "Europe", "Prime Minister", "euros", "Statistics Netherlands", True),
    Country("Portugal", "Portugal", "Portuguese", ("Lisbon", "Porto", "Coimbra", "Faro"), "lusophone", "Europe", "Prime Minister", "euros", "the statistics institute INE", True),
    Country("Vietnam", "Vietnam", "Vietnamese", ("Hanoi", "Ho Chi Minh City", "Da Nang", "Haiphong"), "vietnamese", "Southeast Asia", "Prime Minister", "dong", "the General Statistics Office"),
    Country("Thailand", "Thailand", "Thai", ("Bangkok", "Chiang Mai", "Phuket", "Pattaya"), "thai", "Southeast Asia", "Prime Minister", "baht", "the National Statistical Office"),
    Country("the Philippines", "Philippines", "Philippine", ("Manila", "Cebu", "Davao", "Quezon City"), "filipino", "Southeast Asia", "President", "pesos", "the Philippine Statistics Authority"),
    Country("Chile", "Chile", "Chilean", ("Santiago", "Valparaíso", "Concepción", "Antofagasta"), "hispanic", "Latin America", "President", "pesos", "the National Statistics Institute"),
    Country("Colombia", "Colombia", "Colombian", ("Bogotá", "Medellín", "Cali", "Cartagena"), "hispanic", "Latin America", "President", "pesos", "the statistics agency DANE"),
    Country("Peru", "Peru", "Peruvian", ("Lima", "Cusco", "Arequipa", "Trujillo"), "hispanic", "Latin America", "President", "soles", "the statistics institute INEI"),
    Country("Ethiopia", "Ethiopia", "Ethiopian", ("Addis Ababa", "Dire Dawa", "Bahir Dar", "Mekelle"), "east_african", "Africa", "Prime Minister", "birr", "the Ethiopian Statistics Service"),
    Country("Iraq", "Iraq", "Iraqi", ("Baghdad", "Basra", "Mosul", "Erbil", "Kirkuk"), "arabic", "the Middle East", "Prime Minister", "dinars", "the Central Statistical Organization"),
    Country("Syria", "Syria", "Syrian", ("Damascus", "Aleppo", "Homs", "Latakia", "Idlib"), "arabic", "the Middle East", "President", "", "the Central Bureau of Statistics"),
    Country("New Zealand", "New Zealand", "New Zealand", ("Wellington", "Auckland", "Christchurch"), "anglo", "the Asia-Pacific", "Prime Minister", "New Zealand dollars", "Stats NZ"),
    Country("Ghana", "Ghana", "Ghanaian", ("Accra", "Kumasi", "Tamale"), "west_african", "Africa", "President", "cedis", "the Ghana Statistical Service"),
)
COUNTRY_BY_NAME = {c.name: c for c in COUNTRIES}

# U.S. dollars per unit of local currency (rough, for plausible amounts only)
USD_RATES = {
    "China": 0.14, "Germany": 1.1, "France": 1.1, "Britain": 1.27, "Japan": 0.0075, "South Korea": 0.00077,
    "India": 0.012, "Brazil": 0.2, "Mexico": 0.055, "Canada": 0.74, "Russia": 0.012, "Turkey": 0.04,
    "Egypt": 0.03, "Kenya": 0.0075, "Nigeria": 0.0012, "South Africa": 0.055, "Australia": 0.67, "Italy": 1.1,
    "Spain": 1.1, "Argentina": 0.003, "Indonesia": 0.000065, "Pakistan": 0.0036, "Iran": 0.000024,
    "Israel": 0.27, "Saudi Arabia": 0.27, "Ukraine": 0.027, "Poland": 0.25, "Sweden": 0.095, "Norway": 0.095,
    "Greece": 1.1, "Austria": 1.1, "Switzerland": 1.1, "Belgium": 1.1, "the Netherlands": 1.1, "Portugal": 1.1,
    "Vietnam": 0.00004, "Thailand": 0.028, "the Philippines": 0.018, "Chile": 0.0011, "Colombia": 0.00025,
    "Peru": 0.27, "Ethiopia": 0.018, "Iraq": 0.00076, "New Zealand": 0.61, "Ghana": 0.08,
}
COUNTRY_BY_NAME["United States"] = COUNTRY_BY_NAME["the United States"]

# AP datelines: these US cities stand alone, others carry the state (AP style).
AP_STATES = {"Sacramento": "Calif.", "Austin": "Texas", "Columbus": "Ohio", "Phoenix": "Ariz."}

# Given names (male, female) and family names per naming tradition. Latin-1 only, so a
# story survives re-encoding as cp1252 or ISO-8859-1.
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "anglo": (
        ("James", "Michael", "Robert", "David", "William", "Thomas", "Daniel", "Matthew", "Andrew", "Kevin", "Brian", "Mark", "Steven", "Paul", "Richard", "Peter", "Simon", "Gareth", "Liam", "Owen"),
        ("Mary", "Jennifer", "Linda", "Susan", "Karen", "Sarah", "Emily", "Rachel", "Laura", "Helen", "Claire", "Megan", "Olivia", "Hannah", "Fiona", "Kathleen", "Amanda", "Jessica"),
        ("Smith", "Johnson", "Brown", "Taylor", "Walker", "Harris", "Clarke", "Lewis", "Robinson", "Wright", "Thompson", "Hughes", "Edwards", "Green", "Hall", "Wood", "Turner", "Collins", "Mitchell", "Reid", "Campbell", "Morgan", "Bennett", "Fraser", "O'Neill", "Sullivan", "Donovan", "Parker"),
    ),
    "german": (
        ("Jürgen", "Thomas", "Stefan", "Andreas", "Michael", "Matthias", "Jörg", "Klaus", "Wolfgang", "Uwe", "Tobias", "Florian", "Lukas", "Björn", "Markus"),
        ("Sabine", "Petra", "Claudia", "Katrin", "Anja", "Ursula", "Birgit", "Julia", "Annalena", "Franziska", "Jutta", "Svenja", "Lena", "Bärbel"),
        ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schröder", "Köhler", "Krüger", "Zimmermann", "Braun", "Hartmann", "Lange", "Wolff", "Vogel", "Seidel"),
    ),
    "french": (
        ("Jean", "Pierre", "François", "Nicolas", "Laurent", "Olivier", "Sébastien", "Julien", "Thierry", "Gérard", "Antoine", "Benoît", "Yannick", "Mathieu"),
        ("Marie", "Isabelle", "Nathalie", "Sophie", "Hélène", "Camille", "Chloé", "Céline", "Élodie", "Valérie", "Aurélie", "Margaux", "Anne-Laure"),
        ("Martin", "Bernard", "Dubois", "Durand", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Fontaine", "Mercier", "Bonnet", "Lambert", "Faure", "Chevalier", "Garnier", "Perrin", "Leclerc"),
    ),
    "hispanic": (
        ("José", "Juan", "Carlos", "Luis", "Jorge", "Miguel", "Alejandro", "Andrés", "Fernando", "Javier", "Raúl", "Sergio", "Diego", "Ramón", "Iván"),
        ("María", "Ana", "Lucía", "Carmen", "Isabel", "Sofía", "Gabriela", "Valentina", "Elena", "Paula", "Verónica", "Mónica", "Adriana", "Inés"),
        ("García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Morales", "Núñez", "Castillo", "Ortega", "Vargas", "Muñoz"),
    ),
    "lusophone": (
        ("João", "Pedro", "Paulo", "Lucas", "Rafael", "Tiago", "André", "Rodrigo", "Gonçalo", "Marcelo", "Antônio"),
        ("Ana", "Beatriz", "Mariana", "Juliana", "Fernanda", "Inês", "Luísa", "Camila", "Letícia", "Renata"),
        ("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Ferreira", "Almeida", "Carvalho", "Gonçalves", "Ribeiro", "Araújo", "Lima", "Barbosa", "Magalhães"),
    ),
    "italian": (
        ("Marco", "Giuseppe", "Luca", "Alessandro", "Francesco", "Matteo", "Paolo", "Giovanni", "Stefano", "Nicolò"),
        ("Giulia", "Francesca", "Chiara", "Sara", "Valentina", "Elisa", "Federica", "Martina", "Silvia"),
        ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Fabbri"),
    ),
    "chinese": (
        ("Wei", "Jun", "Hao", "Lei", "Qiang", "Jian", "Ming", "Tao", "Bin", "Yong", "Jianguo", "Zhiwei", "Xiaodong", "Haitao"),
        ("Fang", "Li", "Na", "Jing", "Min", "Yan", "Xiaomei", "Hui", "Ying", "Lihua", "Xin", "Yuqing"),
        ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo"),
    ),
    "japanese": (
        ("Hiroshi", "Takeshi", "Kenji", "Yuki", "Satoshi", "Daisuke", "Kazuo", "Shinji", "Taro", "Haruto"),
        ("Yumiko", "Keiko", "Aiko", "Naoko", "Sakura", "Emi", "Yoko", "Mariko", "Haruka"),
        ("Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida", "Yamada", "Inoue", "Kimura"),
    ),
    "korean": (
        ("Min-jun", "Seo-jun", "Ji-hoon", "Dong-hyun", "Sung-min", "Jae-won", "Hyun-woo", "Young-ho"),
        ("Ji-yeon", "Seo-yeon", "Min-ji", "Hye-jin", "Soo-jin", "Eun-ji", "Ha-eun"),
        ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"),
    ),
    "vietnamese": (
        ("Minh", "Tuan", "Hung", "Duc", "Quang", "Thanh", "Long", "Hai"),
        ("Lan", "Huong", "Mai", "Thu", "Ngoc", "Linh", "Trang"),
        ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo"),
    ),
    "thai": (
        ("Somchai", "Prayut", "Anutin", "Chaiwat", "Kittisak", "Surachai", "Thanawat"),
        ("Siriporn", "Malee", "Pornthip", "Ratana", "Suda", "Wanida"),
        ("Srisuk", "Chaiyaporn", "Wongsawat", "Rattanakul", "Boonmee", "Sukprasert", "Thongchai", "Kaewkla"),
    ),
    "indonesian": (
        ("Budi", "Agus", "Joko", "Hendra", "Rizal", "Bambang", "Dedi", "Fajar"),
        ("Siti", "Dewi", "Sri", "Rina", "Putri", "Ayu", "Retno"),
        ("Santoso", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Pratama", "Setiawan", "Nugroho", "Gunawan"),
    ),
    "filipino": (
        ("Jose", "Mark", "Rodrigo", "Ramon", "Emmanuel", "Carlo", "Rafael", "Antonio"),
        ("Maria", "Grace", "Leni", "Kristine", "Joy", "Angelica", "Rowena"),
        ("Santos", "Reyes", "Cruz", "Bautista", "Villanueva", "Mendoza", "Ramos", "Aquino", "Garcia", "Dela Cruz"),
    ),
    "indian": (
        ("Rajesh", "Amit", "Sanjay", "Vikram", "Arjun", "Rahul", "Anil", "Suresh", "Pradeep", "Nikhil", "Karthik"),
        ("Priya", "Anjali", "Sunita", "Kavita", "Deepa", "Meera", "Lakshmi", "Nandini", "Pooja"),
        ("Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Mehta", "Rao", "Joshi", "Chatterjee", "Banerjee", "Desai"),
    ),
    "south_asian_muslim": (
        ("Imran", "Bilal", "Asif", "Tariq", "Shahid", "Faisal", "Kamran", "Usman"),
        ("Ayesha", "Fatima", "Sana", "Hina", "Maryam", "Nadia", "Zainab"),
        ("Khan", "Ahmed", "Qureshi", "Malik", "Hussain", "Chaudhry", "Butt", "Siddiqui", "Abbasi"),
    ),
    "arabic": (
        ("Ahmed", "Mohamed", "Omar", "Khaled", "Youssef", "Hassan", "Ali", "Mahmoud", "Tarek", "Saeed", "Fayez", "Karim", "Walid"),
        ("Fatima", "Amina", "Layla", "Nour", "Mariam", "Huda", "Rania", "Salma", "Yasmin"),
        ("Hassan", "Ibrahim", "Mansour", "Saleh", "Abdullah", "Haddad", "Nasser", "Khalil", "El-Sayed", "Al-Masri", "Othman", "Farouk", "Al-Amin", "Qasim"),
    ),
    "turkish": (
        ("Mehmet", "Mustafa", "Ahmet", "Emre", "Burak", "Murat", "Can", "Kemal", "Hakan"),
        ("Ayse", "Elif", "Zeynep", "Emine", "Selin", "Derya", "Esra"),
        ("Yilmaz", "Kaya", "Demir", "Çelik", "Yildiz", "Öztürk", "Aydin", "Arslan", "Dogan", "Kiliç", "Korkmaz"),
    ),
    "persian": (
        ("Ali", "Reza", "Mohammad", "Hossein", "Mehdi", "Amir", "Hamid", "Saeed"),
        ("Zahra", "Maryam", "Fatemeh", "Leila", "Shirin", "Nasrin", "Parisa"),
        ("Hosseini", "Ahmadi", "Mohammadi", "Rezaei", "Karimi", "Moradi", "Jafari", "Rahimi", "Ghorbani", "Sadeghi"),
    ),
    "hebrew": (
        ("David", "Yosef", "Avi", "Moshe", "Eitan", "Yair", "Noam", "Amir", "Gideon"),
        ("Noa", "Tamar", "Yael", "Maya", "Michal", "Shira", "Orly"),
        ("Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Azoulay", "Katz", "Ben-David", "Shapiro"),
    ),
    "slavic": (
        ("Alexei", "Dmitry", "Sergei", "Andriy", "Oleksandr", "Piotr", "Tomasz", "Pavel", "Mikhail", "Viktor", "Ivan", "Marek"),
        ("Olga", "Natalia", "Irina", "Anna", "Yulia", "Svetlana", "Katarzyna", "Agnieszka", "Oksana", "Tatiana"),
        ("Ivanov", "Petrov", "Smirnov", "Kovalenko", "Shevchenko", "Bondarenko", "Nowak", "Kowalski", "Wójcik", "Lewandowski", "Volkov", "Morozov", "Sokolov", "Melnyk", "Zielinski"),
    ),
    "nordic": (
        ("Lars", "Erik", "Anders", "Bjørn", "Magnus", "Henrik", "Søren", "Jonas", "Olav", "Per"),
        ("Ingrid", "Astrid", "Karin", "Åsa", "Sigrid", "Maja", "Linnea", "Kristin", "Solveig"),
        ("Andersson", "Johansson", "Karlsson", "Nilsson", "Hansen", "Larsen", "Olsen", "Berg", "Lindqvist", "Haugen", "Dahl", "Strøm", "Ekström", "Solberg"),
    ),
    "greek": (
        ("Nikos", "Giorgos", "Dimitris", "Kostas", "Yannis", "Alexis", "Panagiotis"),
        ("Maria", "Eleni", "Katerina", "Sofia", "Dimitra", "Georgia"),
        ("Papadopoulos", "Georgiou", "Nikolaou", "Papadakis", "Vlachos", "Karamanlis", "Economou", "Dimitriou"),
    ),
    "dutch": (
        ("Jan", "Pieter", "Willem", "Hendrik", "Joost", "Sander", "Bram", "Maarten", "Wouter"),
        ("Anke", "Femke", "Sanne", "Lotte", "Marieke", "Eva", "Ingrid", "Annelies"),
        ("de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Mulder", "Peeters", "Maes", "Claes", "Janssens"),
    ),
    "east_african": (
        ("John", "Peter", "Samuel", "Joseph", "Daniel", "Abiy", "Dawit", "Kiprotich", "Otieno", "Tesfaye", "Mwangi"),
        ("Grace", "Mercy", "Faith", "Wanjiru", "Achieng", "Hirut", "Selam", "Njeri", "Aster"),
        ("Kamau", "Odhiambo", "Kiptoo", "Wafula", "Mutua", "Kipchoge", "Tadesse", "Bekele", "Gebre", "Ochieng", "Njoroge", "Cheruiyot"),
    ),
    "west_african": (
        ("Chinedu", "Emeka", "Oluwaseun", "Ibrahim", "Kwame", "Kofi", "Tunde", "Musa", "Yaw", "Babajide"),
        ("Ngozi", "Amina", "Folake", "Chiamaka", "Ama", "Akosua", "Funmilayo", "Efua"),
        ("Okafor", "Adeyemi", "Bello", "Mensah", "Boateng", "Okonkwo", "Abubakar", "Owusu", "Eze", "Adebayo", "Asante", "Danjuma"),
    ),
}
_NAME_POOLS = tuple(NAMES)


@dataclass(frozen=True, slots=True)
class Org:
    long: str  # first mention, with article if English needs one
    ref: str  # later mentions
    short: str  # headlines and title prefix
    head: str  # title of its chief
    abbr: bool  # first mention adds "(SHORT)"


def _org(long: str, ref: str, short: str, head: str, abbr: bool = True) -> Org:
    return Org(long, ref, short, head, abbr)


ORGS: dict[str, Org] = {
    "UN": _org("the United Nations", "the UN", "UN", "Secretary-General", False),
    "NATO": _org("the North Atlantic Treaty Organization", "NATO", "NATO", "Secretary General"),
    "EU": _org("the European Union", "the EU", "EU", "foreign policy chief"),
    "AU": _org("the African Union", "the AU", "AU", "Commission Chairperson"),
    "ASEAN": _org("the Association of Southeast Asian Nations", "ASEAN", "ASEAN", "Secretary-General"),
    "SCO": _org("the Shanghai Cooperation Organisation", "the SCO", "SCO", "Secretary-General"),
    "OSCE": _org("the Organization for Security and Co-operation in Europe", "the OSCE", "OSCE", "Secretary General"),
    "WHO": _org("the World Health Organization", "the WHO", "WHO", "Director-General"),
    "UNICEF": _org("the UN Children's Fund", "UNICEF", "UNICEF", "Executive Director"),
    "IMF": _org("the International Monetary Fund", "the IMF", "IMF", "Managing Director"),
    "WB": _org("the World Bank", "the bank", "World Bank", "President", False),
    "OECD": _org("the Organisation for Economic Co-operation and Development", "the OECD", "OECD", "Secretary-General"),
    "WTO": _org("the World Trade Organization", "the WTO", "WTO", "Director-General"),
    "ICRC": _org("the International Committee of the Red Cross", "the ICRC", "ICRC", "President"),
    "WFP": _org("the World Food Programme", "the WFP", "WFP", "Executive Director"),
    "UNHCR": _org("the UN refugee agency", "UNHCR", "UNHCR", "High Commissioner"),
    "WMO": _org("the World Meteorological Organization", "the WMO", "WMO", "Secretary-General"),
    "OPEC": _org("the Organization of the Petroleum Exporting Countries", "OPEC", "OPEC", "Secretary General"),
    "IEA": _org("the International Energy Agency", "the IEA", "IEA", "Executive Director"),
    "IAEA": _org("the International Atomic Energy Agency", "the IAEA", "IAEA", "Director General"),
    "ESA": _org("the European Space Agency", "ESA", "ESA", "Director General"),
    "ICC": _org("the International Criminal Court", "the ICC", "ICC", "Prosecutor"),
    "IOC": _org("the International Olympic Committee", "the IOC", "IOC", "President"),
    "FIFA": _org("FIFA, world football's governing body", "FIFA", "FIFA", "President", False),
    "IUCN": _org("the International Union for Conservation of Nature", "the IUCN", "IUCN", "Director General"),
    "UNEP": _org("the UN Environment Programme", "UNEP", "UNEP", "Executive Director"),
}

_CO_A = ("Norvane", "Castell", "Meridia", "Altrona", "Brightwater", "Kestrel", "Halvorsen", "Sundara", "Tavira", "Orinoco",
         "Lindqvist", "Pacifica", "Huaxin", "Silverline", "Northgate", "Bayview", "Redwood", "Atlas", "Helion", "Vantor",
         "Corvina", "Eastbridge", "Goldcrest", "Marlow", "Quintara", "Stellan", "Tidewater", "Aurelia", "Kaimon", "Zephyr")
_CO_B = {
    "energy": ("Energy", "Power", "Petroleum", "Renewables", "Gas"),
    "tech": ("Technologies", "Semiconductor", "Telecom", "Networks", "Robotics", "Software"),
    "industry": ("Motors", "Steel", "Chemicals", "Industries", "Heavy Industries", "Aerospace"),
    "consumer": ("Foods", "Retail", "Brands", "Beverages", "Apparel"),
    "finance": ("Bank", "Capital", "Financial Group", "Insurance", "Securities"),
    "transport": ("Airlines", "Logistics", "Shipping", "Rail"),
    "health": ("Pharmaceuticals", "Biotech", "Medical", "Life Sciences"),
    "mining": ("Mining", "Resources", "Metals"),
}
_CO_SECTORS = tuple(_CO_B)
_INSTITUTES = (
    "Northgate Economics", "Bayview Capital", "Harborline Securities", "Meridian Research", "Crestview Advisory",
    "the Institute for Strategic Dialogue", "the Centre for Policy Studies", "Oxford Analytica", "Eurasia Advisory",
    "the Global Development Institute", "the Lowland Institute", "Pinewood Asset Management", "Summit Partners Research",
)
_INSTITUTE_ROLES = ("analyst", "economist", "researcher", "senior fellow", "strategist", "director")
_UNI_ROLES = ("professor", "researcher", "lecturer")
_PARTIES = ("Social Democrats", "People's Party", "National Alliance", "Liberal Party", "Labour Party", "Green Party",
            "Democratic Union", "Progressive Front", "Conservative Party", "Civic Platform", "Reform Movement")
_COURTS = ("the Supreme Court", "the Constitutional Court", "a district court", "the High Court", "an appeals court")


@dataclass(slots=True)
class Person:
    name: str
    last: str
    female: bool
    full: str  # first mention: "Libyan Prime Minister Fayez Saleh"


def _make_name(rng: random.Random, pool: str) -> tuple[str, str, bool]:
    males, females, lasts = NAMES[pool]
    female = rng.random() < 0.4
    given = _pick(rng, females if female else males)
    last = _pick(rng, lasts)
    if pool in ("chinese", "korean", "vietnamese"):
        return f"{last} {given}", last, female
    return f"{given} {last}", last, female


# --------------------------------------------------------------------------------------
# Templates. Slots are resolved lazily by _Ctx (see _SLOTS); entity slots keep their value
# for the whole story, number slots draw afresh each time. Quotes carry no final
# punctuation: the wrappers add it.
# --------------------------------------------------------------------------------------

QUOTE_WRAPPERS = _lines('''
"{quote}," {S_he} said.
"{quote}," {S} said.
"{quote}," {S} told reporters {day}.
"{quote}," {S} said in a statement.
"{quote}," said {S}.
{S} said: "{quote}."
"{quote}," {S} added.
"{quote}. {quote2}," {S_he} said.
"{quote}," {S} said, adding that {addendum}.
"{quote}," {S} wrote on social media.
"{quote}," {S} said in an interview with {agency_name}.
"{quote}," {S_he} told a news conference in {city}.
"{quote}," {S} said, according to a transcript released by {S_his} office.
"{quote}," {S} stressed, noting that {addendum}.
''')

ADDENDA = _lines('''
the government would continue to monitor the situation closely
further measures could follow if conditions did not improve
all parties needed to show flexibility in the weeks ahead
the details would be worked out by technical teams
there was no time to lose
the priority now was to restore public confidence
more resources would be made available before the end of the year
the decision had been taken after extensive consultations
the coming months would be decisive
the door to dialogue remained open
the authorities had learned lessons from previous crises
cooperation with international partners would be stepped up
''')

GENERAL_BODY = _lines('''
Further details were not immediately available.
It was not immediately clear when the measures would take effect.
Officials said more information would be released in the coming days.
{Ministry} did not immediately respond to a request for comment.
The move was welcomed by business groups, although some lawmakers questioned its cost.
The announcement came after weeks of speculation in local media about the government's plans.
Critics say the measures do not go far enough, while supporters argue they strike a careful balance.
The issue has dominated public debate in {country} for months and is expected to feature prominently in the coming weeks.
According to local media, the proposal still needs the approval of parliament before it can come into force.
The latest figures were broadly in line with market expectations, analysts said.
Opposition politicians accused the government of acting too slowly and called for an independent review.
A statement posted on the government's website said the plan would be reviewed every six months.
Officials stressed that the situation remained under control and urged the public not to panic.
The development is likely to be closely watched by neighboring countries, which face similar pressures.
Similar measures were introduced {in_year_past}, with mixed results.
Residents in {city} said they had noticed the effects of the changes in their daily lives.
The government has set aside {money} for the program over the next {years}.
The plan has drawn criticism from rights groups, who say it was drawn up without proper public consultation.
Local television showed footage of long queues outside government offices in {city}.
A spokesperson for the opposition said the party would study the details before deciding how to vote.
Officials declined to say how many people would be affected by the decision.
The issue is expected to be on the agenda when regional leaders meet later this year.
Business leaders in {city2} said the uncertainty was making it harder to plan investments.
The ministry said it had received more than {n_k} complaints since the start of the year.
Independent experts said the official figures probably understated the scale of the problem.
Newspapers in {country} gave the story prominent coverage, with several running editorials calling for calm.
The decision follows months of consultations with local authorities, industry and civil society groups.
Public sector workers staged a one-day strike last month over pay and working conditions.
Details of the agreement have not been made public.
The measures are part of a broader reform program that the government launched {in_year_past}.
Critics argue that the money would be better spent on schools and hospitals.
A government-commissioned report published earlier this year recommended similar steps.
''')

GENERAL_CLOSERS = _lines('''
The talks are expected to resume next month.
A final decision is expected before the end of the year.
Officials said they would review the situation again in {months_n}.
The next round of negotiations is scheduled to take place in {city2}.
Further talks are planned for later this year, officials said.
The measures will be reviewed after {months_n}, according to the statement.
The government is expected to present a detailed plan to parliament in the coming weeks.
Observers say the outcome will have implications well beyond {region}.
''')


def _pairs(block: str) -> tuple[tuple[str, str, str], ...]:
    """Headline lines (optionally ending in ' #tag'), each followed by its lead on a line
    starting with '= '. Returns (headline, lead, tag)."""
    out = []
    head = None
    for line in _lines(block):
        if line.startswith("= "):
            assert head is not None, line
            h, _, tag = head.partition(" #")
            out.append((h, line[2:], tag))
            head = None
        else:
            assert head is None, line
            head = line
    assert head is None, head
    return tuple(out)


def _tagged_pool(lines: Sequence[str], tag: str) -> tuple[str, ...]:
    """Body lines for a story with `tag`: the untagged ones and those tagged '[tag] '."""
    out = []
    for line in lines:
        if line.startswith("["):
            t, _, text = line[1:].partition("] ")
            if t == tag:
                out.append(text)
        else:
            out.append(line)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    section: str
    pairs: tuple[tuple[str, str, str], ...]  # (headline, lead, tag): the lead tells the headline's news
    body: tuple[str, ...]  # "[tag] ..." lines only go with pairs of that tag
    quotes: tuple[str, ...]
    orgs: tuple[str, ...]  # keys of ORGS
    p_roles: tuple[tuple[str, str], ...]  # (kind, title): kind gov | org | corp | sport | inst | party
    ministry: str
    q_kind: str  # analyst | economist | doctor | researcher ...
    w_role: str  # resident, farmer ...
    co_sector: str
    speakers: str  # persons who may be quoted: P, 2 (= P2), Q, R, W; repeats weight
    weight: float
    countries: tuple[str, ...] = ()  # where such stories happen (empty: anywhere)

    @property
    def headlines(self) -> tuple[str, ...]:
        return tuple(h for h, _, _ in self.pairs)


TOPICS: tuple[Topic, ...] = (
    Topic(
        "diplomacy", "World",
        _pairs('''
        {adj} PM, {org_short} envoy review stalled peace process
        = {P} held talks with {P2} {day} on the stalled peace process in {country}, pledging that {org} would keep backing efforts toward a lasting settlement.
        {adj} FM hosts {adj2} counterpart in {city}
        = {P} met with {P2} in {city} {day}, with both sides pledging to deepen cooperation in trade, energy and security.
        {hcountry}, {hcountry2} agree to deepen strategic cooperation
        = {Country} and {country2} agreed {day} to deepen their strategic cooperation, as {P} and {P2} held talks in {city} on trade, energy and regional security.
        {org_short} concerned over rising tensions in {region}
        = {P} {day} expressed concern over rising tensions in {region}, urging all parties to exercise restraint and return to negotiations.
        {hcountry} urges dialogue to resolve dispute with {hcountry2}
        = {P} {day} called for renewed dialogue between {country} and {country2}, warning that further escalation of the dispute could destabilize {region}.
        {adj} leader to visit {hcountry2} next week
        = {P} will pay an official visit to {country2} next week, the first by a leader of {country} in {years}, {ministry} announced {day}.
        {hcountry2} recalls ambassador from {hcountry} amid diplomatic row
        = {Country2} has recalled its ambassador to {country} for consultations, {P2} said {day}, deepening a diplomatic row between the two countries.
        {org_short} chief calls for restraint as tensions mount in {hcountry}
        = The head of {org} {day} called on all sides in {country} to exercise maximum restraint, as tensions mounted following a week of protests and arrests.
        {hcountry}, {hcountry2} sign {n_word} cooperation agreements
        = {Country} and {country2} {day} signed {n_word} agreements covering trade, infrastructure and education during talks between {P} and {P2} in {city}.
        {adj} envoy holds talks with {org_short} officials in {city}
        = A senior {adj} envoy held talks with officials from {org} in {city} {day}, seeking support for a plan to revive negotiations on regional security.
        {P_last} says {hcountry} ready to mediate between rival factions
        = {P} said {day} that {country} was ready to mediate between the rival factions in {country2}, offering to host talks in {city} as early as next month.
        {hcountry} summons {adj2} diplomat over remarks
        = {Country} has summoned a senior {adj2} diplomat to protest against remarks it described as interference in its internal affairs, {P} said {day}.
        {hcountry}, {hcountry2} vow to boost ties as leaders meet
        = {P2} arrived in {city} {day} for a {n_word}-day official visit aimed at strengthening political and economic ties with {country}.
        '''),
        _lines('''
        At a news briefing after the talks, {P_last} described the discussions as frank and constructive but acknowledged that major differences remained.
        The two sides exchanged views on regional and international issues of common concern, according to a statement released after the talks.
        {P_last} stressed that a political solution based on dialogue and mutual respect was the only way to address the region's serious challenges.
        Bilateral trade between the two countries reached {money} last year, up {pct} from a year earlier, according to official figures.
        Both sides agreed to expand cooperation in areas including agriculture, renewable energy, tourism and people-to-people exchanges.
        The visit is the first by a senior {adj2} official to {country} in {years}.
        {P2_last} said {country2} attached great importance to its relations with {country} and was willing to push bilateral ties to a new level.
        Diplomats said the talks were expected to focus on border security, migration and stalled negotiations over a new trade framework.
        {Org} has repeatedly called on all parties to refrain from actions that could further inflame tensions.
        Observers said the meeting signaled a thaw in relations that had been strained since a diplomatic dispute {in_year_past}.
        The ministers also discussed preparations for an upcoming summit, which is expected to bring together leaders from more than {n} countries.
        Relations between the two countries have improved markedly over the past {years}, with regular high-level visits and growing investment.
        A joint statement issued at the end of the talks reaffirmed both sides' commitment to sovereignty and territorial integrity.
        {P_last} said continued engagement by {org} was essential if a fragile truce was to hold through the winter.
        {R} said the two countries had agreed to set up a working group to follow up on the issues raised during the visit.
        The talks lasted more than {hours_n} hours, longer than scheduled, according to officials familiar with the meeting.
        {Q} said the meeting reflected a broader effort by {country} to diversify its partnerships amid shifting alliances.
        The two delegations also signed a memorandum of understanding on visa facilitation for students, researchers and business travelers.
        Tensions flared earlier this year after a series of incidents along the shared border, prompting both sides to reinforce their positions.
        {P_last} is due to travel on to {country2} later this week for talks with senior officials there.
        Analysts said the outcome of the talks would be closely watched by investors, who have grown wary of the political risks in {region}.
        The two countries established diplomatic relations decades ago and have since cooperated closely on trade and security.
        According to the statement, the leaders agreed to hold regular consultations at ministerial level and to reopen a consulate in {city2}.
        Neither side gave details of any concrete commitments, and a planned signing ceremony was postponed without explanation.
        {P_last} thanked {P2_last} for the warm welcome and invited {P2_last} to visit {country} at a mutually convenient time.
        The dispute has already disrupted flights, trade and cultural exchanges between the two neighbors.
        '''),
        _lines('''
        We agreed today on a clear road map for the months ahead
        We are prepared to help train and equip the institutions this country needs
        There is no military solution to this conflict, and we urge all sides to return to the negotiating table
        Our two countries share a long history of friendship, and today we have opened a new chapter
        We are deeply concerned about the humanitarian situation and the risk of further escalation
        Dialogue is the only way forward, and we will spare no effort to support it
        This agreement sends a clear signal that we are committed to working together
        We expect concrete steps, not just words
        Nobody benefits from confrontation, least of all ordinary people
        We respect the sovereignty of every nation and expect the same in return
        Trust cannot be built overnight, but today was an important step
        '''),
        ("UN", "NATO", "EU", "AU", "ASEAN", "SCO", "OSCE"),
        (("gov", "Foreign Minister"), ("gov", "@leader"), ("org", ""), ("gov", "Deputy Foreign Minister")),
        "Foreign Ministry", "analyst", "resident", "finance", "PP2QR", 14,
    ),
    Topic(
        "economy", "Business",
        _pairs('''
        {adj} employers create {jobs} in {hmonth}, beating forecasts
        = Employers in {country} added {jobs} {in_month}, according to payroll data published {day}, comfortably ahead of the consensus forecast.
        {adj} economy grows {pct} in {quarter}
        = The {adj} economy grew {pct} in {quarter} from a year earlier, {stat_office} said {day}, beating forecasts as consumer spending held up.
        {hcountry} inflation eases to {pct} as food prices fall
        = Annual inflation in {country} eased to {pct} {in_month}, the lowest reading in {years}, as food and fuel prices fell, official data showed {day}.
        {org_short} cuts {hcountry} growth forecast to {pct}
        = {Org} {day} cut its growth forecast for {country} to {pct}, citing weaker exports, tighter credit and persistent uncertainty over trade.
        {adj} central bank holds key rate at {pct}
        = The {adj} central bank left its benchmark interest rate unchanged at {pct} {day}, saying it needed more evidence that price pressures were easing.
        {hcountry} unemployment rate drops to {pct}, lowest in {years}
        = The unemployment rate in {country} fell to {pct} {in_month}, the lowest level in {years}, {stat_office} said {day}, as hiring picked up in services and construction.
        {adj} factory activity expands for {ordinal} straight month
        = Factory activity in {country} expanded for the {ordinal} straight month {in_month}, a purchasing managers' survey showed {day}, as new orders picked up.
        {hcountry} unveils {money} stimulus package
        = {Country} unveiled a stimulus package worth {money} {day}, aimed at shoring up growth through infrastructure spending and tax relief for small firms.
        {org_short} warns of slowing global growth, urges reforms
        = {Org} warned {day} that global growth was losing momentum and urged governments, including that of {country}, to press ahead with reforms to lift productivity.
        {adj} retail sales beat expectations in {hmonth}
        = Retail sales in {country} rose {pct} {in_month} from a year earlier, beating expectations as shoppers took advantage of discounts, {stat_office} said {day}.
        {hcountry} posts record budget deficit amid higher spending
        = {Country} posted a record budget deficit of {money} in the last fiscal year, {ministry} said {day}, as spending on subsidies and social programs rose.
        '''),
        _lines('''
        Economists polled before the release had expected growth of around {pct}.
        Household consumption, which accounts for more than half of economic output, rose {pct} in the period.
        The {sector} sector led the gains, adding {jobs}, while manufacturing shed {jobs}.
        Exports fell {pct} from a year earlier, weighed down by weaker demand in {region}.
        {P} told parliament that the government would keep its fiscal target despite pressure to increase spending.
        The central bank has raised interest rates {n_word} times since the start of the tightening cycle.
        {Q} said the data pointed to a soft landing, although risks remained tilted to the downside.
        Wage growth slowed to {pct}, easing concerns about a wage-price spiral.
        Industrial output rose {pct} year on year, while fixed-asset investment increased {pct}.
        The government aims to bring the budget deficit below {pct} of gross domestic product by the end of next year.
        Consumer confidence improved for the {ordinal} consecutive month, a separate survey showed.
        Public debt stands at about {pct_big} of gross domestic product, one of the highest levels in {region}.
        {Org} said in its latest report that structural reforms were needed to lift productivity and long-term growth.
        Retail sales climbed {pct} {in_month}, helped by discounts and a rebound in tourism.
        The figures came as policymakers weigh whether to ease monetary policy later this year.
        Small and medium-sized enterprises, which employ most of the workforce, have struggled with higher borrowing costs.
        The labor force participation rate edged up to {pct_big}, the highest since records began.
        Core inflation, which strips out volatile food and energy prices, slowed to {pct}.
        Housing prices fell for the {ordinal} month in a row as higher mortgage rates cooled demand.
        {P_last} said the government would introduce targeted support for low-income households rather than broad subsidies.
        The services sector, which accounts for about {pct_big} of the economy, expanded at its fastest pace in {months_n}.
        A weaker currency has made imports more expensive, adding to price pressures.
        Tourist arrivals rose {pct_big} from a year earlier, boosting hotels, restaurants and airlines.
        The revised figures showed the economy had narrowly avoided a recession in the second half of last year.
        Business investment remained subdued as companies held off on spending amid uncertainty over tax policy.
        {Q} said the central bank was likely to keep rates on hold until at least the end of {quarter}.
        '''),
        _lines('''
        The economy is proving more resilient than many had feared
        We are seeing encouraging signs, but it is too early to declare victory over inflation
        Our priority is to protect jobs and support households through this difficult period
        The recovery remains uneven, and some sectors are still under considerable strain
        We will not hesitate to act if the outlook deteriorates
        Structural reforms are no longer optional, they are urgent
        The labor market is cooling, but it is cooling gradually
        Businesses need clarity and predictability to invest
        People feel the pinch every time they go to the supermarket
        '''),
        ("IMF", "WB", "OECD"),
        (("gov", "Finance Minister"), ("gov", "Economy Minister"), ("gov", "central bank Governor"), ("org", "")),
        "Finance Ministry", "economist", "shop owner", "finance", "PQQRW", 12,
    ),
    Topic(
        "markets", "Business",
        _pairs('''
        {adj} stocks close higher as tech shares rally #stocks
        = Shares in {city} closed higher {day}, led by technology and financial stocks, as investors bet that interest rates had peaked.
        {adj} shares fall {pct} on growth worries #stocks
        = The benchmark stock index in {city} fell {pct} {day}, its steepest one-day drop in {months_n}, after weak factory data rattled investors.
        Oil prices rise {pct} on supply concerns #commodity
        = Oil prices rose {pct} {day} on concerns about tighter supplies, with Brent crude futures reaching {oil_price} a barrel by mid-afternoon.
        Gold hits {n_word}-week high as dollar weakens #commodity
        = Gold prices climbed to a {n_word}-week high {day} as the U.S. dollar weakened and investors sought safe-haven assets amid geopolitical tensions.
        {company_short} shares jump after earnings beat forecasts #company
        = Shares in {company} jumped {pct} {day} after the company reported quarterly earnings well above analyst forecasts, driven by strong demand in {region}.
        {company_short} to cut {n_k} jobs in restructuring #company
        = {Company} said {day} it would cut about {n_k} jobs over the next {years} as part of a restructuring plan to reduce costs.
        {company_short} posts record quarterly profit #company
        = {Company} reported a record quarterly net profit {day}, up {pct_big} from a year earlier, on strong demand for its products in {region}.
        {hcountry} bond yields climb ahead of rate decision #stocks
        = Yields on {adj} government bonds climbed {day} as investors braced for a possible interest rate increase at the central bank's meeting next week.
        {company_short} agrees to buy rival in {money} deal #company
        = {Company} has agreed to buy a smaller rival for {money}, the company said {day}, in a deal that would create one of the largest groups in its sector.
        {commodity_cap} prices slide to lowest level in {years} #commodity
        = Prices of {commodity} fell to their lowest level in {years} {day} as traders worried about weakening demand and ample supply.
        '''),
        _lines('''
        Trading volume was higher than the daily average of the past month, exchange data showed.
        [company] Shares of {company} rose as much as {pct} in early trading before paring gains.
        [company] The company's revenue rose {pct} to {money}, while operating costs increased {pct}.
        {Q} said investors were focused on signals from the central bank about the path of interest rates.
        [stocks] The yield on the benchmark 10-year government bond rose {n} basis points.
        [company] {P} said the company expected demand to remain solid in the second half of the year.
        The currency weakened {pct} against the U.S. dollar.
        [commodity] Brent crude futures rose {pct} to {oil_price} a barrel, while U.S. crude gained {pct}.
        [company] The company employs about {n_k} people worldwide and has production sites in {n} countries.
        [company] Analysts said the deal would face scrutiny from competition authorities in several markets.
        [company] {Company} shares have gained {pct_big} so far this year, outperforming the broader market.
        [company] The company maintained its full-year guidance, citing a strong order book.
        Market sentiment has been fragile in recent weeks amid concerns over trade tensions and slowing growth.
        [company] The job cuts will mainly affect administrative functions, the company said, adding that it would seek to avoid forced redundancies.
        [stocks] Energy stocks lagged as crude prices slipped, while utilities and consumer staples held steady.
        [stocks] Foreign investors were net sellers for the {ordinal} straight session, according to exchange data.
        [stocks] The broader index has fallen {pct_big} from its record high, putting it in bear market territory.
        {Q} said valuations looked stretched after the recent rally, leaving little room for disappointment.
        [commodity] Spot gold was up {pct} at {gold_price} per ounce in late trading.
        [company] The company plans to spend {money} on new plants and research over the next {years}.
        [company] Net income was hurt by one-off charges related to the closure of {n_word} factories.
        Traders said thin volumes ahead of a holiday exaggerated the market moves.
        [company] The acquisition is expected to close in the second half of next year, subject to regulatory approval.
        [commodity] Shares of producers fell after {commodity} prices dropped, dragging the sector lower.
        [commodity] Traders are watching inventories closely for signs of whether demand is recovering.
        [commodity] A stronger dollar makes commodities priced in the U.S. currency more expensive for holders of other currencies.
        [commodity] Producers have cut output in response to lower prices, but stockpiles remain high.
        '''),
        _lines('''
        Markets are pricing in a lot of good news at the moment
        We delivered a strong quarter despite a challenging environment
        These are difficult but necessary decisions to secure the company's future
        Volatility is likely to remain elevated until there is more clarity on rates
        Investors are starting to look beyond the short-term noise
        The fundamentals of our business remain strong
        This acquisition accelerates our strategy and creates value for shareholders
        Nobody wants to be the last one holding risky assets when the music stops
        '''),
        ("IMF",),
        (("corp", "chief executive"), ("corp", "chief financial officer"), ("corp", "chairman")),
        "Finance Ministry", "strategist", "investor", "", "PQQ", 9,
    ),
    Topic(
        "trade", "Business",
        _pairs('''
        {hcountry}, {hcountry2} agree to accelerate trade talks
        = {Country} and {country2} agreed {day} to accelerate talks on a comprehensive trade agreement, aiming to conclude negotiations by the end of the year.
        {hcountry} imposes tariffs on {adj2} {commodity}
        = {Country} will impose tariffs of up to {pct_big} on imports of {commodity} from {country2}, {ministry} said {day}, citing unfair subsidies.
        {org_short} rules against {hcountry} in trade dispute
        = {Org} ruled {day} that {country} had breached international trade rules by restricting imports, a decision that could open the way to retaliation.
        {adj} exports rise {pct} in {hmonth}
        = {Adj} exports rose {pct} year on year {in_month}, customs data showed {day}, helped by strong demand for electronics and machinery.
        {hcountry} trade surplus widens to {money}
        = The trade surplus of {country} widened to {money} {in_month}, customs data showed {day}, as exports grew faster than imports.
        {hcountry2} to lift import ban on {adj} {commodity}
        = {Country2} will lift a ban on imports of {commodity} from {country}, officials said {day}, ending a dispute that had lasted {years}.
        {hcountry} signs free trade deal with {hcountry2}
        = {Country} signed a free trade agreement with {country2} {day}, eliminating tariffs on more than {pct_big} of goods traded between the two countries.
        {adj} trade chief warns of retaliation over new duties
        = {P} {day} warned that {country} would retaliate if {country2} went ahead with new duties on its exports, escalating a dispute that has unsettled markets.
        '''),
        _lines('''
        Bilateral trade was worth {money} last year, making {country2} one of the largest trading partners of {country}.
        Imports rose {pct} over the same period, leaving a trade surplus of {money}.
        {P} said the agreement would create new opportunities for farmers and small businesses.
        Business groups welcomed the deal but warned that implementation would be key.
        The tariffs will take effect in {months_n} unless the two sides reach a settlement.
        {Q} said the dispute risked disrupting supply chains that were still recovering from the pandemic.
        Negotiators have held {n_word} rounds of talks since the process was launched {in_year_past}.
        Shipments of {commodity} accounted for about {pct_big} of total exports.
        {R} said {country} would take all necessary measures to protect its legitimate interests.
        The agreement still needs to be ratified by the parliaments of both countries.
        Farm groups in {country2} have long complained that cheap imports were undercutting local producers.
        Container traffic through the port of {city2} rose {pct} in the first half of the year.
        The deal includes chapters on digital trade, government procurement and the protection of geographical indications.
        {P_last} said the government would challenge the decision through the appropriate legal channels.
        Exporters have been hit by higher shipping costs and delays at major ports.
        {W} said orders from abroad had dropped sharply since the duties were announced.
        The two sides also agreed to set up a joint committee to resolve disputes over food safety standards.
        Exports to {region} jumped {pct_big}, partly offsetting weaker sales to traditional markets.
        '''),
        _lines('''
        Free and fair trade benefits both our peoples
        We will defend our industry against unfair competition
        This agreement is a win-win for both sides
        Protectionism is a dead end that hurts everyone
        We remain open to dialogue, but our patience is not unlimited
        Our exporters need predictable rules and open markets
        We cannot compete when the other side plays by different rules
        '''),
        ("WTO", "EU", "ASEAN"),
        (("gov", "Trade Minister"), ("gov", "Commerce Minister"), ("org", "")),
        "Commerce Ministry", "economist", "farmer", "industry", "PPQRW", 8,
    ),
    Topic(
        "security", "World",
        _pairs('''
        {n_small} killed in car bomb attack in {hcountry} #bomb
        = At least {n_small} people were killed and {n_injured} others wounded when a car bomb exploded near a busy market in {city} {day}, local officials said.
        {org_short} voices alarm as fighting spreads in {hcountry} #fighting
        = Thousands of people have fled their homes in {country} in the past week as fighting spread to new areas, {org} said {day}.
        Clashes erupt near {city}, at least {n_small} dead #fighting
        = Heavy clashes broke out on the outskirts of {city} {day} between government forces and armed groups, killing at least {n_small} people, security sources said.
        {hcountry} army says it repelled attack near border #fighting
        = The {adj} army said {day} it had repelled an attack on a military post near the border, killing several assailants.
        {org_short} calls for ceasefire in {hcountry} #fighting
        = {P} {day} expressed concern over the situation in {country}, calling on all parties to respect a ceasefire agreed earlier this month.
        Car bomb kills {n_small} in {city} #bomb
        = A car bomb killed {n_small} people in {city} {day}, police said, in the deadliest attack in the area in {months_n}.
        {adj} forces regain control of key town #fighting
        = {Adj} government forces regained control of a strategic town near {city} {day} after days of heavy fighting, the army said.
        Thousands flee fighting in {hcountry} #fighting
        = Thousands of civilians have fled renewed fighting in {country}, {org} said {day}, warning that shelters were already overcrowded.
        {hcountry} extends state of emergency after attacks #bomb
        = {Country} extended a state of emergency for another {months_n} {day}, after a series of attacks on security forces in the north of the country.
        '''),
        _lines('''
        [bomb] No group has so far claimed responsibility for the attack.
        [bomb] The wounded were taken to hospitals in {city}, where some were reported to be in critical condition.
        Security forces sealed off the area and launched a search operation, according to witnesses.
        [bomb] {W} said {W_he} heard a loud explosion and saw thick smoke rising from the area.
        {Org} estimates that more than {n_people} have been displaced since the fighting began.
        [bomb] The attack was the deadliest in the area {since_month}.
        {P_last} urged all sides to allow unhindered humanitarian access to civilians in need.
        Aid agencies have warned of severe shortages of food, water and medicine.
        [fighting] Armed groups had held the town, some {km} from the capital, for several months before government troops moved in.
        [fighting] {R} said troops had been sent to reinforce positions along the main highway.
        Humanitarian workers said access to the worst-affected areas remained extremely limited.
        {Q} said the violence reflected a power struggle among rival factions rather than a single coordinated campaign.
        [bomb] The government has declared {n_word} days of national mourning.
        Residents said checkpoints had been set up on all roads leading into the city.
        The region has been plagued by violence for more than a decade, with thousands of people killed.
        [bomb] Video footage shared online showed burned-out vehicles and shattered shop windows.
        [fighting] The army said it had killed {n} militants and seized weapons and ammunition during the operation.
        Schools and markets in the area remained closed, and a curfew was imposed from dusk to dawn.
        The United Nations has repeatedly warned that the conflict risks spilling over into neighboring countries.
        [fighting] {W} said {W_his} family had spent the night in a basement as shells fell nearby.
        [bomb] Local hospitals appealed for blood donations as they struggled to cope with the number of casualties.
        [fighting] The ceasefire, brokered by regional mediators, has been violated repeatedly since it took effect.
        '''),
        _lines('''
        We heard gunfire all night and did not dare to leave the house
        Those responsible for this cowardly attack will be brought to justice
        The situation on the ground remains extremely volatile
        Civilians are paying the highest price for this conflict
        Our forces are in full control of the area
        We call on all parties to respect international humanitarian law
        We had to leave everything behind
        Every day we wait, more children go hungry
        '''),
        ("UN", "NATO", "AU", "ICRC", "UNHCR", "EU"),
        (("gov", "Defense Minister"), ("gov", "Interior Minister"), ("org", ""), ("gov", "army spokesman")),
        "Defense Ministry", "analyst", "resident", "", "PRWWQ", 11,
        ("Libya", "Syria", "Iraq", "Ukraine", "Nigeria", "Pakistan", "Ethiopia", "Colombia", "the Philippines",
         "Kenya", "Egypt", "Israel", "Turkey", "Mexico", "Russia"),
    ),
    Topic(
        "disaster", "World",
        _pairs('''
        {magnitude}-magnitude quake jolts {hcountry} #quake
        = An earthquake with a magnitude of {magnitude} struck near {city} {day}, shaking buildings and sending residents into the streets, the national seismological agency said.
        Floods kill {n_small} in {hcountry} #flood
        = Floods triggered by days of torrential rain have killed at least {n_small} people in {country}, authorities said {day}, as rescue teams searched for the missing.
        Heat wave grips {city} as temperatures hit {temp} #heat
        = Temperatures in {city} reached {temp} {day}, breaking a record set {in_year_past}, as a heat wave tightened its grip on much of {country}.
        Wildfire forces evacuation near {city} #fire
        = Firefighters battled a wildfire near {city} {day} that has forced the evacuation of more than {n_people} and destroyed dozens of homes.
        Typhoon makes landfall in {hcountry}, thousands evacuated #flood
        = A typhoon made landfall in {country} {day}, packing winds of up to {kmh} and forcing the evacuation of {n_people}, officials said.
        Death toll from {hcountry} landslide rises to {n_small} #quake
        = The death toll from a landslide in {country} rose to {n_small} {day}, with rescuers digging through mud and debris in search of survivors.
        Drought threatens harvest in {hcountry} #heat
        = A prolonged drought is threatening this year's harvest in {country}, with rainfall in key farming regions at less than half the normal level, officials said {day}.
        Rescue teams search for survivors after building collapse in {city} #quake
        = Rescue teams were searching for survivors {day} after a residential building collapsed in {city}, killing at least {n_small} people, officials said.
        '''),
        _lines('''
        [quake] The epicenter was located {km_small} from {city2} at a depth of {km_small}, according to the agency.
        There were no immediate reports of casualties or major damage.
        More than {n_people} have been evacuated to temporary shelters.
        [flood] {W} said the water rose so quickly that {W_he} had to climb onto the roof with {W_his} children.
        [flood] Rescue operations were hampered by damaged roads and continuing rainfall.
        [flood] The meteorological service issued its highest warning level for {n_word} provinces.
        {P} visited the affected area and promised that the government would help families rebuild.
        The authorities have allocated {money} in emergency relief.
        [flood] Power was cut to about {n_k} households, the electricity operator said.
        Scientists say climate change is making extreme weather events more frequent and more intense.
        {Org} said it was ready to provide assistance if requested.
        Schools were closed and train services suspended across the region.
        Soldiers were deployed to help distribute food, drinking water and blankets.
        [quake] Several aftershocks were felt in the hours after the main quake.
        [flood] Farmers said crops on thousands of hectares of farmland had been destroyed.
        [quake] Sniffer dogs and heavy machinery were brought in to search the rubble.
        [flood] Authorities warned residents to stay away from riverbanks as water levels continued to rise.
        Dozens of flights were canceled and several highways were closed by landslides.
        {R} said the number of victims could rise as rescuers reached remote villages.
        [quake] The region is prone to earthquakes because it sits near the junction of several tectonic plates.
        Officials said the cost of the damage was initially estimated at {money}.
        [heat] Hospitals in {city2} reported treating dozens of people for heat exhaustion and dehydration.
        '''),
        _lines('''
        We have never seen anything like this in our lifetime
        Our priority now is to find the missing and care for the injured
        Everything we owned is gone
        The next two days will be critical
        We are working around the clock to restore power and water
        Nobody warned us that the river would rise so fast
        '''),
        ("ICRC", "WFP", "UNICEF", "WMO", "UN"),
        (("gov", "Emergency Management Minister"), ("gov", "@leader"), ("gov", "provincial governor")),
        "Interior Ministry", "expert", "resident", "", "PRWWQ", 8,
    ),
    Topic(
        "health", "Health",
        _pairs('''
        {org_short} warns of rising {disease} cases in {region} #outbreak
        = {Org} warned {day} that cases of {disease} were rising sharply in {region}, urging governments to step up surveillance and vaccination.
        {hcountry} reports {n_small} new {disease} cases #outbreak
        = Health authorities in {country} reported {n_small} new cases of {disease} {day}, bringing the total number of infections this year to {n_k}.
        {hcountry} launches nationwide vaccination campaign #outbreak
        = {Country} launched a nationwide vaccination campaign {day} that aims to reach more than {n_people} within {months_n}.
        {adj} study links air pollution to heart disease #study
        = Long-term exposure to air pollution significantly increases the risk of heart disease, according to a study published {day} by researchers in {city}.
        {org_short} declares end of {disease} outbreak in {hcountry} #outbreak
        = {Org} {day} declared the end of the {disease} outbreak in {country}, after no new cases were recorded for {n_word} weeks.
        {adj} hospitals under strain as flu season peaks #hospital
        = Hospitals across {country} are under severe strain as the flu season reaches its peak, with emergency departments reporting waiting times of up to {hours_n} hours, health officials said {day}.
        {company_short} drug wins approval in {hcountry} #drug
        = Regulators in {country} {day} approved a new drug developed by {company} for the treatment of {disease}, the company said.
        '''),
        _lines('''
        [outbreak] Most of the cases were recorded among children under the age of five.
        {P} said the health system was well prepared to cope with the increase in patients.
        [study] The study followed more than {n_people} over a period of {years}.
        [outbreak] Health workers have been deployed to the worst-affected districts to trace contacts.
        [study] {Q} said the findings should prompt policymakers to tighten emission standards.
        [outbreak] Vaccination rates have fallen in recent years, leaving many children unprotected.
        [hospital] Hospitals in {city} reported that emergency departments were operating at {pct_big} of capacity.
        [outbreak] The ministry urged people to wash their hands regularly and seek medical help if they develop symptoms.
        [drug] Clinical trials showed the treatment reduced the risk of hospitalization by {pct_big}.
        [outbreak] The disease is spread through contaminated water and food and can be fatal if left untreated.
        [outbreak] The authorities have set up {n} treatment centers across the country.
        [outbreak] {Org} said funding shortfalls were hampering efforts to contain the outbreak.
        [study] The researchers said further studies were needed to confirm the results in larger populations.
        Doctors said many patients sought treatment too late, when complications had already developed.
        [hospital] Elderly people and those with chronic illnesses were urged to get vaccinated as soon as possible.
        The government plans to recruit {n_k} additional nurses over the next {years} to ease staff shortages.
        [hospital] {W} said {W_he} had waited more than {hours_n} hours before seeing a doctor.
        Rural clinics often lack basic equipment and medicines, aid groups say.
        [drug] The drug is expected to be available in pharmacies within {months_n}, the company said.
        [drug] The treatment will be covered by the national health insurance program, the ministry said.
        [drug] Regulators said the most common side effects were mild and included headaches and fatigue.
        [drug] The company said it would apply for approval in other markets later this year.
        [study] The researchers adjusted for factors such as smoking, income and diet.
        [study] The effect was strongest among people living near major roads and industrial areas.
        [study] Previous research has linked air pollution to strokes, lung cancer and dementia.
        [hospital] Some hospitals postponed non-urgent operations to free up beds for flu patients.
        [hospital] Doctors urged people with mild symptoms to stay at home and avoid emergency departments.
        [hospital] The number of patients admitted with flu doubled in the past two weeks, official data showed.
        [outbreak] Cases have also been reported in {n_word} neighboring districts, raising fears of wider spread.
        '''),
        _lines('''
        Vaccines are safe and they save lives
        This outbreak is a wake-up call for the whole region
        We are seeing more patients than at any time in the past decade
        Prevention is far cheaper than treatment
        Our results are encouraging, but they need to be confirmed
        No country can tackle this threat alone
        Our staff are exhausted, and there is no end in sight
        '''),
        ("WHO", "UNICEF"),
        (("gov", "Health Minister"), ("org", ""), ("inst", "")),
        "Health Ministry", "doctor", "resident", "health", "PPQQRW", 8,
    ),
    Topic(
        "science", "Sci-Tech",
        _pairs('''
        {hcountry} launches new satellite into orbit #space
        = {Country} successfully launched a new Earth observation satellite {day} from a launch center near {city}, the national space agency said.
        Scientists discover new species in {hcountry} #species
        = Scientists have discovered {n_word} new species of frogs in the rainforests of {country}, according to a study published {day}.
        {company_short} unveils new AI chip #chip
        = {Company} unveiled a new artificial intelligence chip {day} that it said was twice as fast as its predecessor while using {pct_big} less power.
        {hcountry} to build {money} quantum computing center #chip
        = {Country} will build a quantum computing research center worth {money} in {city}, {ministry} announced {day}.
        {city} researchers develop cheaper battery technology #battery
        = Researchers at a university in {city} said {day} they had developed a battery that could cut the cost of storing renewable energy by half.
        {hcountry} tests high-speed maglev train #train
        = {Country} {day} tested a high-speed magnetic levitation train designed to reach 600 km per hour on a track near {city}, the state railway operator said.
        {adj} probe sends back first images of asteroid #space
        = A {adj} space probe has sent back the first close-up images of an asteroid, the national space agency said {day}, after a journey of more than {months_n}.
        '''),
        _lines('''
        [space] The satellite will be used for land surveying, disaster monitoring and crop assessment.
        The findings were published in a peer-reviewed journal.
        {Q} said the technology could be commercially available within {years}.
        [chip] The chip will go into mass production next year, the company said.
        [space] It was the {ordinal} launch of the year for the country's space program.
        [species] The team analyzed data collected over {years} of fieldwork.
        {P} said the project would help the country reduce its reliance on imported technology.
        [species] The new species were found in a remote area about {km} from the nearest town.
        [chip] Competition in the semiconductor industry has intensified as governments pour billions into domestic production.
        [battery] The researchers used a combination of sodium and sulfur, which are cheaper and more abundant than lithium.
        [chip] The center is expected to employ about {n_k} scientists and engineers when it opens.
        [battery] Experts cautioned that scaling up laboratory results to industrial production remained a major challenge.
        [space] The probe traveled more than {km} before reaching its target.
        [space] Engineers will spend the coming weeks testing the satellite's instruments before it begins regular operations.
        [species] Several of the species are already threatened by logging and the expansion of farmland.
        [train] The line is expected to cut travel time between the two cities to less than {hours_n} hours.
        [space] The images will help scientists understand how the solar system formed billions of years ago.
        [train] The test run reached its target speed without incident, the operator said.
        [train] Engineers said the train's magnetic system reduced noise and maintenance costs compared with conventional lines.
        [train] The project is part of a plan to link major cities with high-speed lines within the next {years}.
        [battery] The team said its prototype retained more than {pct_big} of its capacity after thousands of charging cycles.
        [battery] Cheaper storage is seen as key to expanding wind and solar power, whose output varies with the weather.
        [battery] The university has filed patents and is in talks with manufacturers about licensing the technology.
        [species] The researchers identified the frogs by their distinctive calls and genetic analysis.
        [species] Conservation groups urged the government to expand protected areas in the region.
        [chip] Demand for chips used in data centers has surged as companies race to build artificial intelligence systems.
        [chip] The company did not disclose the price of the new chip but said samples had been shipped to customers.
        {Q} said the results were promising but had yet to be replicated by independent teams.
        '''),
        _lines('''
        This is a milestone for our space program
        We were amazed by how much biodiversity remains undiscovered
        Artificial intelligence will transform every industry
        Our goal is to make clean energy affordable for everyone
        Basic research is the foundation of future innovation
        There is still a long way to go before this reaches consumers
        '''),
        ("ESA", "IAEA", "WMO", "IUCN"),
        (("inst", ""), ("corp", "chief technology officer"), ("gov", "Science Minister")),
        "Science Ministry", "researcher", "student", "tech", "PQQ", 6,
    ),
    Topic(
        "energy", "Business",
        _pairs('''
        {org_short} agrees to extend oil output cuts
        = {Org} agreed {day} to extend production cuts of {bpd} until the end of next year, in a bid to support prices amid weak demand.
        {hcountry} opens {mw} solar plant
        = {Country} inaugurated a solar power plant with a capacity of {mw} near {city} {day}, the largest of its kind in {region}.
        {adj} power demand hits record high
        = Electricity demand in {country} hit a record high {day} as a heat wave sent air-conditioning use soaring, the grid operator said.
        {hcountry} to phase out coal by {year_future}
        = {Country} will phase out coal-fired power generation by {year_future}, {P} said {day}, as part of a plan to reach net-zero emissions.
        {org_short} sees global oil demand growth slowing
        = {Org} said {day} that global oil demand growth would slow next year as electric vehicles and efficiency gains curb consumption.
        {company_short} discovers new gas field off {hcountry}
        = {Company} said {day} it had discovered a major natural gas field off the coast of {country}, with estimated reserves of {tcf}.
        {hcountry} pledges to cut emissions {pct_big} by {year_future}
        = {Country} pledged {day} to cut greenhouse gas emissions by {pct_big} by {year_future}, {P} said, unveiling a plan to expand renewable energy and electrify transport.
        '''),
        _lines('''
        Coal still accounts for about {pct_big} of the country's electricity generation.
        The plant will supply enough electricity for {n_k} households.
        Oil prices have fallen more than {pct_big} from their peak last year.
        {Q} said the decision showed producers were determined to defend prices.
        Environmental groups welcomed the pledge but said the timeline was too slow.
        The country aims to generate {pct_big} of its electricity from renewable sources by the end of the decade.
        {P} said investment in grids and storage would be essential to integrate more wind and solar power.
        The field is expected to start production within {years}.
        Utilities have warned of possible blackouts if demand continues to rise.
        Investment in clean energy reached a record {money} last year, according to industry estimates.
        The project cost {money} and created about {n_k} jobs during construction.
        Demand for liquefied natural gas has surged since supplies through pipelines were disrupted.
        The grid operator asked large industrial users to cut consumption during peak hours.
        Coal mining regions will receive {money} to help workers retrain and attract new industries.
        Brent crude was trading at {oil_price} a barrel after the announcement.
        {W} said electricity bills had almost doubled over the past year.
        The plant uses bifacial panels that capture sunlight on both sides, boosting output.
        '''),
        _lines('''
        The energy transition is irreversible, but it must be fair
        We are committed to market stability
        This project shows that renewables are now the cheapest source of new power
        We cannot switch off coal overnight without putting our energy security at risk
        Demand is simply growing faster than new supply
        The world needs every source of energy for years to come
        '''),
        ("OPEC", "IEA", "UNEP"),
        (("gov", "Energy Minister"), ("org", ""), ("corp", "chief executive")),
        "Energy Ministry", "analyst", "resident", "energy", "PQQRW", 7,
    ),
    Topic(
        "politics", "World",
        _pairs('''
        {adj} ruling party wins parliamentary elections #vote
        = The ruling {party} won the most seats in parliamentary elections in {country}, preliminary results showed {day}, but fell short of an outright majority.
        {hcountry} opposition calls for early elections #vote
        = The opposition {party} in {country} called {day} for early elections, saying the government had lost its mandate after a string of scandals.
        {adj} PM survives no-confidence vote #parliament
        = {P} survived a no-confidence vote in parliament {day}, after several lawmakers from the opposition {party} abstained.
        Thousands protest in {city} against pension reform #protest
        = Thousands of people marched through central {city} {day} to protest against a government plan to raise the retirement age, in one of the largest demonstrations in years.
        {adj} president names new cabinet #parliament
        = {P} named a new cabinet {day}, keeping most senior ministers in their posts but appointing a new finance minister to tackle rising prices.
        {hcountry} parliament approves controversial bill #parliament
        = The parliament of {country} approved a controversial bill {day} that critics say will curb media freedom, despite protests outside the building.
        {adj} coalition talks stall over budget #vote
        = Coalition talks in {country} stalled {day} after the parties failed to agree on spending plans, raising the prospect of a snap election.
        Voters head to polls in {hcountry} #vote
        = Voters in {country} went to the polls {day} in elections seen as a test for the government after a year marked by rising prices.
        '''),
        _lines('''
        [vote] Turnout was {pct_big}, slightly higher than in the previous election.
        [vote] The opposition {party} came second with {pct_big} of the vote.
        [protest] Police estimated the crowd at {n_people}, while organizers put the figure much higher.
        [protest] {P_last} has said the reform is necessary to keep the pension system solvent.
        [parliament] The bill was passed by {n} votes to {n_small}.
        [vote] {Q} said the result reflected widespread frustration with the cost of living.
        [vote] The new government is expected to be sworn in next week.
        [protest] Unions have called for further strikes later this month.
        [vote] Election observers said the vote was generally orderly, although there were reports of irregularities in some districts.
        {R} said the government would respect the will of the people.
        [protest] The protest was largely peaceful, but police detained {n_small} people after scuffles near parliament.
        [vote] Opinion polls had predicted a close race between the two main parties.
        [vote] Final results are expected to be announced by the electoral commission within {n_word} days.
        The government has been weakened by a series of resignations and a corruption investigation.
        [vote] {W} said {W_he} had voted for change because wages had not kept up with rising rents.
        [vote] The president is expected to ask the leader of the largest party to form a government.
        [parliament] Lawmakers debated the bill for more than {hours_n} hours before the vote.
        [parliament] The motion needed an absolute majority in the chamber to pass.
        [parliament] Several ministers kept their posts, while {n_word} newcomers were brought into the cabinet.
        [parliament] Opposition lawmakers walked out of the chamber in protest before the final vote.
        [parliament] The bill will now go to the upper house, where the government has a narrow majority.
        [parliament] Media freedom groups said the law gave the authorities broad powers to fine or close outlets.
        [protest] The reform would gradually raise the retirement age over the next {years}.
        '''),
        _lines('''
        The people have spoken and we will respect their decision
        This reform is about fairness between generations
        We will not give up until the government listens
        Democracy is stronger than any one party
        The government has lost the trust of the people
        Our door remains open to all parties willing to work for the common good
        '''),
        ("EU", "AU", "UN", "OSCE"),
        (("gov", "@leader"), ("gov", "Interior Minister"), ("party", "")),
        "Interior Ministry", "political analyst", "voter", "", "PPQRW", 9,
    ),
    Topic(
        "justice", "World",
        _pairs('''
        Former {adj} minister jailed for corruption
        = A court in {city} sentenced a former {adj} minister to {n_small} years in prison {day} after finding the defendant guilty of accepting bribes in exchange for public contracts.
        {adj} court upholds ban on protest group
        = A court in {country} {day} upheld a ban on a protest group, rejecting an appeal by its leaders who argued that the ban violated the right to free assembly.
        Police arrest {n_small} in {city} fraud probe
        = Police in {city} arrested {n_small} people {day} in connection with a fraud scheme that cost investors an estimated {money}, prosecutors said.
        {org_short} opens investigation into alleged war crimes
        = {Org} said {day} it had opened an investigation into alleged war crimes committed during the conflict in {country}.
        {adj} court orders release of detained journalist
        = A court in {country} ordered the release of a detained journalist {day}, ruling that the arrest had violated the constitution.
        Trial of alleged smuggling ring opens in {city}
        = The trial of {n_small} people accused of running a smuggling network opened in {city} {day} under tight security.
        '''),
        _lines('''
        The defendant denied the charges, and defense lawyers said they would appeal.
        Prosecutors said the scheme had operated for more than {years}.
        {R} said the investigation was ongoing and further arrests could not be ruled out.
        Rights groups welcomed the ruling as a victory for press freedom.
        The court also ordered the confiscation of assets worth {money}.
        {Q} said the case was a test of the independence of the judiciary.
        The suspects face up to {n_small} years in prison if convicted.
        The investigation began after a whistleblower alerted the authorities.
        Defense lawyers argued that the evidence had been obtained illegally.
        The hearing was adjourned until next month.
        Investigators seized cash, luxury cars and documents during raids on {n} properties.
        More than {n_small} witnesses are expected to testify during the trial.
        {P} said the government would not interfere in the work of the courts.
        The verdict can be appealed to {court}.
        '''),
        _lines('''
        Nobody is above the law
        My client is innocent and we will prove it
        Justice has finally been done
        This is a politically motivated case
        We will follow the evidence wherever it leads
        '''),
        ("ICC", "UN"),
        (("gov", "Justice Minister"), ("gov", "chief prosecutor"), ("org", "")),
        "Justice Ministry", "legal expert", "resident", "", "PRQQ", 6,
    ),
    Topic(
        "sports", "Sports",
        _pairs('''
        {hcountry} beat {hcountry2} {score} in World Cup qualifier #football
        = {Country} beat {country2} {score} in a World Cup qualifier in {city} {day}, moving to the top of their group with {n_small} points.
        {adj} sprinter sets new national record #athletics
        = {P} set a new national record in the 100 meters {day}, clocking 9.8{n_digit} seconds at a meeting in {city}.
        {hcountry} to host world championships in {year_future} #hosting
        = {Country} will host the world championships in {year_future}, {org} announced {day} after a vote by its executive board.
        {org_short} awards hosting rights to {city} #hosting
        = {Org} {day} awarded the hosting rights for one of its flagship events to {city}, beating bids from {n_word} other cities after a vote of its executive board.
        {adj} coach resigns after defeat #football
        = The coach of the {adj} national team resigned {day}, a day after a heavy defeat that ended the team's hopes of qualifying for the finals.
        {P_last} wins marathon in {city} #athletics
        = {P} won the {city} marathon {day} in a time of two hours, {n_small} minutes, pulling away from the leading group in the final kilometers.
        '''),
        _lines('''
        [football] The home side dominated possession but struggled to break down a well-organized defense.
        [football] A crowd of about {n_k} watched the match.
        [athletics] {P_last} said {P_he} had trained for months to prepare for the race.
        [football] The team will play its next match against {country2} next month.
        [football] {Q} said the team lacked creativity in midfield.
        [hosting] Organizers expect more than {n_people} visitors during the event.
        [football] The winning goal came in the {minute} minute from a header at the far post.
        [football] The federation said it would name a new coach in the coming weeks.
        [football] It was the {ordinal} victory of the season for the team.
        [athletics] The race was held in cool and dry conditions, ideal for fast times.
        [hosting] The city plans to invest {money} in new venues and transport links before the event.
        [athletics] {P_last} finished more than a minute ahead of the runner-up.
        [hosting] The bid promised that most venues would be existing or temporary facilities to keep costs down.
        [hosting] Local officials said the event would create thousands of jobs and boost tourism for years to come.
        [hosting] Critics of the bid warned that similar events elsewhere had left cities with heavy debts and empty stadiums.
        [hosting] The decision was announced at a ceremony attended by athletes, officials and hundreds of supporters.
        [hosting] Security and transport plans will be reviewed by inspectors ahead of the event.
        [athletics] The time was the fastest in the world this season and just outside the continental record.
        [athletics] {P_last} took up the sport at the age of {n_small}, training on dirt tracks near {P_his} home town.
        [athletics] Pacemakers dropped out shortly after the halfway mark, leaving a leading group of {n_word} runners.
        [athletics] The performance makes {P_last} one of the favorites for a medal at the world championships.
        [athletics] Temperatures of around {n_small} degrees Celsius at the start made for near-perfect conditions.
        [football] The visitors had a goal disallowed for offside shortly before half-time.
        [football] The coach made {n_word} changes to the starting lineup after a disappointing draw last week.
        [football] The result leaves the team {n_word} points clear with two matches left to play.
        [football] Fans celebrated in the streets of {city2} late into the night.
        '''),
        _lines('''
        We showed character and never gave up
        This record belongs to everyone who supported me
        It was a difficult night, but we will learn from it
        Hosting the championships is a dream come true for our city
        I take full responsibility for the result
        '''),
        ("IOC", "FIFA"),
        (("sport", "sprinter"), ("sport", "runner"), ("sport", "athlete")),
        "Sports Ministry", "commentator", "fan", "", "PPQW", 7,
    ),
    Topic(
        "environment", "Sci-Tech",
        _pairs('''
        {org_short} backs new fund to restore degraded wetlands in {region} #water
        = {Org} {day} unveiled a multi-year program to restore degraded wetlands and river deltas in {region}, saying millions of livelihoods depend on them.
        Coral bleaching spreads along {adj} coast #sea
        = Scientists said {day} that coral bleaching had spread along large stretches of the coast of {country}, driven by unusually warm sea temperatures.
        {hcountry} bans single-use plastics #plastic
        = {Country} will ban single-use plastic bags, cups and straws from next year, {P} said {day}, in an effort to reduce waste in rivers and oceans.
        Glaciers in {region} melting faster than expected: study #water
        = Glaciers in {region} are melting faster than previously thought, losing about {pct} of their mass each year, according to a study published {day}.
        {hcountry} creates new marine protected area #sea
        = {Country} {day} created a new marine protected area covering more than {km_sq}, banning industrial fishing and mining in its waters, {P} said.
        Air quality in {city} hits hazardous levels #air
        = Air pollution in {city} reached hazardous levels {day}, prompting authorities to close schools and restrict traffic.
        '''),
        _lines('''
        [water] Wetlands provide food, water and flood protection for millions of people.
        The project will run for {years} and is funded with {money}.
        [sea] {Q} said warming waters were putting unprecedented pressure on marine ecosystems.
        [plastic] Retailers will be given {months_n} to adjust to the new rules.
        [air] The concentration of fine particulate matter was more than {n} times the level recommended by health experts.
        [sea] {P} said the protected area would help fish stocks recover.
        Environmental groups called for stricter enforcement of existing laws.
        [sea] Fishing communities said their catches had declined sharply over the past decade.
        [water] The melting is contributing to rising sea levels and threatens water supplies for downstream communities.
        [air] The authorities urged residents to stay indoors and wear masks when going outside.
        [sea] {W} said the reef near {W_his} village had turned white within a few weeks.
        [plastic] Plastic waste makes up the bulk of the litter collected on the country's beaches, according to volunteer groups.
        [water] The study combined satellite data with field measurements taken over {years}.
        [air] Emissions from traffic, industry and crop burning are the main sources of the pollution.
        [air] Visibility in parts of the city fell to less than {n} hundred meters, disrupting flights.
        [air] Hospitals reported a rise in patients with breathing difficulties, particularly children and the elderly.
        [air] Authorities ordered construction sites to halt work and limited the use of private cars.
        [plastic] Producers of plastic packaging said the ban would cost jobs and called for a longer transition period.
        [plastic] Shops that break the rules face fines of up to {money}, according to the regulation.
        [plastic] Similar bans in neighboring countries have cut the use of plastic bags by more than half.
        [sea] The area is home to more than {n} hundred species of fish, as well as turtles, dolphins and sharks.
        [sea] Scientists warned that reefs need years of cooler water to recover from severe bleaching.
        [sea] Patrol boats and satellite monitoring will be used to enforce the restrictions.
        [water] Downstream communities rely on the rivers for drinking water, farming and fishing.
        [water] The researchers said the trend was likely to accelerate unless emissions were cut sharply.
        [water] Drainage for farming and urban expansion have destroyed large areas of wetland over the past century.
        '''),
        _lines('''
        Nature is sending us a clear warning
        Protecting wetlands is protecting our own future
        We owe it to our children to act now
        The science is clear, and the time for excuses is over
        Local communities must be at the heart of conservation efforts
        '''),
        ("IUCN", "UNEP", "WMO"),
        (("gov", "Environment Minister"), ("org", ""), ("inst", "")),
        "Environment Ministry", "scientist", "fisherman", "", "PQQRW", 6,
    ),
)

_TOPIC_WEIGHTS = tuple((t, t.weight) for t in TOPICS)
_HEADLINES = {t.name: t.headlines for t in TOPICS}
_BODIES = {(t.name, tag): _tagged_pool(t.body, tag) for t in TOPICS for tag in {p[2] for p in t.pairs}}
TOPIC_BY_NAME = {t.name: t for t in TOPICS}

_COMMODITIES = ("crude oil", "soybeans", "steel", "copper", "wheat", "natural gas", "coffee", "cocoa", "aluminum",
                "rice", "palm oil", "iron ore", "corn", "cotton", "sugar", "solar panels", "electric vehicles", "beef")
_DISEASES = ("dengue fever", "measles", "cholera", "influenza", "malaria", "mpox", "tuberculosis", "diphtheria",
             "hepatitis A", "meningitis")
_SECTORS = ("services", "construction", "retail", "health care", "leisure and hospitality", "transport",
            "professional services", "education", "financial services", "manufacturing")
_QUARTERS = ("the first quarter", "the second quarter", "the third quarter", "the fourth quarter")
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "10th", "11th", "12th")
_NUM_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
AP_MONTHS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
AFP_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SECTIONS = {"World": ("World",), "Business": ("Business", "Economy"), "Health": ("Health", "World"),
             "Sci-Tech": ("Sci-Tech", "Science"), "Sports": ("Sports",)}
_EDITORS = ("anglo", "anglo", "french", "german", "indian", "hispanic", "italian", "nordic")


# --------------------------------------------------------------------------------------
# Slot resolution
# --------------------------------------------------------------------------------------

_PRONOUNS = {False: ("he", "He", "his", "him"), True: ("she", "She", "her", "her")}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _bare(s: str) -> str:
    return s[4:] if s.startswith("the ") else s


class _Ctx(dict):
    """Slot values of one story. Missing keys are resolved by `_SLOTS` on first use."""

    def __init__(self, rng: random.Random, agency: Agency, topic: Topic, country: Country, city: str,
                 dt: datetime | None, allow_euro: bool):
        super().__init__()
        self.rng = rng
        self.rand = rng.random
        self.agency = agency
        self.pct_unit = "%" if agency.percent == "%" else " " + agency.percent
        self.quotes = topic.quotes
        self.last_quote = ""
        self.quote_cursor: _Cursor | None = None
        self.topic = topic
        self.country = country
        self.country2: Country | None = None
        self.city = city
        self.dt = dt
        self.allow_euro = allow_euro
        self.persons: dict[str, Person] = {}
        self.mentioned: set[str] = set()
        self.speaker = "P"
        self.org: Org | None = None
        self.company: tuple[str, str] | None = None
        self.people: dict[str, None] = {}
        self.orgs: dict[str, None] = {}
        self.places: dict[str, None] = {city: None}
        self.headline_mode = False
        self.sticky = False
        self.sticky_keys: list[str] = []
        self.curly = False
        self.dash = "--"
        self.t_end = dt
        self.body: tuple[str, ...] = ()
        self.lead = ""
        # the day things happened: the publication day, or the day before
        if dt is not None:
            wd = dt.weekday() if rng.random() < 0.8 else (dt.weekday() - 1) % 7
        else:
            wd = int(rng.random() * 7)
        self.weekday = _WEEKDAYS[wd]
        self["day"] = self.weekday if agency.name == "AP" else "on " + self.weekday
        self["city"] = city
        self["adj"] = self["Adj"] = country.adj
        self["region"] = country.region
        self["agency_name"] = agency.long_name

    def __missing__(self, key: str) -> str:
        value = _SLOTS[key](self)
        if self.sticky and key in _STICKY:  # (only while a headline and its lead are filled)
            self[key] = value
            self.sticky_keys.append(key)
        return value

    def unstick(self) -> None:
        self.sticky = False
        for key in self.sticky_keys:
            self.pop(key, None)
        self.sticky_keys.clear()

    def fill(self, template: str) -> str:
        return template.format_map(self)

    # -- entities ---------------------------------------------------------------------
    def get_country2(self) -> Country:
        c2 = self.country2
        if c2 is None:
            while True:
                c2 = _pick(self.rng, COUNTRIES)
                if c2 is not self.country:
                    break
            self.country2 = c2
        return c2

    def get_org(self) -> Org:
        if self.org is None:
            self.org = ORGS[_pick(self.rng, self.topic.orgs)]
        return self.org

    def get_company(self) -> tuple[str, str]:
        if self.company is None:
            rng = self.rng
            sector = self.topic.co_sector or _pick(rng, _CO_SECTORS)
            short = _pick(rng, _CO_A)
            self.company = (f"{short} {_pick(rng, _CO_B[sector])}", short)
            self.orgs[self.company[0]] = None
        return self.company

    def person(self, key: str) -> Person:
        p = self.persons.get(key)
        if p is None:
            p = self.persons[key] = _make_person(self, key)
            self.people[p.name] = None
        return p

    def ref(self, key: str) -> str:
        """First mention: title and full name; later: the family name (then cached as
        the slot's value, with the pronouns)."""
        p = self.person(key)
        if key in self.mentioned:
            return p.last
        self.mentioned.add(key)
        pro = _PRONOUNS[p.female]
        self[key] = self[key + "_last"] = p.last
        self[key + "_he"] = pro[0]
        self[key + "_his"] = pro[2]
        return p.full

    def pronoun(self, key: str, form: int) -> str:
        if key in self.mentioned:
            return _PRONOUNS[self.person(key).female][form]
        return self.ref(key)

    def place(self, name: str) -> str:
        self.places[_bare(name)] = None
        return name


def _name_pool(ctx: _Ctx, country: Country) -> str:
    return country.names if ctx.rng.random() < 0.85 else _pick(ctx.rng, _NAME_POOLS)


def _new_name(ctx: _Ctx, pool: str) -> tuple[str, str, bool]:
    """A name whose family name no other person in the story has ("Wafula said" must be
    unambiguous)."""
    name = _make_name(ctx.rng, pool)
    if ctx.persons:  # compare last words too: "Cruz" and "Dela Cruz" would read alike
        taken = [p.last.rsplit(" ", 1)[-1] for p in ctx.persons.values()]
        for _ in range(8):
            if name[1].rsplit(" ", 1)[-1] not in taken:
                break
            name = _make_name(ctx.rng, pool)
    return name


def _make_person(ctx: _Ctx, key: str) -> Person:
    rng = ctx.rng
    topic = ctx.topic
    country = ctx.country
    if key == "P" or key == "P2":
        kind, title = _pick(rng, topic.p_roles)
        if key == "P2":  # the counterpart from the other country
            country = ctx.get_country2()
            if kind not in ("gov", "sport"):
                kind, title = "gov", "Foreign Minister" if topic.name == "diplomacy" else "Minister"
            if kind == "gov" and topic.name == "diplomacy" and rng.random() < 0.5:
                title = "Foreign Minister"
        if kind == "org":
            org = ctx.get_org()
            name, last, female = _new_name(ctx, _pick(rng, _NAME_POOLS))
            ctx.orgs[_bare(org.long)] = None
            return Person(name, last, female, f"{org.short} {org.head} {name}")
        name, last, female = _new_name(ctx, _name_pool(ctx, country))
        if kind == "gov":
            if title == "@leader":
                title = country.leader
            return Person(name, last, female, f"{country.adj} {title} {name}")
        if kind == "corp":
            company = ctx.get_company()[0]
            return Person(name, last, female, f"{company} {title} {name}")
        if kind == "sport":
            return Person(name, last, female, f"{country.adj} {title} {name}")
        if kind == "party":
            party = ctx["party"]
            return Person(name, last, female, f"{party} leader {name}")
        # inst
        role = _pick(rng, _UNI_ROLES)
        uni = f"University of {ctx.city}"
        ctx.orgs[uni] = None
        return Person(name, last, female, f"{uni} {role} {name}")
    name, last, female = _new_name(ctx, _name_pool(ctx, country))
    if key == "Q":
        kind = topic.q_kind
        if kind in ("researcher", "scientist"):
            uni = f"University of {_pick(rng, country.cities)}"
            ctx.orgs[uni] = None
            return Person(name, last, female, f"{uni} {kind} {name}")
        if kind == "doctor":
            return Person(name, last, female, f"{ctx.city} doctor {name}")
        if kind == "commentator":
            return Person(name, last, female, f"{country.adj} television commentator {name}")
        inst = _bare(_pick(rng, _INSTITUTES))
        ctx.orgs[inst] = None
        role = kind if kind != "analyst" else _pick(rng, _INSTITUTE_ROLES)
        return Person(name, last, female, f"{inst} {role} {name}")
    if key == "R":
        ministry = f"{country.adj} {topic.ministry}"
        ctx.orgs[ministry] = None
        return Person(name, last, female, f"{ministry} spokesperson {name}")
    # W: a witness / member of the public
    return Person(name, last, female, f"{ctx.city} {topic.w_role} {name}")


def _scaled(x: float) -> str:
    """1_234_000_000 -> '1.2 billion'."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if x >= size:
            v = x / size
            return f"{v:,.0f} {word}" if v >= 100 else f"{v:.1f} {word}".replace(".0 ", " ")
    return f"{round(x, -3):,.0f}"


def _money(ctx: _Ctx) -> str:
    rng = ctx.rng
    usd = (_ri(rng, 12, 950) * 1e6) if rng.random() < 0.4 else (_ri(rng, 11, 950) * 1e8)
    country = ctx.country
    agency = ctx.agency.name
    if country.euro and agency in ("dpa", "AFP", "Reuters") and rng.random() < 0.7:
        amount = _scaled(usd / 1.1)
        return f"\u20ac{amount}" if ctx.allow_euro and rng.random() < 0.5 else f"{amount} euros"
    if country.currency and rng.random() < 0.3 and usd / USD_RATES[country.name] < 1e14:
        local = f"{_scaled(usd / USD_RATES[country.name])} {country.currency}"
        if agency == "Xinhua" and rng.random() < 0.5:
            return f"{local} (about {_scaled(usd)} U.S. dollars)"
        return local
    if agency == "Xinhua":
        return f"{_scaled(usd)} U.S. dollars"
    return f"${_scaled(usd)}"


def _quote(ctx: _Ctx) -> str:
    """The topic's quotes in a per-story order: no quote twice until all were used."""
    cur = ctx.quote_cursor
    if cur is None:
        cur = ctx.quote_cursor = _Cursor(ctx.quotes, ctx.rand)
    q = cur.next()
    if q is None:
        q = ctx.quotes[int(ctx.rand() * len(ctx.quotes))]
    ctx.last_quote = q
    return q


def _quote2(ctx: _Ctx) -> str:
    """Another quote than the one just used."""
    first = ctx.last_quote
    q = _quote(ctx)
    if q == first:
        quotes = ctx.quotes
        q = ctx.last_quote = quotes[(quotes.index(q) + 1) % len(quotes)]
    return q


_YEARS = tuple(f"{_NUM_WORDS[k - 2] if k < 10 else k} years" for k in range(2, 16))


def _years(ctx: _Ctx) -> str:
    return _YEARS[int(ctx.rand() * len(_YEARS))]


def _n_people(ctx: _Ctx) -> str:
    rng = ctx.rng
    x = _ri(rng, 12, 2500) * (10 if rng.random() < 0.6 else 100)
    return f"{x:,} people"


def _in_month(ctx: _Ctx) -> str:
    if ctx.dt is None:
        return "last month"
    return "in " + MONTHS[ctx.dt.month - 2]  # the previous month (index -1 wraps to December)


def _hmonth(ctx: _Ctx) -> str:
    return "past month" if ctx.dt is None else MONTHS[ctx.dt.month - 2]


def _in_year_past(ctx: _Ctx) -> str:
    if ctx.dt is None:
        return "several years ago"
    return f"in {ctx.dt.year - _ri(ctx.rng, 1, 9)}"


def _year_future(ctx: _Ctx) -> str:
    if ctx.dt is None:
        return "the next decade"
    return str(ctx.dt.year + _ri(ctx.rng, 2, 12))


def _day(ctx: _Ctx) -> str:
    return ctx.weekday if ctx.agency.name == "AP" else "on " + ctx.weekday


def _country2(ctx: _Ctx) -> str:
    c2 = ctx.get_country2()
    ctx.places[_bare(c2.name)] = None
    ctx["country2"] = c2.name
    return c2.name


def _city2(ctx: _Ctx) -> str:
    cities = ctx.country.cities
    c = _pick(ctx.rng, cities)
    if c == ctx.city and len(cities) > 1:
        c = cities[(cities.index(c) + 1) % len(cities)]
    ctx.places[c] = None
    ctx["city2"] = c
    return c


def _org_ref(ctx: _Ctx) -> str:
    org = ctx.get_org()
    if "org" in ctx.mentioned:
        return org.ref
    ctx.mentioned.add("org")
    ctx.orgs[_bare(org.long)] = None
    ctx["org"] = org.ref
    ctx["Org"] = _cap(org.ref)
    return f"{org.long} ({org.short})" if org.abbr else org.long


def _ministry(ctx: _Ctx) -> str:
    if "ministry" in ctx.mentioned:
        return "the ministry"
    ctx.mentioned.add("ministry")
    ctx["ministry"] = "the ministry"
    ctx["Ministry"] = "The ministry"
    m = f"{ctx.country.adj} {ctx.topic.ministry}"
    ctx.orgs[m] = None
    return "the " + m


def _company(ctx: _Ctx) -> str:
    return ctx.get_company()[0]


def _cached(key: str, fn: Callable[[_Ctx], str]) -> Callable[[_Ctx], str]:
    def resolve(ctx: _Ctx) -> str:
        value = ctx[key] = fn(ctx)
        return value
    return resolve


def _country_slot(ctx: _Ctx) -> str:
    ctx["country"] = ctx.place(ctx.country.name)
    return ctx.country.name


# number slots that keep their first value while a headline and its lead are filled
_STICKY = frozenset({"jobs", "pct", "pct_big", "money", "n_small", "n_k", "n_word", "magnitude", "temp", "score",
                     "mw", "ordinal", "years", "year_future", "months_n", "n_people", "quarter", "hours_n", "bpd",
                     "oil_price", "kmh", "km_sq", "tcf", "n_injured"})

_SLOTS: dict[str, Callable[[_Ctx], str]] = {
    # people (first mention: title and full name; then the family name)
    "P": lambda c: c.ref("P"),
    "P_last": lambda c: c.person("P").last if c.headline_mode else c.ref("P"),
    "P_he": lambda c: c.pronoun("P", 0),
    "P_his": lambda c: c.pronoun("P", 2) if "P" in c.mentioned else "the",
    "P2": lambda c: c.ref("P2"),
    "P2_last": lambda c: c.person("P2").last if c.headline_mode else c.ref("P2"),
    "Q": lambda c: c.ref("Q"),
    "R": lambda c: c.ref("R"),
    "W": lambda c: c.ref("W"),
    "W_he": lambda c: c.pronoun("W", 0),
    "W_his": lambda c: c.pronoun("W", 2) if "W" in c.mentioned else "the",
    "S": lambda c: c.ref(c.speaker),
    "S_he": lambda c: c.pronoun(c.speaker, 0),
    "S_his": lambda c: c.pronoun(c.speaker, 2) if c.speaker in c.mentioned else "the",
    # organisations
    "org": _org_ref,
    "Org": lambda c: _cap(_org_ref(c)),
    "org_short": lambda c: c.get_org().short,
    "ministry": _ministry,
    "Ministry": lambda c: _cap(_ministry(c)),
    "company": _company,
    "Company": _company,
    "company_short": lambda c: c.get_company()[1],
    "party": _cached("party", lambda c: _pick(c.rng, _PARTIES)),
    "court": lambda c: _pick(c.rng, _COURTS),
    "stat_office": _cached("stat_office", lambda c: c.country.stat_office),
    "agency_name": lambda c: c.agency.long_name,
    # places
    "country": _country_slot,
    "Country": lambda c: _cap(_country_slot(c)),
    "hcountry": _cached("hcountry", lambda c: c.place(c.country.short) and c.country.short),
    "adj": _cached("adj", lambda c: c.country.adj),
    "Adj": _cached("Adj", lambda c: c.country.adj),
    "country2": _country2,
    "Country2": lambda c: _cap(_country2(c)),
    "hcountry2": _cached("hcountry2", lambda c: c.place(c.get_country2().short)),
    "adj2": _cached("adj2", lambda c: c.get_country2().adj),
    "city": lambda c: c.city,
    "city2": _city2,
    "region": _cached("region", lambda c: c.country.region),
    # things
    "commodity": _cached("commodity", lambda c: _pick(c.rng, _COMMODITIES)),
    "commodity_cap": lambda c: _cap(c["commodity"]),
    "disease": _cached("disease", lambda c: _pick(c.rng, _DISEASES)),
    "sector": lambda c: _pick(c.rng, _SECTORS),
    # time
    "day": _day,
    "in_month": _in_month,
    "since_month": lambda c: "since last month" if c.dt is None else "since " + MONTHS[c.dt.month - 2],
    "hmonth": _hmonth,
    "in_year_past": _in_year_past,
    "year_future": _year_future,
    "quarter": lambda c: _QUARTERS[int(c.rand() * 4)],
    "years": _years,
    "months_n": lambda c: f"{_pick(c.rng, ('two', 'three', 'six', 'nine', 'four'))} months",
    "hours_n": lambda c: _pick(c.rng, ("two", "three", "four", "five", "six")),
    # numbers
    "ordinal": lambda c: _ORDINALS[int(c.rand() * len(_ORDINALS))],
    "n": lambda c: str(3 + int(c.rand() * 38)),
    "n_small": lambda c: str(2 + int(c.rand() * 59)),
    "n_word": lambda c: _NUM_WORDS[int(c.rand() * 8)],
    "n_k": lambda c: f"{(12 + int(c.rand() * 589)) * 100:,}",
    "n_injured": lambda c: str(_ri(c.rng, 5, 150)),
    "n_people": _n_people,
    "n_digit": lambda c: str(int(c.rng.random() * 10)),
    "jobs": lambda c: f"{_ri(c.rng, 8, 420) * 1000:,} jobs",
    "pct": lambda c: f"{(1 + int(c.rand() * 99)) / 10}{c.pct_unit}",
    "pct_big": lambda c: f"{10 + int(c.rand() * 66)}{c.pct_unit}",
    "money": _money,
    "km": lambda c: f"{_ri(c.rng, 20, 2000):,} km",
    "km_small": lambda c: f"{_ri(c.rng, 2, 80)} km",
    "km_sq": lambda c: f"{_ri(c.rng, 5, 900) * 100:,} square km",
    "kmh": lambda c: f"{_ri(c.rng, 12, 26) * 10} km per hour",
    "temp": lambda c: f"{_ri(c.rng, 38, 49)} degrees Celsius",
    "magnitude": lambda c: f"{_ri(c.rng, 40, 79) / 10}",
    "score": lambda c: f"{_ri(c.rng, 1, 4)}-{_ri(c.rng, 0, 1)}",
    "mw": lambda c: f"{_ri(c.rng, 2, 300) * 10:,} megawatts",
    "bpd": lambda c: f"{_ri(c.rng, 5, 30) / 10} million barrels per day",
    "tcf": lambda c: f"{_ri(c.rng, 5, 120) / 10} trillion cubic feet",
    "oil_price": lambda c: f"${_ri(c.rng, 4500, 11000) / 100:.2f}",
    "gold_price": lambda c: f"${_ri(c.rng, 110000, 260000) / 100:,.2f}",
    "minute": lambda c: f"{_ri(c.rng, 50, 89)}th",
    # words
    "quote": _quote,
    "quote2": _quote2,
    "addendum": lambda c: ADDENDA[int(c.rand() * len(ADDENDA))],
}


# --------------------------------------------------------------------------------------
# The story model
# --------------------------------------------------------------------------------------


@dataclass(slots=True)
class WireStory:
    """One version of one story, format-neutral. Renderers turn it into file bytes."""

    index: int  # position in the generated stream (file index of its first version)
    story_key: str  # shared by every version of the story
    version: int  # 1, 2, 3 (writethrus)
    agency: str  # Xinhua | AP | Reuters | AFP | dpa
    topic: str
    section: str  # site section (navigation)
    slug: str  # desk slug as printed before the headline ("Urgent: ", "" ...)
    headline: str  # without the slug
    city: str  # dateline city (in the story's country)
    country: str
    dateline: str  # in the agency's style, e.g. "BEIJING, Feb. 2 (Xinhua) --"
    published: datetime | None  # UTC; None: the file carries no date at all
    paragraphs: list[str]  # body, without the dateline
    people: list[str]  # names as they appear in the text
    orgs: list[str]
    places: list[str]
    related: list[str] = field(default_factory=list)  # other headlines (page ticker), slugs included
    encoding: str = "utf-8"  # utf-8 | utf-8-sig | cp1252 | latin-1
    style_seed: int = 0  # 64 random bits: a renderer's layout choices
    ctx: Any = field(default=None, repr=False, compare=False)  # slot state, for writethrus

    @property
    def full_headline(self) -> str:
        return self.slug + self.headline

    @property
    def kind(self) -> str | None:
        return self.slug.rstrip(": ") or None

    def file_stem(self, index: int, width: int = 6) -> str:
        return _stem(AGENCY_BY_NAME[self.agency].key, self.published, index, width)


def _stem(agency_key: str, dt: datetime | date | None, index: int, width: int) -> str:
    if dt is None:
        return f"{agency_key}-{index:0{width}d}"
    return f"{agency_key}-{dt.year:04d}-{dt.month:02d}-{dt.day:02d}-{index:0{width}d}"


@lru_cache(maxsize=64)
def _window(start: date | None, end: date | None) -> tuple[datetime, int]:
    start = start or DEFAULT_START
    end = end or DEFAULT_END
    if end < start:
        raise ValueError(f"end {end} is before start {start}")
    t0 = datetime.combine(start, time(0, 0), tzinfo=timezone.utc)
    minutes = ((end - start).days + 1) * 1440
    return t0, minutes


def make_dateline(agency: str, city: str, dt: datetime | None, dash: str = "--") -> str:
    """The agency's dateline for `city` (and date, for the agencies that print one)."""
    if agency == "Xinhua":
        if dt is None:
            return f"{city.upper()} (Xinhua) --"
        return f"{city.upper()}, {AP_MONTHS[dt.month - 1]} {dt.day} (Xinhua) --"
    if agency == "AP":
        state = AP_STATES.get(city)
        place = f"{city.upper()}, {state}" if state else city.upper()
        return f"{place} (AP) {dash}"
    if agency == "Reuters":
        return f"{city.upper()} (Reuters) -"
    if agency == "AFP":
        if dt is None:
            return f"{city.upper()} (AFP) -"
        return f"{city.upper()}, {AFP_MONTHS[dt.month - 1]} {dt.day}, {dt.year} (AFP) -"
    if agency == "dpa":
        return f"{city} (dpa) -"
    raise ValueError(f"unknown agency {agency!r}")


_STEPS: dict[int, tuple[int, ...]] = {}


class _Cursor:
    """A story's walk through one template pool: a random start and a random stride
    coprime to the pool size, so no template repeats until the pool is spent (cheaper
    than drawing and remembering used ones)."""

    __slots__ = ("pool", "n", "pos", "step", "left")

    def __init__(self, pool: Sequence[str], rand: Callable[[], float]):
        n = self.n = self.left = len(pool)
        self.pool = pool
        self.pos = int(rand() * n)
        steps = _STEPS.get(n)
        if steps is None:
            steps = _STEPS[n] = tuple(k for k in range(1, max(n, 2)) if gcd(k, n) == 1) or (1,)
        self.step = steps[int(rand() * len(steps))]

    def next(self) -> str | None:
        if not self.left:
            return None
        self.left -= 1
        self.pos = p = (self.pos + self.step) % self.n
        return self.pool[p]


def _sentence(ctx: _Ctx, pool: Sequence[str]) -> str:
    """A filled template drawn from pool."""
    return pool[int(ctx.rand() * len(pool))].format_map(ctx)


_FORMATTER = string.Formatter()
_SLOT_WORDS = {"quote": 11, "quote2": 11, "addendum": 9, "P": 3, "P2": 3, "Q": 4, "R": 4, "W": 3, "S": 3,
               "org": 3, "Org": 3, "money": 2, "ministry": 3, "Ministry": 3}


def _template_words(t: str) -> int:
    """About how many words a filled template has."""
    n = _WORDS.get(t)
    if n is None:
        n = t.count(" ") + 1
        for _, slot, _, _ in _FORMATTER.parse(t):
            if slot is not None:
                n += _SLOT_WORDS.get(slot, 1)
        _WORDS[t] = n
    return n


for _pool in (QUOTE_WRAPPERS, GENERAL_BODY, GENERAL_CLOSERS, *(t.body for t in TOPICS)):
    for _t in _pool:
        _t = _t.partition("] ")[2] if _t.startswith("[") else _t
        _template_words(_t)
        if "{" not in _t:
            _CONSTANT[_t] = _t


def _paragraph(ctx: _Ctx, kind: str) -> str:
    """One paragraph of 30-80 words: a sentence of `kind`, then body sentences."""
    rand = ctx.rand
    if kind == "lead":
        t = ctx.lead
        first = t.format_map(ctx)
        ctx.unstick()
    else:
        if kind == "quote":
            sp = ctx.topic.speakers
            sp = sp[int(rand() * len(sp))]
            ctx.speaker = "P2" if sp == "2" else sp
            cur = ctx.cur_quote
        elif kind == "general":
            cur = ctx.cur_general
        elif kind == "closer":
            cur = ctx.cur_closer
        else:
            cur = ctx.cur_body
        t = cur.next() or ctx.cur_general.next() or cur.pool[int(rand() * cur.n)]
        first = _CONSTANT.get(t) or t.format_map(ctx)
    words = first.count(" ") + 1
    target = 30 + int(rand() * 51)
    if words >= target:
        return first
    parts = [first]
    body = ctx.cur_body
    general = ctx.cur_general
    words_of = _WORDS
    constant = _CONSTANT
    n_parts = 1
    while words < target and words <= 68 and n_parts < 4:
        if rand() < 0.8 and body.left:  # (_Cursor.next, inlined for the common case)
            body.left -= 1
            body.pos = pos = (body.pos + body.step) % body.n
            t = body.pool[pos]
        else:
            t = general.next() or body.next()
        if t is None or words + words_of[t] > 84:  # (a paragraph stays under ~85 words)
            break
        text = constant.get(t) or t.format_map(ctx)
        w = text.count(" ") + 1
        if words + w > 86:
            break
        parts.append(text)
        n_parts += 1
        words += w
    return " ".join(parts)


def _body_kind(rng: random.Random) -> str:
    x = rng.random()
    return "body" if x < 0.54 else "quote" if x < 0.89 else "general"


def _as_printed(ctx: _Ctx, names: dict[str, None]) -> list[str]:
    """Entity names as the text prints them (typographic apostrophes in curly style)."""
    if ctx.curly:
        return [n.replace("'", "\u2019") for n in names]
    return list(names)


def _curly(text: str) -> str:
    if '"' in text:
        parts = text.split('"')
        out = [parts[0]]
        for i, part in enumerate(parts[1:]):
            out.append("\u201c" if i % 2 == 0 else "\u201d")
            out.append(part)
        text = "".join(out)
    return text.replace("'", "\u2019")


def _related(rng: random.Random, dt: datetime | None) -> list[str]:
    """4-10 headlines of other stories (a page's ticker)."""
    out = []
    ctx = None
    for _ in range(_ri(rng, 4, 10)):
        agency = _weighted(rng, _AGENCY_WEIGHTS)
        topic = _weighted(rng, _TOPIC_WEIGHTS)
        country = _pick(rng, COUNTRIES)
        if ctx is None:
            ctx = _Ctx(rng, agency, topic, country, country.cities[0], dt, True)
            ctx.headline_mode = True
        else:
            ctx.clear()
            ctx.agency, ctx.topic, ctx.country, ctx.city = agency, topic, country, country.cities[0]
            ctx.quotes = topic.quotes
            ctx.quote_cursor = None
            ctx.pct_unit = "%" if agency.percent == "%" else " " + agency.percent
            ctx.country2 = ctx.org = ctx.company = None
            ctx.persons.clear()
            ctx.mentioned.clear()
        head = _sentence(ctx, _HEADLINES[topic.name])
        if rng.random() < 0.2:
            head = _weighted(rng, _TICKER_SLUGS) + head
        out.append(head)
    return out


def _pick_encoding(rng: random.Random) -> str:
    x = rng.random()
    if x < P_CP1252:
        return "cp1252"
    if x < P_CP1252 + P_LATIN1:
        return "latin-1"
    if x < P_CP1252 + P_LATIN1 + P_BOM:
        return "utf-8-sig"
    return "utf-8"


def make_story(rng: random.Random, index: int, *, start: date | None = None, end: date | None = None,
               dated: bool | None = None, encoding: str | None = None,
               related: Sequence[str] | None = None) -> WireStory:
    """Draw one new story (version 1) dated within [start, end].

    `dated` / `encoding` force a variant (None: draw it: 2% undated; 2% cp1252, 1% latin-1,
    1% UTF-8 with BOM). `related` gives the page ticker's headlines; None draws 4-10
    fresh ones for 70% of stories (generate() passes recent headlines instead)."""
    t0, minutes = _window(start, end)
    agency = _weighted(rng, _AGENCY_WEIGHTS)
    topic = _weighted(rng, _TOPIC_WEIGHTS)
    if dated is None:
        dated = rng.random() >= P_UNDATED
    if encoding is None:
        encoding = _pick_encoding(rng)
    if topic.countries:
        country = COUNTRY_BY_NAME[_pick(rng, topic.countries)]
    elif rng.random() < agency.home_share:
        country = COUNTRY_BY_NAME[agency.home]
    else:
        country = _pick(rng, COUNTRIES)
    cities = country.cities
    city = cities[0] if rng.random() < 0.45 else _pick(rng, cities)
    dt = t0 + timedelta(minutes=int(rng.random() * minutes)) if dated else None
    latin1 = encoding == "latin-1"
    ctx = _Ctx(rng, agency, topic, country, city, dt, allow_euro=not latin1)
    ctx.curly = (not latin1) and rng.random() < 0.15
    ctx.dash = "\u2014" if agency.name == "AP" and not latin1 and rng.random() < 0.2 else "--"
    ctx.t_end = t0 + timedelta(minutes=minutes - 1)

    head_tpl, ctx.lead, tag = _pick(rng, topic.pairs)
    ctx.body = _BODIES[(topic.name, tag)]
    rand = ctx.rand
    ctx.cur_body = _Cursor(ctx.body, rand)
    ctx.cur_general = _Cursor(GENERAL_BODY, rand)
    ctx.cur_quote = _Cursor(QUOTE_WRAPPERS, rand)
    ctx.cur_closer = _Cursor(GENERAL_CLOSERS, rand)
    ctx.headline_mode = ctx.sticky = True
    headline = ctx.fill(head_tpl)
    ctx.headline_mode = False
    ctx.mentioned.clear()  # the body introduces everyone in full
    slug = _weighted(rng, DESK_SLUGS)

    credit = agency.name == "Reuters" and rng.random() < 0.8
    n_par = _ri(rng, 3, 10 - credit)
    paragraphs = [_paragraph(ctx, "lead")]
    has_quote = False
    for k in range(1, n_par):
        if k == n_par - 1 and not has_quote:
            kind = "quote"
        elif k == n_par - 1 and n_par > 3 and rng.random() < 0.25:
            kind = "closer"
        else:
            kind = _body_kind(rng)
        has_quote = has_quote or kind == "quote"
        paragraphs.append(_paragraph(ctx, kind))
    if credit:
        paragraphs.append(_reuters_credit(ctx))
    if ctx.curly:
        paragraphs = [_curly(p) for p in paragraphs]

    if related is None:
        related = _related(rng, dt) if rng.random() < 0.70 else []
    else:
        related = list(related)
    if dt is not None:
        key = f"{agency.key}-{dt.year:04d}{dt.month:02d}{dt.day:02d}-{rng.getrandbits(40):010x}"
    else:
        key = f"{agency.key}-{rng.getrandbits(40):010x}"
    return WireStory(
        index=index,
        story_key=key,
        version=1,
        agency=agency.name,
        topic=topic.name,
        section=_pick(rng, _SECTIONS[topic.section]),
        slug=slug,
        headline=headline,
        city=city,
        country=_bare(country.name),
        dateline=make_dateline(agency.name, city, dt, ctx.dash),
        published=dt,
        paragraphs=paragraphs,
        people=_as_printed(ctx, ctx.people),
        orgs=_as_printed(ctx, ctx.orgs),
        places=_as_printed(ctx, ctx.places),
        related=related,
        encoding=encoding,
        style_seed=rng.getrandbits(64),
        ctx=ctx,
    )


def _reuters_credit(ctx: _Ctx) -> str:
    rng = ctx.rng
    reporter = _make_name(rng, _name_pool(ctx, ctx.country))[0]
    editors = [_make_name(rng, _pick(rng, _EDITORS))[0] for _ in range(_ri(rng, 1, 2))]
    for name in (reporter, *editors):
        ctx.people[name] = None
    extra = ""
    if rng.random() < 0.3:
        extra = f"; Additional reporting by {_make_name(rng, _pick(rng, _EDITORS))[0]}"
        ctx.people[extra.rsplit(' by ', 1)[1]] = None
    return f"(Reporting by {reporter} in {ctx.city}{extra}; Editing by {' and '.join(editors)})"


def make_writethru(rng: random.Random, story: WireStory, related: Sequence[str] | None = None) -> WireStory:
    """The next version of `story`: same key and headline text, a writethru slug, one
    more paragraph, a later time. `story` must come from make_story/make_writethru."""
    ctx: _Ctx | None = story.ctx
    if ctx is None:
        raise ValueError("make_writethru needs a story drawn by make_story (it carries its slot state)")
    ctx.rng = rng
    ctx.rand = rng.random
    version = story.version + 1
    slug = _pick(rng, WRITETHRU_SLUGS.get(version, (f"{version - 1}th LD Writethru: ",)))
    dt = story.published
    if dt is not None:
        dt = min(dt + timedelta(minutes=_ri(rng, 15, 240)), max(ctx.t_end, dt))
    paragraphs = list(story.paragraphs)
    credit = paragraphs.pop() if paragraphs[-1].startswith("(Reporting by") else None
    extra = _paragraph(ctx, "quote" if rng.random() < 0.5 else "body")
    if ctx.curly:
        extra = _curly(extra)
    paragraphs.insert(_ri(rng, 1, len(paragraphs)), extra)
    if credit:
        paragraphs.append(credit)
    if related is None:
        related = _related(rng, dt) if rng.random() < 0.70 else []
    else:
        related = list(related)
    return replace(
        story,
        version=version,
        slug=slug,
        published=dt,
        dateline=make_dateline(story.agency, story.city, dt, ctx.dash),
        paragraphs=paragraphs,
        people=_as_printed(ctx, ctx.people),
        orgs=_as_printed(ctx, ctx.orgs),
        places=_as_printed(ctx, ctx.places),
        related=related,
        style_seed=rng.getrandbits(64),
    )


# --------------------------------------------------------------------------------------
# Renderers
# --------------------------------------------------------------------------------------

_LATIN1_FALLBACK = str.maketrans({
    "\u2022": "\u00b7", "\u20ac": "EUR ", "\u201c": '"', "\u201d": '"', "\u2019": "'", "\u2014": "--", "\u2013": "-",
})


def encode_text(text: str, encoding: str) -> bytes:
    """Encode as a file in `encoding` would be; single-byte charsets get the usual
    substitutions for characters they lack (bullet, euro sign, curly quotes)."""
    if encoding in ("utf-8", "utf-8-sig"):
        return text.encode(encoding)
    if encoding == "latin-1":
        text = text.translate(_LATIN1_FALLBACK)
    return text.encode(encoding)


def format_date(dt: datetime, style: str) -> str:
    if style == "full":
        return f"{MONTHS[dt.month - 1]} {dt.day}, {dt.year}"
    if style == "ap":
        return f"{AP_MONTHS[dt.month - 1]} {dt.day}, {dt.year}"
    if style == "dmy":
        return f"{dt.day} {MONTHS[dt.month - 1]} {dt.year}"
    if style == "iso":
        return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d} {dt.hour:02d}:{dt.minute:02d} GMT"
    raise ValueError(f"unknown date style {style!r}")


class _Bits:
    """Uniform draws in [0, 1) from the bits of a seed: a renderer's layout choices,
    cheaper than a random.Random per file. Each draw uses 8 bits (64 bits: 8 draws)."""

    __slots__ = ("v",)

    def __init__(self, seed: int):
        self.v = seed

    def random(self) -> float:
        x = (self.v & 0xFF) / 256.0
        self.v >>= 8
        return x


def render_page_text(story: WireStory) -> bytes:
    """The story as text scraped from a news site's page (see samples/text/).

    Layout: [ticker] [navigation] headline, source line, paragraphs (the first opening
    with the dateline), end marker. Layout choices come from story.style_seed."""
    r = _Bits(story.style_seed)
    agency = AGENCY_BY_NAME[story.agency]
    out = []
    if story.related:
        out.append("Off the wire\n" + TICKER_SEP.join(story.related) + TICKER_END + "\n")
    if r.random() < 0.60:
        out.append("You are here:   Home\n" if r.random() < 0.5 else f"You are here:   Home > {story.section}\n")
    if out:
        out.append("\n")
    dt = story.published
    if dt is None:
        source = f"{agency.name} Adjust font size:"
    else:
        source = f"{agency.name}, {format_date(dt, _weighted(r, agency.date_styles))} Adjust font size:"
    paragraphs = story.paragraphs
    out.append(f"{story.slug}{story.headline}\n\n{source}\n\n{story.dateline} ")
    out.append("\n\n".join(paragraphs))
    if agency.name == "Xinhua":
        out.append(" Endit" if r.random() < 0.6 else " Endit\n")
    else:
        markers = agency.end_markers
        marker = markers[0] if r.random() < 0.75 else _pick(r, markers + ("ENDS", "###"))
        out.append(f"\n\n{marker}\n" if r.random() < 0.8 else f"\n{marker}\n")
    return encode_text("".join(out), story.encoding)


RENDERERS: dict[str, Callable[[WireStory], bytes]] = {"page_text": render_page_text}  # completed at the end
EXTENSIONS: dict[str, str] = {"page_text": ".txt"}


# --------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------

FORMATS = ("page_text", "html", "nitf", "newsml_g2", "newsml12", "ninjs", "anpa", "iptc7901", "warc", "feeds",
           "containers")
# Share of new stories per format (among the formats asked for).
FORMAT_WEIGHTS = {"page_text": 12, "html": 12, "nitf": 10, "newsml_g2": 9, "newsml12": 5, "ninjs": 10, "anpa": 7,
                  "iptc7901": 6, "warc": 10, "feeds": 10, "containers": 9}
# Stream formats are house formats: ANPA from the US/UK wires, 7901 from the European ones.
FORMAT_AGENCIES = {"anpa": ("AP", "Reuters"), "iptc7901": ("dpa", "AFP")}
# What containers hold: files with one document each.
CONTAINED = ("page_text", "html", "nitf", "newsml_g2", "newsml12", "ninjs")
CONTAINER_KINDS = (("gzip", 50), ("zip", 25), ("tar.gz", 25))
# Stories per multi-story file (inclusive range), drawn when the file is opened.
BUNDLE_SIZES = {"newsml_g2": (1, 3), "anpa": (2, 8), "iptc7901": (2, 6), "warc": (3, 10), "feeds": (5, 20),
                "zip": (3, 12), "tar.gz": (3, 12)}
_TICKER_FORMATS = frozenset(("page_text", "html", "warc"))  # pages that show other headlines
_XML_FORMATS = ("nitf", "newsml_g2", "newsml12", "feeds")
_ARCHIVE_TIME = (2020, 1, 1, 0, 0, 0)  # zip/tar member time of undated bundles

_DATE_WORDS = re.compile(r"\b(?:%s|(?:19|20)\d\d)\b" % "|".join(MONTHS))


def _ticker(rng: random.Random, recent: deque[tuple[str, bool]], undated: bool, own: str) -> list[str]:
    """4-10 of the latest headlines, newest first, as a site's ticker shows them (not the
    page's own headline text; none that names a month or year on an undated page)."""
    k = _ri(rng, 4, 10)
    out = []
    for j in range(len(recent) - 1 - _ri(rng, 0, 6), -1, -1):
        head, has_date = recent[j]
        if (undated and has_date) or head.endswith(own):
            continue
        out.append(head)
        if len(out) == k:
            break
    return out


_O_WRITE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


def _write_file(path: str, data: bytes) -> None:
    """Plain open/write/close (no buffered file object: one syscall less per file)."""
    fd = os.open(path, _O_WRITE, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def _bad_bytes(rng: random.Random) -> bytes:
    if rng.random() < 0.4:
        return b""
    data = bytearray(rng.randbytes(_ri(rng, 64, 4096)))
    data[int(rng.random() * len(data))] = 0  # certainly not text
    return bytes(data)


def _truncated(rng: random.Random, story: WireStory, kind: str) -> tuple[bytes, str]:
    """A file cut off in transfer: 30-70% of a real rendering (XML, JSON or gzip)."""
    if kind == "gzip":
        whole = gzip.compress(render_page_text(story), 6, mtime=0)
        ext = ".txt.gz"
    else:
        fmt = kind if kind != "xml" else _pick(rng, ("nitf", "newsml_g2", "newsml12"))
        whole = RENDERERS[fmt](story)
        ext = EXTENSIONS[fmt]
    return whole[: int(len(whole) * (0.3 + 0.4 * rng.random()))], ext


def _encoding_for(rng: random.Random, fmt: str, drawn: str) -> str:
    """The charset a format is delivered in: JSON is UTF-8, ANPA cp1252, 7901 latin-1, NITF
    often ISO-8859-1; the other formats keep the story's drawn charset variant."""
    if fmt in ("ninjs", "newsml_g2", "feeds"):
        return "utf-8"
    if fmt == "anpa":
        return "cp1252"
    if fmt == "iptc7901":
        return "latin-1"
    if fmt == "nitf" and drawn == "utf-8" and rng.random() < 0.25:
        return "latin-1"
    return drawn


def _zip(members: list[tuple[str, bytes]], when: tuple[int, ...]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, date_time=when), data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _tar_gz(members: list[tuple[str, bytes]], when: tuple[int, ...]) -> bytes:
    buf = io.BytesIO()
    mtime = int(datetime(*when, tzinfo=timezone.utc).timestamp())
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), mtime, 0o644
            archive.addfile(info, io.BytesIO(data))
    return gzip.compress(buf.getvalue(), 6, mtime=0)  # (tarfile's own gzip stamps the clock)


def generate(
    n: int,
    out_dir: str | os.PathLike,
    seed: int = 0,
    formats: Sequence[str] = FORMATS,
    *,
    start: date | None = None,
    end: date | None = None,
) -> dict:
    """Write n story deliveries as raw wire files under out_dir (subfolders 0000/, 0001/ ...
    of at most 1,000 files) and return a summary.

    n counts deliveries: new stories and writethrus (`stories`), re-deliveries
    (`duplicates`) and bad files (`rejects_expected`): n == stories + duplicates +
    rejects_expected. Multi-story files (WARC, feeds, ANPA / 7901 captures, G2 messages,
    zip / tar.gz bundles) make `files` smaller than n; with single-story formats only
    (e.g. ("page_text",)) there is one file per delivery.

    Other keys: bytes (total written), files_per_format (files per kind, "bad" included),
    formats (stories per format), duplicate_files (exact byte copies of an earlier file),
    duplicate_stories (an earlier story again, in another format or file), story_keys
    (distinct stories), writethrus (versions >= 2), undated, encodings (per story),
    feed_stubs (feed items without their text: a headline and summary only).
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    formats = tuple(formats)
    if not formats:
        raise ValueError("formats is empty")
    for f in formats:
        if f not in FORMATS:
            raise ValueError(f"unknown format {f!r}; known: {list(FORMATS)}")
    # The loop makes no reference cycles (refcounting frees every story), so the cyclic
    # collector only costs time here: pause it, as it was before on the way out.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _Run(n, out_dir, seed, formats, start, end).run()
    finally:
        if gc_was_enabled:
            gc.enable()


@dataclass(slots=True)
class _Bundle:
    """A multi-story file being filled."""

    kind: str  # a BUNDLE_SIZES key
    first: int  # delivery index of its first story (names the file)
    target: int  # stories it will hold
    stories: list[WireStory] = field(default_factory=list)
    members: list[tuple[str, bytes]] = field(default_factory=list)  # zip / tar.gz


class _Run:
    """One generate() call: the rng, the open multi-story files, the counters."""

    def __init__(self, n: int, out_dir: str | os.PathLike, seed: int, formats: tuple[str, ...],
                 start: date | None, end: date | None):
        self.n, self.start, self.end = n, start, end
        self.t0, self.minutes = _window(start, end)
        self.rng = random.Random(seed)
        self.root = os.fspath(out_dir)
        os.makedirs(self.root, exist_ok=True)
        self.width = max(6, len(str(max(n - 1, 0))))
        self.dwidth = max(4, len(str(max(n - 1, 0) // FILES_PER_DIR)))
        self.formats = formats
        self.single = formats[0] if len(formats) == 1 else None
        self.by_agency = {a.name: self._weights_for(a.name) for a in AGENCIES}
        inner = tuple(f for f in formats if f in CONTAINED) or CONTAINED
        self.inner_weights = tuple((f, FORMAT_WEIGHTS[f]) for f in inner)
        self.bad_kinds = (("xml",) if any(f in _XML_FORMATS for f in formats) else ()) + \
            (("ninjs",) if "ninjs" in formats else ()) + \
            (("gzip",) if "containers" in formats or "warc" in formats else ())
        self.pending: list[tuple[int, int, WireStory, str, str | None, int]] = []  # (due, seq, story, fmt, inner, last)
        self.recent: deque[tuple[str, bool]] = deque(maxlen=TICKER_WINDOW)  # latest headlines, and whether dated
        self.reservoir: list[tuple] = []  # (story, fmt, inner, stem prefix, extension, bytes | None)
        self.seen = 0
        self.bundles: dict[tuple[str, str], _Bundle] = {}  # (kind, agency or "") -> open file
        self.file_no = 0
        self.folder = ""
        self.counts = dict(bytes=0, stories=0, duplicates=0, duplicate_files=0, duplicate_stories=0,
                           rejects_expected=0, writethrus=0, undated=0, feed_stubs=0)
        self.encodings: dict[str, int] = {}
        self.fmt_counts: dict[str, int] = {}
        self.file_counts: dict[str, int] = {}

    def _weights_for(self, agency: str) -> tuple[tuple[str, float], ...]:
        usable = tuple(f for f in self.formats if agency in FORMAT_AGENCIES.get(f, (agency,)))
        return tuple((f, FORMAT_WEIGHTS[f]) for f in usable or self.formats)

    # ---------------------------------------------------------------- the loop

    def run(self) -> dict:
        rng = self.rng
        for i in range(self.n):
            if self.pending and self.pending[0][0] <= i:
                self._writethru(i)
                continue
            x = rng.random()
            if x < P_BAD:
                self._bad(i)
            elif x < P_BAD + P_DUPLICATE and self.reservoir:
                self._duplicate(i)
            else:
                story = make_story(rng, i, start=self.start, end=self.end, related=())
                fmt = self.single or _weighted(rng, self.by_agency[story.agency])
                inner = _weighted(rng, self.inner_weights) if fmt == "containers" else None
                if rng.random() < P_CHAIN:
                    last = 3 if rng.random() < P_CHAIN_3 else 2
                    heapq.heappush(self.pending, (i + _ri(rng, 1, 60), i, story, fmt, inner, last))
                else:
                    story.ctx = None
                self._new_story(i, story, fmt, inner)
        for key in list(self.bundles):
            self._flush(key)
        return self._summary()

    def _writethru(self, i: int) -> None:
        rng = self.rng
        _, _, prev, fmt, inner, last = heapq.heappop(self.pending)
        story = make_writethru(rng, prev, related=())
        if story.version < last:
            heapq.heappush(self.pending, (i + _ri(rng, 1, 60), i, story, fmt, inner, last))
        else:
            story.ctx = None
        self.counts["writethrus"] += 1
        self._new_story(i, story, fmt, inner)

    def _new_story(self, i: int, story: WireStory, fmt: str, inner: str | None) -> None:
        rng = self.rng
        shown = inner or fmt
        story.encoding = _encoding_for(rng, shown, story.encoding)
        if shown in _TICKER_FORMATS and (rng.random() < P_TICKER or story.encoding in _SINGLE_BYTE):
            story.related = (_ticker(rng, self.recent, story.published is None, story.headline)
                             if len(self.recent) >= 12 else _related(rng, story.published))
        full = story.slug + story.headline
        self.recent.append((full, _DATE_WORDS.search(full) is not None))
        self.counts["stories"] += 1
        if story.published is None:
            self.counts["undated"] += 1
        self.encodings[story.encoding] = self.encodings.get(story.encoding, 0) + 1
        self.fmt_counts[fmt] = self.fmt_counts.get(fmt, 0) + 1
        self._deliver(i, story, fmt, inner)

    def _bad(self, i: int) -> None:
        rng = self.rng
        agency = _weighted(rng, _AGENCY_WEIGHTS)
        dt = self.t0 + timedelta(minutes=int(rng.random() * self.minutes))
        stem = _stem(agency.key, dt, i, self.width)
        if self.bad_kinds and rng.random() < 0.5:  # a real file cut short in transfer
            story = make_story(rng, i, start=self.start, end=self.end, related=(), encoding="utf-8")
            data, ext = _truncated(rng, story, _pick(rng, self.bad_kinds))
            stem = story.file_stem(i, self.width)
        else:
            data = _bad_bytes(rng)
            ext = EXTENSIONS[self.single or _pick(rng, [f for f in self.formats if f in EXTENSIONS] or ["page_text"])]
        self.counts["rejects_expected"] += 1
        self._write(stem + ext, data, "bad")

    def _duplicate(self, i: int) -> None:
        """An earlier delivery again: the same file under another name, or the same story
        rendered in another format (or another file of its format)."""
        rng = self.rng
        story, fmt, inner, prefix, ext, data = _pick(rng, self.reservoir)
        self.counts["duplicates"] += 1
        others = [f for f in self.formats if f != (inner or fmt) and f != fmt]
        if data is not None and (not others or rng.random() < 0.5):
            self.counts["duplicate_files"] += 1
            self._write(f"{prefix}{i:0{self.width}d}{ext}", data, "gzip" if ext.endswith(".gz") else fmt)
            return
        self.counts["duplicate_stories"] += 1
        new_fmt = _pick(rng, others) if others else fmt
        new_inner = _weighted(rng, self.inner_weights) if new_fmt == "containers" else None
        shown = new_inner or new_fmt
        copy = replace(story, encoding=_encoding_for(rng, shown, story.encoding), style_seed=rng.getrandbits(64),
                       related=story.related if shown in _TICKER_FORMATS else [], ctx=None)
        self._deliver(i, copy, new_fmt, new_inner, keep=False)

    # ---------------------------------------------------------------- files

    def _deliver(self, i: int, story: WireStory, fmt: str, inner: str | None, keep: bool = True) -> None:
        """Write the story's file now (single-story formats) or add it to an open file."""
        if fmt == "containers":
            kind = _weighted(self.rng, CONTAINER_KINDS)
            data = RENDERERS[inner](story)
            stem, ext = story.file_stem(i, self.width), EXTENSIONS[inner]
            if kind == "gzip":
                data = gzip.compress(data, 6, mtime=0)
                self._write(stem + ext + ".gz", data, "gzip")
                self._remember(story, fmt, inner, stem, ext + ".gz", data if keep else None)
            else:
                bundle = self._bundle(kind, "", i)
                bundle.members.append((f"stories/{stem}{ext}", data))
                bundle.stories.append(story)
                self._remember(story, fmt, inner, stem, ext, None)
                self._maybe_flush((kind, ""))
        elif fmt in BUNDLERS:
            key = (fmt, story.agency)
            bundle = self._bundle(fmt, story.agency, i)
            bundle.stories.append(story)
            self._remember(story, fmt, None, "", "", None)
            self._maybe_flush(key)
        else:
            data = RENDERERS[fmt](story)
            stem, ext = story.file_stem(i, self.width), EXTENSIONS[fmt]
            self._write(stem + ext, data, fmt)
            self._remember(story, fmt, None, stem, ext, data if keep else None)

    def _remember(self, story: WireStory, fmt: str, inner: str | None, stem: str, ext: str, data: bytes | None) -> None:
        """Reservoir sample of earlier deliveries, for duplicates (bounded memory)."""
        entry = (story, fmt, inner, stem[: len(stem) - self.width], ext, data)
        self.seen += 1
        if len(self.reservoir) < DUP_RESERVOIR:
            self.reservoir.append(entry)
        else:
            j = int(self.rng.random() * self.seen)
            if j < DUP_RESERVOIR:
                self.reservoir[j] = entry

    def _bundle(self, kind: str, agency: str, i: int) -> _Bundle:
        bundle = self.bundles.get((kind, agency))
        if bundle is None:
            low, high = BUNDLE_SIZES[kind]
            size = low if kind == "newsml_g2" and self.rng.random() < 0.6 else _ri(self.rng, low, high)
            bundle = self.bundles[(kind, agency)] = _Bundle(kind, i, size)
        return bundle

    def _maybe_flush(self, key: tuple[str, str]) -> None:
        bundle = self.bundles[key]
        if len(bundle.stories) >= bundle.target:
            self._flush(key)

    def _flush(self, key: tuple[str, str]) -> None:
        bundle = self.bundles.pop(key)
        first = bundle.stories[0]
        dt = first.published
        day = f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}-" if dt else ""
        stem = f"{bundle.kind.replace('.', '-')}-{day}{bundle.first:0{self.width}d}"
        if bundle.kind in ("zip", "tar.gz"):
            when = (dt.year, dt.month, dt.day, dt.hour, dt.minute, 0) if dt else _ARCHIVE_TIME
            data = _zip(bundle.members, when) if bundle.kind == "zip" else _tar_gz(bundle.members, when)
            self._write(f"bundle-{day}{bundle.first:0{self.width}d}.{bundle.kind}", data, bundle.kind)
            return
        data = BUNDLERS[bundle.kind](bundle.stories)
        ext = EXTENSIONS[bundle.kind]
        if bundle.kind == "feeds":
            kind = feed_kind(first)
            ext = {"rss": ".rss", "atom": ".atom", "sitemap": ".xml"}[kind]
            stem = f"{'sitemap' if kind == 'sitemap' else 'feed'}-{first.agency.lower()}-{day}{bundle.first:0{self.width}d}"
            self.counts["feed_stubs"] += sum(is_stub(s, kind) for s in bundle.stories)
        self._write(stem + ext, data, bundle.kind)

    def _write(self, name: str, data: bytes, kind: str) -> None:
        if self.file_no % FILES_PER_DIR == 0:
            self.folder = os.path.join(self.root, f"{self.file_no // FILES_PER_DIR:0{self.dwidth}d}")
            os.makedirs(self.folder, exist_ok=True)
            self.folder += os.sep
        _write_file(self.folder + name, data)
        self.file_no += 1
        self.counts["bytes"] += len(data)
        self.file_counts[kind] = self.file_counts.get(kind, 0) + 1

    def _summary(self) -> dict:
        c = self.counts
        return {
            "files": self.file_no,
            "bytes": c["bytes"],
            "stories": c["stories"],
            "duplicates": c["duplicates"],
            "rejects_expected": c["rejects_expected"],
            "story_keys": c["stories"] - c["writethrus"],
            "writethrus": c["writethrus"],
            "undated": c["undated"],
            "encodings": dict(sorted(self.encodings.items())),
            "formats": dict(sorted(self.fmt_counts.items())),
            "files_per_format": dict(sorted(self.file_counts.items())),
            "duplicate_files": c["duplicate_files"],
            "duplicate_stories": c["duplicate_stories"],
            "feed_stubs": c["feed_stubs"],
        }


# --------------------------------------------------------------------------------------
# The format registry (renderers live in tasks/synth/wire.py and web.py)
# --------------------------------------------------------------------------------------

from tasks.synth import web, wire  # noqa: E402  (they import the story model from above)
from tasks.synth.web import feed_kind, is_stub  # noqa: E402

RENDERERS.update({
    "html": web.render_html, "nitf": wire.render_nitf, "newsml_g2": wire.render_newsml_g2,
    "newsml12": wire.render_newsml12, "ninjs": wire.render_ninjs, "anpa": wire.render_anpa,
    "iptc7901": wire.render_iptc7901, "warc": web.render_warc, "feeds": web.render_feeds,
})
EXTENSIONS.update({
    "html": ".html", "nitf": ".xml", "newsml_g2": ".xml", "newsml12": ".xml", "ninjs": ".json", "anpa": ".anpa",
    "iptc7901": ".7901", "warc": ".warc.gz", "feeds": ".rss",
})
# Formats whose files hold several stories: bundle(stories) -> bytes.
BUNDLERS: dict[str, Callable[[list[WireStory]], bytes]] = {
    "newsml_g2": wire.bundle_newsml_g2, "anpa": wire.bundle_anpa, "iptc7901": wire.bundle_iptc7901,
    "warc": web.bundle_warc, "feeds": web.bundle_feeds,
}
