#!/usr/bin/env python3
"""One pair out of a BACI archive as CEPII publishes it, against the ways people do it today, on the
same generated archive:

  caravan import ARCHIVE --years Y --pairs KAZ-IRN   (reads the member as it inflates, stores the
                                                     pair's rows and totals in a fresh SQLite file)
      vs  unzip -p ARCHIVE MEMBER | awk -F, '...'      (the shell: filter to a CSV, nothing stored)
      vs  pandas.read_csv on the zip member, filtered  (to a CSV, nothing stored)

The archive holds generate-baci.py's rows split into yearly members (BACI_HS17_Y2021_V202501.csv, …)
and the bundled country table, deflated as CEPII's are. Checks that Caravan stored exactly the rows
the shell kept, then prints seconds and ratios for one year and for every year.
Usage: Benchmarks/baci-archive.py [--rows 11000000] [--years 2] [--repeat 3]
"""
import argparse
import pathlib
import sqlite3
import subprocess
import sys
import zipfile

from peers import ensure_peers, run, timed

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORK = ROOT / "Benchmarks" / "work"
CARAVAN = ROOT / ".build" / "release" / "caravan"
TABLE = ROOT / "Data" / "reference" / "baci-country-codes.csv"
PAIR = ("KAZ", "IRN", 398, 364)


def make_archive(rows, years):
    archive = WORK / f"BACI_HS17_V202501-{rows}-{years}.zip"
    if archive.exists():
        return archive
    WORK.mkdir(parents=True, exist_ok=True)
    flat = WORK / f"baci-{rows}-{years}.csv"
    if not flat.exists():
        subprocess.run([sys.executable, ROOT / "Benchmarks" / "generate-baci.py", str(rows), flat, str(years)], check=True)
    members = {}
    with flat.open() as f:
        header = f.readline()
        for line in f:
            year = line[:4]
            if year not in members:
                members[year] = (WORK / f"BACI_HS17_Y{year}_V202501.csv").open("w")
                members[year].write(header)
            members[year].write(line)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for year, handle in sorted(members.items()):
            handle.close()
            z.write(handle.name, f"BACI_HS17_Y{year}_V202501.csv")
            pathlib.Path(handle.name).unlink()
        z.write(TABLE, "country_codes_V202501.csv")
    return archive


def caravan(archive, years, db):
    db.unlink(missing_ok=True)
    command = [CARAVAN, "import", archive, "--pairs", f"{PAIR[0]}-{PAIR[1]}", "--db", db]
    return command + (["--years", ",".join(years)] if years else [])


def shell(archive, members, out):
    keep = f"NR==1||($2=={PAIR[2]}&&$3=={PAIR[3]})||($2=={PAIR[3]}&&$3=={PAIR[2]})"
    return ["sh", "-c", f"unzip -p {archive} {' '.join(members)} | awk -F, '{keep}' > {out}"]


def pandas(archive, members, out):
    code = (
        "import sys, zipfile, pandas as pd\n"
        "z = zipfile.ZipFile(sys.argv[1]); parts = []\n"
        "for m in sys.argv[3:]:\n"
        "    for chunk in pd.read_csv(z.open(m), dtype={'k': str}, chunksize=2_000_000):\n"
        f"        parts.append(chunk[((chunk.i == {PAIR[2]}) & (chunk.j == {PAIR[3]})) | ((chunk.i == {PAIR[3]}) & (chunk.j == {PAIR[2]}))])\n"
        "pd.concat(parts).to_csv(sys.argv[2], index=False)\n"
    )
    return [sys.executable, "-c", code, archive, out, *members]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=11_000_000)
    parser.add_argument("--years", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    ensure_peers()
    subprocess.run(["swift", "build", "-c", "release", "--product", "caravan"], cwd=ROOT, check=True, capture_output=True)
    archive = make_archive(args.rows, args.years)
    names = sorted(n for n in zipfile.ZipFile(archive).namelist() if n.startswith("BACI_"))
    years = [n.split("_Y")[1][:4] for n in names]
    db, out = WORK / "archive.sqlite", WORK / "pair.csv"
    print(f"archive: {archive.name}, {archive.stat().st_size / 1e6:.0f} MB, {args.rows:,} rows in {len(names)} yearly members")
    print(f"{'task':<22}{'caravan':>10}{'unzip|awk':>11}{'pandas':>10}{'vs awk':>9}{'vs pandas':>11}")
    for label, chosen, members in [("one year, one pair", years[-1:], names[-1:]), ("every year, one pair", None, names)]:
        run(caravan(archive, chosen, db))
        run(shell(archive, members, out))
        kept = sum(1 for _ in out.open()) - 1
        stored = sqlite3.connect(db).execute("SELECT count(*) FROM observation WHERE commodity <> 'TOTAL'").fetchone()[0]
        if stored != kept:
            sys.exit(f"{label}: caravan stored {stored} rows, the shell kept {kept}")
        ours = timed(caravan(archive, chosen, db), args.repeat)
        awk = timed(shell(archive, members, out), args.repeat)
        pd = timed(pandas(archive, members, out), args.repeat)
        print(f"{label:<22}{ours:>9.2f}s{awk:>10.2f}s{pd:>9.2f}s{ours / awk:>8.2f}x{ours / pd:>10.2f}x   ({kept:,} rows)")


main()
