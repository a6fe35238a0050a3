#!/usr/bin/env python3
"""What issue 24's evidence rules cost: every claim, target and the trade test splitting the ledger's
rows by origin (names, article address, title, quote containment), the ledger's precedence, blocs read
from their members' figures and `trade gap` per direction — one binary against another, in one run:

  1. on the bundled demo (`caravan demo`, once per binary, each into its own file): cold
     `scorecard --partnership iran-kazakhstan --format json`, `claims --partnership iran-kazakhstan`,
     `trade gap --a KAZ --b IRN --period 2022 --format json` and `trade series --reporter IRN --partner
     KAZ --format json`, each beside `calendar 2024` (process start): HEAD against the base, and each
     command's time beyond process start;
  2. at scale: a generated ledger of one pair (IRN-KAZ) — ~60 providers, some with compilers, some
     dated, some quoting sentences of 10-30 words, some syndicating another's articles and quotes;
     monthly, year-to-date, yearly and Solar Hijri figures over 25 years, both sides, exports, imports
     and turnover (~75,000 rows) — and a dossier of ~100 claims and ~10 trade targets whose sources
     share names, article addresses and quotes with some of the figures; both imported by each
     binary into a fresh store, then cold `scorecard --format json` and `claims`;
  3. a bloc series (`trade series --reporter IRN --partner EAEU`, HEAD only) from the five members'
     yearly figures, against pandas re-reading the CSV and adding the same members up (checked equal).

The generated files use only what both binaries read: the figures CSV with its `compiler` and
`status` columns, and dossier sources without `origin`/`via`. Medians of fresh processes, runs of the
two binaries interleaved; peak memory is each process's own (`wait4`'s rusage).

The baseline binary is built from its own worktree, e.g. the commit before issue 24:

    git worktree add --detach ../caravan-base 87088cf
    (cd ../caravan-base && swift build -c release --product caravan)
    python3 Benchmarks/evidence.py --base-binary ../caravan-base/.build/release/caravan

Without --binary, the script builds this checkout (`swift build -c release --product caravan`).
Usage: Benchmarks/evidence.py --base-binary PATH [--binary PATH] [--repeat 9] [--scale-repeat 3]
       [--providers 60] [--claims 100] [--targets 10] [--parts demo,scale,bloc]
"""
import argparse
import csv
import json
import os
import pathlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORK = ROOT / "Benchmarks" / "work" / "evidence"
NETWORK = ROOT / "Data" / "networks" / "instc-east.json"
BLOCS = ROOT / "Data" / "reference" / "blocs.csv"
HEADER = ["reporter", "partner", "flow", "commodity", "period", "value_usd", "quantity_t", "valuation", "source", "url",
          "published", "quote", "compiler", "status"]
FIRST, LAST = 2000, 2024  # the generated ledger's years
PARTNERSHIP = "bench-iran-kazakhstan"
EAEU = ["ARM", "BLR", "KAZ", "KGZ", "RUS"]


def cpu_seconds():
    """(CPU seconds the whole machine has been busy, CPU seconds of this process and its finished children)."""
    fields = [int(x) for x in pathlib.Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    busy = sum(fields) - fields[3] - fields[4]
    t = os.times()
    return busy / os.sysconf("SC_CLK_TCK"), t.user + t.system + t.children_user + t.children_system


def measure(command):
    """Runs a fresh process; returns (seconds, peak resident bytes of that process, stdout)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(list(map(str, command)), stdout=out, stderr=err, cwd=WORK)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            err.seek(0)
            sys.exit(f"failed ({process.returncode}): {' '.join(map(str, command))}\n{err.read().decode(errors='replace')[-3000:]}")
        out.seek(0)
        return elapsed, usage.ru_maxrss * 1024, out.read().decode()


def cold(binaries, commands, repeat):
    """{(binary label, command label): (median seconds, median peak bytes, last stdout)}: the binaries'
    runs interleaved, so that a slower stretch of the machine falls on both."""
    samples = {}
    for _ in range(repeat):
        for label, command in commands:
            for name, binary in binaries.items():
                seconds, rss, text = measure([binary, *command(name)])
                times, peaks, _ = samples.get((name, label), ([], [], None))
                samples[(name, label)] = (times + [seconds], peaks + [rss], text)
    return {key: (statistics.median(t), statistics.median(p), text) for key, (t, p, text) in samples.items()}


def ms(seconds):
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.2f} s"


def mb(size):
    return f"{size / 1e6:,.0f} MB"


# ---------------------------------------------------------------------------------------------
# The generated ledger: one pair's trade as ~60 providers report it


def months():
    return [(y, m) for y in range(FIRST, LAST + 1) for m in range(1, 13)]


class Truth:
    """Each side's monthly figures: KAZ's exports to IRN and IRN's to KAZ, as each reporter sees them."""

    def __init__(self, rng):
        self.exports = {}  # (exporter, y, m) -> USD
        for exporter, level in (("KAZ", 24e6), ("IRN", 11e6)):
            x = level
            for y, m in months():
                if m == 1:
                    x *= rng.lognormvariate(0.02, 0.18)
                season = 1 + 0.12 * ((m in (3, 4, 10, 11, 12)) - (m in (1, 2, 7)))
                self.exports[(exporter, y, m)] = x * season * rng.lognormvariate(0, 0.08)
        self.drift = {(r, y): rng.lognormvariate(0, 0.03) for r in ("IRN", "KAZ") for y in range(FIRST - 1, LAST + 2)}

    def month(self, reporter, flow, y, m):
        other = "IRN" if reporter == "KAZ" else "KAZ"
        if (reporter, y, m) not in self.exports:
            return 0.0
        export = self.exports[(reporter, y, m)]
        imported = self.exports[(other, y, m)] * 1.06 * self.drift[(reporter, y)]  # CIF, and the reporter's own count
        return {"export": export, "import": imported, "turnover": export + imported}[flow]

    def value(self, reporter, flow, period):
        """The reporter's value for a period in the syntax the files use (2019, 2019-03, 2019-01..2019-09, SH1398)."""
        return sum(self.month(reporter, flow, y, m) for y, m in span(period))


def span(period):
    """The months a period covers; a Solar Hijri year taken as April to March."""
    if period.startswith("SH"):
        y = int(period[2:]) + 621
        return [(y, m) for m in range(4, 13)] + [(y + 1, m) for m in range(1, 4)]
    if ".." in period:
        a, b = period.split("..")
        (ya, ma), (yb, mb_) = map(int, a.split("-")), map(int, b.split("-"))
        return [(y, m) for y, m in months() + [(LAST + 1, m) for m in range(1, 13)] if (ya, ma) <= (y, m) <= (yb, mb_)]
    if "-" in period:
        y, m = map(int, period.split("-"))
        return [(y, m)]
    return [(int(period), m) for m in range(1, 13)]


WORDS = """annual statistical bulletin customs data ministry officials said figures show bilateral commercial exchanges
    growth volume goods wheat grain metals steel oil products fertilizer polymers vegetables fruit machinery railway
    transit corridor caspian ports aktau bandar anzali amirabad turkmenbashi sarakhs inche burun containers wagons
    tonnes deputy minister chamber commerce council meeting joint commission session forum delegation visit astana
    tehran almaty mashhad agreement memorandum cooperation investment logistics terminal freight capacity rail sea
    route north south eastern branch shipments barley sunflower flour copper zinc ferroalloys carpets dates pistachios
    tiles cement detergents pharmaceuticals auto parts electrical appliances""".split()


def sentence(rng, words, number=None):
    """A quote of `words` words, mostly unique: a figure report's phrasing around its number."""
    head = rng.choice(["according to", "data published by", "the report by", "as announced by", "official data from"])
    body = [rng.choice(WORDS) for _ in range(max(0, words - 6))]
    if number is not None:
        body.insert(rng.randrange(len(body) + 1), number)
    return " ".join([head, *body, "between", "iran", "and", "kazakhstan"][:max(words, 8)])


NAMES = [
    "Tehran Times", "Kursiv", "Trend", "IRNA", "Mehr News", "Tasnim", "Fars News", "ILNA", "Financial Tribune", "Kazinform",
    "Qazinform", "Report.az", "AzerNews", "Caspian News", "News Central Asia", "Interfax-Kazakhstan", "Kapital.kz",
    "Forbes Kazakhstan", "Eurasianet", "Iran Daily", "Donya-e-Eqtesad", "Shargh", "ISNA", "IBENA", "Press TV",
    "Iran Front Page", "Otagh Iran Online", "Astana Times", "Caspian Post", "Silk Road Briefing", "Eurasia Review",
    "Tehran Chamber of Commerce", "Iran Daily Economic", "Energy Prom", "Zakon.kz", "Tengrinews", "Vlast.kz",
    "Inbusiness.kz", "Khabar 24", "El.kz", "Eghtesadnews", "Eghtesad Online", "Iran Economist", "SHANA", "Hamshahri",
    "Jam-e Jam", "Ettelaat", "Kayhan", "Arman Daily", "Abrar Economy", "Central Asia Monitor", "Kazakh TV", "Ratel.kz",
    "Orda.kz", "Lsm Trade Digest", "Caspian Barrel", "Eurasian Business Review", "Caravanserai", "Turan", "APA",
]
COMPILERS = {"KAZ": "Kazakhstan Statistics Committee", "IRN": "Iranian customs (IRICA)"}


def providers(rng, count):
    """Who reports the pair's trade, and how."""
    out = []
    for n in range(count):
        name = NAMES[n % len(NAMES)] + ("" if n < len(NAMES) else f" {n // len(NAMES) + 1}")
        kind = rng.random()
        sides = rng.choice([["KAZ"], ["IRN"], ["KAZ", "IRN"], ["KAZ", "IRN"]])
        compiler = None
        if n < 2:  # the two compilers' own releases: official
            name, sides = COMPILERS[["KAZ", "IRN"][n]], [["KAZ", "IRN"][n]]
            compiler = name
        elif kind < 0.3:  # a quote that names whose statistics it is
            compiler = COMPILERS[sides[0]]
            if rng.random() < 0.3:
                name = f"{compiler} via {name}"
        start = rng.randrange(FIRST, FIRST + 9) if n >= 2 else FIRST
        out.append({
            "name": name, "compiler": compiler, "sides": sides,
            "dated": n < 2 or rng.random() < 0.6,
            "quotes": "none" if n < 2 else rng.choice(["none", "short", "long", "long"]),
            "monthly": n < 2 or rng.random() < 0.85, "ytd": rng.random() < 0.4, "hijri": "IRN" in sides and rng.random() < 0.4,
            "years": (start, rng.randrange(max(start + 6, LAST - 4), LAST + 1)),
            "noise": 0 if n < 2 or rng.random() < 0.4 else rng.choice([0.002, 0.01, 0.03]),
            "round": 1 if n < 2 else rng.choice([1, 1e5, 1e6]),
            "host": f"{name.lower().replace(' ', '').replace('.', '').replace('(', '').replace(')', '')[:20]}.example",
            "per_month_article": rng.random() < 0.5, "url": n < 2 or rng.random() < 0.85,
            "valuation": rng.choice(["", "", "FOB", "CIF"]),
        })
    return out


def write_ledger(path, seed, provider_count):
    """The figures CSV; returns (truth, rows written, rows by provider, a sample of long quotes and of URLs)."""
    rng = random.Random(seed)
    truth = Truth(rng)
    all_providers = providers(rng, provider_count)
    rows, quotes, urls = [], [], []
    article_ids = iter(range(310_000, 10_000_000, 7))
    for p in all_providers:
        article = {}

        def source_of(y, m):
            key = (y, m if p["per_month_article"] and m else 0)
            if key not in article:
                slug = "-".join(rng.sample(WORDS, 3) + ["iran", "kazakhstan", str(y)] + ([f"{m:02d}"] if key[1] else []))
                url = f"https://www.{p['host']}/news/{next(article_ids)}/{slug}" if p["url"] else ""
                month = (key[1] or 12) % 12 + 1
                published = f"{y + (month == 1 or not key[1]):04d}-{(month if key[1] else 2):02d}-{rng.randrange(1, 29):02d}" if p["dated"] else ""
                article[key] = (url, published)
            return article[key]

        for reporter in p["sides"]:
            partner = "IRN" if reporter == "KAZ" else "KAZ"
            first, last = p["years"]
            periods = []
            for y in range(first, last + 1):
                periods.append((str(y), y, 0))
                if p["monthly"]:
                    periods += [(f"{y}-{m:02d}", y, m) for m in range(1, 13)]
                if p["ytd"]:
                    periods += [(f"{y}-01..{y}-{m:02d}", y, m) for m in (3, 6, 9)]
                if p["hijri"] and y < LAST:
                    periods.append((f"SH{y - 621}", y + 1, 0))
            for period, y, m in periods:
                url, published = source_of(y, m)
                for flow in ("export", "import", "turnover"):
                    value = truth.value(reporter, flow, period) * (1 + rng.uniform(-p["noise"], p["noise"]))
                    value = max(round(value / p["round"]) * p["round"], 1)
                    number = f"${value / 1e6:,.1f} million"
                    quote = {"none": "", "short": f"{flow} {number}",
                             "long": sentence(rng, rng.randrange(10, 31), number) if p["quotes"] == "long" else ""}[p["quotes"]]
                    if quote and p["quotes"] == "long" and len(quotes) < 5000 and rng.random() < 0.2:
                        quotes.append((reporter, partner, flow, period, quote))
                    if url and rng.random() < 0.01:
                        urls.append(url)
                    rows.append([reporter, partner, flow, "TOTAL", period, f"{value:.0f}", "", p["valuation"], p["name"], url,
                                 published, quote, p["compiler"] or "", ""])
    # Syndication: some providers reprint others' articles — the same address and quote under their own name.
    reprinted = rng.sample(rows, len(rows) // 40)
    names = [p["name"] for p in all_providers[2:]]
    seen = {(r[0], r[2], r[4], r[8]) for r in rows}
    for row in reprinted:
        copy = list(row)
        copy[8] = rng.choice(names)
        if (copy[0], copy[2], copy[4], copy[8]) in seen or not copy[9]:
            continue
        seen.add((copy[0], copy[2], copy[4], copy[8]))
        copy[12] = ""  # the reprint does not name the compiler
        rows.append(copy)
    # Plans and forecasts: a few ministries' turnover plans for years to come (never answer a series).
    for n, status in enumerate(["plan", "forecast", "plan"]):
        for y in range(2020, 2031):
            value = 1e9 * (1 + 0.15 * (y - 2020)) * (1 + n / 10)
            rows.append(["KAZ" if n % 2 else "IRN", "IRN" if n % 2 else "KAZ", "turnover", "TOTAL", str(y), f"{value:.0f}", "", "",
                         f"Trade ministry outlook {n + 1}", "", f"{y - 2}-06-01", "", "", status])
    rng.shuffle(rows)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return truth, len(rows), all_providers, quotes, urls


def yaml_text(value):
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def write_dossier(path, seed, truth, all_providers, quotes, urls, claim_count, target_count):
    """A dossier of the pair: sources sharing names, article addresses and quotes with the figures,
    value, change, ratio, above and below claims over years, months, year-to-date and Solar Hijri years."""
    rng = random.Random(seed + 1)
    sources = []
    for n in range(25):
        if n < 8:  # a publisher that also provides figures
            publisher = rng.choice(all_providers[2:])["name"]
            url = f"https://www.{publisher.lower().replace(' ', '')[:20]}.example/opinion/{900_000 + n}/views-on-trade-with-kazakhstan"
        elif n < 14:  # another outlet's article, syndicated: the same address as some figures'
            publisher = f"Regional Digest {n}"
            url = urls[n % len(urls)]
        else:
            publisher = f"Independent Review {n}"
            url = f"https://review{n}.example/articles/{800_000 + n}/partnership-between-iran-and-kazakhstan-part-{n}"
        sources.append({"id": f"s{n}", "title": f"{rng.choice(['Trade', 'Ties', 'Partnership'])} notes number {n} on iran and kazakhstan",
                        "publisher": publisher, "published": f"{rng.randrange(2005, 2026)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
                        "url": url})
    lines = ["# Generated by Benchmarks/evidence.py: a dossier of the benchmark's ledger.", "partnership:",
             f"  id: {PARTNERSHIP}", "  title: Iran–Kazakhstan trade (benchmark)", "  economies: [IRN, KAZ]", "  corridor: kti", "", "sources:"]
    for s in sources:
        lines.append("  - {" + ", ".join(f"{k}: {yaml_text(v)}" for k, v in s.items()) + "}")

    def metric(reporter, flow):
        partner = "IRN" if reporter == "KAZ" else "KAZ"
        return f"{{kind: trade, reporter: {reporter}, partner: {partner}, flow: {flow}}}"

    lines += ["", "targets:"]
    for n in range(target_count):
        reporter, flow = rng.choice([("IRN", "turnover"), ("KAZ", "turnover"), ("KAZ", "export"), ("IRN", "export")])
        lines += [f"  - id: t{n}", f"    title: {yaml_text(f'Trade target {n}')}", f"    metric: {metric(reporter, flow)}",
                  f"    value: {rng.choice([5, 7, 10, 15, 20, 30]) * 100_000_000}", f"    deadline: {rng.randrange(2018, 2036)}",
                  f"    source: s{rng.randrange(len(sources))}",
                  f"    quote: {yaml_text(sentence(rng, rng.randrange(9, 20), 'a target'))}"]

    lines += ["", "claims:"]
    for n in range(claim_count):
        kind = rng.choices(["value", "change", "ratio", "above", "below"], [40, 20, 10, 15, 15])[0]
        style = rng.random()
        if style < 0.4 and quotes:  # the claim quotes a figure's report: eight words or more of it
            reporter, _, flow, period, text = rng.choice(quotes)
            words = text.split()
            start = rng.randrange(0, max(1, len(words) - 8))
            quote = " ".join(words[start:start + rng.randrange(8, 13)])
        else:
            reporter, flow = rng.choice(["IRN", "KAZ"]), rng.choice(["turnover", "turnover", "export", "import"])
            y = rng.randrange(FIRST + 2, LAST + 2)
            period = rng.choice([str(y), f"{y}-{rng.randrange(1, 13):02d}", f"{y}-01..{y}-09", f"SH{y - 622}"])
            quote = sentence(rng, rng.randrange(8, 20)) if style < 0.85 else f"trade of {rng.randrange(100, 900)} million"
        if kind in ("change", "ratio") and (period.startswith("SH") or ("-" in period and ".." not in period)):
            kind = "value"  # a month or a Solar Hijri year: stated as a value
        actual = truth.value(reporter, flow, period)
        lines += [f"  - id: c{n}", f"    source: s{rng.randrange(len(sources))}", f"    quote: {yaml_text(quote)}",
                  f"    metric: {metric(reporter, flow)}", f"    period: {yaml_text(period)}"]
        off = rng.choice([1.0, 1.0, 0.99, 1.25, 0.7])
        if kind == "value":
            lines.append(f"    expect: {{value: {max(round(actual * off), 1)}, tolerance_pct: {rng.choice([1, 2, 5])}}}")
        elif kind in ("above", "below"):
            lines.append(f"    expect: {{{kind}: {max(round(actual * off, -6), 1):.0f}}}")
        else:
            if ".." in period:
                a, b = period.split("..")
                versus = f"{int(a[:4]) - 1}{a[4:]}..{int(b[:4]) - 1}{b[4:]}"
            else:
                versus = str(int(period) - rng.choice([1, 1, 3]))
            before = truth.value(reporter, flow, versus)
            if kind == "change":
                change = 100 * (actual / before - 1) * off if before else 10
                lines.append(f"    expect: {{change_pct: {min(max(change, -99), 9999):.1f}, versus: {yaml_text(versus)}, tolerance_points: 2}}")
            elif kind == "ratio":
                ratio = actual / before * off if before else 1
                lines.append(f"    expect: {{ratio: {min(ratio, 999):.2f}, versus: {yaml_text(versus)}, tolerance: 0.1}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# The bloc: IRN's trade with each EAEU member, yearly, and pandas adding them up


def write_bloc(path, seed):
    rng = random.Random(seed + 2)
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        for member in EAEU:
            level = {"ARM": 3e8, "BLR": 5e7, "KAZ": 4e8, "KGZ": 4e7, "RUS": 2e9}[member]
            for flow in ("export", "import"):
                x = level * (0.6 if flow == "import" else 1)
                for y in range(FIRST, LAST + 1):
                    x *= rng.lognormvariate(0.02, 0.15)
                    writer.writerow(["IRN", member, flow, "TOTAL", y, f"{x:.0f}", "", "", "Iranian customs (IRICA)",
                                     f"https://irica.example/yearbook/{y}", f"{y + 1}-05-01", "", "Iranian customs (IRICA)", ""])


PANDAS_BLOC = r"""
import json, sys, pandas as pd
figures, blocs, flow = sys.argv[1], sys.argv[2], sys.argv[3]
f = pd.read_csv(figures, dtype={"period": str})
m = pd.read_csv(blocs, dtype=str).fillna("")
m = m[m.bloc == "EAEU"]
f = f[(f.reporter == "IRN") & (f.flow == flow) & (f.commodity == "TOTAL") & (f.status.isna())]
out = {}
for year, group in f.groupby("period"):
    start, end = f"{year}-01-01", f"{year}-12-31"
    changing = m[((m["from"] > start) & (m["from"] <= end)) | ((m.to != "") & (m.to >= start) & (m.to < end))]
    members = set(m[(m["from"] <= start) & ((m.to == "") | (m.to >= end))].member)
    if changing.empty and members and members <= set(group.partner):
        out[year] = float(group[group.partner.isin(members)].value_usd.sum())
print(json.dumps(out))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="Caravan to measure (default: build this checkout in release)")
    parser.add_argument("--base-binary", required=True, help="the baseline Caravan, built from its own worktree")
    parser.add_argument("--repeat", type=int, default=9, help="runs of each command on the demo")
    parser.add_argument("--scale-repeat", type=int, default=3, help="runs of each command on the generated ledger")
    parser.add_argument("--providers", type=int, default=60)
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--targets", type=int, default=10)
    parser.add_argument("--seed", type=int, default=24)
    parser.add_argument("--parts", default="demo,scale,bloc", help="which parts to run, of demo, scale and bloc")
    args = parser.parse_args()
    parts = set(args.parts.split(","))
    head = pathlib.Path(args.binary) if args.binary else ROOT / ".build" / "release" / "caravan"
    if not args.binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "caravan"], cwd=ROOT, check=True, capture_output=True)
    binaries = {"base": pathlib.Path(args.base_binary).resolve(), "HEAD": head.resolve()}
    for name, binary in binaries.items():
        if not os.access(binary, os.X_OK):
            sys.exit(f"no {name} binary at {binary}")
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    for part, run_part in (("demo", lambda: demo_part(binaries, args.repeat)), ("scale", lambda: scale_part(binaries, args)),
                           ("bloc", lambda: bloc_part(binaries["HEAD"], args))):
        if part in parts:
            machine0, own0 = cpu_seconds()
            wall0 = time.perf_counter()
            run_part()
            machine1, own1 = cpu_seconds()
            others = max(0.0, (machine1 - machine0) - (own1 - own0)) / (time.perf_counter() - wall0)
            print(f"\n(other processes took {others:.0%} of a core meanwhile; above a few percent, the figures are slowed)")


def demo_part(binaries, repeat):
    """1. The bundled demo, each binary's into its own file."""
    demo = {name: WORK / f"demo-{name}.sqlite" for name in binaries}
    for name, binary in binaries.items():
        measure([binary, "demo", "--db", demo[name], "--report", WORK / f"demo-{name}.html"])
    commands = [
        ("calendar 2024 (process start)", lambda n: ["calendar", "2024"]),
        ("scorecard --format json", lambda n: ["scorecard", "--partnership", "iran-kazakhstan", "--format", "json", "--db", demo[n]]),
        ("claims", lambda n: ["claims", "--partnership", "iran-kazakhstan", "--db", demo[n]]),
        ("trade gap KAZ/IRN 2022 --format json", lambda n: ["trade", "gap", "--a", "KAZ", "--b", "IRN", "--period", "2022", "--format", "json", "--db", demo[n]]),
        ("trade series IRN/KAZ --format json", lambda n: ["trade", "series", "--reporter", "IRN", "--partner", "KAZ", "--format", "json", "--db", demo[n]]),
    ]
    results = cold(binaries, commands, repeat)
    start = {name: results[(name, commands[0][0])][0] for name in binaries}
    print(f"\n1. The bundled demo: median of {repeat} fresh processes each\n")
    print("| command | base | HEAD | HEAD/base | beyond start, base | beyond start, HEAD | peak RSS base / HEAD |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, _ in commands:
        b, h = results[("base", label)], results[("HEAD", label)]
        beyond = "" if label.startswith("calendar") else f"| {ms(b[0] - start['base'])} | {ms(h[0] - start['HEAD'])} "
        print(f"| `{label}` | {ms(b[0])} | {ms(h[0])} | {h[0] / b[0]:.2f}× {beyond or '| | '}| {mb(b[1])} / {mb(h[1])} |")



def scale_part(binaries, args):
    """2. The generated ledger and dossier, imported by each binary into a fresh store."""
    figures, dossier = WORK / "ledger.csv", WORK / "dossier.yaml"
    truth, count, all_providers, quotes, urls = write_ledger(figures, args.seed, args.providers)
    write_dossier(dossier, args.seed, truth, all_providers, quotes, urls, args.claims, args.targets)
    print(f"\n2. At scale: {count:,} figures of IRN-KAZ from {len(all_providers) + 3} providers "
          f"({figures.stat().st_size / 1e6:.1f} MB), {args.claims} claims, {args.targets} targets\n")
    store = {name: WORK / f"scale-{name}.sqlite" for name in binaries}
    imports = {}
    for name, binary in binaries.items():
        measure([binary, "import", NETWORK, "--db", store[name]])
        imports[(name, "figures")] = measure([binary, "import", figures, "--db", store[name]])[:2]
        imports[(name, "dossier")] = measure([binary, "import", dossier, "--db", store[name]])[:2]
    commands = [
        ("scorecard --format json", lambda n: ["scorecard", "--partnership", PARTNERSHIP, "--format", "json", "--db", store[n]]),
        ("claims", lambda n: ["claims", "--partnership", PARTNERSHIP, "--db", store[n]]),
    ]
    results = cold(binaries, commands, args.scale_repeat)
    print(f"median of {args.scale_repeat} fresh processes each\n")
    print("| command | base | HEAD | HEAD/base | peak RSS base / HEAD |")
    print("|---|---:|---:|---:|---:|")
    for what, label in (("figures", "import the figures CSV (one run)"), ("dossier", "import the dossier, judged on import (one run)")):
        b, h = imports[("base", what)], imports[("HEAD", what)]
        print(f"| {label} | {ms(b[0])} | {ms(h[0])} | {h[0] / b[0]:.2f}× | {mb(b[1])} / {mb(h[1])} |")
    for label, _ in commands:
        b, h = results[("base", label)], results[("HEAD", label)]
        print(f"| `{label}` | {ms(b[0])} | {ms(h[0])} | {h[0] / b[0]:.2f}× | {mb(b[1])} / {mb(h[1])} |")
    for name in binaries:
        card = json.loads(results[(name, commands[0][0])][2])
        counts = {}
        for c in card["claims"]:
            counts[c["verdict"]] = counts.get(c["verdict"], 0) + 1
        print(f"{name}: claims {dict(sorted(counts.items()))}")



def bloc_part(caravan, args):
    """3. A bloc series from its members' figures against pandas adding the same figures up."""
    try:
        import pandas  # noqa: F401
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "pandas"], check=True)
    bloc, bloc_db = WORK / "bloc.csv", WORK / "bloc.sqlite"
    write_bloc(bloc, args.seed)
    measure([caravan, "import", bloc, "--db", bloc_db])
    peer = WORK / "bloc_pandas.py"
    peer.write_text(PANDAS_BLOC)
    print("\n3. A bloc series, IRN's trade with the EAEU's five members (HEAD) against pandas re-reading the CSV\n")
    print("| flow | Caravan | pandas | Caravan/pandas | years |")
    print("|---|---:|---:|---:|---:|")
    for flow in ("export", "import"):
        c_times, p_times = [], []
        for _ in range(args.repeat):
            seconds, _, text = measure([caravan, "trade", "series", "--reporter", "IRN", "--partner", "EAEU", "--flow", flow, "--format", "json", "--db", bloc_db])
            c_times.append(seconds)
            p_seconds, _, p_text = measure([sys.executable, peer, bloc, BLOCS, flow])
            p_times.append(p_seconds)
        points = [p for p in json.loads(text)["series"] if not p.get("partial")]
        mine = {p["period"]: float(p["value_usd"]) for p in points}
        theirs = json.loads(p_text)
        if mine != theirs:
            sys.exit(f"the bloc series differ ({flow}):\nCaravan {sorted(mine.items())}\npandas  {sorted(theirs.items())}")
        c, p = statistics.median(c_times), statistics.median(p_times)
        print(f"| {flow} | {ms(c)} | {ms(p)} | {c / p:.3f}× | {len(mine)} (same values) |")


if __name__ == "__main__":
    sys.exit(main())
