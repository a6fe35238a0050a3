#!/usr/bin/env python3
"""Product composition and tariff coverage against their peers, on the same generated BACI file, in one run:

  composition:  caravan trade products (IRN -> KAZ exports, one year, HS6 and HS2, top 20)
                    vs  DuckDB's CLI on its own database file: per-code values, shares, change on the
                        year before, top 20 and other, HHI, in SQL (both fresh processes)
                    vs  pandas re-reading the CSV
  coverage:     caravan tariffs coverage (KAZ's schedule for IRN, lines and trade liberalized)
                    vs  the same in DuckDB SQL on its file (schedule and HS table loaded beside BACI)
                    vs  pandas re-reading the CSVs, which is also the oracle: both shares must agree to 1e-6

The BACI file is generate-baci.py's (five years by default) with the KAZ-IRN pair's rows, both ways,
replaced by a few thousand rows on real HS 2022 subheadings (and a few codes HS 2022 lacks), so that
the pair has a composition worth breaking down and trade a schedule covers. The tariff schedule gives
every HS chapter a rate, with headings and subheadings overriding, some codes written with dots, some
lines changed by a later entry and some by one not yet in force.

Checks that the answers agree, then prints seconds and ratios.
Usage: Benchmarks/products.py [--rows 2000000] [--years 5] [--repeat 5]
"""
import argparse
import csv
import datetime
import json
import math
import os
import pathlib
import random
import subprocess
import sys
import time

from peers import duckdb_binary, ensure_peers, run, timed

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORK = ROOT / "Benchmarks" / "work"
CARAVAN = ROOT / ".build" / "release" / "caravan"
HS = ROOT / "Data" / "hs" / "harmonized-system.csv"
PAIR = ("KAZ", "IRN", 398, 364)  # reporter of the schedule, partner; their BACI codes
TOP = 20
DUCKDB = "duckdb"


def cpu_seconds():
    """(CPU seconds the whole machine has been busy, CPU seconds of this process and its finished children)."""
    fields = [int(x) for x in pathlib.Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    busy = sum(fields) - fields[3] - fields[4]  # all but idle and iowait
    t = os.times()
    return busy / os.sysconf("SC_CLK_TCK"), t.user + t.system + t.children_user + t.children_system


# ---------------------------------------------------------------------------------------------
# Input: the BACI file, the pair's rows, the tariff schedule


def hs_codes():
    """HS 2022 codes by length: {2: [...], 4: [...], 6: [...]}."""
    codes = {2: [], 4: [], 6: []}
    for r in csv.DictReader(HS.open(encoding="utf-8")):
        if r["hscode"].isdigit() and len(r["hscode"]) in codes:
            codes[len(r["hscode"])].append(r["hscode"])
    return codes


def pair_rows(years, subheadings):
    """The KAZ-IRN pair's rows, both ways, by (t, i, j): a portfolio of subheadings per direction,
    each traded in about 70% of the years around its own level, plus a few codes HS 2022 lacks."""
    rng = random.Random(364398)
    known = set(subheadings)
    chapters = sorted({c[:2] for c in subheadings})
    unknown = set()
    while len(unknown) < 20:  # codes of older editions or typing errors, in real chapters and in reserved chapter 77
        code = rng.choice(chapters + ["77"]) + f"{rng.randrange(10_000):04d}"
        if code not in known:
            unknown.add(code)
    blocks = {}
    for i, j in ((364, 398), (398, 364)):
        portfolio = rng.sample(subheadings, 900) + sorted(unknown)
        level = {code: rng.lognormvariate(3, 2.5) for code in portfolio}
        for t in years:
            growth = rng.lognormvariate(0, 0.2)
            lines = []
            for code in sorted(portfolio):
                if rng.random() < 0.7:
                    v = max(round(level[code] * growth * rng.lognormvariate(0, 0.5), 3), 0.001)
                    q = "NA" if rng.random() < 0.02 else f"{round(v / rng.lognormvariate(0, 1), 3)}"
                    lines.append(f"{t},{i},{j},{code},{v},{q}\n")
            blocks[(t, i, j)] = lines
    return blocks


def generate(rows, years, path):
    """generate-baci.py's file, with the pair's rows replaced by pair_rows(), kept in BACI's t,i,j,k order."""
    if path.exists():
        return
    base = WORK / f"baci-base-{rows}-{years}.csv"
    if not base.exists():
        subprocess.run([sys.executable, ROOT / "Benchmarks" / "generate-baci.py", str(rows), str(base), str(years)], check=True)
    first = 2022 - years + 1  # generate-baci.py's last year is 2022
    blocks = pair_rows(range(first, 2023), hs_codes()[6])
    pending = sorted(blocks)
    pair = {(364, 398), (398, 364)}
    tmp = path.with_suffix(".tmp")
    with base.open() as src, tmp.open("w") as out:
        out.write(src.readline())
        for line in src:
            t, i, j = line.split(",", 3)[:3]
            key = (int(t), int(i), int(j))
            while pending and pending[0] < key:
                out.writelines(blocks[pending.pop(0)])
            if (key[1], key[2]) not in pair:
                out.write(line)
        for key in pending:
            out.writelines(blocks[key])
    tmp.rename(path)
    base.unlink()


def write_schedule(path):
    """KAZ's schedule for IRN: every chapter, a quarter of the headings and a sixth of the
    subheadings overriding; rates from MFN-free to 30%, preferences none, 0, cut, equal or above."""
    rng = random.Random(2025)
    codes = hs_codes()
    mfn_rates = [0, 0, 2, 5, 5, 7.5, 10, 10, 12.5, 15, 20, 30]

    def rates():
        mfn = rng.choice(mfn_rates)
        kind = rng.random()
        if kind < 0.2:
            pref = ""
        elif kind < 0.55:
            pref = 0
        elif kind < 0.8:
            pref = round(mfn * rng.choice([0.25, 0.5, 0.75]), 2)
        elif kind < 0.95:
            pref = mfn
        else:
            pref = mfn + 5
        return mfn, pref

    source = "Benchmark schedule (generated)"
    rows = []
    for code in codes[2]:
        rows.append((code, *rates(), "2025-05-15"))
    for code in rng.sample(codes[4], len(codes[4]) // 4):
        rows.append((code, *rates(), "2025-05-15"))
    for code in rng.sample(codes[6], len(codes[6]) // 6):
        written = f"{code[:4]}.{code[4:]}" if rng.random() < 0.3 else code
        rows.append((written, *rates(), "2025-05-15"))
        if rng.random() < 0.1:  # changed later, in force now
            rows.append((written, *rates(), "2026-01-01"))
        elif rng.random() < 0.05:  # a change not yet in force
            rows.append((written, *rates(), "2030-01-01"))
    with path.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["reporter", "partner_or_regime", "hs_code", "mfn_rate_pct", "preferential_rate_pct", "effective_from", "source", "url"])
        for code, mfn, pref, day in rows:
            w.writerow(["KAZ", "IRN", code, mfn, pref, day, source, ""])
    return len(rows)


def caravan_import(files, db):
    db.unlink(missing_ok=True)
    return run([CARAVAN, "import", "--db", db, *files])[0]


def duckdb_import(csv_path, schedule, db):
    db.unlink(missing_ok=True)
    sql = (f"CREATE TABLE baci (t INTEGER, i INTEGER, j INTEGER, k VARCHAR, v DOUBLE, q DOUBLE); INSERT INTO baci SELECT * FROM "
           f"read_csv('{csv_path}', header=true, nullstr='NA', types={{'k': 'VARCHAR'}}); "
           f"CREATE TABLE hs AS SELECT hscode, CAST(level AS INTEGER) AS level FROM read_csv('{HS}', header=true, all_varchar=true) "
           f"WHERE hscode <> 'TOTAL'; "
           f"CREATE TABLE tariff AS SELECT * FROM read_csv('{schedule}', header=true, types={{'hs_code': 'VARCHAR', "
           f"'mfn_rate_pct': 'DOUBLE', 'preferential_rate_pct': 'DOUBLE', 'effective_from': 'DATE'}});")
    return run([DUCKDB, db, "-c", sql])[0]


# ---------------------------------------------------------------------------------------------
# Composition: IRN's exports to KAZ by product


def caravan_products(db, year, level):
    return [CARAVAN, "trade", "products", "--db", db, "--reporter", "IRN", "--partner", "KAZ", "--flow", "export",
            "--period", year, "--level", level, "--top", TOP, "--format", "json"]


def duckdb_products(db, year, level):
    """The same composition in SQL: per-code values, shares, change on the year before, top N and other, HHI."""
    _, _, kaz, irn = PAIR
    sql = f"""
        WITH cur AS (SELECT substr(k, 1, {level}) AS code, sum(v) * 1000 AS value FROM baci
                     WHERE i = {irn} AND j = {kaz} AND t = {year} GROUP BY 1 HAVING sum(v) <> 0),
             prev AS (SELECT substr(k, 1, {level}) AS code, sum(v) * 1000 AS value FROM baci
                      WHERE i = {irn} AND j = {kaz} AND t = {int(year) - 1} GROUP BY 1 HAVING sum(v) <> 0),
             tot AS (SELECT sum(value) AS total FROM cur),
             hhi AS (SELECT sum(power(100 * value / total, 2)) AS hhi FROM cur, tot),
             ranked AS (SELECT code, cur.value, prev.value AS versus,
                               row_number() OVER (ORDER BY cur.value DESC, code) AS rank
                        FROM cur LEFT JOIN prev USING (code)),
             top AS (SELECT code, value, versus, rank FROM ranked WHERE rank <= {TOP}
                     UNION ALL
                     SELECT 'other', sum(value), sum(coalesce(versus, 0)), {TOP + 1} FROM ranked WHERE rank > {TOP} HAVING count(*) > 0)
        SELECT code, value, 100 * value / total AS share_pct, versus, 100 * (value - versus) / versus AS change_pct, total, hhi
        FROM top, tot, hhi ORDER BY rank"""
    return [DUCKDB, db, "-json", "-c", sql]


def pandas_products(csv_path, year, level):
    return [sys.executable, __file__, "pandas-products", csv_path, year, level]


def pandas_products_main(csv_path, year, level):
    import pandas as pd
    _, _, kaz, irn = PAIR
    year, level = int(year), int(level)
    d = pd.read_csv(csv_path, dtype={"k": str}, na_values=["NA"])
    d = d[(d.i == irn) & (d.j == kaz) & d.t.isin([year, year - 1])]
    by = (d.groupby([d.t, d.k.str[:level]]).v.sum() * 1000)
    by = by[by != 0]
    cur = by.loc[year] if year in by.index.get_level_values(0) else pd.Series(dtype=float)
    prev = by.loc[year - 1] if year - 1 in by.index.get_level_values(0) else pd.Series(dtype=float)
    total = cur.sum()
    frame = pd.DataFrame({"code": cur.index, "value": cur.values}).sort_values(["value", "code"], ascending=[False, True])
    frame["versus"] = frame.code.map(prev)
    top, rest = frame.head(TOP), frame.iloc[TOP:]
    rows = [{"code": r.code, "value": r.value, "share_pct": 100 * r.value / total,
             "versus": None if math.isnan(r.versus) else r.versus,
             "change_pct": None if math.isnan(r.versus) else 100 * (r.value - r.versus) / r.versus} for r in top.itertuples()]
    if len(rest):
        versus = rest.versus.fillna(0).sum()
        rows.append({"code": "other", "value": rest.value.sum(), "share_pct": 100 * rest.value.sum() / total, "versus": versus,
                     "change_pct": 100 * (rest.value.sum() - versus) / versus if versus else None})
    print(json.dumps({"total": total, "hhi": float(((cur / total * 100) ** 2).sum()), "rows": rows}))


def composition_of(kind, out, year):
    """Each answer as {total, hhi, rows: [(code, value, share_pct, versus, change_pct)]}."""
    if kind == "caravan":
        c = json.loads(out)
        hhi = next((y["hhi"] for y in c["concentration"] if str(y["period"]) == year), None)
        rows = [(p["code"], p["value_usd"], p["share_pct"], p.get("versus_usd"), p.get("change_pct")) for p in c["products"]]
        if c.get("other"):
            o = c["other"]
            rows.append(("other", o["value_usd"], o["share_pct"], o.get("versus_usd"), o.get("change_pct")))
        return {"total": c["total_usd"], "hhi": hhi, "rows": rows}
    if kind == "duckdb":
        r = json.loads(out)
        return {"total": r[0]["total"], "hhi": r[0]["hhi"],
                "rows": [(x["code"], x["value"], x["share_pct"], x["versus"], x["change_pct"]) for x in r]}
    c = json.loads(out)
    return {"total": c["total"], "hhi": c["hhi"],
            "rows": [(x["code"], x["value"], x["share_pct"], x["versus"], x["change_pct"]) for x in c["rows"]]}


def close(a, b, rel=1e-9, absolute=1e-6):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= rel * max(abs(a), abs(b)) + absolute


def compare_compositions(ours, theirs):
    """The differences between two compositions, in words (empty when they agree)."""
    problems = []
    if not close(ours["total"], theirs["total"]):
        problems.append(f"total {ours['total']:,.3f} vs {theirs['total']:,.3f}")
    if not close(ours["hhi"], theirs["hhi"]):
        problems.append(f"HHI {ours['hhi']} vs {theirs['hhi']}")
    if [r[0] for r in ours["rows"]] != [r[0] for r in theirs["rows"]]:
        problems.append(f"codes {[r[0] for r in ours['rows']]} vs {[r[0] for r in theirs['rows']]}")
    else:
        for a, b in zip(ours["rows"], theirs["rows"]):
            for name, x, y in zip(("value", "share", "versus", "change"), a[1:], b[1:]):
                if not close(x, y):
                    problems.append(f"{a[0]} {name} {x} vs {y}")
    return problems


# ---------------------------------------------------------------------------------------------
# Tariff coverage: KAZ's schedule for IRN against KAZ's imports from IRN (BACI: IRN's exports to KAZ)


def caravan_coverage(db, year):
    return [CARAVAN, "tariffs", "coverage", "--db", db, "--reporter", "KAZ", "--partner", "IRN", "--period", year, "--format", "json"]


def duckdb_coverage(db, year, today):
    _, _, kaz, irn = PAIR
    # Each code takes its own entry, else its heading's, else its chapter's: three equality joins.
    pick = "CASE WHEN e6.code IS NOT NULL THEN e6.{0} WHEN e4.code IS NOT NULL THEN e4.{0} ELSE e2.{0} END AS {0}"
    most_specific = f"{pick.format('mfn')}, {pick.format('pref')}, coalesce(e6.code, e4.code, e2.code) IS NOT NULL AS rated"
    prefix_joins = ("LEFT JOIN entries e6 ON e6.code = {code} LEFT JOIN entries e4 ON e4.code = substr({code}, 1, 4) "
                    "LEFT JOIN entries e2 ON e2.code = substr({code}, 1, 2)")
    sql = f"""
        WITH entries AS (SELECT replace(hs_code, '.', '') AS code, mfn_rate_pct AS mfn, preferential_rate_pct AS pref FROM tariff
                         WHERE reporter = 'KAZ' AND partner_or_regime = 'IRN' AND effective_from <= DATE '{today}'
                         QUALIFY row_number() OVER (PARTITION BY replace(hs_code, '.', '') ORDER BY effective_from DESC) = 1),
             lines AS (SELECT hscode AS code, {most_specific} FROM hs {prefix_joins.format(code="hscode")} WHERE level = 6),
             trade AS (SELECT k AS code, sum(v) * 1000 AS value FROM baci WHERE i = {irn} AND j = {kaz} AND t = {year}
                       GROUP BY k HAVING sum(v) <> 0),
             traded AS (SELECT trade.code, value, {most_specific} FROM trade {prefix_joins.format(code="trade.code")})
        SELECT (SELECT count(*) FROM hs WHERE level = 6) AS lines_total,
               (SELECT count(*) FILTER (WHERE rated) FROM lines) AS lines_with_rate,
               (SELECT count(*) FILTER (WHERE pref = 0 OR pref < mfn) FROM lines) AS lines_liberalized,
               (SELECT 100.0 * count(*) FILTER (WHERE pref = 0 OR pref < mfn) / count(*) FILTER (WHERE rated) FROM lines) AS lines_liberalized_pct,
               (SELECT count(*) FILTER (WHERE mfn = 0) FROM lines) AS lines_mfn_free,
               (SELECT avg(greatest(0, mfn - coalesce(pref, mfn))) FILTER (WHERE rated) FROM lines) AS lines_mean_margin_pct,
               (SELECT sum(value) FROM traded) AS trade_total_usd,
               (SELECT sum(value) FILTER (WHERE rated) FROM traded) AS trade_with_rate_usd,
               (SELECT sum(value) FILTER (WHERE pref = 0 OR pref < mfn) FROM traded) AS trade_liberalized_usd,
               (SELECT 100 * sum(value) FILTER (WHERE pref = 0 OR pref < mfn) / sum(value) FILTER (WHERE rated)
                FROM traded) AS trade_liberalized_pct,
               (SELECT sum(value * greatest(0, mfn - coalesce(pref, mfn))) / sum(value) FILTER (WHERE rated)
                FROM traded) AS trade_weighted_margin_pct"""
    return [DUCKDB, db, "-json", "-c", sql]


def pandas_coverage(csv_path, schedule, year, today):
    return [sys.executable, __file__, "pandas-coverage", csv_path, schedule, year, today]


def pandas_coverage_main(csv_path, schedule, year, today):
    """The oracle, from the definitions in docs/products.md: lines are the HS 2022 subheadings, each
    taking the most specific entry in force among its 6-, 4- and 2-digit prefixes; a line is
    liberalized when its preferential rate is given and is 0 or below MFN; trade is KAZ's imports
    from IRN by HS6 code over the year, in liberalized lines over trade in lines with a rate."""
    import pandas as pd
    _, _, kaz, irn = PAIR
    hs = pd.read_csv(HS, dtype=str, keep_default_na=False)
    subheadings = hs[hs.level == "6"].hscode
    s = pd.read_csv(schedule, dtype=str, keep_default_na=False)
    s = s[(s.reporter == "KAZ") & (s.partner_or_regime == "IRN") & (s.effective_from <= today)]
    s = s.assign(code=s.hs_code.str.replace(".", "", regex=False)).sort_values("effective_from")
    s = s.drop_duplicates("code", keep="last")
    entries = {r.code: (float(r.mfn_rate_pct), None if r.preferential_rate_pct == "" else float(r.preferential_rate_pct))
               for r in s.itertuples()}

    def entry(code):
        return next((entries[code[:n]] for n in (6, 4, 2) if code[:n] in entries), None)

    def liberalized(e):
        return e[1] is not None and (e[1] == 0 or e[1] < e[0])

    def margin(e):
        return max(0.0, e[0] - (e[0] if e[1] is None else e[1]))

    rated = [e for e in map(entry, subheadings) if e is not None]
    d = pd.read_csv(csv_path, dtype={"k": str}, na_values=["NA"])
    d = d[(d.i == irn) & (d.j == kaz) & (d.t == int(year))]
    trade = d.groupby("k").v.sum() * 1000
    trade = trade[trade != 0]
    known = set(subheadings)

    def shares(values):
        with_rate = liberal = weighted = 0.0
        for code, value in values.items():
            e = entry(code)
            if e is None:
                continue
            with_rate += value
            liberal += value if liberalized(e) else 0
            weighted += value * margin(e)
        return {"total_usd": float(values.sum()), "with_rate_usd": with_rate, "liberalized_usd": liberal,
                "liberalized_pct": 100 * liberal / with_rate if with_rate else None,
                "weighted_margin_pct": weighted / with_rate if with_rate else None}

    answer = {"lines": {"total": len(subheadings), "with_rate": len(rated), "liberalized": sum(map(liberalized, rated)),
                        "liberalized_pct": 100 * sum(map(liberalized, rated)) / len(rated),
                        "mfn_free": sum(e[0] == 0 for e in rated), "mean_margin_pct": sum(map(margin, rated)) / len(rated)},
              "trade": shares(trade),
              # The same over the codes HS 2022 knows only (a reading that leaves other editions' codes out).
              "trade_hs2022_only": shares(trade[trade.index.isin(known)])}
    print(json.dumps(answer))


def check_coverage(ours, oracle, sql):
    """The oracle check: every figure of caravan's answer against pandas' and DuckDB's."""
    problems = []
    for part, keys in (("lines", ("total", "with_rate", "liberalized", "liberalized_pct", "mfn_free", "mean_margin_pct")),
                       ("trade", ("total_usd", "with_rate_usd", "liberalized_usd", "liberalized_pct", "weighted_margin_pct"))):
        for key in keys:
            a, b, c = (ours[part] or {}).get(key), oracle[part][key], sql[f"{part}_{key}"]
            tolerance = 1e-6 if key.endswith("pct") else 1e-9 * max(abs(b or 0), 1)
            for peer, value in (("pandas", b), ("DuckDB", c)):
                if a is None or value is None or abs(a - value) > tolerance:
                    problems.append(f"{part}.{key}: caravan {a} vs {peer} {value}")
    return problems


# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes per median (pandas: a third of it, at least 1)")
    args = parser.parse_args()
    ensure_peers()
    global DUCKDB
    DUCKDB = duckdb_binary()
    subprocess.run(["swift", "build", "-c", "release", "--product", "caravan"], cwd=ROOT, check=True, capture_output=True)
    WORK.mkdir(parents=True, exist_ok=True)

    baci = WORK / f"BACI_HS92_products_{args.rows}_{args.years}y.csv"
    schedule = WORK / "tariffs-KAZ-IRN.csv"
    generate(args.rows, args.years, baci)
    entries = write_schedule(schedule)
    caravan_db, duck_db = WORK / "products.sqlite", WORK / "products.duckdb"
    c_import = caravan_import([baci, schedule], caravan_db)
    d_import = duckdb_import(baci, schedule, duck_db)
    year, today = "2022", datetime.date.today().isoformat()
    pair_lines = json.loads(run([DUCKDB, duck_db, "-json", "-c",
                                 "SELECT count(*) AS n, count(DISTINCT t) AS years FROM baci WHERE i IN (364, 398) AND j IN (364, 398)"])[1])[0]

    slow = max(1, args.repeat // 3)
    results, disagreements = [], []
    busy_start, ours_start, wall_start = *cpu_seconds(), time.perf_counter()
    for level in ("6", "2"):
        commands = {"caravan": caravan_products(caravan_db, year, level), "duckdb": duckdb_products(duck_db, year, level),
                    "pandas": pandas_products(baci, year, level)}
        answers = {k: composition_of(k, run(c)[1], year) for k, c in commands.items()}
        for peer in ("duckdb", "pandas"):
            problems = compare_compositions(answers["caravan"], answers[peer])
            disagreements += [f"composition HS{level}, caravan vs {peer}: {p}" for p in problems]
        totals = answers["caravan"]["total"], answers["duckdb"]["total"], answers["pandas"]["total"]
        print(f"composition HS{level} {year}: total_usd caravan {totals[0]:,.3f}, DuckDB sum(v)*1000 {totals[1]:,.3f}, "
              f"pandas {totals[2]:,.3f} -> {'match' if close(totals[0], totals[1]) and close(totals[0], totals[2]) else 'MISMATCH'}; "
              f"HHI {answers['caravan']['hhi']:.3f} / {answers['duckdb']['hhi']:.3f} / {answers['pandas']['hhi']:.3f}")
        t = {k: timed(c, args.repeat if k != "pandas" else slow) for k, c in commands.items()}
        results.append((f"composition, HS{level}, top {TOP}", t))

    commands = {"caravan": caravan_coverage(caravan_db, year), "duckdb": duckdb_coverage(duck_db, year, today),
                "pandas": pandas_coverage(baci, schedule, year, today)}
    ours = json.loads(run(commands["caravan"])[1])
    oracle = json.loads(run(commands["pandas"])[1])
    sql = json.loads(run(commands["duckdb"])[1])[0]
    print(f"coverage {year}: lines liberalized caravan {ours['lines']['liberalized_pct']:.9f}% "
          f"pandas {oracle['lines']['liberalized_pct']:.9f}% DuckDB {sql['lines_liberalized_pct']:.9f}% "
          f"({ours['lines']['liberalized']}/{ours['lines']['with_rate']} of {ours['lines']['total']})")
    print(f"coverage {year}: trade liberalized caravan {ours['trade']['liberalized_pct']:.9f}% "
          f"pandas {oracle['trade']['liberalized_pct']:.9f}% DuckDB {sql['trade_liberalized_pct']:.9f}% "
          f"(${ours['trade']['liberalized_usd']:,.0f} of ${ours['trade']['with_rate_usd']:,.0f} with a rate, "
          f"${ours['trade']['total_usd']:,.0f} in all)")
    alt = oracle["trade_hs2022_only"]
    print(f"coverage {year}: trade liberalized over HS 2022 codes only (pandas): {alt['liberalized_pct']:.9f}% "
          f"(${alt['total_usd']:,.0f} of ${oracle['trade']['total_usd']:,.0f} is in codes HS 2022 knows)")
    problems = check_coverage(ours, oracle, sql)
    t = {k: timed(c, args.repeat if k != "pandas" else slow) for k, c in commands.items()}
    results.append(("tariff coverage, lines and trade", t))
    startup = timed([CARAVAN, "calendar", "2024"], args.repeat)
    # A pair's yearly series is an index seek: nearly all of it is opening the store and its reference tables.
    opening = timed([CARAVAN, "trade", "series", "--db", caravan_db, "--reporter", "IRN", "--partner", "KAZ", "--flow", "export",
                     "--format", "csv"], args.repeat)
    busy_end, ours_end = cpu_seconds()
    others = max(0.0, (busy_end - busy_start) - (ours_end - ours_start)) / (time.perf_counter() - wall_start)

    print(f"\nProducts and tariff coverage benchmark: {args.rows:,} BACI rows over {args.years} years "
          f"({baci.stat().st_size / 1e6:.0f} MB), of which {pair_lines['n']:,} KAZ-IRN rows both ways over {pair_lines['years']} years; "
          f"schedule of {entries:,} entries; {os.cpu_count()} cores; {run([DUCKDB, '--version'])[1].split()[0]} ({DUCKDB}), "
          f"pandas {__import__('pandas').__version__}\n")
    print(f"{'':38}{'caravan':>10}{'DuckDB':>10}{'ratio':>8}{'pandas':>10}{'ratio':>8}")
    for label, t in results:
        print(f"  {label:36}{t['caravan'] * 1000:8.1f}ms{t['duckdb'] * 1000:8.1f}ms{t['caravan'] / t['duckdb']:7.2f}x"
              f"{t['pandas'] * 1000:8.0f}ms{t['caravan'] / t['pandas']:7.3f}x")
    print(f"  {'process start (caravan calendar)':36}{startup * 1000:8.1f}ms")
    print(f"  {'start + open store (trade series)':36}{opening * 1000:8.1f}ms")
    print(f"  {'import, one run (BACI + schedule)':36}{c_import:9.2f}s{d_import:9.2f}s{c_import / d_import:7.2f}x")
    print("\nratio = caravan / peer: below 1 is faster. Medians of fresh processes "
          f"({args.repeat} each, pandas {slow}); DuckDB and caravan query their own files, pandas re-reads the CSVs.")

    print(f"other processes used {others * 100:.0f}% of a core during the queries"
          f"{'' if others < 0.1 else ' -- the machine was not quiet: the figures are slower than they should be'}.")
    for d in disagreements:
        print(f"DISAGREE: {d}")
    if problems:
        sys.exit("oracle check FAILED:\n  " + "\n  ".join(problems))
    print(f"oracle check passed: caravan's coverage equals pandas' and DuckDB's (percentages to 1e-6)"
          f"{'' if not disagreements else '; compositions disagree, see above'}")
    if disagreements:
        sys.exit(1)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "pandas-products":
        pandas_products_main(*sys.argv[2:])
    elif len(sys.argv) > 1 and sys.argv[1] == "pandas-coverage":
        pandas_coverage_main(*sys.argv[2:])
    else:
        main()
