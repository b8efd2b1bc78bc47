"""Deterministic generator of realistic raw news-wire files, for benchmarks and tests.

    from tasks.synth import generate
    summary = generate(10_000, "data/synth", seed=0)

Three layers, so later formats (NITF, ninjs, ANPA ...) plug in without touching the rest:

* the story model: `make_story(rng, index)` draws a `WireStory` (headline, desk slug,
  agency, dateline city, date/time, paragraphs, the people/orgs/places used, version,
  story key ...) from templates with slots; `make_writethru(rng, story)` draws its next
  version (same key and headline text, one more paragraph);
* one renderer per format, `render_<format>(story) -> bytes`, registered in `RENDERERS`
  (file name extension in `EXTENSIONS`); a renderer takes its page-layout choices from
  `random.Random(story.style_seed)`, so the bytes depend on the story alone, and encodes
  in `story.encoding`;
* `generate(n, out_dir, seed)` streams n files to disk: new stories, writethru chains,
  exact duplicates of earlier files and bad files (empty / binary), spread over
  subfolders of at most 1,000 files.

Everything is driven by one `random.Random(seed)`: same (n, seed, options) => the same
bytes. Memory is flat in n (a bounded reservoir for duplicates, a short queue of pending
writethrus). Standard library only.
"""

from __future__ import annotations

import heapq
import os
import random
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Callable, Sequence

__all__ = [
    "WireStory",
    "make_story",
    "make_writethru",
    "render_page_text",
    "RENDERERS",
    "EXTENSIONS",
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


def _lines(block: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in block.strip().splitlines() if s.strip() and not s.strip().startswith("#"))


def _pick(rng: random.Random, seq: Sequence[Any]) -> Any:
    return seq[int(rng.random() * len(seq))]


def _weighted(rng: random.Random, pairs: Sequence[tuple[Any, float]]) -> Any:
    total = 0.0
    for _, w in pairs:
        total += w
    x = rng.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


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
"{quote}," {S} said, according to a transcript released by {P_side}.
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
{agency_name} could not independently verify the reports.
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


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    section: str
    headlines: tuple[str, ...]
    leads: tuple[str, ...]
    body: tuple[str, ...]
    quotes: tuple[str, ...]
    orgs: tuple[str, ...]  # keys of ORGS
    p_roles: tuple[tuple[str, str], ...]  # (kind, title): kind gov | org | corp | sport | inst
    ministry: str
    q_kind: str  # analyst | expert | doctor ...
    w_role: str  # "resident" ...
    co_sector: str
    speakers: str  # which persons may be quoted, e.g. "PPQR"
    weight: float


TOPICS: tuple[Topic, ...] = (
    Topic(
        "diplomacy", "World",
        _lines('''
        {org_short} chief, {adj} {P_tshort} discuss security situation in {hcountry}
        {adj} FM hosts {adj2} counterpart in {city}
        {hcountry}, {hcountry2} agree to deepen strategic cooperation
        {org_short} concerned over rising tensions in {region}
        {hcountry} urges dialogue to resolve dispute with {hcountry2}
        {adj} leader to visit {hcountry2} next week
        {hcountry2} recalls ambassador from {hcountry} amid diplomatic row
        {org_short} chief calls for restraint as tensions mount in {hcountry}
        {hcountry}, {hcountry2} sign {n_word} cooperation agreements
        {adj} envoy holds talks with {org_short} officials in {city}
        {P_last} says {hcountry} ready to mediate between rival factions
        {hcountry} summons {adj2} diplomat over remarks
        {hcountry}, {hcountry2} vow to boost ties as leaders meet
        '''),
        _lines('''
        {P} {day} discussed the security situation in {country} with {P2}, saying {org} stands ready to support the country.
        {P} met with {P2} in {city} {day}, with both sides pledging to deepen cooperation in trade, energy and security.
        {P} {day} called for renewed dialogue between {country} and {country2}, warning that further escalation could destabilize {region}.
        {Country} and {country2} {day} signed {n_word} agreements covering trade, infrastructure and education during talks between {P} and {P2} in {city}.
        {P2} arrived in {city} {day} for a {n_word}-day official visit aimed at strengthening political and economic ties with {country}.
        {P} {day} expressed concern over the deteriorating situation in {region}, urging all parties to exercise restraint and return to negotiations.
        {Country} has summoned a senior {adj2} diplomat to protest against remarks it described as interference in its internal affairs, {P} said {day}.
        '''),
        _lines('''
        Speaking at a joint press conference, {P_last} said {P_he} was encouraged by the progress made in recent months, adding that much work remained to be done.
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
        {P_last} also underlined support from {org} for the government of national unity, describing the partnership as essential for long-term stability.
        {R} said the two countries had agreed to set up a working group to follow up on the issues raised during the visit.
        The talks lasted more than {hours_n} hours, longer than scheduled, according to officials familiar with the meeting.
        {Q} said the meeting reflected a broader effort by {country} to diversify its partnerships amid shifting alliances.
        '''),
        _lines('''
        During our meeting today, we discussed how we can take our cooperation forward
        We stand ready to assist in building effective and accountable institutions
        There is no military solution to this conflict, and we urge all sides to return to the negotiating table
        Our two countries share a long history of friendship, and today we have opened a new chapter
        We are deeply concerned about the humanitarian situation and the risk of further escalation
        Dialogue is the only way forward, and we will spare no effort to support it
        This agreement sends a clear signal that we are committed to working together
        We expect concrete steps, not just words
        Nobody benefits from confrontation, least of all ordinary people
        We respect the sovereignty of every nation and expect the same in return
        '''),
        ("UN", "NATO", "EU", "AU", "ASEAN", "SCO", "OSCE"),
        (("gov", "Foreign Minister"), ("gov", "@leader"), ("org", ""), ("gov", "Deputy Foreign Minister")),
        "Foreign Ministry", "analyst", "resident", "finance", "PPQR", 14,
    ),
    Topic(
        "economy", "Business",
        _lines('''
        {adj} private sector adds {jobs} in {hmonth}: survey
        {adj} economy grows {pct} in {quarter}
        {hcountry} inflation eases to {pct} as food prices fall
        {org_short} cuts {hcountry} growth forecast to {pct}
        {adj} central bank holds key rate at {pct}
        {hcountry} unemployment rate drops to {pct}, lowest in {years}
        {adj} factory activity expands for {ordinal} straight month
        {hcountry} unveils {money} stimulus package
        {org_short} warns of slowing global growth, urges reforms
        {adj} retail sales beat expectations in {hmonth}
        {hcountry} posts record budget deficit amid higher spending
        '''),
        _lines('''
        The {adj} economy grew {pct} in {quarter} from a year earlier, {stat_office} said {day}, beating forecasts as consumer spending held up.
        {Country}'s private sector added {jobs} {in_month}, according to a survey released {day}, well above the figure economists had expected.
        Annual inflation in {country} eased to {pct} {in_month}, the lowest reading in {years}, as food and fuel prices fell, official data showed {day}.
        {Org} {day} cut its growth forecast for {country} to {pct}, citing weaker exports, tighter credit and persistent uncertainty over trade.
        The {adj} central bank left its benchmark interest rate unchanged at {pct} {day}, saying it needed more evidence that price pressures were easing.
        {Country} unveiled a stimulus package worth {money} {day}, aimed at shoring up growth through infrastructure spending and tax relief for small firms.
        The unemployment rate in {country} fell to {pct} {in_month}, {stat_office} said {day}, as hiring picked up in services and construction.
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
        '''),
        ("IMF", "WB", "OECD"),
        (("gov", "Finance Minister"), ("gov", "Economy Minister"), ("gov", "central bank Governor"), ("org", "")),
        "Finance Ministry", "economist", "shop owner", "finance", "PQQR", 12,
    ),
    Topic(
        "markets", "Business",
        _lines('''
        {adj} stocks close higher as tech shares rally
        {adj} shares fall {pct} on growth worries
        Oil prices rise on supply concerns
        Gold hits {ordinal}-week high as dollar weakens
        {company_short} shares jump after earnings beat forecasts
        {company_short} to cut {n_k} jobs in restructuring
        {company_short} posts record quarterly profit
        {hcountry} bond yields climb ahead of rate decision
        {company_short} agrees to buy rival in {money} deal
        {commodity_cap} prices slide to lowest level in {years}
        '''),
        _lines('''
        Shares in {city} closed higher {day}, led by technology and financial stocks, as investors bet that interest rates had peaked.
        {Company} said {day} it would cut about {n_k} jobs over the next {years} as part of a restructuring plan to reduce costs.
        {Company} reported a {pct} rise in quarterly net profit {day}, beating analyst forecasts on strong demand for its products in {region}.
        Prices of {commodity} fell to their lowest level in {years} {day} as traders worried about weakening demand and ample supply.
        {Company} has agreed to buy a smaller rival for {money}, the company said {day}, in a deal that would create one of the largest groups in its sector.
        The benchmark stock index in {city} fell {pct} {day}, its steepest one-day drop in {months_n}, after weak factory data rattled investors.
        '''),
        _lines('''
        Trading volume was higher than the daily average of the past month, exchange data showed.
        Shares of {company} rose as much as {pct} in early trading before paring gains.
        The company's revenue rose {pct} to {money}, while operating costs increased {pct}.
        {Q} said investors were focused on signals from the central bank about the path of interest rates.
        The yield on the benchmark 10-year government bond rose {n} basis points.
        {P} said the company expected demand to remain solid in the second half of the year.
        The currency weakened {pct} against the U.S. dollar.
        Brent crude futures rose {pct} to {oil_price} a barrel, while U.S. crude gained {pct}.
        The company employs about {n_k} people worldwide and has production sites in {n} countries.
        Analysts said the deal would face scrutiny from competition authorities in several markets.
        {Company} shares have gained {pct_big} so far this year, outperforming the broader market.
        The company maintained its full-year guidance, citing a strong order book.
        Market sentiment has been fragile in recent weeks amid concerns over trade tensions and slowing growth.
        The job cuts will mainly affect administrative functions, the company said, adding that it would seek to avoid forced redundancies.
        '''),
        _lines('''
        Markets are pricing in a lot of good news at the moment
        We delivered a strong quarter despite a challenging environment
        These are difficult but necessary decisions to secure the company's future
        Volatility is likely to remain elevated until there is more clarity on rates
        Investors are starting to look beyond the short-term noise
        The fundamentals of our business remain strong
        This acquisition accelerates our strategy and creates value for shareholders
        '''),
        ("IMF",),
        (("corp", "chief executive"), ("corp", "chief financial officer"), ("corp", "chairman")),
        "Finance Ministry", "strategist", "investor", "", "PQQ", 9,
    ),
    Topic(
        "trade", "Business",
        _lines('''
        {hcountry}, {hcountry2} agree to accelerate trade talks
        {hcountry} imposes tariffs on {adj2} {commodity}
        {org_short} rules against {hcountry} in trade dispute
        {adj} exports rise {pct} in {hmonth}
        {hcountry} trade surplus widens to {money}
        {hcountry2} to lift import ban on {adj} {commodity}
        {hcountry} signs free trade deal with {hcountry2}
        {adj} trade chief warns of retaliation over new duties
        '''),
        _lines('''
        {Country} and {country2} agreed {day} to accelerate talks on a comprehensive trade agreement, aiming to conclude negotiations by the end of the year.
        {Country} will impose tariffs of up to {pct_big} on imports of {commodity} from {country2}, {Ministry} said {day}, citing unfair subsidies.
        {Org} ruled {day} that {country} had breached international trade rules by restricting imports, a decision that could open the way to retaliation.
        {Adj} exports rose {pct} year on year {in_month}, customs data showed {day}, helped by strong demand for electronics and machinery.
        {Country} signed a free trade agreement with {country2} {day}, eliminating tariffs on more than {pct_big} of goods traded between the two countries.
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
        '''),
        _lines('''
        Free and fair trade benefits both our peoples
        We will defend our industry against unfair competition
        This agreement is a win-win for both sides
        Protectionism is a dead end that hurts everyone
        We remain open to dialogue, but our patience is not unlimited
        Our exporters need predictable rules and open markets
        '''),
        ("WTO", "EU", "ASEAN"),
        (("gov", "Trade Minister"), ("gov", "Commerce Minister"), ("org", "")),
        "Commerce Ministry", "economist", "farmer", "industry", "PPQR", 8,
    ),
    Topic(
        "security", "World",
        _lines('''
        {n_dead_h} killed in attack in {hcountry}
        {org_short} chief expresses concern over situation in {hcountry}
        Clashes erupt near {city}, {n_word} dead
        {hcountry} army says it repelled attack near border
        {org_short} calls for ceasefire in {hcountry}
        Car bomb kills {n_small} in {city}
        {adj} forces regain control of key town
        Thousands flee fighting in {hcountry}
        {hcountry} extends state of emergency after attacks
        '''),
        _lines('''
        At least {n_small} people were killed and {n_injured} others wounded when a car bomb exploded near a busy market in {city} {day}, local officials said.
        {P} {day} expressed concern over the situation in {country}, calling on all parties to respect a ceasefire agreed earlier this month.
        Heavy clashes broke out on the outskirts of {city} {day} between government forces and armed groups, killing at least {n_small} people, security sources said.
        The {adj} army said {day} it had repelled an attack on a military post near the border, killing several assailants.
        Thousands of people have fled their homes in {country} in the past week as fighting spread to new areas, {org} said {day}.
        {Country} extended a state of emergency for another {months_n} {day}, after a series of attacks on security forces in the north of the country.
        '''),
        _lines('''
        No group has so far claimed responsibility for the attack.
        The wounded were taken to hospitals in {city}, where some were reported to be in critical condition.
        Security forces sealed off the area and launched a search operation, according to witnesses.
        {W} said {W_he} heard a loud explosion and saw thick smoke rising from the area.
        {Org} estimates that more than {n_people} have been displaced since the fighting began.
        The attack was the deadliest in the area since {in_month}.
        {P_last} urged all sides to allow unhindered humanitarian access to civilians in need.
        Aid agencies have warned of severe shortages of food, water and medicine.
        The city, located {km} from the capital, had been controlled by armed groups for almost a year.
        {R} said troops had been sent to reinforce positions along the main highway.
        Humanitarian workers said access to the worst-affected areas remained extremely limited.
        {Q} said the violence reflected a power struggle among rival factions rather than a single coordinated campaign.
        The government has declared {n_word} days of national mourning.
        Residents said checkpoints had been set up on all roads leading into the city.
        The region has been plagued by violence for more than a decade, with thousands of people killed.
        '''),
        _lines('''
        We heard gunfire all night and did not dare to leave the house
        Those responsible for this cowardly attack will be brought to justice
        The situation on the ground remains extremely volatile
        Civilians are paying the highest price for this conflict
        Our forces are in full control of the area
        We call on all parties to respect international humanitarian law
        We had to leave everything behind
        '''),
        ("UN", "NATO", "AU", "ICRC", "UNHCR", "EU"),
        (("gov", "Defense Minister"), ("gov", "Interior Minister"), ("org", ""), ("gov", "army spokesman")),
        "Defense Ministry", "analyst", "resident", "", "PRWWQ", 11,
    ),
    Topic(
        "disaster", "World",
        _lines('''
        {magnitude}-magnitude quake jolts {hcountry}
        Floods kill {n_small} in {hcountry}
        Heat wave grips {city} as temperatures hit {temp}
        Wildfire forces evacuation near {city}
        Typhoon makes landfall in {hcountry}, thousands evacuated
        Death toll from {hcountry} landslide rises to {n_small}
        Drought threatens harvest in {hcountry}
        Rescue teams search for survivors after building collapse in {city}
        '''),
        _lines('''
        An earthquake with a magnitude of {magnitude} struck near {city} {day}, shaking buildings and sending residents into the streets, the national seismological agency said.
        Floods triggered by days of torrential rain have killed at least {n_small} people in {country}, authorities said {day}, as rescue teams searched for the missing.
        Temperatures in {city} reached {temp} {day}, breaking a record set {in_year_past}, as a heat wave tightened its grip on much of {country}.
        Firefighters battled a wildfire near {city} {day} that has forced the evacuation of more than {n_people} and destroyed dozens of homes.
        The death toll from a landslide in {country} rose to {n_small} {day}, with rescuers digging through mud and debris in search of survivors.
        A typhoon made landfall in {country} {day}, packing winds of up to {kmh} and forcing the evacuation of {n_people}, officials said.
        '''),
        _lines('''
        The epicenter was located {km_small} from {city2} at a depth of {km_small}, according to the agency.
        There were no immediate reports of casualties or major damage.
        More than {n_people} have been evacuated to temporary shelters.
        {W} said the water rose so quickly that {W_he} had to climb onto the roof with {W_his} children.
        Rescue operations were hampered by damaged roads and continuing rainfall.
        The meteorological service issued its highest warning level for {n_word} provinces.
        {P} visited the affected area and promised that the government would help families rebuild.
        The authorities have allocated {money} in emergency relief.
        Power was cut to about {n_k} households, the electricity operator said.
        Scientists say climate change is making extreme weather events more frequent and more intense.
        {Org} said it was ready to provide assistance if requested.
        Schools were closed and train services suspended across the region.
        Soldiers were deployed to help distribute food, drinking water and blankets.
        Several aftershocks were felt in the hours after the main quake.
        Farmers said crops on thousands of hectares of farmland had been destroyed.
        '''),
        _lines('''
        We have never seen anything like this in our lifetime
        Our priority now is to find the missing and care for the injured
        Everything we owned is gone
        The next 48 hours will be critical
        We are working around the clock to restore power and water
        Nobody warned us that the river would rise so fast
        '''),
        ("ICRC", "WFP", "UNICEF", "WMO", "UN"),
        (("gov", "Emergency Management Minister"), ("gov", "@leader"), ("gov", "provincial governor")),
        "Interior Ministry", "expert", "resident", "", "PRWWQ", 8,
    ),
    Topic(
        "health", "Health",
        _lines('''
        {org_short} warns of rising {disease} cases in {region}
        {hcountry} reports {n_small} new {disease} cases
        {hcountry} launches nationwide vaccination campaign
        New study links air pollution to heart disease
        {org_short} declares end of {disease} outbreak in {hcountry}
        {adj} hospitals under strain as flu season peaks
        {company_short} drug wins approval in {hcountry}
        '''),
        _lines('''
        {Org} warned {day} that cases of {disease} were rising sharply in {region}, urging governments to step up surveillance and vaccination.
        Health authorities in {country} reported {n_small} new cases of {disease} {day}, bringing the total number of infections this year to {n_k}.
        {Country} launched a nationwide vaccination campaign {day} that aims to reach more than {n_people} within {months_n}.
        Long-term exposure to air pollution significantly increases the risk of heart disease, according to a study published {day} by researchers in {city}.
        {Org} {day} declared the end of the {disease} outbreak in {country}, after no new cases were recorded for {n_word} weeks.
        Regulators in {country} {day} approved a new drug developed by {company} for the treatment of {disease}, the company said.
        '''),
        _lines('''
        Most of the cases were recorded among children under the age of five.
        {P} said the health system was well prepared to cope with the increase in patients.
        The study followed more than {n_people} over a period of {years}.
        Health workers have been deployed to the worst-affected districts to trace contacts.
        {Q} said the findings should prompt policymakers to tighten emission standards.
        Vaccination rates have fallen in recent years, leaving many children unprotected.
        Hospitals in {city} reported that emergency departments were operating at {pct_big} of capacity.
        The ministry urged people to wash their hands regularly and seek medical help if they develop symptoms.
        Clinical trials showed the treatment reduced the risk of hospitalization by {pct_big}.
        The disease is spread through contaminated water and food and can be fatal if left untreated.
        The authorities have set up {n} treatment centers across the country.
        {Org} said funding shortfalls were hampering efforts to contain the outbreak.
        The researchers said further studies were needed to confirm the results in larger populations.
        Doctors said many patients sought treatment too late, when complications had already developed.
        '''),
        _lines('''
        Vaccines are safe and they save lives
        This outbreak is a wake-up call for the whole region
        We are seeing more patients than at any time in the past decade
        Prevention is far cheaper than treatment
        Our results are encouraging, but they need to be confirmed
        No country can tackle this threat alone
        '''),
        ("WHO", "UNICEF"),
        (("gov", "Health Minister"), ("org", ""), ("inst", "")),
        "Health Ministry", "doctor", "parent", "health", "PPQQR", 8,
    ),
    Topic(
        "science", "Sci-Tech",
        _lines('''
        {hcountry} launches new satellite into orbit
        Scientists discover new species in {hcountry}
        {company_short} unveils new AI chip
        {hcountry} to build {money} quantum computing center
        Researchers develop cheaper battery technology
        {hcountry} tests high-speed maglev train
        {adj} probe sends back first images of asteroid
        '''),
        _lines('''
        {Country} successfully launched a new Earth observation satellite {day} from a launch center near {city}, the national space agency said.
        Scientists have discovered {n_word} new species of frogs in the rainforests of {country}, according to a study published {day}.
        {Company} unveiled a new artificial intelligence chip {day} that it said was twice as fast as its predecessor while using {pct_big} less power.
        Researchers at a university in {city} said {day} they had developed a battery that could cut the cost of storing renewable energy by half.
        {Country} will build a quantum computing research center worth {money} in {city}, {Ministry} announced {day}.
        '''),
        _lines('''
        The satellite will be used for land surveying, disaster monitoring and crop assessment.
        The findings were published in the journal Nature.
        {Q} said the technology could be commercially available within {years}.
        The chip will go into mass production next year, the company said.
        It was the {ordinal} launch of the year for the country's space program.
        The team analyzed data collected over {years} of fieldwork.
        {P} said the project would help the country reduce its reliance on imported technology.
        The new species were found in a remote area about {km} from the nearest town.
        Competition in the semiconductor industry has intensified as governments pour billions into domestic production.
        The researchers used a combination of sodium and sulfur, which are cheaper and more abundant than lithium.
        The center is expected to employ about {n_k} scientists and engineers when it opens.
        Experts cautioned that scaling up laboratory results to industrial production remained a major challenge.
        The probe traveled more than {km} over {months_n} before reaching its target.
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
        _lines('''
        {org_short} agrees to extend oil output cuts
        {hcountry} opens {mw} solar plant
        {adj} power demand hits record high
        {hcountry} to phase out coal by {year_future}
        {org_short} sees global oil demand growth slowing
        {company_short} discovers new gas field off {hcountry}
        Rising immigration to challenge {adj} welfare state: report
        {hcountry} pledges to cut emissions {pct_big} by {year_future}
        '''),
        _lines('''
        {Org} agreed {day} to extend production cuts of {bpd} until the end of next year, in a bid to support prices amid weak demand.
        {Country} inaugurated a solar power plant with a capacity of {mw} near {city} {day}, the largest of its kind in {region}.
        Electricity demand in {country} hit a record high {day} as a heat wave sent air-conditioning use soaring, the grid operator said.
        {Country} will phase out coal-fired power generation by {year_future}, {P} said {day}, as part of a plan to reach net-zero emissions.
        {Company} said {day} it had discovered a major natural gas field off the coast of {country}, with estimated reserves of {tcf}.
        {Org} said {day} that global oil demand growth would slow next year as electric vehicles and efficiency gains curb consumption.
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
        "Energy Ministry", "analyst", "resident", "energy", "PQQR", 7,
    ),
    Topic(
        "politics", "World",
        _lines('''
        {adj} ruling party wins parliamentary elections
        {hcountry} opposition calls for early elections
        {adj} PM survives no-confidence vote
        Thousands protest in {city} against pension reform
        {adj} president names new cabinet
        {hcountry} parliament approves controversial bill
        {adj} coalition talks stall over budget
        Voters head to polls in {hcountry}
        '''),
        _lines('''
        The ruling {party} won the most seats in parliamentary elections in {country}, preliminary results showed {day}, but fell short of an outright majority.
        Thousands of people marched through central {city} {day} to protest against a government plan to raise the retirement age, in one of the largest demonstrations in years.
        {P} survived a no-confidence vote in parliament {day}, after several lawmakers from the opposition {party} abstained.
        {Country}'s parliament approved a controversial bill {day} that critics say will curb media freedom, despite protests outside the building.
        Voters in {country} went to the polls {day} in elections seen as a test for the government after a year marked by rising prices.
        Coalition talks in {country} stalled {day} after the parties failed to agree on spending plans, raising the prospect of a snap election.
        '''),
        _lines('''
        Turnout was {pct_big}, slightly higher than in the previous election.
        The opposition {party} came second with {pct_big} of the vote.
        Police estimated the crowd at {n_people}, while organizers put the figure much higher.
        {P_last} has said the reform is necessary to keep the pension system solvent.
        The bill was passed by {n} votes to {n_small}.
        {Q} said the result reflected widespread frustration with the cost of living.
        The new government is expected to be sworn in next week.
        Unions have called for further strikes later this month.
        Election observers said the vote was generally orderly, although there were reports of irregularities in some districts.
        {R} said the government would respect the will of the people.
        The protest was largely peaceful, but police detained {n_small} people after scuffles near parliament.
        Opinion polls had predicted a close race between the two main parties.
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
        _lines('''
        Former {adj} minister jailed for corruption
        {adj} court upholds ban on protest group
        Police arrest {n_small} in {city} fraud probe
        {org_short} opens investigation into alleged war crimes
        {adj} court orders release of detained journalist
        Trial of alleged smuggling ring opens in {city}
        '''),
        _lines('''
        A court in {city} sentenced a former {adj} minister to {n_small} years in prison {day} after finding {P_him} guilty of accepting bribes in exchange for public contracts.
        Police in {city} arrested {n_small} people {day} in connection with a fraud scheme that cost investors an estimated {money}, prosecutors said.
        {Org} said {day} it had opened an investigation into alleged war crimes committed during the conflict in {country}.
        A court in {country} ordered the release of a detained journalist {day}, ruling that {P_his} arrest had violated the constitution.
        The trial of {n_small} people accused of running a smuggling network opened in {city} {day} under tight security.
        '''),
        _lines('''
        The defendant denied the charges and said {P_he} would appeal.
        Prosecutors said the scheme had operated for more than {years}.
        {R} said the investigation was ongoing and further arrests could not be ruled out.
        Rights groups welcomed the ruling as a victory for press freedom.
        The court also ordered the confiscation of assets worth {money}.
        {Q} said the case was a test of the independence of the judiciary.
        The suspects face up to {n_small} years in prison if convicted.
        The investigation began after a whistleblower alerted the authorities.
        Defense lawyers argued that the evidence had been obtained illegally.
        The hearing was adjourned until next month.
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
        _lines('''
        {hcountry} beat {hcountry2} {score} in World Cup qualifier
        {adj} sprinter sets new national record
        {hcountry} to host {year_future} championships
        {org_short} awards hosting rights to {city}
        {adj} coach resigns after defeat
        {P_last} wins marathon in {city}
        '''),
        _lines('''
        {Country} beat {country2} {score} in a World Cup qualifier in {city} {day}, moving to the top of their group with {n_small} points.
        {P} set a new national record in the 100 meters {day}, clocking 9.8{n_digit} seconds at a meeting in {city}.
        {Country} will host the world championships in {year_future}, {org} announced {day} after a vote by its executive board.
        {P} won the {city} marathon {day} in a time of two hours, {n_small} minutes, pulling away from the leading group in the final kilometers.
        The coach of the {adj} national team resigned {day}, a day after a heavy defeat that ended the team's hopes of qualifying for the finals.
        '''),
        _lines('''
        The home side dominated possession but struggled to break down a well-organized defense.
        A crowd of about {n_k} watched the match.
        {P_last} said {P_he} had trained for months to prepare for the race.
        The team will play its next match against {country2} next month.
        {Q} said the team lacked creativity in midfield.
        Organizers expect more than {n_people} visitors during the event.
        The winning goal came in the {minute} minute from a header at the far post.
        The federation said it would name a new coach in the coming weeks.
        It was the {ordinal} victory of the season for the club.
        The race was held in cool and dry conditions, ideal for fast times.
        '''),
        _lines('''
        We showed character and never gave up
        This record belongs to everyone who supported me
        It was a difficult night, but we will learn from it
        Hosting the championships is a dream come true for our city
        I take full responsibility for the result
        '''),
        ("IOC", "FIFA"),
        (("sport", "coach"), ("sport", "captain"), ("sport", "sprinter"), ("sport", "runner")),
        "Sports Ministry", "commentator", "fan", "", "PPQ", 7,
    ),
    Topic(
        "environment", "Sci-Tech",
        _lines('''
        {org_short} to launch project to enhance resilience of wetlands in {region}
        Coral bleaching spreads along {adj} coast
        {hcountry} bans single-use plastics
        Glaciers in {region} melting faster than expected: study
        {hcountry} creates new marine protected area
        Air quality in {city} hits hazardous levels
        '''),
        _lines('''
        {Org} will launch a project to enhance the resilience of wetlands in {region}, the organization said {day}, aiming to protect livelihoods and biodiversity.
        Scientists said {day} that coral bleaching had spread along large stretches of the coast of {country}, driven by unusually warm sea temperatures.
        {Country} will ban single-use plastic bags, cups and straws from next year, {P} said {day}, in an effort to reduce waste in rivers and oceans.
        Glaciers in {region} are melting faster than previously thought, losing about {pct} of their mass each year, according to a study published {day}.
        Air pollution in {city} reached hazardous levels {day}, prompting authorities to close schools and restrict traffic.
        '''),
        _lines('''
        Wetlands provide food, water and flood protection for millions of people.
        The project will run for {years} and is funded with {money}.
        {Q} said warming waters were putting unprecedented pressure on marine ecosystems.
        Retailers will be given {months_n} to adjust to the new rules.
        The concentration of fine particulate matter was more than {n} times the level recommended by the World Health Organization.
        {P} said the protected area would cover more than {km_sq}.
        Environmental groups called for stricter enforcement of existing laws.
        Fishing communities said their catches had declined sharply over the past decade.
        The melting is contributing to rising sea levels and threatens water supplies for downstream communities.
        The authorities urged residents to stay indoors and wear masks when going outside.
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
        "Environment Ministry", "scientist", "fisherman", "", "PQQR", 6,
    ),
)
_TOPIC_WEIGHTS = tuple((t, t.weight) for t in TOPICS)
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
