#!/usr/bin/env python3
"""The trade ledger against its peers, on the same generated BACI files, in one run:

  import:  caravan import            vs  DuckDB's CLI loading the CSV into its own database file
                                          (plain, and with the same unique key caravan keeps)
  query:   caravan trade series       vs  DuckDB's CLI on its file (both fresh processes)
                                      vs  pandas re-reading the CSV
  scale:   the same on a 20-million-row store, and peak memory of both imports (streaming: flat)

Prints seconds, peak memory and ratios. Usage: Benchmarks/ledger.py [--rows 2000000] [--big-rows 20000000]
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import time

from peers import duckdb_binary, ensure_peers, run, timed

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORK = ROOT / "Benchmarks" / "work"
CARAVAN = ROOT / ".build" / "release" / "caravan"
PAIR = ("KAZ", "IRN", 398, 364)


def peak_rss(command):
    """Peak RSS in MB of one run, measured by /usr/bin/time (GNU) when available."""
    if os.path.exists("/usr/bin/time"):
        out = subprocess.run(["/usr/bin/time", "-f", "%M", *map(str, command)], capture_output=True, text=True)
        return int(out.stderr.strip().splitlines()[-1]) / 1024
    return float("nan")


def generate(rows, years, path):
    if not path.exists():
        subprocess.run([sys.executable, ROOT / "Benchmarks" / "generate-baci.py", str(rows), str(path), str(years)], check=True)


def caravan_import(csv, db):
    db.unlink(missing_ok=True)
    start = time.perf_counter()
    memory = peak_rss([CARAVAN, "import", "--db", db, csv])
    return time.perf_counter() - start, memory


def duckdb_import(csv, db, keyed):
    db.unlink(missing_ok=True)
    columns = "t INTEGER, i INTEGER, j INTEGER, k VARCHAR, v DOUBLE, q DOUBLE" + (", PRIMARY KEY (i, j, k, t)" if keyed else "")
    sql = (f"CREATE TABLE baci ({columns}); INSERT INTO baci SELECT * FROM "
           f"read_csv('{csv}', header=true, nullstr='NA', types={{'k': 'VARCHAR'}});")
    start = time.perf_counter()
    memory = peak_rss([duckdb_binary(), db, "-c", sql])
    return time.perf_counter() - start, memory


def queries(csv, caravan_db, duck_db):
    reporter, partner, i, j = PAIR
    caravan = [CARAVAN, "trade", "series", "--db", caravan_db, "--reporter", reporter, "--partner", partner, "--flow", "export",
               "--format", "csv"]
    duck = [duckdb_binary(), duck_db, "-csv", "-c", f"SELECT t, sum(v) * 1000 AS value_usd FROM baci WHERE i = {i} AND j = {j} GROUP BY t ORDER BY t"]
    pandas = [sys.executable, "-c",
              "import pandas as pd; d = pd.read_csv(%r, dtype={'k': str}, na_values=['NA']); "
              "print(d[(d.i == %d) & (d.j == %d)].groupby('t').v.sum() * 1000)" % (str(csv), i, j)]
    return {"caravan": timed(caravan), "duckdb": timed(duck), "pandas": timed(pandas, repeat=1),
            "startup": timed([CARAVAN, "calendar", "2024"])}


def check_same_answer(caravan_db, duck_db):
    """Both must give the same series before their times mean anything."""
    reporter, partner, i, j = PAIR
    out = run([CARAVAN, "trade", "series", "--db", caravan_db, "--reporter", reporter, "--partner", partner, "--flow", "export",
               "--format", "json"])[1]
    ours = {p["period"]: p["value_usd"] for p in json.loads(out)["series"]}
    out = run([duckdb_binary(), duck_db, "-json", "-c", f"SELECT t, sum(v) * 1000 AS value FROM baci WHERE i = {i} AND j = {j} GROUP BY t"])[1]
    theirs = {str(r["t"]): r["value"] for r in json.loads(out)}
    if ours.keys() != theirs.keys() or any(abs(ours[k] - theirs[k]) > 1e-6 * abs(theirs[k]) + 0.01 for k in ours):
        sys.exit(f"caravan and DuckDB disagree: {ours} vs {theirs}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--big-rows", type=int, default=20_000_000)
    args = parser.parse_args()
    ensure_peers()
    subprocess.run(["swift", "build", "-c", "release", "--product", "caravan"], cwd=ROOT, check=True, capture_output=True)
    WORK.mkdir(parents=True, exist_ok=True)

    small, big = WORK / f"BACI_HS92_{args.rows}.csv", WORK / f"BACI_HS92_{args.big_rows}.csv"
    generate(args.rows, 1, small)
    generate(args.big_rows, 10, big)

    rows = []
    for label, csv in (("small", small), ("big", big)):
        caravan_db, duck_db, keyed_db = WORK / f"{label}.sqlite", WORK / f"{label}.duckdb", WORK / f"{label}-keyed.duckdb"
        c_time, c_mem = caravan_import(csv, caravan_db)
        d_time, d_mem = duckdb_import(csv, duck_db, keyed=False)
        k_time, k_mem = duckdb_import(csv, keyed_db, keyed=True) if label == "small" else (float("nan"), float("nan"))
        check_same_answer(caravan_db, duck_db)
        q = queries(csv, caravan_db, duck_db)
        rows.append((label, csv, c_time, c_mem, d_time, d_mem, k_time, q))
        keyed_db.unlink(missing_ok=True)

    print(f"\nTrade ledger benchmark: BACI-format files sorted by t,i,j,k; {os.cpu_count()} cores\n")
    print(f"{'':42}{'caravan':>10}{'peer':>10}{'ratio':>8}")
    for label, csv, c_time, c_mem, d_time, d_mem, k_time, q in rows:
        n = args.rows if label == "small" else args.big_rows
        print(f"{n:,} rows ({csv.stat().st_size / 1e6:.0f} MB)")
        print(f"  {'import vs DuckDB CLI (plain load)':40}{c_time:9.2f}s{d_time:9.2f}s{c_time / d_time:7.2f}x")
        if k_time == k_time:
            print(f"  {'import vs DuckDB CLI (same unique key)':40}{c_time:9.2f}s{k_time:9.2f}s{c_time / k_time:7.2f}x")
        print(f"  {'import peak memory vs DuckDB':40}{c_mem:8.0f}MB{d_mem:8.0f}MB{c_mem / d_mem:7.2f}x")
        print(f"  {'series query vs DuckDB CLI':40}{q['caravan'] * 1000:8.1f}ms{q['duckdb'] * 1000:8.1f}ms{q['caravan'] / q['duckdb']:7.2f}x")
        print(f"  {'series query vs pandas (re-read)':40}{q['caravan'] * 1000:8.1f}ms{q['pandas'] * 1000:8.1f}ms{q['caravan'] / q['pandas']:7.3f}x")
        print(f"  {'  of which process start (calendar)':40}{q['startup'] * 1000:8.1f}ms")
    print("\nratio = caravan / peer: below 1 is faster (or smaller) than the peer.")


if __name__ == "__main__":
    main()
