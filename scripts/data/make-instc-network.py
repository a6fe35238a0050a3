#!/usr/bin/env python3
"""Writes Data/networks/instc-east.json, the bundled INSTC eastern-branch network, from the figures
below. Sourced figures cite Data/reference/corridor-facts.csv (the `sources` list); where sources
disagree the chosen value is given and the others kept; where no source gives a figure it is an
estimate with its reasoning. Run: python3 scripts/data/make-instc-network.py"""
import json
import math
import pathlib

SOURCES = [
    ("railturkey-2014", "Kazakhstan–Turkmenistan–Iran railway", "RailTurkey", "https://railturkey.org/2014/12/03/kazakhstan-turkmenistan-iran-railway/", "2014-12-03"),
    ("azvision-2014", "Kazakhstan–Turkmenistan–Iran railway inaugurated", "AzVision", "https://en.azvision.az/news/3688/kazakhstan-turkmenistan-iran-railway-inaugurated.html", "2014-12"),
    ("tass-2014", "Kazakhstan–Turkmenistan–Iran railway opened", "TASS", "https://tass.com/world/764933", "2014-12"),
    ("caspiannews-2021", "Kazakhstan, Iran, Turkmenistan agreed to boost cargo volume via railroad", "Caspian News", "https://caspiannews.com/news-detail/kazakhstan-iran-turkmenistan-agreed-to-boost-cargo-volume-via-railroad-2021-11-29-0/", "2021-11-29"),
    ("inform-2013", "Uzen–Bolashak railway and the Bolashak–Serhetyaka crossing", "Kazinform", "http://inform.kz/eng/article/2557206", "2013-05"),
    ("financialtribune-2014", "Rouhani to inaugurate key rail project", "Financial Tribune", "https://financialtribune.com/articles/economy-domestic-economy/5830/rouhani-to-inaugurate-key-rail-project", "2014"),
    ("rameuic-2021", "Rail connection of the 1520 mm line between Iran and Turkmenistan", "RAME/UIC", "https://www.rameuic.com/en/news/375/Rail-connection-of-broad-gauge-line-1520-mm-between-Iran-and-Turkmenistan", "2021-03"),
    ("astanatimes-2024", "Kazakh PM assesses logistic potential of Aktau, Kuryk seaports", "Astana Times", "https://astanatimes.com/2024/09/kazakh-pm-assesses-logistic-potential-of-aktau-kuryk-seaports/", "2024-09"),
    ("azernews-2024", "Aktau and Kuryk ports capacity", "AzerNews", "https://www.azernews.az/region/226421.html", "2024-05"),
    ("today-2018", "Turkmenbashi international seaport", "Today.az", "http://www.today.az/news/regions/177675.html", "2018-05"),
    ("amirabad-2022", "Amirabad Port capacity increases by 30%", "Amirabad Port (PMO)", "https://amirabadport.pmo.ir/en/news/23473/Amirabad-Port-capacity-increases-by-30", "2022"),
    ("financialtribune-caspian", "Amirabad Port registers 31% rise in throughput", "Financial Tribune", "https://financialtribune.com/articles/domestic-economy/119050/amirabad-port-registers-31-rise-in-throughput", None),
    ("tehrantimes-2019", "Near 5m tons of cargos loaded, unloaded at Shahid Rajaee Port", "Tehran Times", "https://www.tehrantimes.com/news/435593/Near-5m-tons-of-cargos-loaded-unloaded-at-Shahid-Rajaee-Port", "2019-05"),
    ("irna-rajaee", "Shahid Rajaee port capacity", "IRNA", "https://de.irna.ir/amp/85776705", None),
    ("irna-2017", "Investors lining up for Chabahar opportunities", "IRNA", "https://en.irna.ir/news/83406115/Investors-lining-up-for-Chabahar-opportunities", "2017-12"),
]

# Rates for estimates, each with its reasoning.
RAIL_USD_PER_TKM = (0.04, "rail tariffs on Central Asian routes, transit included, are commonly quoted at 3-6 US cents a tonne-km; 4 cents taken")
ROAD_USD_PER_TKM = (0.09, "trucking in the region is commonly quoted at 8-10 US cents a tonne-km; 9 cents taken")
SEA_USD_PER_T = (25.0, "Caspian bulk freight is commonly quoted at 20-40 USD a tonne a crossing; 25 taken")
SPEED = {
    "rail-KAZ": (40, "freight trains in Kazakhstan average 35-45 km/h between stops; 40 taken"),
    "rail-TKM": (30, "single-track line with long crossing loops; 30 km/h taken"),
    "rail-IRN": (40, "Iranian freight trains average 35-45 km/h; 40 taken"),
    "rail-border": (20, "border approaches run at yard speeds; 20 km/h taken"),
    "road": (50, "a truck's average over long distances with rests; 50 km/h taken"),
    "sea": (20, "Caspian general cargo ships sail at about 10-11 knots; 20 km/h taken"),
}
DWELL = {
    "border": (12, "CAREC corridor monitoring puts a rail border crossing at about a day, both sides together; 12 h a side"),
    "break_of_gauge": (30, "12 h of border formalities plus about 18 h to exchange bogies or transship between 1520 and 1435 mm wagons"),
    "port": (48, "a consignment commonly waits two days in a Caspian port between train and ship"),
    "junction": (4, "marshalling and locomotive change at a junction; 4 h taken"),
}
PORT_HANDLING = (8.0, "stevedoring in Caspian ports is commonly quoted at 5-10 USD a tonne; 8 taken")


def estimate(reasoning, note=None):
    entry = {"estimate": True, "reasoning": reasoning}
    if note:
        entry["note"] = note
    return entry


def cite(source, note=None, others=None):
    entry = {"source": source}
    if note:
        entry["note"] = note
    if others:
        entry["others"] = [{"value": v, "source": s, **({"note": n} if n else {})} for v, s, n in others]
    return entry


# Each place's usual name in Persian and Russian, as the press writes it; the dashboard shows it by language.
NAMES = {
    "astana": {"fa": "آستانه", "ru": "Астана"},
    "almaty": {"fa": "آلماتی", "ru": "Алматы"},
    "aktobe": {"fa": "آکتوبه", "ru": "Актобе"},
    "beyneu": {"fa": "بینئو", "ru": "Бейнеу"},
    "aktau_port": {"fa": "بندر آکتائو", "ru": "порт Актау"},
    "kuryk_port": {"fa": "بندر کوریک", "ru": "порт Курык"},
    "uzen": {"fa": "اوزن (ژانااوزن)", "ru": "Узень (Жанаозен)"},
    "bolashak": {"fa": "بولاشاک", "ru": "Болашак"},
    "serhetyaka": {"fa": "سرحدیاکا", "ru": "Серхетяка"},
    "bereket": {"fa": "برکت", "ru": "Берекет"},
    "etrek": {"fa": "اترک", "ru": "Этрек"},
    "turkmenbashi_port": {"fa": "بندر ترکمن‌باشی", "ru": "порт Туркменбаши"},
    "ashgabat": {"fa": "عشق‌آباد", "ru": "Ашхабад"},
    "saragt": {"fa": "سرخس ترکمنستان", "ru": "Сарахс"},
    "inche_burun": {"fa": "اینچه‌برون", "ru": "Инче-Бурун"},
    "gorgan": {"fa": "گرگان", "ru": "Горган"},
    "behshahr": {"fa": "بهشهر", "ru": "Бехшехр"},
    "amirabad_port": {"fa": "بندر امیرآباد", "ru": "порт Амирабад"},
    "anzali_port": {"fa": "بندر انزلی", "ru": "порт Энзели"},
    "astara_port": {"fa": "بندر آستارا", "ru": "порт Астара"},
    "tehran": {"fa": "تهران", "ru": "Тегеран"},
    "bafq": {"fa": "بافق", "ru": "Бафк"},
    "mashhad": {"fa": "مشهد", "ru": "Мешхед"},
    "sarakhs": {"fa": "سرخس", "ru": "Серахс"},
    "bandar_abbas": {"fa": "بندرعباس (بندر شهید رجایی)", "ru": "Бандар-Аббас (порт Шахид-Раджаи)"},
    "zahedan": {"fa": "زاهدان", "ru": "Захедан"},
    "chabahar": {"fa": "چابهار (بندر شهید بهشتی)", "ru": "Чабахар (порт Шахид-Бехешти)"},
}

NODES = []


def node(id, name, country, kind, lat, lon, capacity=None, capacity_evidence=None, coordinates_note=None):
    n = {"id": id, "name": name, "names": NAMES[id], "country": country, "kind": kind, "lat": lat, "lon": lon}
    evidence = {}
    dwell_kind = {"border": "border", "break_of_gauge": "break_of_gauge", "port": "port", "junction": "junction"}.get(kind)
    if dwell_kind:
        hours, why = DWELL[dwell_kind]
        n["dwell_hours"] = hours
        evidence["dwell_hours"] = estimate(why)
    if kind == "port":
        n["handling_usd_per_t"] = PORT_HANDLING[0]
        evidence["handling_usd_per_t"] = estimate(PORT_HANDLING[1])
    if capacity is not None:
        n["capacity_mt"] = capacity
        evidence["capacity_mt"] = capacity_evidence
    if coordinates_note:
        evidence["lat"] = estimate(coordinates_note)
        evidence["lon"] = estimate(coordinates_note)
    if evidence:
        n["evidence"] = evidence
    NODES.append(n)


LINKS = []


def link(id, a, b, mode, km, km_evidence, speed_key=None, capacity=None, capacity_evidence=None):
    l = {"id": id, "from": a, "to": b, "mode": mode, "length_km": km, "bidirectional": True}
    evidence = {"length_km": km_evidence}
    if mode == "sea":
        l["speed_kmh"] = SPEED["sea"][0]
        evidence["speed_kmh"] = estimate(SPEED["sea"][1])
        l["usd_per_t"] = SEA_USD_PER_T[0]
        evidence["usd_per_t"] = estimate(SEA_USD_PER_T[1])
    else:
        speed, why = SPEED[speed_key or mode]
        l["speed_kmh"] = speed
        evidence["speed_kmh"] = estimate(why)
        rate, why = RAIL_USD_PER_TKM if mode == "rail" else ROAD_USD_PER_TKM
        l["usd_per_t"] = round(km * rate, 2)
        evidence["usd_per_t"] = estimate(f"{km} km at {rate} USD a tonne-km: {why}")
    if capacity is not None:
        l["capacity_mt"] = capacity
        l_cap = capacity_evidence
        evidence["capacity_mt"] = l_cap
    l["evidence"] = evidence
    LINKS.append(l)


def straight(a, b, factor, what):
    """An estimated length: the straight-line distance between two nodes times a detour factor."""
    na = next(n for n in NODES if n["id"] == a)
    nb = next(n for n in NODES if n["id"] == b)
    p1, p2 = math.radians(na["lat"]), math.radians(nb["lat"])
    dl = math.radians(nb["lon"] - na["lon"])
    d = 6371 * math.acos(min(1, math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)))
    km = round(d * factor / 5) * 5
    return km, estimate(f"no source gives it: {round(d)} km in a straight line times {factor} for the {what}")


# Kazakhstan
node("astana", "Astana", "KAZ", "city", 51.169, 71.449)
node("almaty", "Almaty", "KAZ", "city", 43.238, 76.946)
node("aktobe", "Aktobe", "KAZ", "city", 50.283, 57.167)
node("beyneu", "Beyneu", "KAZ", "junction", 45.316, 55.200)
node("aktau_port", "Port of Aktau", "KAZ", "port", 43.600, 51.220, 11, cite("astanatimes-2024", "over 11 Mt a year", [(21, "azernews-2024", "Aktau and Kuryk together; +50% planned by 2028")]))
node("kuryk_port", "Port of Kuryk", "KAZ", "port", 43.180, 51.670, 6, cite("astanatimes-2024", "projected capacity; 2.2 Mt expected to be handled in 2024"))
node("uzen", "Uzen (Zhanaozen)", "KAZ", "junction", 43.340, 52.860)
node("bolashak", "Bolashak", "KAZ", "border", 41.95, 53.35, coordinates_note="placed on the railway about 146 km south of Uzen, near the border; not surveyed")
# Turkmenistan
node("serhetyaka", "Serhetyaka", "TKM", "border", 41.85, 53.45, coordinates_note="placed just south of the border opposite Bolashak; not surveyed")
node("bereket", "Bereket", "TKM", "junction", 39.244, 55.516)
node("etrek", "Etrek", "TKM", "junction", 37.667, 54.767)
node("turkmenbashi_port", "Turkmenbashi port", "TKM", "port", 40.020, 52.970, 17, cite("today-2018", "17-18 Mt a year excluding petroleum; the lower bound taken", [(18, "today-2018", "upper bound")]))
node("ashgabat", "Ashgabat", "TKM", "junction", 37.950, 58.383)
node("saragt", "Saragt", "TKM", "border", 36.530, 61.210)
# Iran
node("inche_burun", "Inche Burun", "IRN", "break_of_gauge", 37.440, 54.720)
node("gorgan", "Gorgan", "IRN", "junction", 36.840, 54.440)
node("behshahr", "Behshahr", "IRN", "junction", 36.690, 53.550)
node("amirabad_port", "Amirabad port", "IRN", "port", 36.850, 53.370, 4.7, estimate("3.6 Mt handled in 2021/22 before four new berths added about 30%: 3.6 x 1.3", None) | {"others": [{"value": 3.6, "source": "amirabad-2022", "note": "cargo handled in 2021/22, not a capacity"}]})
node("anzali_port", "Bandar Anzali port", "IRN", "port", 37.470, 49.460, 7.5, estimate("Iran's five Caspian ports together handle 35 Mt a year (financialtribune-caspian); less Amirabad's ~4.7 Mt, shared among the other four") | {"others": [{"value": 35, "source": "financialtribune-caspian", "note": "all five Iranian Caspian ports together"}]})
node("astara_port", "Astara port", "IRN", "port", 38.430, 48.870, 7.5, estimate("Iran's five Caspian ports together handle 35 Mt a year (financialtribune-caspian); less Amirabad's ~4.7 Mt, shared among the other four"))
node("tehran", "Tehran", "IRN", "junction", 35.689, 51.389)
node("bafq", "Bafq", "IRN", "junction", 31.605, 55.400)
node("mashhad", "Mashhad", "IRN", "junction", 36.297, 59.606)
node("sarakhs", "Sarakhs", "IRN", "break_of_gauge", 36.545, 61.158)
node("bandar_abbas", "Bandar Abbas (Shahid Rajaee)", "IRN", "port", 27.110, 56.060, 100, cite("tehrantimes-2019", "loading and unloading capacity", [(150, "irna-rajaee", "nominal: 8M TEU plus 150 Mt non-container")]))
node("zahedan", "Zahedan", "IRN", "city", 29.496, 60.863)
node("chabahar", "Chabahar (Shahid Beheshti)", "IRN", "port", 25.290, 60.640, 8.5, cite("irna-2017", "after phase 1, from 2.5 Mt; 77-82 Mt planned in the end"))

KTI = cite("financialtribune-2014", "design capacity", [(3, "azvision-2014", "initial capacity 3-5 Mt a year"), (5, "azvision-2014", "initial capacity, upper bound"), (12, "azvision-2014", "long-term 10-12 Mt a year")])

# Kazakhstan to the Caspian and the border
link("astana-beyneu", "astana", "beyneu", "rail", *straight("astana", "beyneu", 1.25, "line via Karaganda, Zhezkazgan and Saksaulskaya"), "rail-KAZ")
link("aktobe-beyneu", "aktobe", "beyneu", "rail", *straight("aktobe", "beyneu", 1.35, "line via Kandyagash and Makat"), "rail-KAZ")
link("almaty-beyneu", "almaty", "beyneu", "rail", *straight("almaty", "beyneu", 1.35, "line via Shu, Kyzylorda and Saksaulskaya"), "rail-KAZ")
link("beyneu-uzen", "beyneu", "uzen", "rail", *straight("beyneu", "uzen", 1.2, "Mangyshlak line"), "rail-KAZ")
link("beyneu-aktau", "beyneu", "aktau_port", "rail", *straight("beyneu", "aktau_port", 1.2, "Mangyshlak line"), "rail-KAZ")
link("beyneu-kuryk", "beyneu", "kuryk_port", "rail", *straight("beyneu", "kuryk_port", 1.2, "Mangyshlak line and the Kuryk spur"), "rail-KAZ")
# The Kazakhstan–Turkmenistan–Iran railway
link("uzen-bolashak", "uzen", "bolashak", "rail", 146, cite("inform-2013", "Kazakh section", [(120, "railturkey-2014", "KZ 120 / TM 700 / IR 88"), (140, "azvision-2014", "KZ 140 / TM 700 / IR 85"), (137, "financialtribune-2014", "new construction only")]), "rail-KAZ", 10, KTI)
link("bolashak-serhetyaka", "bolashak", "serhetyaka", "rail", 5, estimate("the two border stations face each other across the frontier; a few km"), "rail-border", 10, KTI)
link("serhetyaka-bereket", "serhetyaka", "bereket", "rail", 440, estimate("the Turkmen section is about 700 km (railturkey-2014, azvision-2014, tass-2014), split over its three stretches in proportion to their straight-line lengths", "Turkmen section 700 km in all"), "rail-TKM", 10, KTI)
link("bereket-etrek", "bereket", "etrek", "rail", 235, estimate("the Turkmen section is about 700 km (railturkey-2014, azvision-2014, tass-2014), split over its three stretches in proportion to their straight-line lengths", "Turkmen section 700 km in all"), "rail-TKM", 10, KTI)
link("etrek-inche_burun", "etrek", "inche_burun", "rail", 25, estimate("the rest of the 700 km Turkmen section to the border, where a 1520 mm track runs 8 km on into Iran (rameuic-2021)"), "rail-border", 10, KTI)
link("inche_burun-gorgan", "inche_burun", "gorgan", "rail", 88, cite("railturkey-2014", "Iranian section", [(85, "azvision-2014", None), (70, "financialtribune-2014", "new construction only")]), "rail-IRN", 10, KTI)
# Iran's north line and the line to the Gulf
link("gorgan-behshahr", "gorgan", "behshahr", "rail", *straight("gorgan", "behshahr", 1.15, "north line along the coast"), "rail-IRN")
link("behshahr-amirabad", "behshahr", "amirabad_port", "rail", *straight("behshahr", "amirabad_port", 1.3, "port spur"), "rail-IRN")
link("behshahr-tehran", "behshahr", "tehran", "rail", *straight("behshahr", "tehran", 1.6, "mountain line via Sari and Firuzkuh"), "rail-IRN")
link("tehran-bafq", "tehran", "bafq", "rail", *straight("tehran", "bafq", 1.25, "line via Qom, Kashan and Yazd"), "rail-IRN")
link("bafq-bandar_abbas", "bafq", "bandar_abbas", "rail", *straight("bafq", "bandar_abbas", 1.3, "line via Sirjan"), "rail-IRN")
# The Sarakhs branch
link("bereket-ashgabat", "bereket", "ashgabat", "rail", *straight("bereket", "ashgabat", 1.15, "Trans-Caspian line"), "rail-TKM")
link("ashgabat-saragt", "ashgabat", "saragt", "rail", *straight("ashgabat", "saragt", 1.3, "line via Tejen"), "rail-TKM")
link("saragt-sarakhs", "saragt", "sarakhs", "rail", 5, estimate("the border bridge between the two stations; a few km"), "rail-border")
link("sarakhs-mashhad", "sarakhs", "mashhad", "rail", *straight("sarakhs", "mashhad", 1.2, "Mashhad–Sarakhs line"), "rail-IRN")
link("mashhad-bafq", "mashhad", "bafq", "rail", *straight("mashhad", "bafq", 1.2, "Mashhad–Bafq line"), "rail-IRN")
link("turkmenbashi-bereket", "turkmenbashi_port", "bereket", "rail", *straight("turkmenbashi_port", "bereket", 1.2, "line via Balkanabat"), "rail-TKM")
# Across the Caspian
for a, b in [("aktau_port", "amirabad_port"), ("aktau_port", "anzali_port"), ("aktau_port", "astara_port"), ("kuryk_port", "amirabad_port"),
             ("kuryk_port", "anzali_port"), ("turkmenbashi_port", "amirabad_port"), ("turkmenbashi_port", "anzali_port")]:
    link(f"{a.split('_')[0]}-{b.split('_')[0]}-sea", a, b, "sea", *straight(a, b, 1.1, "sea route"))
# Roads
link("anzali-tehran-road", "anzali_port", "tehran", "road", *straight("anzali_port", "tehran", 1.35, "road via Rasht and Qazvin"))
link("astara-tehran-road", "astara_port", "tehran", "road", *straight("astara_port", "tehran", 1.4, "road via Rasht and Qazvin"))
link("tehran-bandar_abbas-road", "tehran", "bandar_abbas", "road", *straight("tehran", "bandar_abbas", 1.3, "road via Isfahan and Kerman"))
link("mashhad-zahedan-road", "mashhad", "zahedan", "road", *straight("mashhad", "zahedan", 1.3, "road via Birjand"))
link("zahedan-chabahar-road", "zahedan", "chabahar", "road", *straight("zahedan", "chabahar", 1.3, "road via Iranshahr"))
link("bandar_abbas-chabahar-road", "bandar_abbas", "chabahar", "road", *straight("bandar_abbas", "chabahar", 1.25, "coast road via Jask"))

TRANSFERS = [
    {"from_mode": a, "to_mode": b, "hours": h, "usd_per_t": c}
    for (a, b, h, c) in [("rail", "sea", 12, 6), ("sea", "rail", 12, 6), ("road", "sea", 8, 5), ("sea", "road", 8, 5), ("rail", "road", 6, 4), ("road", "rail", 6, 4)]
]

CORRIDORS = [
    {"id": "kti", "name": "Kazakhstan–Turkmenistan–Iran railway (Uzen–Gorgan)",
     "names": {"fa": "راه‌آهن قزاقستان–ترکمنستان–ایران (اوزن–گرگان)", "ru": "Железная дорога Казахстан — Туркменистан — Иран (Узень — Горган)"},
     "elements": ["uzen-bolashak", "bolashak", "bolashak-serhetyaka", "serhetyaka", "serhetyaka-bereket", "bereket", "bereket-etrek", "etrek",
                  "etrek-inche_burun", "inche_burun", "inche_burun-gorgan"]},
    {"id": "instc-east", "name": "INSTC eastern branch (Uzen–Bandar Abbas by rail)",
     "names": {"fa": "شاخهٔ شرقی کریدور شمال–جنوب (اوزن–بندرعباس با راه‌آهن)", "ru": "Восточная ветвь МТК «Север — Юг» (Узень — Бендер-Аббас по железной дороге)"},
     "elements": ["uzen-bolashak", "bolashak-serhetyaka", "serhetyaka-bereket", "bereket-etrek", "etrek-inche_burun", "inche_burun-gorgan",
                  "gorgan-behshahr", "behshahr-tehran", "tehran-bafq", "bafq-bandar_abbas"]},
]

document = {
    "name": "INSTC eastern branch (Kazakhstan–Turkmenistan–Iran)",
    "note": "Built by scripts/data/make-instc-network.py from Data/reference/corridor-facts.csv; every figure's evidence says whether it is sourced or estimated, and why. Transfers are estimates: transshipment labour and waiting between modes.",
    "nodes": NODES,
    "links": LINKS,
    "transfers": TRANSFERS,
    "corridors": CORRIDORS,
    "sources": [{"id": i, "title": t, "publisher": p, "url": u, **({"published": d} if d else {})} for i, t, p, u, d in SOURCES],
}
out = pathlib.Path(__file__).resolve().parents[2] / "Data" / "networks" / "instc-east.json"
out.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n")
print(f"{len(NODES)} nodes, {len(LINKS)} links -> {out}")
