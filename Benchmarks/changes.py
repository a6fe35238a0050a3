#!/usr/bin/env python3
"""What it costs to know what an import changed in the scorecards, on the bundled partnerships:

  caravan import FILE                     (stores the file; judges both partnerships before and after
                                           it and records each change with its cause)
      vs  the same import into the same figures with no dossier stored (nothing to judge): the
          judging's own cost
      vs  what a reader does without it: caravan scorecard --format json for each partnership,
          the import, the scorecards again, and a diff of every status in Python

Each run imports a file of new content (one more figure of the pair) into a copy of the demo's
database, so every import stores a batch and is judged; median of --repeat runs.
Usage: Benchmarks/changes.py [--repeat 9]
"""
import argparse
import json
import pathlib
import shutil
import statistics
import subprocess
import sys

from peers import run

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORK = ROOT / "Benchmarks" / "work" / "changes"
CARAVAN = ROOT / ".build" / "release" / "caravan"
PARTNERSHIPS = ["iran-kazakhstan", "iran-turkmenistan"]
HEADER = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote\n"


def figures(n):
    path = WORK / f"figures-{n}.csv"
    path.write_text(HEADER + f"KAZ,IRN,export,TOTAL,2025-{1 + n % 12:02d},{1_000_000 + n},,,Bench customs,,,\n")
    return path


def statuses(text):
    card = json.loads(text)
    found = {f"test/{name}": test["status"] for name, test in card["tests"].items()}
    for test in card["tests"].values():
        found.update({f"target/{t['id']}": t["status"] for t in test.get("targets", [])})
    found.update({f"claim/{c['id']}": c["verdict"] for c in card["claims"]})
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "caravan"], cwd=ROOT, check=True, capture_output=True)
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    judged, bare = WORK / "judged.sqlite", WORK / "bare.sqlite"
    run([CARAVAN, "demo", "--db", judged, "--report", WORK / "report.html"])
    for folder in ("networks", "figures", "flows"):
        for file in sorted((ROOT / "Data" / folder).iterdir()):
            if file.suffix in (".csv", ".json"):
                run([CARAVAN, "import", file, "--db", bare])

    def each(db_template, step):
        times = []
        for n in range(args.repeat):
            db = WORK / f"run-{db_template.stem}-{n}.sqlite"
            shutil.copy(db_template, db)
            times.append(step(db, figures(1000 * (db_template == bare) + n)))
        return statistics.median(times)

    with_judging = each(judged, lambda db, f: run([CARAVAN, "import", f, "--db", db])[0])
    without = each(bare, lambda db, f: run([CARAVAN, "import", f, "--db", db])[0])

    def by_hand(db, f):
        total = 0.0
        before = {}
        for p in PARTNERSHIPS:
            seconds, text = run([CARAVAN, "scorecard", "--partnership", p, "--format", "json", "--db", db])
            total += seconds
            before[p] = statuses(text)
        total += run([CARAVAN, "import", f, "--db", db])[0]
        for p in PARTNERSHIPS:
            seconds, text = run([CARAVAN, "scorecard", "--partnership", p, "--format", "json", "--db", db])
            total += seconds
            _ = {k: v for k, v in statuses(text).items() if before[p].get(k) != v}
        return total

    manual = each(judged, by_hand)
    _, listed = run([CARAVAN, "changes", "--db", WORK / f"run-judged-0.sqlite", "--format", "json"])
    recorded = len(json.loads(listed)["changes"])
    print(f"import, judged before and after (2 partnerships): {with_judging * 1000:.0f} ms")
    print(f"import, nothing to judge:                          {without * 1000:.0f} ms"
          f"   judging costs {max(0.0, with_judging - without) * 1000:.0f} ms an import ({with_judging / without:.2f}x)")
    print(f"by hand: scorecards, import, scorecards, diff:     {manual * 1000:.0f} ms"
          f"   ratio {with_judging / manual:.2f}x")
    print(f"changes recorded in one run's database: {recorded}")


if __name__ == "__main__":
    sys.exit(main())
