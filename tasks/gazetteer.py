"""Word lists for rule-based entity recognition in English news-wire copy.

Plain literals, written by hand for this project (no downloaded data): countries with their
ISO 3166-1 alpha-2 codes, capitals and major cities, US states, regions, nationality words,
organisations, titles, common first names and the capitalised words that are not names.
First names and surnames are widened at the end with the US Census lists (tasks.ner.census)
and the names of well-known people (tasks.ner.people).

`country_code(name)` maps a LOC name (a country, city, state or region in any listed spelling)
or a nationality word to the ISO alpha-2 code of its country, or None.
The tables are read-only after import (tuples, frozensets, dicts nobody writes to).
"""

from __future__ import annotations

from tasks.ner import census, people

# ---------------------------------------------------------------------------------------------
# Countries: ISO 3166-1 alpha-2 code -> canonical English short name.
# XK (Kosovo) is a user-assigned code, in common use by the EU and IMF.
COUNTRIES: dict[str, str] = {
    "AD": "Andorra", "AE": "United Arab Emirates", "AF": "Afghanistan",
    "AG": "Antigua and Barbuda", "AI": "Anguilla", "AL": "Albania", "AM": "Armenia",
    "AO": "Angola", "AQ": "Antarctica", "AR": "Argentina", "AS": "American Samoa",
    "AT": "Austria", "AU": "Australia", "AW": "Aruba", "AX": "Åland Islands",
    "AZ": "Azerbaijan", "BA": "Bosnia and Herzegovina", "BB": "Barbados", "BD": "Bangladesh",
    "BE": "Belgium", "BF": "Burkina Faso", "BG": "Bulgaria", "BH": "Bahrain", "BI": "Burundi",
    "BJ": "Benin", "BL": "Saint Barthélemy", "BM": "Bermuda", "BN": "Brunei", "BO": "Bolivia",
    "BQ": "Caribbean Netherlands", "BR": "Brazil", "BS": "Bahamas", "BT": "Bhutan",
    "BV": "Bouvet Island", "BW": "Botswana", "BY": "Belarus", "BZ": "Belize", "CA": "Canada",
    "CC": "Cocos Islands", "CD": "Democratic Republic of the Congo",
    "CF": "Central African Republic", "CG": "Republic of the Congo", "CH": "Switzerland",
    "CI": "Côte d'Ivoire", "CK": "Cook Islands", "CL": "Chile", "CM": "Cameroon", "CN": "China",
    "CO": "Colombia", "CR": "Costa Rica", "CU": "Cuba", "CV": "Cape Verde", "CW": "Curaçao",
    "CX": "Christmas Island", "CY": "Cyprus", "CZ": "Czech Republic", "DE": "Germany",
    "DJ": "Djibouti", "DK": "Denmark", "DM": "Dominica", "DO": "Dominican Republic",
    "DZ": "Algeria", "EC": "Ecuador", "EE": "Estonia", "EG": "Egypt", "EH": "Western Sahara",
    "ER": "Eritrea", "ES": "Spain", "ET": "Ethiopia", "FI": "Finland", "FJ": "Fiji",
    "FK": "Falkland Islands", "FM": "Micronesia", "FO": "Faroe Islands", "FR": "France",
    "GA": "Gabon", "GB": "United Kingdom", "GD": "Grenada", "GE": "Georgia",
    "GF": "French Guiana", "GG": "Guernsey", "GH": "Ghana", "GI": "Gibraltar",
    "GL": "Greenland", "GM": "Gambia", "GN": "Guinea", "GP": "Guadeloupe",
    "GQ": "Equatorial Guinea", "GR": "Greece", "GS": "South Georgia and the South Sandwich Islands",
    "GT": "Guatemala", "GU": "Guam", "GW": "Guinea-Bissau", "GY": "Guyana", "HK": "Hong Kong",
    "HM": "Heard Island and McDonald Islands", "HN": "Honduras", "HR": "Croatia", "HT": "Haiti",
    "HU": "Hungary", "ID": "Indonesia", "IE": "Ireland", "IL": "Israel", "IM": "Isle of Man",
    "IN": "India", "IO": "British Indian Ocean Territory", "IQ": "Iraq", "IR": "Iran",
    "IS": "Iceland", "IT": "Italy", "JE": "Jersey", "JM": "Jamaica", "JO": "Jordan",
    "JP": "Japan", "KE": "Kenya", "KG": "Kyrgyzstan", "KH": "Cambodia", "KI": "Kiribati",
    "KM": "Comoros", "KN": "Saint Kitts and Nevis", "KP": "North Korea", "KR": "South Korea",
    "KW": "Kuwait", "KY": "Cayman Islands", "KZ": "Kazakhstan", "LA": "Laos", "LB": "Lebanon",
    "LC": "Saint Lucia", "LI": "Liechtenstein", "LK": "Sri Lanka", "LR": "Liberia",
    "LS": "Lesotho", "LT": "Lithuania", "LU": "Luxembourg", "LV": "Latvia", "LY": "Libya",
    "MA": "Morocco", "MC": "Monaco", "MD": "Moldova", "ME": "Montenegro", "MF": "Saint Martin",
    "MG": "Madagascar", "MH": "Marshall Islands", "MK": "North Macedonia", "ML": "Mali",
    "MM": "Myanmar", "MN": "Mongolia", "MO": "Macao", "MP": "Northern Mariana Islands",
    "MQ": "Martinique", "MR": "Mauritania", "MS": "Montserrat", "MT": "Malta",
    "MU": "Mauritius", "MV": "Maldives", "MW": "Malawi", "MX": "Mexico", "MY": "Malaysia",
    "MZ": "Mozambique", "NA": "Namibia", "NC": "New Caledonia", "NE": "Niger",
    "NF": "Norfolk Island", "NG": "Nigeria", "NI": "Nicaragua", "NL": "Netherlands",
    "NO": "Norway", "NP": "Nepal", "NR": "Nauru", "NU": "Niue", "NZ": "New Zealand", "OM": "Oman",
    "PA": "Panama", "PE": "Peru", "PF": "French Polynesia", "PG": "Papua New Guinea",
    "PH": "Philippines", "PK": "Pakistan", "PL": "Poland", "PM": "Saint Pierre and Miquelon",
    "PN": "Pitcairn Islands", "PR": "Puerto Rico", "PS": "Palestine", "PT": "Portugal",
    "PW": "Palau", "PY": "Paraguay", "QA": "Qatar", "RE": "Réunion", "RO": "Romania",
    "RS": "Serbia", "RU": "Russia", "RW": "Rwanda", "SA": "Saudi Arabia",
    "SB": "Solomon Islands", "SC": "Seychelles", "SD": "Sudan", "SE": "Sweden",
    "SG": "Singapore", "SH": "Saint Helena", "SI": "Slovenia", "SJ": "Svalbard and Jan Mayen",
    "SK": "Slovakia", "SL": "Sierra Leone", "SM": "San Marino", "SN": "Senegal",
    "SO": "Somalia", "SR": "Suriname", "SS": "South Sudan", "ST": "São Tomé and Príncipe",
    "SV": "El Salvador", "SX": "Sint Maarten", "SY": "Syria", "SZ": "Eswatini",
    "TC": "Turks and Caicos Islands", "TD": "Chad", "TF": "French Southern Territories",
    "TG": "Togo", "TH": "Thailand", "TJ": "Tajikistan", "TK": "Tokelau", "TL": "Timor-Leste",
    "TM": "Turkmenistan", "TN": "Tunisia", "TO": "Tonga", "TR": "Turkey",
    "TT": "Trinidad and Tobago", "TV": "Tuvalu", "TW": "Taiwan", "TZ": "Tanzania",
    "UA": "Ukraine", "UG": "Uganda", "UM": "United States Minor Outlying Islands",
    "US": "United States", "UY": "Uruguay", "UZ": "Uzbekistan", "VA": "Vatican City",
    "VC": "Saint Vincent and the Grenadines", "VE": "Venezuela", "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands", "VN": "Vietnam", "VU": "Vanuatu", "WF": "Wallis and Futuna",
    "WS": "Samoa", "XK": "Kosovo", "YE": "Yemen", "YT": "Mayotte", "ZA": "South Africa",
    "ZM": "Zambia", "ZW": "Zimbabwe",
}

# Other spellings of a country as written in wire copy -> canonical name (a COUNTRIES value).
# "America" is deliberately absent: it may mean the continent(s) or the United States.
COUNTRY_VARIANTS: dict[str, str] = {
    "U.S.": "United States", "US": "United States", "USA": "United States",
    "U.S.A.": "United States", "United States of America": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "United Kingdom of Great Britain and Northern Ireland": "United Kingdom",
    "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates",
    "Emirates": "United Arab Emirates",
    "Russian Federation": "Russia", "PRC": "China", "People's Republic of China": "China",
    "Chinese mainland": "China", "Mainland China": "China",
    "Republic of Korea": "South Korea", "ROK": "South Korea",
    "DPRK": "North Korea", "Democratic People's Republic of Korea": "North Korea",
    "Ivory Coast": "Côte d'Ivoire", "Cote d'Ivoire": "Côte d'Ivoire",
    "Burma": "Myanmar", "Czechia": "Czech Republic", "Holland": "Netherlands",
    "DR Congo": "Democratic Republic of the Congo",
    "DRC": "Democratic Republic of the Congo", "D.R. Congo": "Democratic Republic of the Congo",
    "Democratic Republic of Congo": "Democratic Republic of the Congo",
    "Congo-Kinshasa": "Democratic Republic of the Congo",
    "Congo": "Republic of the Congo", "Congo-Brazzaville": "Republic of the Congo",
    "Republic of Congo": "Republic of the Congo",
    "Vatican": "Vatican City", "Holy See": "Vatican City",
    "Palestinian Territories": "Palestine", "State of Palestine": "Palestine",
    "Türkiye": "Turkey", "Turkiye": "Turkey", "Swaziland": "Eswatini", "eSwatini": "Eswatini",
    "Macedonia": "North Macedonia", "Cabo Verde": "Cape Verde", "East Timor": "Timor-Leste",
    "Viet Nam": "Vietnam", "Lao PDR": "Laos", "Brunei Darussalam": "Brunei",
    "Syrian Arab Republic": "Syria", "Islamic Republic of Iran": "Iran",
    "Kingdom of Saudi Arabia": "Saudi Arabia", "KSA": "Saudi Arabia",
    "The Gambia": "Gambia", "The Bahamas": "Bahamas", "Macau": "Macao",
    "Hong Kong SAR": "Hong Kong", "Macao SAR": "Macao",
    "St. Lucia": "Saint Lucia", "St Lucia": "Saint Lucia",
    "St. Kitts and Nevis": "Saint Kitts and Nevis",
    "St. Vincent and the Grenadines": "Saint Vincent and the Grenadines",
    "Sao Tome and Principe": "São Tomé and Príncipe", "Curacao": "Curaçao",
    "Reunion": "Réunion", "Bosnia": "Bosnia and Herzegovina",
    "Bosnia-Herzegovina": "Bosnia and Herzegovina", "Trinidad": "Trinidad and Tobago",
    "Papua": "Papua New Guinea", "Falklands": "Falkland Islands",
    "Faroes": "Faroe Islands", "Timor Leste": "Timor-Leste",
    "Federated States of Micronesia": "Micronesia", "Kyrgyz Republic": "Kyrgyzstan",
    "Slovak Republic": "Slovakia", "Republic of Ireland": "Ireland", "Eire": "Ireland",
    "Chinese Taipei": "Taiwan",
}

# Capitals and major cities -> ISO code of their country.
CITIES: dict[str, str] = {
    # Capitals
    "Kabul": "AF", "Tirana": "AL", "Algiers": "DZ", "Andorra la Vella": "AD", "Luanda": "AO",
    "Buenos Aires": "AR", "Yerevan": "AM", "Canberra": "AU", "Vienna": "AT", "Baku": "AZ",
    "Nassau": "BS", "Manama": "BH", "Dhaka": "BD", "Bridgetown": "BB", "Minsk": "BY",
    "Brussels": "BE", "Belmopan": "BZ", "Porto-Novo": "BJ", "Cotonou": "BJ", "Thimphu": "BT",
    "La Paz": "BO", "Sucre": "BO", "Sarajevo": "BA", "Gaborone": "BW", "Brasilia": "BR",
    "Brasília": "BR", "Bandar Seri Begawan": "BN", "Sofia": "BG", "Ouagadougou": "BF",
    "Gitega": "BI", "Bujumbura": "BI", "Phnom Penh": "KH", "Yaounde": "CM", "Yaoundé": "CM",
    "Ottawa": "CA", "Bangui": "CF", "N'Djamena": "TD", "Santiago": "CL", "Beijing": "CN",
    "Bogota": "CO", "Bogotá": "CO", "Moroni": "KM", "Kinshasa": "CD", "Brazzaville": "CG",
    "San Jose": "CR", "San José": "CR", "Yamoussoukro": "CI", "Abidjan": "CI", "Zagreb": "HR",
    "Havana": "CU", "Nicosia": "CY", "Prague": "CZ", "Copenhagen": "DK", "Djibouti City": "DJ",
    "Roseau": "DM", "Santo Domingo": "DO", "Quito": "EC", "Cairo": "EG", "San Salvador": "SV",
    "Malabo": "GQ", "Asmara": "ER", "Tallinn": "EE", "Mbabane": "SZ", "Addis Ababa": "ET",
    "Suva": "FJ", "Helsinki": "FI", "Paris": "FR", "Libreville": "GA", "Banjul": "GM",
    "Tbilisi": "GE", "Berlin": "DE", "Accra": "GH", "Athens": "GR", "St. George's": "GD",
    "Guatemala City": "GT", "Conakry": "GN", "Bissau": "GW", "Georgetown": "GY",
    "Port-au-Prince": "HT", "Tegucigalpa": "HN", "Budapest": "HU", "Reykjavik": "IS",
    "New Delhi": "IN", "Jakarta": "ID", "Tehran": "IR", "Baghdad": "IQ", "Dublin": "IE",
    "Jerusalem": "IL", "Rome": "IT", "Kingston": "JM", "Tokyo": "JP", "Amman": "JO",
    "Astana": "KZ", "Nur-Sultan": "KZ", "Nairobi": "KE", "Tarawa": "KI", "Pristina": "XK",
    "Kuwait City": "KW", "Bishkek": "KG", "Vientiane": "LA", "Riga": "LV", "Beirut": "LB",
    "Maseru": "LS", "Monrovia": "LR", "Tripoli": "LY", "Vaduz": "LI", "Vilnius": "LT",
    "Antananarivo": "MG", "Lilongwe": "MW", "Kuala Lumpur": "MY", "Putrajaya": "MY",
    "Malé": "MV", "Bamako": "ML", "Valletta": "MT", "Majuro": "MH", "Nouakchott": "MR",
    "Port Louis": "MU", "Mexico City": "MX", "Palikir": "FM", "Chisinau": "MD",
    "Chişinău": "MD", "Ulaanbaatar": "MN", "Ulan Bator": "MN", "Podgorica": "ME",
    "Rabat": "MA", "Maputo": "MZ", "Naypyidaw": "MM", "Nay Pyi Taw": "MM", "Windhoek": "NA",
    "Kathmandu": "NP", "Amsterdam": "NL", "The Hague": "NL", "Wellington": "NZ",
    "Managua": "NI", "Niamey": "NE", "Abuja": "NG", "Pyongyang": "KP", "Skopje": "MK",
    "Oslo": "NO", "Muscat": "OM", "Islamabad": "PK", "Ngerulmud": "PW", "Ramallah": "PS",
    "Panama City": "PA", "Port Moresby": "PG", "Asuncion": "PY", "Asunción": "PY",
    "Lima": "PE", "Manila": "PH", "Warsaw": "PL", "Lisbon": "PT", "Doha": "QA",
    "Bucharest": "RO", "Moscow": "RU", "Kigali": "RW", "Basseterre": "KN", "Castries": "LC",
    "Kingstown": "VC", "Apia": "WS", "Riyadh": "SA", "Dakar": "SN", "Belgrade": "RS",
    "Victoria": "SC", "Freetown": "SL", "Bratislava": "SK", "Ljubljana": "SI",
    "Honiara": "SB", "Mogadishu": "SO", "Pretoria": "ZA", "Cape Town": "ZA",
    "Bloemfontein": "ZA", "Seoul": "KR", "Juba": "SS", "Madrid": "ES", "Colombo": "LK",
    "Khartoum": "SD", "Paramaribo": "SR", "Stockholm": "SE", "Bern": "CH", "Berne": "CH",
    "Damascus": "SY", "Taipei": "TW", "Dushanbe": "TJ", "Dodoma": "TZ", "Bangkok": "TH",
    "Dili": "TL", "Lome": "TG", "Lomé": "TG", "Nuku'alofa": "TO", "Port of Spain": "TT",
    "Tunis": "TN", "Ankara": "TR", "Ashgabat": "TM", "Funafuti": "TV", "Kampala": "UG",
    "Kyiv": "UA", "Kiev": "UA", "Abu Dhabi": "AE", "London": "GB", "Washington": "US",
    "Washington, D.C.": "US", "Washington D.C.": "US", "Montevideo": "UY", "Tashkent": "UZ",
    "Port Vila": "VU", "Caracas": "VE", "Hanoi": "VN", "Sanaa": "YE", "Sana'a": "YE",
    "Lusaka": "ZM", "Harare": "ZW", "Monaco": "MC", "San Marino": "SM", "Singapore": "SG",
    "Luxembourg": "LU", "Vatican City": "VA",
    # Major cities, by country
    "Sydney": "AU", "Melbourne": "AU", "Brisbane": "AU", "Perth": "AU", "Adelaide": "AU",
    "Darwin": "AU", "Hobart": "AU",
    "Toronto": "CA", "Montreal": "CA", "Vancouver": "CA", "Calgary": "CA", "Edmonton": "CA",
    "Quebec City": "CA", "Winnipeg": "CA",
    "New York": "US", "New York City": "US", "Los Angeles": "US", "Chicago": "US",
    "Houston": "US", "Phoenix": "US", "Philadelphia": "US", "San Antonio": "US",
    "San Diego": "US", "Dallas": "US", "San Francisco": "US", "Seattle": "US",
    "Boston": "US", "Atlanta": "US", "Miami": "US", "Detroit": "US", "Denver": "US",
    "Las Vegas": "US", "Baltimore": "US", "Pittsburgh": "US", "Cleveland": "US",
    "New Orleans": "US", "Minneapolis": "US", "St. Louis": "US", "Orlando": "US",
    "Sacramento": "US", "Portland": "US", "Nashville": "US", "Memphis": "US",
    "Milwaukee": "US", "Cincinnati": "US", "Honolulu": "US", "Anchorage": "US",
    "Silicon Valley": "US", "Manhattan": "US", "Brooklyn": "US", "Austin": "US",
    "Charlotte": "US", "Indianapolis": "US", "Kansas City": "US", "Salt Lake City": "US",
    "Tampa": "US", "Newark": "US", "Buffalo": "US", "Albuquerque": "US", "Tucson": "US",
    "Fort Worth": "US", "Oklahoma City": "US", "Richmond": "US", "Raleigh": "US",
    "Charleston": "US", "Savannah": "US", "Annapolis": "US", "Omaha": "US",
    "Mexico": "MX", "Guadalajara": "MX", "Monterrey": "MX", "Tijuana": "MX", "Cancun": "MX",
    "Acapulco": "MX", "Ciudad Juarez": "MX",
    "Sao Paulo": "BR", "São Paulo": "BR", "Rio de Janeiro": "BR", "Rio": "BR",
    "Salvador": "BR", "Belo Horizonte": "BR", "Recife": "BR", "Manaus": "BR",
    "Porto Alegre": "BR", "Fortaleza": "BR",
    "Medellin": "CO", "Medellín": "CO", "Cali": "CO", "Cartagena": "CO",
    "Guayaquil": "EC", "Valparaiso": "CL", "Cordoba": "AR", "Córdoba": "AR", "Rosario": "AR",
    "Maracaibo": "VE", "Santa Cruz": "BO",
    "Manchester": "GB", "Birmingham": "GB", "Liverpool": "GB", "Leeds": "GB",
    "Glasgow": "GB", "Edinburgh": "GB", "Cardiff": "GB", "Belfast": "GB", "Bristol": "GB",
    "Oxford": "GB", "Cambridge": "GB", "Sheffield": "GB", "Newcastle": "GB",
    "Nottingham": "GB", "Brighton": "GB", "Southampton": "GB", "Leicester": "GB",
    "Aberdeen": "GB", "Westminster": "GB",
    "Cork": "IE", "Galway": "IE",
    "Marseille": "FR", "Lyon": "FR", "Toulouse": "FR", "Nice": "FR", "Nantes": "FR",
    "Strasbourg": "FR", "Bordeaux": "FR", "Lille": "FR", "Calais": "FR", "Cannes": "FR",
    "Hamburg": "DE", "Munich": "DE", "Cologne": "DE", "Frankfurt": "DE", "Stuttgart": "DE",
    "Dusseldorf": "DE", "Düsseldorf": "DE", "Dortmund": "DE", "Essen": "DE", "Leipzig": "DE",
    "Bremen": "DE", "Dresden": "DE", "Hanover": "DE", "Nuremberg": "DE", "Bonn": "DE",
    "Milan": "IT", "Naples": "IT", "Turin": "IT", "Palermo": "IT", "Genoa": "IT",
    "Bologna": "IT", "Florence": "IT", "Venice": "IT", "Lampedusa": "IT",
    "Barcelona": "ES", "Valencia": "ES", "Seville": "ES", "Malaga": "ES", "Bilbao": "ES",
    "Palma": "ES", "Porto": "PT", "Rotterdam": "NL", "Utrecht": "NL", "Antwerp": "BE",
    "Geneva": "CH", "Zurich": "CH", "Zürich": "CH", "Basel": "CH", "Lausanne": "CH",
    "Davos": "CH", "Salzburg": "AT", "Gothenburg": "SE", "Malmo": "SE", "Malmö": "SE",
    "Bergen": "NO", "Aarhus": "DK", "Krakow": "PL", "Kraków": "PL", "Gdansk": "PL",
    "Wroclaw": "PL", "Thessaloniki": "GR", "Piraeus": "GR",
    "St. Petersburg": "RU", "Saint Petersburg": "RU", "St Petersburg": "RU",
    "Novosibirsk": "RU", "Yekaterinburg": "RU", "Kazan": "RU", "Sochi": "RU",
    "Vladivostok": "RU", "Kaliningrad": "RU", "Volgograd": "RU", "Murmansk": "RU",
    "Kharkiv": "UA", "Odessa": "UA", "Odesa": "UA", "Lviv": "UA", "Donetsk": "UA",
    "Luhansk": "UA", "Mariupol": "UA", "Dnipro": "UA", "Sevastopol": "UA", "Simferopol": "UA",
    "Istanbul": "TR", "Izmir": "TR", "Antalya": "TR", "Gaziantep": "TR", "Diyarbakir": "TR",
    "Aleppo": "SY", "Homs": "SY", "Idlib": "SY", "Raqqa": "SY", "Latakia": "SY",
    "Deir ez-Zor": "SY", "Hama": "SY", "Daraa": "SY",
    "Mosul": "IQ", "Basra": "IQ", "Erbil": "IQ", "Kirkuk": "IQ", "Fallujah": "IQ",
    "Ramadi": "IQ", "Najaf": "IQ", "Karbala": "IQ", "Tikrit": "IQ",
    "Benghazi": "LY", "Sirte": "LY", "Misrata": "LY", "Derna": "LY", "Sabha": "LY",
    "Tobruk": "LY", "Zawiya": "LY",
    "Alexandria": "EG", "Giza": "EG", "Luxor": "EG", "Aswan": "EG", "Sharm el-Sheikh": "EG",
    "Port Said": "EG", "Suez": "EG",
    "Tel Aviv": "IL", "Haifa": "IL", "Eilat": "IL",
    "Gaza City": "PS", "Hebron": "PS", "Bethlehem": "PS", "Nablus": "PS", "Jenin": "PS",
    "Rafah": "PS", "Khan Younis": "PS",
    "Jeddah": "SA", "Mecca": "SA", "Medina": "SA", "Dammam": "SA",
    "Dubai": "AE", "Sharjah": "AE", "Aden": "YE", "Hodeidah": "YE", "Taiz": "YE",
    "Isfahan": "IR", "Mashhad": "IR", "Tabriz": "IR", "Shiraz": "IR", "Qom": "IR",
    "Karachi": "PK", "Lahore": "PK", "Peshawar": "PK", "Quetta": "PK", "Rawalpindi": "PK",
    "Kandahar": "AF", "Herat": "AF", "Kunduz": "AF", "Jalalabad": "AF", "Mazar-i-Sharif": "AF",
    "Mumbai": "IN", "Bombay": "IN", "Delhi": "IN", "Kolkata": "IN", "Chennai": "IN",
    "Bangalore": "IN", "Bengaluru": "IN", "Hyderabad": "IN", "Ahmedabad": "IN", "Pune": "IN",
    "Srinagar": "IN", "Jaipur": "IN", "Lucknow": "IN",
    "Chittagong": "BD", "Kandy": "LK", "Pokhara": "NP",
    "Shanghai": "CN", "Guangzhou": "CN", "Shenzhen": "CN", "Chongqing": "CN", "Tianjin": "CN",
    "Wuhan": "CN", "Chengdu": "CN", "Nanjing": "CN", "Hangzhou": "CN", "Xi'an": "CN",
    "Harbin": "CN", "Shenyang": "CN", "Dalian": "CN", "Qingdao": "CN", "Xiamen": "CN",
    "Kunming": "CN", "Urumqi": "CN", "Lhasa": "CN", "Changsha": "CN", "Zhengzhou": "CN",
    "Jinan": "CN", "Fuzhou": "CN", "Nanning": "CN", "Hefei": "CN", "Suzhou": "CN",
    "Ningbo": "CN", "Haikou": "CN", "Sanya": "CN", "Lanzhou": "CN", "Hohhot": "CN",
    "Guiyang": "CN", "Taiyuan": "CN", "Shijiazhuang": "CN", "Changchun": "CN",
    "Nanchang": "CN", "Xining": "CN", "Yinchuan": "CN", "Dongguan": "CN", "Foshan": "CN",
    "Kaohsiung": "TW", "Taichung": "TW",
    "Osaka": "JP", "Kyoto": "JP", "Yokohama": "JP", "Nagoya": "JP", "Sapporo": "JP",
    "Kobe": "JP", "Fukuoka": "JP", "Hiroshima": "JP", "Nagasaki": "JP", "Okinawa": "JP",
    "Fukushima": "JP", "Busan": "KR", "Incheon": "KR", "Daegu": "KR",
    "Ho Chi Minh City": "VN", "Saigon": "VN", "Da Nang": "VN", "Haiphong": "VN",
    "Chiang Mai": "TH", "Phuket": "TH", "Pattaya": "TH", "Yangon": "MM", "Rangoon": "MM",
    "Mandalay": "MM", "Siem Reap": "KH", "Surabaya": "ID", "Bandung": "ID", "Medan": "ID",
    "Bali": "ID", "Cebu": "PH", "Davao": "PH", "Marawi": "PH", "Penang": "MY",
    "Almaty": "KZ", "Samarkand": "UZ",
    "Lagos": "NG", "Kano": "NG", "Maiduguri": "NG", "Port Harcourt": "NG", "Ibadan": "NG",
    "Johannesburg": "ZA", "Durban": "ZA", "Soweto": "ZA",
    "Mombasa": "KE", "Kisumu": "KE", "Dar es Salaam": "TZ", "Zanzibar": "TZ", "Arusha": "TZ",
    "Casablanca": "MA", "Marrakech": "MA", "Tangier": "MA", "Fez": "MA",
    "Oran": "DZ", "Constantine": "DZ", "Sfax": "TN", "Kumasi": "GH", "Douala": "CM",
    "Goma": "CD", "Lubumbashi": "CD", "Timbuktu": "ML", "Gao": "ML", "Kidal": "ML",
    "Omdurman": "SD", "Port Sudan": "SD", "Darfur": "SD", "Benin City": "NG",
    "Kismayo": "SO", "Hargeisa": "SO", "Bulawayo": "ZW",
    "Auckland": "NZ", "Christchurch": "NZ",
}

# US states (and DC), all coded US.
US_STATES: tuple[str, ...] = (
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota",
    "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey",
    "New Mexico", "North Carolina", "North Dakota", "Ohio", "Oklahoma", "Oregon",
    "Pennsylvania", "Rhode Island", "South Carolina", "South Dakota", "Tennessee", "Texas",
    "Utah", "Vermont", "Virginia", "West Virginia", "Wisconsin", "Wyoming",
    "District of Columbia", "Washington State",
)

# Regions, provinces and areas -> ISO code where they lie in one country, else None.
REGIONS: dict[str, str | None] = {
    "Earth": None, "Europe": None, "Asia": None, "Africa": None, "North America": None,
    "South America": None, "Latin America": None, "Central America": None, "America": None,
    "Americas": None, "Oceania": None, "Eurasia": None,
    "Middle East": None, "Near East": None, "Far East": None, "Asia-Pacific": None,
    "Asia Pacific": None, "Southeast Asia": None, "South Asia": None, "East Asia": None,
    "Central Asia": None, "West Asia": None, "Western Europe": None, "Eastern Europe": None,
    "Central Europe": None, "Northern Europe": None, "Southern Europe": None,
    "Scandinavia": None, "Balkans": None, "Western Balkans": None, "Baltics": None,
    "Caucasus": None, "North Caucasus": "RU", "South Caucasus": None, "Caribbean": None,
    "North Africa": None, "West Africa": None, "East Africa": None, "Southern Africa": None,
    "Central Africa": None, "Sub-Saharan Africa": None, "Horn of Africa": None, "Sahel": None,
    "Sahara": None, "Maghreb": None, "Levant": None, "Gulf": None, "Persian Gulf": None,
    "Arabian Peninsula": None, "Mediterranean": None, "Arctic": None,
    "Pacific": None, "Atlantic": None, "Indian Ocean": None, "Pacific Ocean": None,
    "Atlantic Ocean": None, "Arctic Ocean": None, "South China Sea": None,
    "East China Sea": None, "Red Sea": None, "Black Sea": None, "Baltic Sea": None,
    "Caspian Sea": None, "Dead Sea": None, "North Sea": None, "Mediterranean Sea": None,
    "Sea of Japan": None, "Yellow Sea": None, "Gulf of Aden": None, "Gulf of Mexico": None,
    "Strait of Hormuz": None, "Taiwan Strait": None, "Bosporus": "TR", "Suez Canal": "EG",
    "Panama Canal": "PA", "English Channel": None, "Mekong": None, "Lower Mekong": None,
    "Mekong River": None, "Nile": None, "Nile River": None, "Yangtze": "CN",
    "Yangtze River": "CN", "Yellow River": "CN", "Danube": None, "Amazon River": None,
    "Himalayas": None, "Alps": None, "Andes": None, "Korean Peninsula": None,
    "Indochina": None,
    "West Bank": "PS", "Gaza": "PS", "Gaza Strip": "PS", "East Jerusalem": "PS",
    "Palestinian territories": "PS", "Golan Heights": None, "Sinai": "EG",
    "Sinai Peninsula": "EG", "Crimea": "UA", "Donbas": "UA", "Donbass": "UA",
    "Kurdistan": None, "Iraqi Kurdistan": "IQ", "Kashmir": None, "Jammu and Kashmir": "IN",
    "Punjab": None, "Balochistan": "PK", "Khyber Pakhtunkhwa": "PK", "Helmand": "AF",
    "Nagorno-Karabakh": "AZ", "Chechnya": "RU", "Dagestan": "RU", "Siberia": "RU",
    "Tatarstan": "RU", "Abkhazia": "GE", "South Ossetia": "GE", "Transnistria": "MD",
    "Catalonia": "ES", "Basque Country": "ES", "Andalusia": "ES", "Canary Islands": "ES",
    "Bavaria": "DE", "Saxony": "DE", "Corsica": "FR", "Brittany": "FR", "Normandy": "FR",
    "Sicily": "IT", "Sardinia": "IT", "Tuscany": "IT", "Lombardy": "IT",
    "Scotland": "GB", "England": "GB", "Wales": "GB", "Northern Ireland": "GB",
    "Flanders": "BE", "Wallonia": "BE", "Greenland": "GL", "Tibet": "CN", "Xinjiang": "CN",
    "Inner Mongolia": "CN", "Guangdong": "CN", "Sichuan": "CN", "Yunnan": "CN",
    "Zhejiang": "CN", "Jiangsu": "CN", "Shandong": "CN", "Henan": "CN", "Hebei": "CN",
    "Hubei": "CN", "Hunan": "CN", "Fujian": "CN", "Anhui": "CN", "Jiangxi": "CN",
    "Shaanxi": "CN", "Shanxi": "CN", "Gansu": "CN", "Qinghai": "CN", "Guizhou": "CN",
    "Guangxi": "CN", "Hainan": "CN", "Liaoning": "CN", "Jilin": "CN", "Heilongjiang": "CN",
    "Ningxia": "CN", "Hokkaido": "JP", "Kyushu": "JP", "Mindanao": "PH", "Luzon": "PH",
    "Java": "ID", "Sumatra": "ID", "Borneo": None, "Papua Province": "ID", "Aceh": "ID",
    "Rakhine": "MM", "Kachin": "MM", "Shan": "MM", "Bengal": None, "West Bengal": "IN",
    "Kerala": "IN", "Tamil Nadu": "IN", "Maharashtra": "IN", "Gujarat": "IN",
    "Uttar Pradesh": "IN", "Bihar": "IN", "Karnataka": "IN", "Assam": "IN",
    "Ontario": "CA", "Quebec": "CA", "British Columbia": "CA", "Alberta": "CA",
    "Manitoba": "CA", "Saskatchewan": "CA", "Nova Scotia": "CA", "Newfoundland": "CA",
    "New South Wales": "AU", "Queensland": "AU", "Tasmania": "AU", "Western Australia": "AU",
    "South Australia": "AU", "Patagonia": None, "Tigray": "ET", "Oromia": "ET",
    "Amhara": "ET", "Kordofan": "SD", "Blue Nile": None, "Cyrenaica": "LY",
    "Tripolitania": "LY", "Fezzan": "LY", "Sinjar": "IQ", "Anbar": "IQ", "Nineveh": "IQ",
    "Kurdistan Region": "IQ", "Ghouta": "SY", "Eastern Ghouta": "SY",
    "Hong Kong Island": "HK", "Kowloon": "HK", "Puntland": "SO", "Somaliland": "SO",
    "Western Sahara": "EH", "Zanzibar Island": "TZ",
}

# Nationality / demonym adjectives -> ISO code. Used as MISC and as ORG/role modifiers.
NATIONALITIES: dict[str, str] = {
    "Afghan": "AF", "Albanian": "AL", "Algerian": "DZ", "American": "US", "Andorran": "AD",
    "Angolan": "AO", "Argentine": "AR", "Argentinian": "AR", "Armenian": "AM",
    "Australian": "AU", "Austrian": "AT", "Azerbaijani": "AZ", "Azeri": "AZ",
    "Bahamian": "BS", "Bahraini": "BH", "Bangladeshi": "BD", "Barbadian": "BB",
    "Belarusian": "BY", "Belgian": "BE", "Belizean": "BZ", "Beninese": "BJ",
    "Bhutanese": "BT", "Bolivian": "BO", "Bosnian": "BA", "Botswanan": "BW",
    "Brazilian": "BR", "British": "GB", "Bruneian": "BN", "Bulgarian": "BG",
    "Burkinabe": "BF", "Burmese": "MM", "Burundian": "BI", "Cambodian": "KH",
    "Cameroonian": "CM", "Canadian": "CA", "Cape Verdean": "CV", "Chadian": "TD",
    "Chilean": "CL", "Chinese": "CN", "Colombian": "CO", "Comorian": "KM", "Congolese": "CD",
    "Costa Rican": "CR", "Croatian": "HR", "Cuban": "CU", "Cypriot": "CY", "Czech": "CZ",
    "Danish": "DK", "Djiboutian": "DJ", "Dominican": "DO", "Dutch": "NL", "Ecuadorian": "EC",
    "Egyptian": "EG", "Emirati": "AE", "English": "GB", "Equatorial Guinean": "GQ",
    "Eritrean": "ER", "Estonian": "EE", "Ethiopian": "ET", "Fijian": "FJ", "Filipino": "PH",
    "Finnish": "FI", "French": "FR", "Gabonese": "GA", "Gambian": "GM", "Georgian": "GE",
    "German": "DE", "Ghanaian": "GH", "Greek": "GR", "Guatemalan": "GT", "Guinean": "GN",
    "Guyanese": "GY", "Haitian": "HT", "Honduran": "HN", "Hungarian": "HU",
    "Icelandic": "IS", "Indian": "IN", "Indonesian": "ID", "Iranian": "IR", "Iraqi": "IQ",
    "Irish": "IE", "Israeli": "IL", "Italian": "IT", "Ivorian": "CI", "Jamaican": "JM",
    "Japanese": "JP", "Jordanian": "JO", "Kazakh": "KZ", "Kazakhstani": "KZ",
    "Kenyan": "KE", "Kosovar": "XK", "Kuwaiti": "KW", "Kyrgyz": "KG", "Lao": "LA",
    "Laotian": "LA", "Latvian": "LV", "Lebanese": "LB", "Liberian": "LR", "Libyan": "LY",
    "Lithuanian": "LT", "Luxembourgish": "LU", "Macedonian": "MK", "Malagasy": "MG",
    "Malawian": "MW", "Malaysian": "MY", "Maldivian": "MV", "Malian": "ML", "Maltese": "MT",
    "Mauritanian": "MR", "Mauritian": "MU", "Mexican": "MX", "Moldovan": "MD",
    "Monegasque": "MC", "Mongolian": "MN", "Montenegrin": "ME", "Moroccan": "MA",
    "Mozambican": "MZ", "Namibian": "NA", "Nepali": "NP", "Nepalese": "NP",
    "New Zealand": "NZ", "Nicaraguan": "NI", "Nigerien": "NE", "Nigerian": "NG",
    "North Korean": "KP", "Norwegian": "NO", "Omani": "OM", "Pakistani": "PK",
    "Palestinian": "PS", "Panamanian": "PA", "Paraguayan": "PY", "Peruvian": "PE",
    "Philippine": "PH", "Polish": "PL", "Portuguese": "PT", "Qatari": "QA",
    "Romanian": "RO", "Russian": "RU", "Rwandan": "RW", "Salvadoran": "SV", "Samoan": "WS",
    "Saudi": "SA", "Saudi Arabian": "SA", "Scottish": "GB", "Senegalese": "SN",
    "Serbian": "RS", "Serb": "RS", "Sierra Leonean": "SL", "Singaporean": "SG",
    "Slovak": "SK", "Slovakian": "SK", "Slovenian": "SI", "Somali": "SO",
    "South African": "ZA", "South Korean": "KR", "South Sudanese": "SS", "Spanish": "ES",
    "Sri Lankan": "LK", "Sudanese": "SD", "Surinamese": "SR", "Swazi": "SZ",
    "Swedish": "SE", "Swiss": "CH", "Syrian": "SY", "Taiwanese": "TW", "Tajik": "TJ",
    "Tanzanian": "TZ", "Thai": "TH", "Tibetan": "CN", "Togolese": "TG", "Tongan": "TO",
    "Trinidadian": "TT", "Tunisian": "TN", "Turkish": "TR", "Turkmen": "TM",
    "Ugandan": "UG", "Ukrainian": "UA", "Uruguayan": "UY", "Uzbek": "UZ",
    "Venezuelan": "VE", "Vietnamese": "VN", "Welsh": "GB", "Yemeni": "YE", "Zambian": "ZM",
    "Zimbabwean": "ZW", "Kurdish": None, "Kurd": None, "Arab": None, "Arabic": None,
    "European": None, "Asian": None, "African": None, "Latin American": None,
    "Middle Eastern": None, "Western": None, "Eastern": None, "Nordic": None, "Gulf Arab": None,
    "Persian": "IR", "Pashtun": None, "Uighur": "CN", "Uyghur": "CN", "Rohingya": "MM",
    "Hispanic": None, "Latino": None, "Scandinavian": None, "Baltic": None, "Balkan": None,
    "Caribbean": None, "Pacific": None, "Atlantic": None, "Mediterranean": None,
    "Transatlantic": None, "Anglo": None, "Sino": "CN", "Soviet": None, "Yugoslav": None,
    "Ottoman": None, "Crimean": "UA", "Catalan": "ES", "Basque": "ES", "Hong Kong": "HK",
    "Jewish": None, "Muslim": None, "Christian": None, "Catholic": None, "Protestant": None,
    "Orthodox": None, "Islamic": None, "Islamist": None, "Sunni": None, "Shiite": None,
    "Shia": None, "Hindu": None, "Buddhist": None, "Sikh": None, "Coptic": None,
    "Alawite": None, "Druze": None, "Yazidi": None, "Hebrew": None, "Mandarin": None,
    "Cantonese": None, "Urdu": None, "Hindi": None, "Farsi": None,
}

# ---------------------------------------------------------------------------------------------
# Organisations: canonical name -> other ways wire copy writes it.
ORGANIZATIONS: dict[str, tuple[str, ...]] = {
    # International bodies
    "United Nations": ("UN", "U.N.", "United Nations Organization"),
    "UN Security Council": ("United Nations Security Council", "Security Council",
                            "UN Security Council", "U.N. Security Council", "UNSC"),
    "UN General Assembly": ("United Nations General Assembly", "General Assembly", "UNGA",
                            "U.N. General Assembly"),
    "UN Human Rights Council": ("Human Rights Council", "UNHRC",
                                "United Nations Human Rights Council"),
    "UNICEF": ("United Nations Children's Fund",),
    "UNESCO": ("United Nations Educational, Scientific and Cultural Organization",),
    "UNHCR": ("UN Refugee Agency", "United Nations High Commissioner for Refugees",
              "Office of the United Nations High Commissioner for Refugees"),
    "UNDP": ("United Nations Development Programme", "UN Development Programme"),
    "UNEP": ("United Nations Environment Programme", "UN Environment Programme",
             "UN Environment"),
    "World Food Programme": ("WFP", "World Food Program", "UN World Food Programme"),
    "Food and Agriculture Organization": ("FAO", "UN Food and Agriculture Organization"),
    "International Atomic Energy Agency": ("IAEA",),
    "International Labour Organization": ("ILO", "International Labor Organization"),
    "International Organization for Migration": ("IOM",),
    "UNRWA": ("United Nations Relief and Works Agency",),
    "OCHA": ("UN Office for the Coordination of Humanitarian Affairs",),
    "World Health Organization": ("WHO", "World Health Organisation", "UN health agency"),
    "International Monetary Fund": ("IMF",),
    "World Bank": ("World Bank Group",),
    "World Trade Organization": ("WTO", "World Trade Organisation"),
    "International Criminal Court": ("ICC",),
    "International Court of Justice": ("ICJ", "World Court"),
    "International Committee of the Red Cross": ("ICRC", "Red Cross"),
    "Red Crescent": ("Red Crescent Society",),
    "Interpol": ("INTERPOL",),
    "NATO": ("North Atlantic Treaty Organization", "Nato", "North Atlantic Treaty Organisation"),
    "European Union": ("EU", "E.U."),
    "European Commission": ("EC",),
    "European Parliament": (),
    "European Council": (),
    "Council of the European Union": ("Council of the EU",),
    "European Central Bank": ("ECB",),
    "European Court of Justice": ("ECJ",),
    "European Court of Human Rights": ("ECHR",),
    "Council of Europe": (),
    "Eurogroup": (),
    "Eurostat": (),
    "OSCE": ("Organization for Security and Co-operation in Europe",
             "Organization for Security and Cooperation in Europe"),
    "OECD": ("Organisation for Economic Co-operation and Development",
             "Organization for Economic Cooperation and Development"),
    "OPEC": ("Organization of the Petroleum Exporting Countries",),
    "ASEAN": ("Association of Southeast Asian Nations", "Association of South East Asian Nations"),
    "African Union": ("AU",),
    "Arab League": ("League of Arab States",),
    "Gulf Cooperation Council": ("GCC",),
    "Organisation of Islamic Cooperation": ("OIC", "Organization of Islamic Cooperation"),
    "Shanghai Cooperation Organization": ("SCO", "Shanghai Cooperation Organisation"),
    "BRICS": (),
    "G7": ("Group of Seven", "G-7"),
    "G20": ("Group of 20", "G-20", "Group of Twenty"),
    "APEC": ("Asia-Pacific Economic Cooperation",),
    "Asian Development Bank": ("ADB",),
    "Asian Infrastructure Investment Bank": ("AIIB",),
    "African Development Bank": ("AfDB",),
    "ECOWAS": ("Economic Community of West African States",),
    "Mercosur": ("MERCOSUR",),
    "Commonwealth": ("Commonwealth of Nations",),
    "Amnesty International": ("Amnesty",),
    "Human Rights Watch": ("HRW",),
    "Medecins Sans Frontieres": ("MSF", "Doctors Without Borders", "Médecins Sans Frontières"),
    "Greenpeace": (),
    "Oxfam": (),
    "Save the Children": (),
    "IUCN": ("International Union for Conservation of Nature",),
    "WWF": ("World Wildlife Fund", "World Wide Fund for Nature"),
    "International Olympic Committee": ("IOC",),
    "FIFA": (),
    "UEFA": (),
    "World Economic Forum": ("WEF",),
    "Bank for International Settlements": ("BIS",),
    "International Energy Agency": ("IEA",),
    # Armed and political groups
    "Islamic State": ("ISIS", "ISIL", "Daesh", "Islamic State group",
                      "Islamic State of Iraq and Syria", "Islamic State of Iraq and the Levant"),
    "Hamas": ("HAMAS",),
    "Hezbollah": ("Hizbollah", "Hizbullah"),
    "Taliban": (),
    "al-Qaeda": ("Al-Qaeda", "al Qaeda", "Al Qaeda", "al-Qaida", "Al-Qaida"),
    "al-Shabaab": ("Al-Shabaab", "al Shabaab", "Al Shabaab"),
    "Boko Haram": (),
    "Fatah": (),
    "Palestine Liberation Organization": ("PLO",),
    "Palestinian Authority": (),
    "Houthis": ("Houthi", "Ansar Allah"),
    "Muslim Brotherhood": (),
    "Kurdistan Workers' Party": ("PKK",),
    "Syrian Democratic Forces": ("SDF",),
    "Free Syrian Army": ("FSA",),
    "Islamic Revolutionary Guard Corps": ("IRGC", "Revolutionary Guards", "Revolutionary Guard"),
    "Libyan National Army": ("LNA",),
    "Government of National Accord": ("GNA",),
    "Wagner Group": (),
    # Governments, parliaments, agencies
    "White House": (),
    "Pentagon": (),
    "Kremlin": (),
    "State Department": ("U.S. State Department", "US State Department",
                         "Department of State"),
    "Congress": ("U.S. Congress", "US Congress"),
    "Senate": ("U.S. Senate", "US Senate"),
    "House of Representatives": ("U.S. House of Representatives", "House"),
    "Supreme Court": ("U.S. Supreme Court", "US Supreme Court"),
    "Federal Reserve": ("Fed", "U.S. Federal Reserve", "US Federal Reserve",
                        "Federal Reserve Board"),
    "Treasury": ("U.S. Treasury", "Treasury Department"),
    "Department of Homeland Security": ("DHS", "Homeland Security"),
    "Department of Justice": ("Justice Department", "DOJ"),
    "Department of Defense": ("Defense Department", "DoD"),
    "FBI": ("Federal Bureau of Investigation",),
    "CIA": ("Central Intelligence Agency",),
    "NSA": ("National Security Agency",),
    "NASA": ("National Aeronautics and Space Administration",),
    "Environmental Protection Agency": ("EPA",),
    "Securities and Exchange Commission": ("SEC",),
    "Federal Aviation Administration": ("FAA",),
    "Food and Drug Administration": ("FDA",),
    "Centers for Disease Control and Prevention": ("CDC",),
    "Democratic Party": ("Democrats",),
    "Republican Party": ("Republicans", "GOP"),
    "Downing Street": ("Number 10",),
    "House of Commons": ("Commons",),
    "House of Lords": ("Lords",),
    "Conservative Party": ("Conservatives", "Tories", "Tory"),
    "Labour Party": ("Labour",),
    "Liberal Democrats": ("Lib Dems",),
    "Scottish National Party": ("SNP",),
    "Bank of England": ("BoE",),
    "Bundestag": (),
    "Bundesbank": (),
    "Elysee": ("Elysée", "Élysée", "Elysee Palace"),
    "Duma": ("State Duma",),
    "Knesset": (),
    "Communist Party of China": ("CPC", "Chinese Communist Party", "CCP",
                                 "Communist Party of China Central Committee"),
    "National People's Congress": ("NPC",),
    "Chinese People's Political Consultative Conference": ("CPPCC",),
    "State Council": (),
    "People's Liberation Army": ("PLA",),
    "People's Bank of China": ("PBOC", "PBoC"),
    "Bank of Japan": ("BOJ", "BoJ"),
    "Reserve Bank of India": ("RBI",),
    "Indian National Congress": ("Congress party",),
    "Bharatiya Janata Party": ("BJP",),
    "African National Congress": ("ANC",),
    "Likud": (),
    "Israel Defense Forces": ("IDF", "Israeli Defense Forces", "Israeli army"),
    "Mossad": (),
    "Hong Kong Special Administrative Region": ("HKSAR",),
    # News agencies and media
    "Reuters": ("Thomson Reuters",),
    "Xinhua": ("Xinhua News Agency",),
    "Associated Press": ("AP",),
    "Agence France-Presse": ("AFP", "Agence France Presse"),
    "dpa": ("Deutsche Presse-Agentur", "DPA"),
    "Bloomberg": ("Bloomberg News",),
    "BBC": ("British Broadcasting Corporation",),
    "CNN": (),
    "Al Jazeera": ("Al-Jazeera", "Aljazeera"),
    "Al Arabiya": ("Al-Arabiya",),
    "TASS": ("Tass", "ITAR-TASS"),
    "RIA Novosti": ("RIA",),
    "Interfax": (),
    "Kyodo": ("Kyodo News",),
    "Yonhap": ("Yonhap News Agency",),
    "ANSA": (),
    "EFE": (),
    "Anadolu Agency": ("Anadolu",),
    "IRNA": (),
    "KCNA": ("Korean Central News Agency",),
    "CCTV": ("China Central Television",),
    "CGTN": (),
    "People's Daily": (),
    "Global Times": (),
    "China Daily": (),
    "New York Times": ("The New York Times",),
    "Washington Post": ("The Washington Post",),
    "Wall Street Journal": ("The Wall Street Journal", "WSJ"),
    "Financial Times": ("FT",),
    "The Guardian": (),
    "The Economist": (),
    "Fox News": (),
    "NBC": ("NBC News",),
    "CBS": ("CBS News",),
    "ABC": ("ABC News",),
    "NPR": (),
    "Politico": (),
    "Axios": (),
    # Companies
    "ADP": ("Automatic Data Processing",),
    "Google": ("Alphabet",),
    "Apple": ("Apple Inc.", "Apple Inc"),
    "Microsoft": ("Microsoft Corp.", "Microsoft Corporation"),
    "Amazon": ("Amazon.com",),
    "Meta": ("Facebook", "Meta Platforms"),
    "Twitter": (),
    "Tesla": (),
    "IBM": (),
    "Intel": (),
    "Nvidia": ("NVIDIA",),
    "Samsung": ("Samsung Electronics",),
    "Sony": (),
    "Toyota": ("Toyota Motor",),
    "Honda": (),
    "Nissan": (),
    "Volkswagen": ("VW",),
    "BMW": (),
    "Daimler": ("Mercedes-Benz",),
    "General Motors": ("GM",),
    "Ford": ("Ford Motor",),
    "Boeing": (),
    "Airbus": (),
    "Huawei": (),
    "Alibaba": ("Alibaba Group",),
    "Tencent": (),
    "Baidu": (),
    "ByteDance": (),
    "TikTok": (),
    "Xiaomi": (),
    "Lenovo": (),
    "Sinopec": (),
    "PetroChina": (),
    "CNPC": ("China National Petroleum Corporation",),
    "ExxonMobil": ("Exxon Mobil", "Exxon"),
    "Chevron": (),
    "Shell": ("Royal Dutch Shell", "Shell plc"),
    "BP": (),
    "TotalEnergies": (),
    "Gazprom": (),
    "Rosneft": (),
    "Saudi Aramco": ("Aramco",),
    "Goldman Sachs": (),
    "JPMorgan": ("JPMorgan Chase", "JP Morgan"),
    "Morgan Stanley": (),
    "Citigroup": ("Citi",),
    "HSBC": (),
    "Barclays": (),
    "Deutsche Bank": (),
    "UBS": (),
    "Credit Suisse": (),
    "BlackRock": (),
    "Siemens": (),
    "Nestle": ("Nestlé",),
    "Unilever": (),
    "Walmart": ("Wal-Mart",),
    "Netflix": (),
    "Disney": ("Walt Disney",),
    "Uber": (),
    "OpenAI": (),
    "SpaceX": (),
    "Pfizer": (),
    "Moderna": (),
    "AstraZeneca": (),
    "Johnson & Johnson": ("J&J",),
    "Coca-Cola": (),
    "PepsiCo": ("Pepsi",),
    "McDonald's": (),
    "Starbucks": (),
    "Visa": (),
    "Mastercard": (),
    "Nike": (),
    "Nokia": (),
    "Ericsson": (),
    "Foxconn": (),
    "TSMC": ("Taiwan Semiconductor Manufacturing Company",),
    "Hyundai": (),
    "Kia": (),
    "Renault": (),
    "Fiat": (),
    "Stellantis": (),
    "Glencore": (),
    "Rio Tinto": (),
    "BHP": (),
    "Maersk": (),
    "Emirates Airline": (),
    "Lufthansa": (),
    "Air France": (),
    "British Airways": (),
    "Ryanair": (),
    "Wall Street": (),
    "Nasdaq": ("NASDAQ",),
    "New York Stock Exchange": ("NYSE",),
    "Dow Jones": ("Dow",),
    "S&P": ("Standard & Poor's", "S&P Global"),
    "Moody's": (),
    "Fitch": ("Fitch Ratings",),
    "Nikkei": (),
    "London Stock Exchange": ("LSE",),
    # Sports
    "Manchester United": ("Man United",),
    "Manchester City": ("Man City",),
    "Real Madrid": (),
    "Barcelona FC": ("FC Barcelona", "Barca"),
    "Bayern Munich": (),
    "Chelsea": (),
    "Arsenal": (),
    "Juventus": (),
    "NBA": (),
    "NFL": (),
    "Premier League": (),
    # More international bodies
    "International Federation of Red Cross and Red Crescent Societies": ("IFRC",),
    "World Meteorological Organization": ("WMO",),
    "Intergovernmental Panel on Climate Change": ("IPCC",),
    "UNFCCC": ("United Nations Framework Convention on Climate Change",
               "UN Framework Convention on Climate Change"),
    "UNFPA": ("United Nations Population Fund", "UN Population Fund"),
    "UN Women": ("United Nations Entity for Gender Equality and the Empowerment of Women",),
    "UNCTAD": ("United Nations Conference on Trade and Development",
               "UN Conference on Trade and Development"),
    "UNODC": ("United Nations Office on Drugs and Crime", "UN Office on Drugs and Crime"),
    "OHCHR": ("Office of the High Commissioner for Human Rights", "UN Human Rights Office",
              "UN human rights office"),
    "International Maritime Organization": ("IMO",),
    "International Civil Aviation Organization": ("ICAO",),
    "UNIFIL": ("United Nations Interim Force in Lebanon", "UN Interim Force in Lebanon"),
    "Organisation for the Prohibition of Chemical Weapons": (
        "OPCW", "Organization for the Prohibition of Chemical Weapons"),
    "European Investment Bank": ("EIB",),
    "European Bank for Reconstruction and Development": ("EBRD",),
    "Organization of American States": ("OAS",),
    "Collective Security Treaty Organization": ("CSTO",),
    "Commonwealth of Independent States": ("CIS",),
    "AUKUS": (),
    "Five Eyes": (),
    "Gavi": ("GAVI", "Vaccine Alliance"),
    "Global Fund to Fight AIDS, Tuberculosis and Malaria": ("Global Fund",),
    "Europol": (),
    "Frontex": (),
    "European Medicines Agency": ("EMA",),
    # US government agencies and regulators
    "Federal Trade Commission": ("FTC",),
    "Federal Communications Commission": ("FCC",),
    "National Transportation Safety Board": ("NTSB",),
    "Nuclear Regulatory Commission": ("NRC",),
    "Drug Enforcement Administration": ("DEA",),
    "Internal Revenue Service": ("IRS",),
    "Immigration and Customs Enforcement": ("ICE", "U.S. Immigration and Customs Enforcement"),
    "Customs and Border Protection": ("CBP", "U.S. Customs and Border Protection"),
    "Transportation Security Administration": ("TSA",),
    "Federal Emergency Management Agency": ("FEMA",),
    "National Institutes of Health": ("NIH",),
    "Secret Service": ("U.S. Secret Service", "US Secret Service"),
    "National Security Council": ("NSC",),
    "Commerce Department": ("Department of Commerce", "U.S. Commerce Department",
                            "US Commerce Department"),
    "Labor Department": ("Department of Labor", "U.S. Labor Department", "US Labor Department"),
    "Department of Agriculture": ("USDA", "Agriculture Department"),
    "Department of Health and Human Services": ("HHS", "Health and Human Services"),
    "USAID": ("U.S. Agency for International Development",
              "United States Agency for International Development"),
    "National Guard": (),
    "U.S. Marine Corps": ("US Marine Corps", "USMC", "Marine Corps"),
    "U.S. Space Force": ("US Space Force", "Space Force"),
    "NOAA": ("National Oceanic and Atmospheric Administration",),
    # UK government bodies and regulators
    "Ofcom": (),
    "Financial Conduct Authority": ("FCA",),
    "Competition and Markets Authority": ("CMA",),
    "Office for National Statistics": ("ONS",),
    "National Health Service": ("NHS",),
    "Foreign Office": ("Foreign, Commonwealth and Development Office", "FCDO",
                       "Foreign and Commonwealth Office"),
    "Home Office": (),
    "Metropolitan Police": ("Met Police", "Metropolitan Police Service", "Scotland Yard"),
    "Royal Air Force": ("RAF",),
    "Royal Navy": (),
    # Other national regulators and agencies
    "China Securities Regulatory Commission": ("CSRC",),
    "Cyberspace Administration of China": (),
    "National Development and Reform Commission": ("NDRC",),
    "Securities and Exchange Board of India": ("SEBI",),
    "Bundeswehr": (),
    # Intelligence and security services
    "MI5": (),
    "MI6": ("Secret Intelligence Service",),
    "GCHQ": ("Government Communications Headquarters",),
    "FSB": ("Federal Security Service",),
    "GRU": (),
    "Shin Bet": ("Israel Security Agency",),
    "Inter-Services Intelligence": ("ISI",),
    "Quds Force": (),
    # Space agencies and space companies
    "European Space Agency": ("ESA",),
    "Roscosmos": (),
    "China National Space Administration": ("CNSA",),
    "Indian Space Research Organisation": ("ISRO", "Indian Space Research Organization"),
    "Japan Aerospace Exploration Agency": ("JAXA",),
    "Blue Origin": (),
    "Starlink": (),
    # Political parties
    "Reform UK": (),
    "Green Party": (),
    "Democratic Unionist Party": ("DUP",),
    "Sinn Fein": ("Sinn Féin",),
    "Christian Democratic Union": ("CDU",),
    "Social Democratic Party of Germany": ("SPD",),
    "Alternative for Germany": ("AfD", "Alternative für Deutschland"),
    "National Rally": ("Rassemblement National", "National Front", "Front National"),
    "La France Insoumise": ("France Unbowed", "LFI"),
    "Brothers of Italy": ("Fratelli d'Italia",),
    "Lega": ("Northern League", "Lega Nord"),
    "Five Star Movement": ("M5S", "5-Star Movement"),
    "PSOE": ("Spanish Socialist Workers' Party",),
    "Partido Popular": (),
    "Party for Freedom": ("PVV",),
    "Law and Justice": ("PiS",),
    "Fidesz": (),
    "Freedom Party of Austria": ("FPOe", "FPÖ", "Austrian Freedom Party"),
    "Justice and Development Party": ("AKP", "AK Party"),
    "Republican People's Party": ("CHP",),
    "United Russia": (),
    "Liberal Democratic Party": ("LDP",),
    "Democratic Party of Korea": (),
    "People Power Party": (),
    "Kuomintang": ("KMT",),
    "Democratic Progressive Party": (),
    "Aam Aadmi Party": ("AAP",),
    "Pakistan Tehreek-e-Insaf": ("Pakistan Tehreek-i-Insaf",),
    "Pakistan Muslim League-Nawaz": ("PML-N",),
    "Awami League": (),
    "Bangladesh Nationalist Party": ("BNP",),
    "Liberal Party of Canada": (),
    "Conservative Party of Canada": (),
    "Australian Labor Party": (),
    "Liberal Party of Australia": (),
    "Democratic Alliance": (),
    "National League for Democracy": ("NLD",),
    "Workers' Party of Korea": (),
    "ZANU-PF": (),
    "Tigray People's Liberation Front": ("TPLF",),
    # Militant and armed groups
    "Islamic Jihad": ("Palestinian Islamic Jihad", "PIJ"),
    "Qassam Brigades": ("Izz ad-Din al-Qassam Brigades", "Ezzedine al-Qassam Brigades",
                        "al-Qassam Brigades", "Al-Qassam Brigades"),
    "Hayat Tahrir al-Sham": ("HTS",),
    "Nusra Front": ("al-Nusra Front", "Jabhat al-Nusra"),
    "Tehrik-i-Taliban Pakistan": ("TTP", "Pakistani Taliban", "Tehreek-e-Taliban Pakistan"),
    "Lashkar-e-Taiba": ("LeT",),
    "Jaish-e-Mohammed": ("JeM",),
    "Haqqani Network": (),
    "Islamic State Khorasan": ("ISIS-K", "IS-K", "ISKP", "Islamic State Khorasan Province"),
    "Al-Qaeda in the Arabian Peninsula": ("AQAP", "al-Qaeda in the Arabian Peninsula"),
    "M23": ("March 23 Movement",),
    "Kataib Hezbollah": ("Kata'ib Hezbollah",),
    "Popular Mobilization Forces": ("PMF", "Hashd al-Shaabi", "Popular Mobilisation Forces"),
    "Rapid Support Forces": ("RSF",),
    "Sudanese Armed Forces": (),
    "FARC": ("Revolutionary Armed Forces of Colombia",),
    "National Liberation Army": ("ELN",),
    "Sinaloa Cartel": (),
    "Jalisco New Generation Cartel": ("CJNG",),
    "MS-13": ("Mara Salvatrucha",),
    "Tren de Aragua": (),
    "Ku Klux Klan": ("KKK",),
    "Proud Boys": (),
    "Azov Brigade": ("Azov Regiment", "Azov Battalion"),
    "Tatmadaw": (),
    # News agencies
    "Press Trust of India": (),
    "Jiji Press": ("Jiji",),
    "Canadian Press": ("The Canadian Press",),
    "Ukrinform": (),
    "Tasnim": ("Tasnim News Agency",),
    "Fars News Agency": (),
    "ISNA": ("Iranian Students' News Agency",),
    "SANA": ("Syrian Arab News Agency",),
    "WAFA": (),
    "Saudi Press Agency": (),
    "WAM": ("Emirates News Agency",),
    "Qatar News Agency": ("QNA",),
    # Newspapers and news websites
    "USA Today": (),
    "Los Angeles Times": ("The Los Angeles Times", "LA Times", "L.A. Times"),
    "Chicago Tribune": (),
    "Boston Globe": ("The Boston Globe",),
    "New York Post": ("The New York Post",),
    "The New Yorker": (),
    "Newsweek": (),
    "Time magazine": (),
    "Forbes magazine": (),
    "HuffPost": ("Huffington Post", "The Huffington Post"),
    "Breitbart News": ("Breitbart",),
    "The Lancet": ("Lancet",),
    "The Times": ("Times of London",),
    "Daily Telegraph": ("The Daily Telegraph", "The Telegraph"),
    "Daily Mail": ("The Daily Mail", "MailOnline", "Mail Online"),
    "Le Monde": (),
    "Le Figaro": (),
    "Charlie Hebdo": (),
    "Der Spiegel": (),
    "Die Zeit": (),
    "Frankfurter Allgemeine Zeitung": ("FAZ", "Frankfurter Allgemeine"),
    "Sueddeutsche Zeitung": ("Süddeutsche Zeitung", "Suddeutsche Zeitung"),
    "Bild": ("Bild-Zeitung",),
    "Handelsblatt": (),
    "Corriere della Sera": (),
    "La Repubblica": (),
    "El Pais": ("El País",),
    "Haaretz": (),
    "Times of Israel": ("The Times of Israel",),
    "Jerusalem Post": ("The Jerusalem Post",),
    "Al-Ahram": ("Al Ahram", "Ahram Online"),
    "The Hindu": (),
    "Times of India": ("The Times of India",),
    "Straits Times": ("The Straits Times",),
    "South China Morning Post": ("SCMP",),
    "Caixin": (),
    "Asahi Shimbun": ("Asahi",),
    "Yomiuri Shimbun": ("Yomiuri",),
    "Nikkei Asia": (),
    "Globe and Mail": ("The Globe and Mail",),
    "Kommersant": (),
    "Novaya Gazeta": (),
    "Kyiv Independent": ("The Kyiv Independent",),
    # Broadcasters
    "CNBC": (),
    "MSNBC": (),
    "PBS": ("Public Broadcasting Service",),
    "Voice of America": ("VOA",),
    "Radio Free Europe/Radio Liberty": ("RFE/RL", "Radio Free Europe"),
    "Sky News": (),
    "ITV": ("ITV News",),
    "Channel 4": ("Channel 4 News",),
    "France 24": (),
    "Radio France Internationale": ("RFI",),
    "Deutsche Welle": ("DW",),
    "ARD": (),
    "ZDF": (),
    "RAI": (),
    "Australian Broadcasting Corporation": (),
    "CBC": ("Canadian Broadcasting Corporation", "CBC News"),
    "NHK": (),
    "Channel NewsAsia": ("CNA",),
    "NDTV": (),
    "TRT World": ("TRT",),
    "Press TV": (),
    "Al Mayadeen": ("Al-Mayadeen",),
    "RT": ("Russia Today",),
    # Tech companies and internet platforms
    "Instagram": (),
    "WhatsApp": (),
    "YouTube": (),
    "Snapchat": (),
    "LinkedIn": (),
    "Reddit": (),
    "Pinterest": (),
    "Telegram": (),
    "WeChat": (),
    "Weibo": (),
    "Truth Social": (),
    "X Corp.": ("X Corp",),
    "Wikipedia": (),
    "Yahoo": (),
    "Spotify": (),
    "Airbnb": (),
    "eBay": (),
    "PayPal": (),
    "Yandex": (),
    "Kaspersky": ("Kaspersky Lab",),
    "Meituan": (),
    "JD.com": (),
    "Pinduoduo": ("PDD Holdings",),
    "Temu": (),
    "Shein": (),
    "Ant Group": (),
    "Anthropic": (),
    "Google DeepMind": ("DeepMind",),
    "Palantir": ("Palantir Technologies",),
    "Oracle": ("Oracle Corp.", "Oracle Corporation"),
    "SAP": (),
    "Salesforce": (),
    "Adobe": (),
    "Cisco": ("Cisco Systems",),
    "Qualcomm": (),
    "AMD": ("Advanced Micro Devices",),
    "Broadcom": (),
    "ASML": (),
    "Arm Holdings": (),
    "SK Hynix": (),
    "SMIC": ("Semiconductor Manufacturing International Corporation",),
    "Dell Technologies": (),
    "HP Inc.": ("Hewlett-Packard",),
    "LG Electronics": ("LG",),
    "Panasonic": (),
    "Toshiba": (),
    "Nintendo": (),
    "ZTE": (),
    "DJI": (),
    "Hikvision": (),
    "Infosys": (),
    "Tata Consultancy Services": ("TCS",),
    "Accenture": (),
    "CrowdStrike": (),
    "NSO Group": (),
    "Amazon Web Services": ("AWS",),
    "SoftBank": ("SoftBank Group",),
    # Media and entertainment companies
    "Comcast": (),
    "News Corp": ("News Corporation",),
    "Fox Corporation": ("Fox Corp",),
    "Warner Bros. Discovery": ("Warner Bros Discovery", "Warner Bros.", "Warner Bros"),
    "Paramount Global": ("Paramount",),
    "Universal Music Group": ("UMG",),
    "HBO": (),
    "Bertelsmann": (),
    "Vivendi": (),
    "Axel Springer": (),
    # Carmakers and vehicle makers
    "Audi": (),
    "Porsche": (),
    "Ferrari": (),
    "Volvo Cars": ("Volvo",),
    "Jaguar Land Rover": ("JLR",),
    "Tata Motors": (),
    "Mitsubishi Motors": (),
    "Peugeot": (),
    "Geely": (),
    "BYD": (),
    "Nio": ("NIO",),
    "Rivian": (),
    "Chrysler": (),
    "Jeep": (),
    "Chevrolet": ("Chevy",),
    "Rolls-Royce": (),
    "Harley-Davidson": (),
    "Caterpillar": (),
    "Deere & Company": ("John Deere", "Deere"),
    # Industrial and engineering companies
    "General Electric": ("GE",),
    "Honeywell": (),
    "3M": (),
    "Bosch": ("Robert Bosch",),
    "BASF": (),
    "Bayer": (),
    "Mitsubishi Heavy Industries": ("MHI",),
    "Tata Group": ("Tata Sons",),
    "Adani Group": (),
    "Reliance Industries": (),
    "Berkshire Hathaway": (),
    "Embraer": (),
    "COMAC": ("Commercial Aircraft Corporation of China",),
    "CATL": ("Contemporary Amperex Technology",),
    "Philips": ("Royal Philips",),
    # Defence companies
    "Lockheed Martin": (),
    "Raytheon": ("RTX",),
    "Northrop Grumman": (),
    "General Dynamics": (),
    "BAE Systems": (),
    "Rheinmetall": (),
    "Thales": (),
    "Safran": (),
    "Dassault Aviation": (),
    "Saab": (),
    "Elbit Systems": ("Elbit",),
    "Israel Aerospace Industries": ("IAI",),
    "Rafael Advanced Defense Systems": (),
    "Rostec": (),
    "Baykar": (),
    "Anduril": ("Anduril Industries",),
    # Banks, insurers and financial firms
    "Bank of America": ("BofA",),
    "Wells Fargo": (),
    "American Express": ("Amex",),
    "BNP Paribas": (),
    "Societe Generale": ("Société Générale", "SocGen"),
    "Banco Santander": (),
    "BBVA": ("Banco Bilbao Vizcaya Argentaria",),
    "ING Group": ("ING",),
    "Commerzbank": (),
    "UniCredit": (),
    "Lloyds Banking Group": ("Lloyds", "Lloyds Bank"),
    "NatWest": ("NatWest Group",),
    "Standard Chartered": (),
    "Mitsubishi UFJ Financial Group": ("MUFG",),
    "ICBC": ("Industrial and Commercial Bank of China",),
    "China Construction Bank": (),
    "Bank of China": (),
    "State Bank of India": ("SBI",),
    "Sberbank": ("Sber",),
    "VTB": ("VTB Bank",),
    "Blackstone": (),
    "Allianz": (),
    "AIG": ("American International Group",),
    "Coinbase": (),
    "Binance": (),
    "FTX": (),
    "Temasek": (),
    "Public Investment Fund": ("PIF",),
    "Qatar Investment Authority": ("QIA",),
    "Deloitte": (),
    "PwC": ("PricewaterhouseCoopers",),
    "EY": ("Ernst & Young",),
    "KPMG": (),
    "McKinsey": ("McKinsey & Company",),
    "Gallup": (),
    "YouGov": (),
    # Stock exchanges, indices and market infrastructure
    "Tokyo Stock Exchange": ("TSE",),
    "Shanghai Stock Exchange": (),
    "Hong Kong Stock Exchange": ("Hong Kong Exchanges and Clearing", "HKEX"),
    "Euronext": (),
    "Deutsche Boerse": ("Deutsche Börse",),
    "Bombay Stock Exchange": ("BSE",),
    "National Stock Exchange of India": ("NSE",),
    "Australian Securities Exchange": ("ASX",),
    "Tadawul": ("Saudi Exchange",),
    "CME Group": ("Chicago Mercantile Exchange", "CME"),
    "FTSE Russell": ("FTSE",),
    "MSCI": (),
    # Central banks
    "Bank of Canada": (),
    "Reserve Bank of Australia": ("RBA",),
    "Reserve Bank of New Zealand": ("RBNZ",),
    "Swiss National Bank": ("SNB",),
    "Riksbank": ("Sveriges Riksbank",),
    "Bank of Korea": ("BOK",),
    "Central Bank of Russia": ("Bank of Russia", "Russian Central Bank"),
    "Central Bank of the Republic of Turkey": ("CBRT", "Turkish Central Bank"),
    "National Bank of Ukraine": ("NBU",),
    "Central Bank of Brazil": ("Banco Central do Brasil",),
    "Bank of Mexico": ("Banxico", "Banco de Mexico", "Banco de México"),
    "South African Reserve Bank": ("SARB",),
    "Central Bank of Nigeria": ("CBN",),
    "Saudi Central Bank": ("SAMA", "Saudi Arabian Monetary Authority"),
    "Monetary Authority of Singapore": (),
    "Hong Kong Monetary Authority": ("HKMA",),
    "State Bank of Pakistan": ("SBP",),
    "Bank of Israel": (),
    # Credit rating agencies
    "DBRS Morningstar": ("DBRS",),
    "Scope Ratings": (),
    # Energy, oil and gas, utilities
    "ConocoPhillips": (),
    "Occidental Petroleum": ("Oxy",),
    "Eni": (),
    "Equinor": (),
    "Repsol": (),
    "Petrobras": (),
    "Pemex": ("Petroleos Mexicanos", "Petróleos Mexicanos"),
    "PDVSA": ("Petroleos de Venezuela", "Petróleos de Venezuela"),
    "Lukoil": (),
    "ADNOC": ("Abu Dhabi National Oil Company",),
    "QatarEnergy": ("Qatar Petroleum",),
    "CNOOC": ("China National Offshore Oil Corporation",),
    "Halliburton": (),
    "SLB": ("Schlumberger",),
    "Naftogaz": (),
    "EDF": ("Electricite de France", "Électricité de France"),
    "Engie": (),
    "Iberdrola": (),
    "Enel": (),
    "RWE": (),
    "E.ON": (),
    "National Grid": (),
    "Tokyo Electric Power": ("TEPCO", "Tepco", "Tokyo Electric Power Company"),
    "Eskom": (),
    "Rosatom": (),
    # Mining and metals
    "Anglo American": (),
    "Vale SA": (),
    "Freeport-McMoRan": (),
    "Newmont": (),
    "Barrick Gold": ("Barrick",),
    "Norilsk Nickel": ("Nornickel",),
    "De Beers": (),
    "ArcelorMittal": (),
    "Nippon Steel": (),
    "U.S. Steel": ("United States Steel", "US Steel"),
    # Retailers and supermarkets
    "Costco": (),
    "Walgreens": ("Walgreens Boots Alliance",),
    "CVS Health": ("CVS",),
    "Home Depot": ("The Home Depot",),
    "Target Corp": ("Target Corporation", "Target Corp."),
    "Tesco": (),
    "Sainsbury's": ("J Sainsbury",),
    "Marks & Spencer": ("M&S",),
    "John Lewis Partnership": (),
    "Aldi": (),
    "Lidl": (),
    "Primark": (),
    "Carrefour": (),
    "Ikea": ("IKEA",),
    "H&M": ("Hennes & Mauritz",),
    "Inditex": (),
    "Uniqlo": (),
    "Seven & i Holdings": (),
    "7-Eleven": (),
    # Airlines
    "American Airlines": (),
    "United Airlines": (),
    "Delta Air Lines": (),
    "Southwest Airlines": (),
    "Qantas": (),
    "Singapore Airlines": (),
    "Cathay Pacific": (),
    "Qatar Airways": (),
    "Etihad Airways": ("Etihad",),
    "Turkish Airlines": (),
    "KLM": ("KLM Royal Dutch Airlines",),
    "International Airlines Group": ("IAG",),
    "easyJet": (),
    "Aeroflot": (),
    "Air India": (),
    "Japan Airlines": ("JAL",),
    "All Nippon Airways": ("ANA",),
    "Ethiopian Airlines": (),
    "Malaysia Airlines": (),
    # Logistics, shipping and rail
    "FedEx": (),
    "UPS": ("United Parcel Service",),
    "DHL": (),
    "Mediterranean Shipping Company": ("MSC",),
    "COSCO": ("Cosco", "COSCO Shipping"),
    "DP World": (),
    "Deutsche Bahn": (),
    "Amtrak": (),
    # Pharmaceuticals and health care
    "Merck & Co.": ("Merck", "Merck & Co"),
    "Novartis": (),
    "Roche": (),
    "Sanofi": (),
    "GSK": ("GlaxoSmithKline",),
    "Novo Nordisk": (),
    "Eli Lilly": ("Eli Lilly and Company",),
    "AbbVie": (),
    "Bristol-Myers Squibb": ("Bristol Myers Squibb",),
    "Amgen": (),
    "Gilead Sciences": (),
    "BioNTech": (),
    "Teva": ("Teva Pharmaceutical",),
    "Sinovac": (),
    "Sinopharm": (),
    "Serum Institute of India": (),
    "Abbott Laboratories": (),
    "UnitedHealth Group": ("UnitedHealth",),
    "Purdue Pharma": (),
    # Fast-food and restaurant chains
    "Burger King": (),
    "KFC": ("Kentucky Fried Chicken",),
    "Pizza Hut": (),
    "Domino's Pizza": ("Domino's",),
    "Chipotle": ("Chipotle Mexican Grill",),
    "Yum Brands": ("Yum! Brands",),
    "Dunkin' Donuts": ("Dunkin'",),
    "Pret a Manger": ("Pret",),
    "Costa Coffee": (),
    # Sportswear and fashion
    "Adidas": ("adidas",),
    "New Balance": (),
    "LVMH": ("LVMH Moet Hennessy Louis Vuitton",),
    "Louis Vuitton": (),
    "Kering": (),
    "Hermes": ("Hermès",),
    "Gucci": (),
    "Prada": (),
    "Chanel": (),
    "Christian Dior": ("Dior",),
    "Rolex": (),
    # Consumer goods, food and drink
    "Procter & Gamble": ("P&G",),
    "Colgate-Palmolive": ("Colgate",),
    "L'Oreal": ("L'Oréal",),
    "Estee Lauder": ("Estée Lauder",),
    "Reckitt": ("Reckitt Benckiser",),
    "Danone": (),
    "Kraft Heinz": (),
    "Mars Inc.": ("Mars Incorporated",),
    "Kellogg's": ("Kellanova",),
    "Cargill": (),
    "Archer-Daniels-Midland": ("ADM",),
    "Anheuser-Busch InBev": ("AB InBev", "Anheuser-Busch"),
    "Heineken": (),
    "Diageo": (),
    "Red Bull": (),
    "Philip Morris International": ("Philip Morris",),
    "British American Tobacco": (),
    "Lego": ("LEGO", "Lego Group"),
    # Telecoms
    "AT&T": (),
    "Verizon": ("Verizon Communications",),
    "T-Mobile": (),
    "Vodafone": (),
    "BT Group": ("BT",),
    "Deutsche Telekom": (),
    "Telefonica": ("Telefónica",),
    "MTN Group": ("MTN",),
    "Bharti Airtel": ("Airtel",),
    "China Mobile": (),
    "China Telecom": (),
    "NTT": ("Nippon Telegraph and Telephone",),
    # Sports bodies and leagues
    "International Paralympic Committee": (),
    "World Anti-Doping Agency": ("WADA",),
    "Court of Arbitration for Sport": ("CAS",),
    "World Athletics": ("IAAF",),
    "International Cricket Council": (),
    "Indian Premier League": ("IPL",),
    "World Rugby": (),
    "ATP": ("Association of Tennis Professionals", "ATP Tour"),
    "WTA": ("Women's Tennis Association",),
    "PGA Tour": (),
    "LIV Golf": (),
    "Formula One": ("F1", "Formula 1"),
    "FIA": ("Federation Internationale de l'Automobile",),
    "MLB": ("Major League Baseball",),
    "NHL": ("National Hockey League",),
    "MLS": ("Major League Soccer",),
    "NCAA": ("National Collegiate Athletic Association",),
    "UFC": ("Ultimate Fighting Championship",),
    "Football Association": ("FA", "The FA"),
    "La Liga": ("LaLiga",),
    "Serie A": (),
    "Bundesliga": (),
    "Ligue 1": (),
    "Champions League": ("UEFA Champions League",),
    "Confederation of African Football": ("CAF",),
    "Asian Football Confederation": ("AFC",),
    # Football clubs
    "Liverpool FC": ("Liverpool F.C.",),
    "Tottenham Hotspur": ("Tottenham",),
    "Newcastle United": (),
    "Aston Villa": (),
    "Atletico Madrid": ("Atlético Madrid", "Atletico", "Atlético"),
    "Borussia Dortmund": ("BVB",),
    "Bayer Leverkusen": (),
    "Paris Saint-Germain": ("PSG", "Paris St-Germain", "Paris St Germain"),
    "AC Milan": (),
    "Inter Milan": ("Internazionale",),
    "AS Roma": (),
    "Napoli": ("SSC Napoli",),
    "Ajax": ("AFC Ajax", "Ajax Amsterdam"),
    "Celtic FC": (),
    "Galatasaray": (),
    "Al-Hilal": ("Al Hilal",),
    "Al-Nassr": ("Al Nassr",),
    "Inter Miami": ("Inter Miami CF",),
    "Boca Juniors": (),
    "Flamengo": (),
    # Other famous teams
    "New York Yankees": ("Yankees",),
    "Los Angeles Dodgers": ("Dodgers",),
    "Los Angeles Lakers": ("Lakers",),
    "Golden State Warriors": (),
    "New York Knicks": ("Knicks",),
    "Miami Heat": (),
    "Dallas Cowboys": (),
    "Kansas City Chiefs": (),
    "All Blacks": (),
    "Red Bull Racing": (),
    # Universities and research institutes
    "Harvard University": ("Harvard",),
    "Yale University": ("Yale",),
    "Princeton University": (),
    "Stanford University": ("Stanford",),
    "Massachusetts Institute of Technology": ("MIT",),
    "Columbia University": (),
    "University of Oxford": ("Oxford University",),
    "University of Cambridge": ("Cambridge University",),
    "London School of Economics": ("London School of Economics and Political Science",),
    "Johns Hopkins University": ("Johns Hopkins",),
    "UC Berkeley": ("University of California, Berkeley",),
    "UCLA": ("University of California, Los Angeles",),
    "New York University": ("NYU",),
    "University of Tokyo": ("Tokyo University",),
    "Tsinghua University": ("Tsinghua",),
    "Peking University": (),
    "National University of Singapore": ("NUS",),
    "ETH Zurich": (),
    "Al-Azhar University": ("Al-Azhar", "Al Azhar"),
    "Wellcome Trust": ("Wellcome",),
    # Think tanks and research groups
    "Brookings Institution": ("Brookings",),
    "Council on Foreign Relations": ("CFR",),
    "Center for Strategic and International Studies": (),
    "Carnegie Endowment for International Peace": ("Carnegie Endowment",),
    "RAND Corporation": ("RAND", "Rand Corporation"),
    "Heritage Foundation": (),
    "Chatham House": (),
    "International Institute for Strategic Studies": ("IISS",),
    "Stockholm International Peace Research Institute": ("SIPRI",),
    "Institute for the Study of War": ("ISW",),
    "Atlantic Council": (),
    "International Crisis Group": ("Crisis Group",),
    "Pew Research Center": ("Pew",),
    "ACLED": ("Armed Conflict Location and Event Data",),
    # NGOs, charities and foundations
    "American Red Cross": (),
    "International Rescue Committee": ("IRC",),
    "Norwegian Refugee Council": (),
    "Transparency International": (),
    "Reporters Without Borders": ("Reporters Sans Frontieres", "Reporters Sans Frontières"),
    "Committee to Protect Journalists": ("CPJ",),
    "Freedom House": (),
    "Bellingcat": (),
    "Syrian Observatory for Human Rights": ("SOHR",),
    "Bill & Melinda Gates Foundation": ("Gates Foundation", "Bill and Melinda Gates Foundation"),
    "Open Society Foundations": (),
    "Norwegian Nobel Committee": ("Nobel Committee",),
    "Extinction Rebellion": (),
    "American Civil Liberties Union": ("ACLU",),
    "NAACP": ("National Association for the Advancement of Colored People",),
    "Anti-Defamation League": ("ADL",),
    "Planned Parenthood": (),
    "National Rifle Association": ("NRA",),
}

# Words and phrases that introduce a PERSON and give their role.
TITLES: tuple[str, ...] = (
    "President", "Vice President", "Vice-President", "President-elect", "Prime Minister",
    "Deputy Prime Minister", "Premier", "Vice Premier", "Chancellor", "Vice Chancellor",
    "Secretary General", "Secretary-General", "Deputy Secretary General",
    "Deputy Secretary-General", "Under-Secretary-General", "Under Secretary-General",
    "Secretary", "Secretary of State", "Deputy Secretary of State", "Attorney General",
    "Foreign Minister", "Foreign Secretary", "Defense Minister", "Defence Minister",
    "Defense Secretary", "Defence Secretary", "Interior Minister", "Home Secretary",
    "Finance Minister", "Economy Minister", "Trade Minister", "Health Minister",
    "Justice Minister", "Energy Minister", "Oil Minister", "Education Minister",
    "Agriculture Minister", "Labor Minister", "Labour Minister", "Environment Minister",
    "Information Minister", "Transport Minister", "Commerce Minister",
    "Treasury Secretary", "Commerce Secretary", "State Secretary", "Minister",
    "Deputy Minister", "Foreign Affairs Minister", "Minister of Foreign Affairs",
    "Minister of State", "State Councilor", "State Councillor",
    "King", "Queen", "Prince", "Princess", "Crown Prince", "Emperor", "Empress", "Emir",
    "Sheikh", "Sultan", "Pope", "Cardinal", "Archbishop", "Bishop", "Rev.", "Reverend",
    "Ayatollah", "Grand Ayatollah", "Imam", "Rabbi", "Lama", "Dalai Lama",
    "Senator", "Sen.", "Representative", "Rep.", "Congressman", "Congresswoman",
    "Governor", "Gov.", "Lt. Gov.", "Mayor", "Deputy Mayor", "Councillor", "Councilman",
    "Councilwoman", "Speaker", "House Speaker", "Ambassador", "Envoy", "Special Envoy",
    "Consul", "Consul General", "Commissioner", "High Commissioner", "High Representative",
    "Chairman", "Chairwoman", "Chairperson", "Chair", "Vice Chairman", "Chief Executive",
    "Chief Executive Officer", "CEO", "CFO", "COO", "CTO", "Chief Operating Officer",
    "Chief Financial Officer", "Managing Director", "Director", "Director General",
    "Director-General", "Executive Director", "Deputy Director", "Founder", "Co-founder",
    "Spokesman", "Spokeswoman", "Spokesperson", "Press Secretary",
    "General", "Gen.", "Lt. Gen.", "Lieutenant General", "Maj. Gen.", "Major General",
    "Brig. Gen.", "Brigadier General", "Admiral", "Adm.", "Vice Admiral", "Rear Admiral",
    "Colonel", "Col.", "Lt. Col.", "Lieutenant Colonel", "Major", "Maj.", "Captain", "Capt.",
    "Lieutenant", "Lt.", "Sergeant", "Sgt.", "Marshal", "Field Marshal", "Commander",
    "Cmdr.", "Commander-in-Chief", "Chief of Staff", "Chief of General Staff",
    "Coach", "Manager", "Head Coach", "Captain", "Judge", "Chief Justice",
    "Prosecutor", "Attorney", "Inspector", "Detective", "Officer", "Constable",
    "Superintendent", "Chief", "Police Chief", "Dr.", "Dr", "Doctor", "Professor", "Prof.",
    "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Mx.", "Sir", "Dame", "Lord", "Lady",
    "Baroness", "Baron", "Duke", "Duchess", "Countess", "Saint", "St.",
    "Crown Princess", "Grand Duke", "President of the European Commission",
    "Supreme Leader", "Leader", "Opposition Leader", "Majority Leader", "Minority Leader",
    "Senate Majority Leader", "Senate Minority Leader", "Chief Minister", "First Minister",
    "Deputy", "Vice", "Acting", "Interim", "Former",
)

# Honorifics: the next capitalised word is a PERSON even when it looks like a place ("Mr. Jordan").
HONORIFICS: frozenset[str] = frozenset({
    "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Miss", "Mx.", "Dr.", "Dr", "Sir", "Dame",
    "Sen.", "Rep.", "Gov.", "Prof.", "Rev.", "Lord", "Lady",
})

# Lower-case role words that introduce a PERSON when directly before a capitalised name
# ("NATO chief Jens Stoltenberg", "said spokesman Ali Hassan"). Longest first.
LOWER_TITLES: tuple[str, ...] = (
    "prime minister", "foreign minister", "defense minister", "defence minister",
    "interior minister", "finance minister", "vice president", "secretary general",
    "secretary-general", "chief executive", "secretary of state", "deputy minister",
    "state councilor", "head coach", "striker", "midfielder", "defender", "goalkeeper",
    "president", "premier", "chancellor", "minister", "secretary", "chief", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "envoy", "chairman", "chairwoman", "chair",
    "director", "director-general", "leader", "governor", "mayor", "senator", "lawmaker",
    "legislator", "coach", "manager", "ceo", "founder", "co-founder", "head", "commander",
    "king", "queen", "prince", "princess", "judge", "prosecutor", "attorney", "lawyer",
    "professor", "analyst", "economist", "strategist", "author", "actor",
    "actress", "singer", "player", "reporter", "correspondent", "editor", "journalist",
    "researcher", "scientist", "diplomat", "deputy", "counterpart", "colleague", "owner",
    "captain", "representative", "adviser", "advisor", "aide", "candidate", "nominee",
    "pope", "archbishop", "bishop", "cardinal", "rabbi", "imam", "cleric", "emperor",
    "sheikh", "general", "colonel", "commissioner", "speaker", "activist", "rapper",
    "musician", "director", "filmmaker", "novelist", "writer", "poet", "artist", "designer",
    "architect", "entrepreneur", "billionaire", "businessman", "businesswoman",
    "tycoon", "investor", "banker", "chef", "astronaut", "photographer", "dictator",
    "opposition leader", "rival", "challenger", "incumbent", "successor", "predecessor",
)

# Capitalised heads that make a name an organisation ("Libyan Coast Guard", "Ministry of ...").
ORG_HEADS: frozenset[str] = frozenset({
    "Ministry", "Council", "Party", "Union", "Bank", "Corp", "Corp.", "Corporation", "Inc",
    "Inc.", "Ltd", "Ltd.", "LLC", "PLC", "Plc", "AG", "GmbH", "NV", "Co.", "Co",
    "Company", "Companies", "Agency", "Army", "Navy", "Guard", "Guards", "Committee",
    "Court", "University", "Organization", "Organisation", "Association", "Federation",
    "Commission", "Parliament", "Congress", "Senate", "Government", "Department", "Office",
    "Institute", "Institution", "Foundation", "Group", "Airlines", "Airways", "Force",
    "Forces", "Police", "Service", "Services", "Authority", "Board", "Bureau", "Assembly",
    "Club", "FC", "Times", "Post", "News", "Herald", "Journal", "Gazette", "Tribune",
    "Network", "Press", "Holdings", "Holding", "Partners", "Motors", "Systems",
    "Technologies", "Technology", "Fund", "Coalition", "Movement", "Front", "Brigade",
    "Brigades", "Alliance", "Church", "School", "College", "Hospital", "Museum", "Academy",
    "Society", "League", "Centre", "Center", "Exchange", "Cabinet", "Tribunal",
    "Secretariat", "Administration", "Embassy", "Consulate", "Mission", "Railway",
    "Railways", "Broadcasting", "Television", "Radio", "Industries", "Industry", "Energy",
    "Petroleum", "Oil", "Gas", "Telecom", "Communications", "Pharmaceuticals", "Insurance",
    "Securities", "Capital", "Investments", "Ventures", "Labs", "Laboratory", "Laboratories",
    "Program", "Programme", "Initiative", "Unit", "Corps", "Squadron", "Division",
    "Regiment", "Battalion", "Militia", "Directorate", "Inspectorate", "Chamber",
    "Conference", "Forum", "Trust", "Charity", "Network", "Team", "Studios",
    "Records", "Publishing", "Magazine", "Daily", "Weekly", "Observer", "Monitor",
    "Orchestra", "Band", "Choir", "Ensemble", "Observatory", "Legislature", "Duma", "Diet",
    "Majlis", "Politburo", "Presidium",
})

# Heads that name an organisation even alone, mid-sentence ("... the Coast Guard and Navy").
LONE_ORG_HEADS: frozenset[str] = frozenset({
    "Army", "Navy", "Congress", "Senate", "Parliament", "Cabinet", "Politburo", "Duma",
    "Legislature", "Presidium", "Secretariat", "Police", "Government", "Ministry", "Majlis",
    "Diet", "Corps",
})

# Capitalised heads and prefixes that make a name a place.
LOC_HEADS: frozenset[str] = frozenset({
    "Province", "Provinces", "County", "Island", "Islands", "Isles", "River", "Mountains",
    "Mountain", "Mount", "Mt.", "Lake", "Sea", "Ocean", "Bay", "Valley", "Strait",
    "Straits", "Peninsula", "Desert", "Airport", "Street", "Square", "Avenue", "Road",
    "Region", "District", "City", "Town", "Village", "Kingdom", "Republic", "Emirate",
    "Emirates", "Coast", "Heights", "Plateau", "Basin", "Delta", "Canal", "Harbor",
    "Harbour", "Port", "Park", "Prefecture", "Oblast", "Governorate", "Territory",
    "Territories", "State", "Falls", "Hills", "Highlands", "Gulf", "Cape", "Pass", "Gorge",
    "Glacier", "Reef", "Bridge", "Dam", "Stadium", "Arena", "Palace", "Boulevard",
    "Township", "Municipality", "Borough", "Camp", "Crossing", "Checkpoint", "Base",
    "Field", "Beach", "Forest", "Reserve", "Corridor", "Zone", "Quarter", "Prison",
    "Hill", "Peak", "Station",
})
LOC_PREFIXES: frozenset[str] = frozenset({
    "Mount", "Mt.", "Lake", "Cape", "Gulf", "Port", "Fort", "Ft.", "Isle", "Sea", "Strait",
    "Bay", "Camp",
})

# Heads of names of events, laws, prizes and the like.
MISC_HEADS: frozenset[str] = frozenset({
    "Cup", "Olympics", "Olympic", "Paralympics", "Games", "Prize", "Award", "Awards",
    "Act", "War", "Summit", "Festival", "Championship", "Championships", "Open",
    "Declaration", "Agreement", "Accord", "Accords", "Treaty", "Protocol", "Convention",
    "Expo", "Fair", "Show", "Series", "Bowl", "Marathon", "Tour", "Prix", "Day",
    "Doctrine", "Plan", "Strategy", "Revolution", "Spring", "Uprising", "Crisis", "Dialogue",
    "Talks", "Process", "Index", "Bill", "Law", "Constitution", "Charter", "Resolution",
    "Awards", "Oscars", "Gala", "Exhibition", "Biennale", "Week", "Year",
    "Era", "Dynasty", "Empire",
})

# Common English first names across cultures: a known first name makes a PERSON.
FIRST_NAMES: frozenset[str] = frozenset("""
Aaron Abbas Abdel Abdul Abdullah Abdulla Abel Abigail Abu Ada Adam Adama Adebayo Adel Adrian
Adriana Agnes Ahmad Ahmed Aidan Ailing Aisha Akira Akio Alan Albert Alberto Alejandro
Aleksandr Aleksei Alessandro Alex Alexander Alexandra Alexandre Alexei Alexey Alexis Alfred
Ali Alice Alicia Alison Amadou Amal Amanda Amber Amelia Amina Amir Amit Amy Ana Anand Anastasia
Anders Andre André Andrea Andreas Andrei Andres Andrés Andrew Andrey Andrzej Angela Angelina
Angelo Anil Anita Ann Anna Anne Annalena Annie Anthony Antoine Anton Antonio Anwar Arjun Arnold
Arthur Arvind Ashley Ashraf Assad Aung Ayman Bashar Beatriz Ben Benjamin Benoit Bernard
Bernie Beth Betty Bill Billy Bob Bobby Boris Brad Bradley Brandon Brenda Brian Bruce Bruno
Bryan Carl Carla Carlos Carmen Carol Caroline Catherine Cesar César Chang Charles Charlie
Charlotte Chen Cheng Chris Christian Christina Christine Christoph Christopher Chuck Chun
Claire Clara Claude Claudia Cristina Cyril Dai Daniel Daniela Danny Dante Daria Dave David
Dawn Dean Deborah Debra Deng Denis Dennis Diana Diane Diego Dieter Dilma Dmitri Dmitry
Dominic Dominique Don Donald Doris Dorothy Doug Douglas Dong Duc Dylan Ebrahim Ed Eddie Edgar
Edith Eduardo Edward Edwin Ehud Elena Eli Elias Elijah Elisabeth Elizabeth Ella Ellen Elon
Emily Emma Emmanuel Emmerson Enrique Eric Erik Ernesto Esther Ethan Eugene Eva Evan Evelyn
Evgeny Fabian Fadi Faisal Farah Farid Farouk Fatima Fayez Felipe Felix Fernando Filipe
Fiona Florian Francesco Francis Francisco Franco Frank Frans Franz Fred Frederick Friedrich
Fu Gabriel Gabriela Gao Gareth Gary Gavin Geert Gene Geoffrey George Georg Georgina Gerald
Gerhard Giorgia Giovanni Giuseppe Gloria Gordon Grace Graham Greg Gregory Guillermo Guo
Gustavo Hailemariam Hakan Hamad Hamid Hamza Han Hana Hannah Hans Haruhiko Harold Harry
Hassan Heather Hector Heiko Heinz Helen Helena Helmut Henrik Henry Herbert Hillary Hiroshi
Hoang Hong Horst Hosni Howard Hu Hua Huang Hugo Hun Hussein Ian Ibrahim Igor Ilham Ilya
Imran Ines Ingrid Irene Isaac Isabel Isabella Ismail Ivan Jack Jackie Jacob Jacques Jaime
Jake James Jamal Jan Jane Janet Janice Jared Jason Javier Javad Jay Jean Jeanne Jeff Jeffrey
Jennifer Jens Jeremy Jerome Jerry Jesse Jessica Jesus Jia Jiang Jianguo Jim Jimmy Jin Jo
Joachim Joan Joanna Joao João Joe Joel Johan Johann Johannes John Johnny Jon Jonas Jonathan
Jorge Jose José Joseph Josh Joshua Joyce Juan Judith Judy Julia Julian Julie Julien Julius
Jun Justin Justine Kai Kamala Kang Karen Karim Karin Karl Kate Katherine Kathleen Kathy
Katie Keith Kelly Ken Kenji Kenneth Kevin Khalid Khalil Kim Kimberly Kirk Klaus Koichi
Kofi Kristalina Kumar Kurt Kwame Kyle Lakshmi Lamine Larry Laura Lauren Laurent Lee Leila
Leo Leon Leonardo Leonid Li Liang Lin Linda Lindsey Lisa Liu Liz Lloyd Lorenzo Louis Louise
Luc Luca Lucas Lucia Luis Luiz Luka Luke Luo Ma Mahmoud Mahmud Maria Marco Marcos Marcus
Margaret Margrethe Maria Mariam Marie Marina Mario Marion Mark Marta Martin Mary Masood Mateo
Matt Matteo Matthew Matthias Maurice Max Maxim Maxime Megan Mehmet Mei Melania Melissa
Mette Michael Michel Michelle Miguel Mike Mikhail Min Ming Miriam Mitch Mitt Mo Mohamed
Mohammad Mohammed Mohammad Moon Moses Muhammad Muhammadu Mustafa Nabil Nadia Nancy Nanda
Naoto Narendra Nasser Natalia Natalie Nathan Neil Nelson Nicholas Nick Nicola Nicolas
Nicole Nikita Nikki Nikolai Nina Ning Noah Nora Norbert Nouri Nuri Olaf Olena Olga Oliver
Olivia Omar Oscar Osman Otto Pablo Pamela Paolo Park Patricia Patrick Paul Paula Pedro Peng
Penny Peter Petr Petra Petro Philip Philippe Pierre Piotr Qian Qin Rachel Rafael Rahul
Raj Rajesh Ralph Ramzan Randy Raul Raúl Ravi Ray Raymond Recep Rebecca Reza Ricardo Richard
Rick Rishi Rita Rob Robert Roberto Robin Rodrigo Roger Roman Ron Ronald Rosa Rose Ross Ruth
Ryan Saad Sadiq Salem Saleh Salim Salman Sam Samantha Sameh Samir Samuel Sandra Sanjay
Sara Sarah Saud Scott Sean Sebastian Sebastián Senzo Serge Sergei Sergey Shanthi Sharon
Shawn Shi Shigeru Shinzo Shirley Simon Simone Sofia Song Sophia Sophie Stanley
Stefan Stefano Stephan Stephanie Stephen Steve Steven Sue Sun Susan Sven Svetlana Tamim
Tang Tanya Tarek Tariq Ted Teresa Terry Thabo Theresa Thierry Thomas Tian Tim Timothy Tina
Todd Tom Tomas Tomás Tommy Tony Tracy Tran Tsai Ulrich Ursula Valentina Valerie Vanessa
Victor Viktor Vincent Viola Virginia Vivian Vladimir Volodymyr Walter Wang Wayne Wei Wen
Werner Wilfried William Willie Wolfgang Wu Xavier Xi Xiao Xiaoping Xie Xu Yan Yang Yao Yasser
Ye Yi Yoshihide Yosef Youssef Yu Yuan Yuki Yukio Yulia Yuri Yusuf Yves Zach Zachary Zainab
Zhang Zhao Zheng Zhou Zhu Zoe Zoran Abiy Akinwumi Amara Babajide Chidi Chinedu Chukwuma
Cyrille Emeka Folake Funmilayo Goodluck Jacob Jomo Julius Kagiso Kemi Kgosi Kipchoge
Kwabena Kwesi Lerato Mamadou Moussa Mwai Ngozi Nkosazana Nnamdi Obinna Oluwaseun Ousmane
Paul Seydou Sipho Tebogo Thandiwe Uhuru William Yoweri Zanele Ashraf Bilal Dalia Ehsan
Fawzi Ghassan Habib Haider Haidar Hani Hisham Jaber Jawad Kamal Khaled Layla Mahdi Majid
Marwan Mazen Mohsen Mona Mounir Nabih Nader Naguib Najib Nour Osama Qasim Rami Rania Sabah
Salah Sami Tawfiq Walid Yahya Yasmin Youssef Zaid Ziad Abdelaziz Abdelfattah Aleksandar
Bogdan Borislav Dragan Dusan Goran Ivana Jelena Katarzyna Lech Marek Milos Nenad Pavel Radek
Tomasz Vaclav Vojislav Wojciech Zbigniew Zdenek Ahmet Ayse Binali Emine Fatih Kemal Mevlut
Ozlem Selim Tayyip Abhishek Amitabh Arun Deepak Gautam Manmohan Nitin Priya Priyanka Rajiv
Rakesh Shashi Sonia Sunil Suresh Vijay Yogi Akbar Asif Benazir Fawad Nawaz Pervez Shahbaz
Shehbaz Anies Jokowi Joko Megawati Prabowo Susilo Rodrigo Ferdinand Benigno Imelda
Corazon Fumio Taro Naruto Junichiro Yoshihiko Sanae Moon-jae Jae-in Yoon Suk-yeol Chung Choi
Seo Jae Hyun Kyung Kwon Pham Nguyen Ngo Vo Thanh Prayut Thaksin Yingluck Mahathir
Najib Anwar Lee Halimah Tharman Marcos Ivo Ilir Edi Zurab Nikol Ilham
Kassym-Jomart Nursultan Shavkat Emomali Sadyr Serdar Gurbanguly Alexander Aliaksandr Sviatlana
Maia Levan Arsen Petro Yulia Denys Dmytro Oleksandr Oleksiy Mykola Vitali Vitaliy Sergiy
Andriy Yevgeny Yevgeniy Gennady Valentina Vyacheslav Ramzan Dmitri Nikolay Konstantin Anatoly
Ekaterina Yekaterina Tatiana Tatyana Natalya Irina Lyudmila
""".split())

# Common surnames: a known surname at the end of an unknown name makes a PERSON.
SURNAMES: frozenset[str] = frozenset("""
Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin
Jackson Thompson Harris Clark Lewis Robinson Wright Scott Adams Campbell Mitchell Roberts
Carter Phillips Evans Parker Collins Edwards Stewart Morris Murphy Rogers Peterson Reed Bailey
Ward Cox Richardson Watson Brooks Bennett Hughes Sanders Myers Ross Foster Powell Jenkins Perry
Sullivan Henderson Coleman Simmons Patterson Reynolds Hamilton Graham Owens Gibson Ellis
Stevens Murray Palmer Robertson Ferguson Hawkins Dunn Hudson Payne Pierce Berry Matthews Wagner
Willis Watkins Olson Carroll Duncan Snyder Cunningham Andrews Ruiz Harper Riley Armstrong
Greene Elliott Chavez Peters Kelley Franklin Lawson Gutierrez Ryan Schmidt Carr Vasquez
Castillo Wheeler Chapman Montgomery Richards Williamson Johnston Meyer McCoy Howell Alvarez
Morrison Hansen Fernandez Garza Harvey Burton Nguyen Jacobs Reid Gilbert Garrett Romero Welch
Larson Frazier Burke Hanson Mendoza Moreno Bowman Medina Fowler Hoffman Carlson Silva Pearson
Fleming Jensen Vargas Byrd Davidson Hopkins Terry Herrera Soto Walters Curtis Neal Caldwell
Jennings Barnett Graves Jimenez Horton Shelton Barrett Obrien Castro Sutton McKinney Craig
Rodriquez Holt Lambert Fletcher Watts Rhodes Pena Beck Haynes McDaniel Mendez Bush Vaughn
Dawson Santiago Norris Hardy Schultz Barker Guzman Munoz Chandler Weber Walsh Lyons Ramsey
Schneider Mullins Benson Bowen Barber Cummings Baldwin Griffith Valdez Hubbard Salazar Reeves
Warner Stevenson Burgess Santos Tate Garner Mann Thornton McGee Delgado Aguilar Vega Manning
Cohen Rodgers Robbins Newton Todd Blair Higgins Ingram Strickland Townsend Goodwin Walton
Hampton Ortega Patton Swanson Goodman Maldonado Yates Becker Erickson Hodges Rios Conner Adkins
Webster Malone Hammond Cobb Quinn Blake Maxwell Osborne McCarthy Guerrero Estrada Sandoval
Gibbs Gross Fitzgerald Stokes Doyle Sherman Saunders Colon Alvarado Greer Padilla Nunez Ballard
Schwartz McBride Christensen Klein Pratt Briggs Parsons McLaughlin Zimmerman Buchanan Moran
Copeland Roy Pittman Brady McCormick Holloway Brock Owen Wong Jefferson Morton Abbott Norton
Huff Clayton Massey Lloyd Figueroa Carson Roberson Barton Tran Harrington Casey Boone Cortez
Clarke Mathis Singleton Wilkins Cain Underwood Hogan McKenzie Collier Luna Phelps McGuire
Allison Bridges Wilkerson Nash Atkins Wilcox Pitts Conley Marquez Burnett Cochran Davenport
Ayala Roman Vazquez Dickerson Hodge Acosta Flynn Espinoza Nicholson Morrow Whitaker O'Connor
Skinner Ware Molina Kirby Huffman Bradford Gilmore Dominguez O'Neal Lang Combs Kramer Heath
Hancock Gallagher Gaines Shaffer Wiggins Mathews McClain Fischer Melton Hensley Contreras Wyatt
Baxter Mosley Shepherd Larsen Hoover Beasley Petersen Whitehead Meyers Garrison Shields Olsen
Schroeder Hartman Woodard Mueller Kemp Deleon Patel Calhoun Wiley Eaton Navarro Harrell Lester
Humphrey Parrish Duran Hutchinson Hess Dorsey Bullock Robles Dalton Avila Blackwell York Johns
Blankenship Trevino Salinas Campos Pruitt Callahan Montoya Hardin McDowell Carey Stafford
Gallegos Henson Wilkinson Booker Merritt Miranda Atkinson Orr Decker Hobbs Preston Knox Pacheco
Stephenson Rojas Serrano Hickman Sweeney McClure Maynard Farrell Lowery Hurst Nixon Weiss
Trujillo Ellison Sloan Juarez McLean Randolph Villarreal McCall Carrillo Ayers Lara Shannon
Leblanc Browning Velasquez Leach Chang Foley Bartlett Mercado Landry Durham McKee Bauer Everett
Bradshaw Velez Estes Dodson Morse Sheppard Weeks Camacho Barron Livingston Middleton Blevins
Chen Kerr McConnell Hatfield Harding Solis Herman Giles Blackburn Pennington Woodward Finley
McIntosh Koch Solomon McCullough Dudley Nolan Blanchard Brennan Mejia Kane Benton Joyce Buckley
Haley Valentine Maddox Russo McKnight McMillan Crosby Berg Dotson Roach Chan Richmond Meadows
Faulkner O'Neill Knapp Kline Barry Ochoa Jacobson Hendricks Horne Shepard Hebert Cardenas
McIntyre Waller Holman Donaldson Cantu Terrell Morin Gillespie Fuentes Tillman Sanford Bentley
Peck Salas Rollins Gamble Dickson Santana Cabrera Cervantes Howe Hinton Hurley Spence Zamora
Yang McNeil Suarez Petty Gould McFarland Carver Rosario Macdonald Stout Hester Melendez Dillon
Farley Hopper Galloway Potts Bernard Joyner Stein Aguirre Osborn Bender Franco Rowland Sykes
Sears Dunlap Hayden Wilder McKay Coffey McCarty Ewing Cooley Vaughan Bonner Ferrell Cantrell
Fulton Lynn Calderon Rosa Pollard Duke O'Donnell Britt Daugherty Berger Dillard Alston Jarvis
Frye Riggs Chaney Odom Duffy Fitzpatrick Valenzuela Merrill Mayer Alford McPherson Acevedo
Donovan Barrera Cote Reilly Compton Mooney McGowan Clemons Wynn Nielsen Baird Stanton Rosales
Witt Hays Holden Rutledge Kinney Clements Castaneda Slater Hahn Conrad Burks Delaney Pate
Lancaster Tyson Sharpe Whitfield Talley Macias Irwin Burris Ratliff McCray Madden Kaufman Goff
Bolton McFadden Levine Byers Kirkland Kidd Workman Carney McLeod Holcomb Burt Hendrix Sosa
Haney Franks Sargent Nieves Rasmussen Hewitt Foreman Valencia O'Brien Herrington Mohammed Putin
Merkel Macron Trump Obama Biden Clinton Xi Modi Erdogan Netanyahu Abbas Assad Rouhani Khamenei
Zelensky Lavrov Guterres Stoltenberg Juncker Tusk Sarkozy Hollande Sunak Starmer Trudeau Abe
Kishida Yoon Kim Duterte Widodo Bolsonaro Lula Maduro Morales Kenyatta Ruto Buhari Tinubu
Ramaphosa Zuma Mugabe Mnangagwa Museveni Kagame Sisi Mubarak Morsi Gaddafi Haftar Sarraj
Dbeibah Hussein Maliki Abadi Kadhimi Sudani Barzani Talabani Hariri Aoun Nasrallah Haniyeh
Sinwar Mahmoud Salman Bashir Burhan Hemedti Ahmed Karzai Ghani Sharif Khan Bhutto Zardari
Gandhi Singh Hasina Rajapaksa Wickremesinghe Prachanda Suu Kyi Hun Prayut Jokowi Mahathir Anwar
Lee Tsai Ma Marcos Aquino Arroyo Fujimori Kirchner Milei Macri Petro Uribe Bukele Obrador
Sheinbaum Albanese Turnbull Ardern Luxon Scholz Steinmeier Orban Duda Morawiecki Fico Babis
Vucic Plenkovic Mitsotakis Tsipras Sanchez Rajoy Costa Meloni Draghi Renzi Conte Berlusconi
Mattarella Rutte Michel Leyen Borrell Lagarde Georgieva Yellen Bernanke Greenspan Blinken
Pompeo Tillerson Kerry Rice Mattis Esper Rubio Pence Pelosi Schumer Jeffries Warren Cruz Romney
Musk Bezos Zuckerberg Nadella Pichai Altman Buffett Dimon Arnault Shevardnadze Saakashvili
Aliyev Pashinyan Lukashenko Tokayev Nazarbayev Mirziyoyev Rahmon Berdymukhamedov Medvedev
Shoigu Peskov Navalny Gorbachev Yeltsin Poroshenko Yanukovych Kuleba Klitschko Kadyrov
Prigozhin Annan Ban Boutros-Ghali Tedros Grandi Lowcock Griffiths Kobler Salame Bathily Tetteh
""".split())

# Endings that mark a surname in many languages ("Stoltenberg", "Lavrov", "Kowalski" ...).
SURNAME_SUFFIXES: tuple[str, ...] = (
    "berg", "stein", "mann", "sson", "sen", "ovich", "evich", "ovic", "evic", "ović",
    "ević", "ić", "ov", "ova", "ev", "eva", "enko", "chenko", "chuk", "ski", "ska",
    "sky", "skiy", "skaya", "wicz", "czyk", "opoulos", "akis", "idis", "oglu", "oğlu", "yan",
    "dze", "shvili", "ez", "escu", "elli", "etti", "ini", "ucci", "otti", "aldi", "aki",
    "moto", "mura", "yama", "kawa", "hashi", "uchi", "son",
)

# Capitalised words that start sentences and are not names (compared case-sensitively).
NON_ENTITY_WORDS: frozenset[str] = frozenset("""
A An The This That These Those There Here It Its It's I I'm I've I'd I'll Me My Mine We We're
We've We'll Our Ours Us You You're You've Your Yours He He's His Him She She's Her Hers They
They're They've Their Theirs Them Who Whom Whose What Which When Where Why How Whatever
Whoever Whichever Wherever Whenever However Yes No Not Nor Neither Either Both All Any Some
Each Every Few Many Much More Most Other Others Another Such Several One Two Three Four Five
Six Seven Eight Nine Ten Eleven Twelve Twenty Thirty Forty Fifty Hundred Hundreds Thousands
Millions Dozens First Second Third Fourth Fifth Last Next Final Previous Earlier Later
And But Or So Yet For If Unless Until Because Since While Whilst Although Though Even As
After Before During Despite Amid Amidst Among Against About Above Across Along Around At By
Beyond Down From In Into Inside Like Near Of Off On Onto Out Outside Over Per Past Through
Throughout To Toward Towards Under Underneath Up Upon Via With Within Without Besides Between
Also Still Just Only Already Again Always Never Often Sometimes Usually Meanwhile Moreover
Furthermore Therefore Thus Hence Instead Otherwise Indeed Nevertheless Nonetheless Besides
Finally Firstly Secondly Lastly Then Now Today Tonight Yesterday Tomorrow Currently Recently
Previously Subsequently Eventually Initially Ultimately Overall Additionally Likewise
Similarly Accordingly Consequently Clearly Obviously Perhaps Maybe Probably Certainly Surely
Really Actually Apparently Reportedly Allegedly Officially Separately Elsewhere Altogether
Once Twice Soon Late Early Ago Well Very Too Quite Rather Almost Nearly About Approximately
Speaking Talking Addressing Asked Asking Answering According Referring Commenting Responding
Following Given Including Regarding Considering Noting Saying Adding Calling Citing Urging
Stressing Describing Explaining Calling Warning Pointing Looking Turning Going Coming Having
Being Making Taking Getting Giving Seeing Using Working Trying Leaving Writing Reading
Meeting Attending Visiting Opening Closing Rising Falling Growing Based Born Elected Founded
Located Situated Known Called Named Led Backed Supported Compared Asked Told Said Says
Is Are Was Were Be Been Am Do Does Did Done Has Have Had Will Would Shall Should Can Could
Might Must Ought Let Lets Let's Please Thank Thanks Welcome Sorry Hello Hi Dear Oh Ah
Officials Official Police Authorities Residents People Experts Analysts Observers Witnesses
Critics Supporters Protesters Demonstrators Lawmakers Legislators Officers Soldiers Troops
Rebels Militants Fighters Gunmen Investigators Prosecutors Doctors Scientists Researchers
Students Teachers Workers Voters Citizens Leaders Members Ministers Diplomats Sources
Prices Shares Stocks Markets Sales Exports Imports Data Figures Results Reports Report
Asia-Pacific
Under Upon Toward Whether Why Nothing Everything Something Anything Nobody Everybody
Somebody Anybody Everyone Someone Anyone None Neither Nowhere Somewhere Everywhere
Photo Photos Video Videos Picture Pictures File Source Sources Editing Reporting Writing
Additional Related Read Click Watch Listen Subscribe Follow Share Comment Comments Advertisement
Updated Update Breaking Latest Top Full Story Stories Home Page Pages Copyright
Interview Roundup Feature Analysis Commentary Opinion Editorial Urgent Endit ENDIT
Tuesday's Monday's Wednesday's Thursday's Friday's Saturday's Sunday's
Former Late New Old Big Small Great High Low Long Short
Good Bad Best Worst Better Worse Real True False Free Open Public Private Local Global
Total Average Minor Key Main Large Huge Little Full Half Whole Same
Different Certain Various Numerous Additional Further Recent Current Future Possible
Important Significant Serious Strong Weak Hard Easy Difficult Simple Clear Special Common
Particular Specific Similar Single Double Many Few Less Least Fewer Own
Why Unlike Like Except Given Whereas
""".split())

# Months and weekdays (with their abbreviations): never entities on their own.
CALENDAR_WORDS: frozenset[str] = frozenset("""
January February March April May June July August September October November December
Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept Sept. Oct. Nov. Dec.
Monday Tuesday Wednesday Thursday Friday Saturday Sunday Tues. Thurs.
Christmas Easter Ramadan Halloween Thanksgiving
""".split())

# Acronyms that are common words or units, not names (GDP, CEO, TV ...).
NON_ENTITY_ACRONYMS: frozenset[str] = frozenset("""
GDP GNP CPI PPI PMI GMT UTC BST EST EDT PST PDT CET CEST AM PM TV OK DNA RNA ID IT AI VAT
IPO LNG LPG NGO CEO CFO COO CTO CIO MP MPs SUV EV USD EUR GBP JPY CNY RMB GB MB KB TB KM KG
MW GW KW PC FAQ ASAP VIP HQ R&D M&A PR HR II III IV VI VII VIII IX XI XII XX XXI NB PS
Q1 Q2 Q3 Q4 H1 H2 YOY BBQ PhD MBA BA MA MSc BSc HIV AIDS SARS MERS COVID ICU ER CT MRI
UAV UAVs RPG IED IEDs WMD ICBM SLBM ATM ATMs GPS SMS URL PDF USB CD DVD LED LCD OS API AP
OPINION UPDATE URGENT BREAKING NEWS ENDS END BC BCE CE
""".split())

# ---------------------------------------------------------------------------------------------
# Lookups derived once at import.


def _build_loc_codes() -> dict[str, str | None]:
    codes: dict[str, str | None] = {}
    for name, code in REGIONS.items():
        codes[name] = code
    for state in US_STATES:
        codes[state] = "US"
    for name, code in CITIES.items():
        codes[name] = code
    for code, name in COUNTRIES.items():
        codes[name] = code
    for variant, name in COUNTRY_VARIANTS.items():
        codes[variant] = codes[name]
    return codes


# Every LOC spelling -> ISO code (or None for multi-country regions).
LOC_CODES: dict[str, str | None] = _build_loc_codes()
_LOC_CODES_FOLDED: dict[str, str | None] = {k.casefold(): v for k, v in LOC_CODES.items()}


def country_code(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of the country a LOC name (or nationality word) belongs to.

    Cities, states and regions give their country ("Sirte" -> "LY", "Texas" -> "US");
    multi-country regions ("Middle East") and unknown names give None.
    """
    if name in LOC_CODES:
        return LOC_CODES[name]
    if name in NATIONALITIES:
        return NATIONALITIES[name]
    return _LOC_CODES_FOLDED.get(name.strip().casefold())


# Every organisation name and alias.
ORGANIZATION_NAMES: frozenset[str] = frozenset(ORGANIZATIONS).union(*ORGANIZATIONS.values())
_PLACES_ORGS_NATIONALITIES = frozenset(LOC_CODES) | frozenset(NATIONALITIES) | ORGANIZATION_NAMES


# Census first names and surnames (tasks.ner.census, ~5,000 and ~29,000) widen the hand lists;
# a name that is also a place, an organisation or a nationality word keeps that meaning here.
def _census_names(found: frozenset[str]) -> frozenset[str]:
    return found - _PLACES_ORGS_NATIONALITIES


def _people_names() -> tuple[frozenset[str], frozenset[str]]:
    """First and last words of well-known people's names (tasks.ner.people), one-word names
    among the last; numerals, "Jr." and initials are not names."""
    firsts, lasts = set(), set(people.MONONYMS)
    for name in people.PEOPLE:
        words = [w for w in name.split() if w[0].isupper() and w.isalpha() and not w.isupper()]
        if len(words) >= 2:
            firsts.add(words[0])
            lasts.add(words[-1])
    return census.without_ordinary_words(firsts), census.without_ordinary_words(lasts)


_PEOPLE_FIRST, _PEOPLE_LAST = _people_names()
# Surnames of people in the news ("Trudeau", "Erdogan"): a name even where it opens a sentence.
FAMOUS_SURNAMES: frozenset[str] = _census_names(_PEOPLE_LAST)
FIRST_NAMES = FIRST_NAMES | _census_names(census.first_names() | _PEOPLE_FIRST)
SURNAMES = SURNAMES | _census_names(census.surnames() | _PEOPLE_LAST)
