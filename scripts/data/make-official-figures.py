#!/usr/bin/env python3
"""Writes the bundled official figures from Data/reference/official-figures.csv (a copy of the
reference table, see Data/README.md): every row gets one decision below — a trade figure for the
ledger, a relation (a growth rate or multiple against a base period), a freight flow against an
element of the network, or left out with the reason — and the decisions are written out beside the
data (Data/reference/official-figures-decisions.md).

    python3 scripts/data/make-official-figures.py [--check]

--check writes nothing and exits 1 when a committed file differs from what this script makes.
"""
import csv
import io
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "Data/reference/official-figures.csv"

IRICA = "Iranian customs (IRICA)"
KZ_STAT = "Kazakhstan Statistics Committee"
KZ_AGRI = "Kazakhstan Ministry of Agriculture"
KTZ = "Kazakhstan Temir Zholy (KTZ)"
TPO = "Trade Promotion Organization of Iran"

# id -> (what, compiler, extra). what: "figure" (coverage from the unit, IRICA's figures count
# non-oil goods), "relation:VERSUS" (the row's value a ratio or a percent change against VERSUS, as
# its unit says), "flow:ELEMENT[:DIRECTION]", or "out". extra: a note for the decisions table, or the
# reason a row is left out. A compiler is named only where the page names the statistical body
# whose figures it quotes; a figure stated by a politician or a diplomat is not official statistics.
DECISIONS = {
    "f001": ("figure", None, "statement by Kazakhstan's deputy prime minister; conflicts with the Statistics Committee's $422M"),
    "f002": ("figure", None, ""),
    "f003": ("figure", None, ""),
    "f004": ("out", None, "tariff items under the interim agreement, not a trade value: shown as published by `tariffs coverage`"),
    "f005": ("out", None, "a share of goods, not a trade value"),
    "f006": ("out", None, "a range of shares, not a trade value"),
    "f007": ("figure", None, "approximate, stated by Iran's ambassador"),
    "f008": ("figure", None, "stated by Iran's ambassador"),
    "f009": ("figure", "Kazakhstan Ministry of Industry and Trade", ""),
    "f010": ("figure", KZ_AGRI, "parenthetical in an agriculture story; far above later years"),
    "f011": ("figure", None, "approximate, stated by President Nazarbayev; the year is inferred"),
    "f012": ("figure", None, "second outlet for Prime Minister Smailov's $528M"),
    "f013": ("out", None, "the period is not stated"),
    "f014": ("out", None, "a share (agriculture in the pair's trade), not a trade value"),
    "f015": ("relation:2020-01..2020-09", None, "stated by Kazakhstan's ambassador"),
    "f016": ("figure", None, "stated by Kazakhstan's ambassador; the excerpt is undated"),
    "f017": ("figure", None, "stated by a provincial chamber of commerce for 'last year', read as SH1403"),
    "f018": ("relation:2024-01..2024-10", None, "stated by President Tokayev"),
    "f019": ("out", None, "President Pezeshkian's 'this year': a claim of the Iran–Kazakhstan dossier (pezeshkian-40), not a figure"),
    "f020": ("figure", KZ_AGRI, "agricultural goods only"),
    "f021": ("out", None, "tonnes of grain over an approximate decade, no value"),
    "f022": ("out", None, "one city's trade (Almaty), not the country's"),
    "f023": ("out", None, "tonnes of barley, no value and no network element"),
    "f024": ("out", None, "tonnes of barley, no value and no network element"),
    "f025": ("out", None, "tonnes of wheat, no value and no network element"),
    "f026": ("out", None, "tonnes of wheat, no value and no network element"),
    "f027": ("out", None, "tonnes of barley, no value and no network element"),
    "f028": ("out", None, "tonnes of barley, no value and no network element"),
    "f029": ("out", None, "tonnes of barley in an assumed marketing year"),
    "f030": ("out", None, "tonnes of wheat in an incomplete season"),
    "f031": ("out", None, "tonnes of grain, no value"),
    "f032": ("out", None, "tonnes of wheat over a decade, approximate"),
    "f033": ("figure", IRICA, "with f034's 729,000 t as its quantity"),
    "f034": ("out", None, "the quantity of f033, stored with it"),
    "f035": ("figure", IRICA, ""),
    "f036": ("figure", IRICA, ""),
    "f037": ("figure", IRICA, "cumulative over twenty years, approximate"),
    "f038": ("figure", IRICA, ""),
    "f039": ("figure", IRICA, ""),
    "f040": ("figure", IRICA, ""),
    "f041": ("figure", IRICA, ""),
    "f042": ("figure", IRICA, ""),
    "f043": ("figure", IRICA, ""),
    "f044": ("figure", IRICA, ""),
    "f045": ("figure", IRICA, ""),
    "f046": ("figure", IRICA, ""),
    "f047": ("figure", IRICA, ""),
    "f048": ("figure", IRICA, "the year is inferred from the content"),
    "f049": ("figure", IRICA, "nine months and ten days of 1401: 21 March to 31 December 2022"),
    "f050": ("figure", IRICA, ""),
    "f051": ("figure", IRICA, ""),
    "f052": ("figure", IRICA, ""),
    "f053": ("figure", IRICA, ""),
    "f054": ("figure", IRICA, "the page says 'during the 11 months' in this sentence"),
    "f055": ("figure", IRICA, ""),
    "f056": ("out", None, "direction ambiguous: its growth rates contradict IRICA's 1400 figures"),
    "f057": ("out", None, "direction ambiguous: its growth rates contradict IRICA's 1400 figures"),
    "f058": ("out", None, "Iran's trade with the EAEU as a bloc: not a pair of economies"),
    "f059": ("figure", IRICA, ""),
    "f060": ("figure", IRICA, "above IRICA's whole-year 1400 imports from Kazakhstan ($78M): both kept"),
    "f061": ("out", None, "Iran's trade with the EAEU as a bloc"),
    "f063": ("figure", IRICA, ""),
    "f064": ("figure", IRICA, ""),
    "f065": ("figure", IRICA, ""),
    "f066": ("figure", IRICA, ""),
    "f067": ("figure", IRICA, ""),
    "f068": ("figure", None, "stated by a provincial trade official"),
    "f069": ("figure", None, "stated by Iran's commercial attaché"),
    "f070": ("figure", None, "stated by Iran's ambassador; basis unknown, far above IRICA's non-oil figures"),
    "f071": ("figure", None, "stated by Iran's ambassador"),
    "f072": ("figure", None, "stated by Iran's ambassador; conflicts with IRICA's implied 1400 figure"),
    "f073": ("figure", TPO, "probably includes gas and energy"),
    "f074": ("figure", TPO, ""),
    "f075": ("out", None, "the year is not stated (about 2015/16)"),
    "f082": ("flow:kti", KTZ, "second outlet for the bundled 1.6 Mt through Bolashak"),
    "f083": ("flow:kti:backward", "Bolashak station (KTZ)", "Turkmenistan to Kazakhstan, approximate"),
    "f084": ("flow:kti:forward", "Bolashak station (KTZ)", "Kazakhstan to Turkmenistan, as printed '1.0002 million'"),
    "f085": ("out", None, "trains a day: a capacity in other units"),
    "f086": ("flow:instc-east", None, "the eastern route, Russia to Iran"),
    "f087": ("flow:instc-east", None, "a plan"),
    "f088": ("out", None, "a potential capacity, not a flow"),
    "f089": ("flow:instc-east", None, "expected by the year's end"),
    "f090": ("flow:kti", None, "at least 1.5 Mt toward Iran, stated by the prime minister"),
    "f091": ("out", None, "a capacity target: the dossier's targets"),
    "f092": ("flow:kti", None, "stated by President Tokayev"),
    "f093": ("out", None, "a capacity target: the dossier's targets"),
    "f094": ("flow:instc-east", "Turkmen Ministry of Railway Transport", "from Russia by the eastern branch"),
    "f095": ("out", None, "all INSTC branches from Russia: no single element"),
    "f096": ("out", None, "a capacity, already in the network"),
    "f097": ("out", None, "a capacity, already in the network"),
    "f098": ("flow:inche_burun:backward", "Golestan railways", "Iran's rail exports through Inche Burun, northbound"),
    "f099": ("flow:inche_burun:forward", "Golestan railways", "Iran's rail imports through Inche Burun, southbound"),
    "f100": ("flow:inche_burun", "Golestan railways", "loaded in Golestan province, 1397 to 12 March 2019"),
    "f101": ("out", None, "a capacity of the Sarakhs crossing"),
    "f102": ("flow:saragt-sarakhs", None, "approximate, 'last year' read as 2021"),
    "f103": ("out", None, "undated"),
    "f104": ("flow:aktau_port", KTZ, ""),
    "f105": ("out", None, "grain only: flows have no commodity"),
    "f106": ("flow:aktau_port", KTZ, "another outlet says 'down 24%' for the same figure"),
    "f107": ("out", None, "grain only"),
    "f108": ("flow:aktau_port", KTZ, "conflicts with 2.2 Mt (Atameken): both kept"),
    "f109": ("flow:aktau_port", "Atameken", "conflicts with 2.3 Mt (KTZ): both kept"),
    "f110": ("out", None, "a capacity, already in the network"),
    "f111": ("flow:aktau_port", KTZ, ""),
    "f112": ("out", None, "grain only"),
    "f113": ("flow:aktau_port", "Aktau port", ""),
    "f114": ("flow:kuryk_port", None, "approximate"),
    "f115": ("flow:kuryk_port", None, "to 25 September 2024"),
    "f116": ("out", None, "a capacity target"),
    "f117": ("flow:amirabad_port", "Amirabad port", "the publication year is inferred"),
    "f118": ("flow:amirabad_port", "Amirabad port", ""),
    "f119": ("flow:amirabad_port", "Ports and Maritime Organization of Iran", "one month"),
    "f120": ("flow:amirabad_port", "Ministry of Roads and Urban Development", "the year is inferred"),
}
# Shares, tariff lines and agreement coverage (f121 onward) describe the agreements: the dossier's.
for number in range(121, 143):
    DECISIONS.setdefault(f"f{number:03d}", ("out", None, "what an agreement covers, not a trade value: shown as published by `tariffs coverage`"))

FIGURE_COLUMNS = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote,compiler,status".split(",")
RELATION_COLUMNS = "reporter,partner,flow,commodity,period,versus,change_pct,ratio,source,url,published,quote,compiler,status".split(",")
FLOW_COLUMNS = "element,period,tonnes,direction,source,url,published,note,compiler,status".split(",")


def outlet(row):
    """The outlet quoting the figure: the source name before its parenthesis."""
    return row["source_name"].split(" (")[0].strip()


def status(row):
    unit = row["unit"].lower()
    if "lower bound" in unit:
        return "lower-bound"
    if "plan" in unit or "target" in unit:
        return "plan"
    if "expected" in unit or "forecast" in unit:
        return "forecast"
    return ""


def coverage(row, compiler):
    unit = row["unit"].lower()
    if "non-oil" in unit or compiler == IRICA:
        return "NONOIL"
    if "agricultural" in unit:
        return "AGRI"
    return "TOTAL"


def main(check):
    rows = list(csv.DictReader(SOURCE.open(encoding="utf-8")))
    missing = [row["id"] for row in rows if row["id"] not in DECISIONS]
    if missing:
        sys.exit(f"no decision for {', '.join(missing)}: add one to {__file__}")
    quantities = {"f033": next(r["value"] for r in rows if r["id"] == "f034")}
    figures = {}
    relations = {}
    flows = []
    decisions = ["| id | what | decision |", "|---|---|---|"]
    for row in rows:
        what, compiler, extra = DECISIONS[row["id"]]
        summary = f"{row['reporter']}–{row['partner']} {row['flow']} {row['period']}: {row['value']} {row['unit']}"
        if what == "figure":
            pair = "-".join(sorted([row["reporter"], row["partner"]]))
            commodity = coverage(row, compiler)
            figures.setdefault(pair, []).append({
                "reporter": row["reporter"], "partner": row["partner"], "flow": row["flow"], "commodity": commodity,
                "period": row["period"], "value_usd": row["value"], "quantity_t": quantities.get(row["id"], ""),
                "valuation": "", "source": outlet(row), "url": row["url"], "published": row["published"],
                "quote": row["quote"], "compiler": compiler or "", "status": status(row)})
            decided = f"figures, {commodity}" + (f", {compiler}'s" if compiler else ", no compiler named")
        elif what.startswith("relation:"):
            versus = what.split(":", 1)[1]
            pair = "-".join(sorted([row["reporter"], row["partner"]]))
            unit = row["unit"].lower()
            relations.setdefault(pair, []).append({
                "reporter": row["reporter"], "partner": row["partner"], "flow": row["flow"], "commodity": coverage(row, compiler),
                "period": row["period"], "versus": versus, "change_pct": row["value"] if unit.startswith("pct_change") else "",
                "ratio": row["value"] if unit.startswith("ratio") else "", "source": outlet(row), "url": row["url"],
                "published": row["published"], "quote": row["quote"], "compiler": compiler or "", "status": status(row)})
            decided = f"relations, against {versus}"
        elif what.startswith("flow:"):
            parts = what.split(":")
            flows.append({
                "element": parts[1], "period": row["period"], "tonnes": row["value"],
                "direction": parts[2] if len(parts) > 2 else "both", "source": outlet(row), "url": row["url"],
                "published": row["published"], "note": f"{row['unit']}: {row['quote']}", "compiler": compiler or "",
                "status": status(row)})
            decided = f"flows, {parts[1]}" + (f", {compiler}'s" if compiler else "")
        else:
            decided = "left out"
        if status(row) and what != "out":
            decided += f", {status(row)}"
        decisions.append(f"| {row['id']} | {summary} | {decided}{'; ' + extra if extra else ''} |")
    outputs = {ROOT / "Data/flows/instc-east-official.csv": render(FLOW_COLUMNS, flows)}
    names = {"IRN-KAZ": "iran-kazakhstan-official.csv", "IRN-TKM": "iran-turkmenistan-official.csv"}
    for pair, rows_ in figures.items():
        if pair not in names:
            sys.exit(f"no file named for the pair {pair}")
        outputs[ROOT / "Data/figures" / names[pair]] = render(FIGURE_COLUMNS, rows_)
    for pair, rows_ in relations.items():
        if pair not in names:
            sys.exit(f"no file named for the pair {pair}")
        outputs[ROOT / "Data/figures" / names[pair].replace("-official.csv", "-relations.csv")] = render(RELATION_COLUMNS, rows_)
    header = (
        "# What became of each official figure\n\nWritten by `scripts/data/make-official-figures.py` from "
        "`official-figures.csv`; every row is here once.\n\n")
    outputs[ROOT / "Data/reference/official-figures-decisions.md"] = header + "\n".join(decisions) + "\n"
    stale = [path for path, text in outputs.items() if not path.exists() or path.read_text(encoding="utf-8") != text]
    if check:
        if stale:
            sys.exit("out of date, run scripts/data/make-official-figures.py: " + ", ".join(str(p.relative_to(ROOT)) for p in stale))
        return
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")


def render(columns, rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


if __name__ == "__main__":
    main("--check" in sys.argv[1:])
