#!/usr/bin/env python3
"""Every reading command's cold time: a fresh `caravan` process per run on the demo store, beside
`caravan calendar 2024` (process start) and `/bin/true`, median of --repeat runs each.

    python3 Benchmarks/cold.py                       # builds release; --binary to time another build

The dossier commands (scorecard, targets, claims, projects, agreements) answer from the words kept
in the store once worked out: each is timed as asked again (kept), and worked out afresh (asked
`--as-of` today, which is never kept). The column "beyond start" is the median less
`calendar 2024`'s: what the command itself costs. A regression of one command shows here, unseen
by the others' benchmarks.
"""
import argparse
import datetime
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def run(command, cwd):
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 3):
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr.decode(errors='replace')[-2000:]}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="a caravan binary (default: build release and use it)")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    if args.binary:
        binary = pathlib.Path(args.binary).resolve()
    else:
        subprocess.run(["swift", "build", "-c", "release", "--product", "caravan"], cwd=ROOT, check=True)
        binary = ROOT / ".build/release/caravan"
    today = datetime.datetime.now(datetime.timezone.utc).date().isoformat()
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([str(binary), "demo", "--db", "demo.sqlite"], cwd=work, check=True, stdout=subprocess.DEVNULL)
        db = ["--db", "demo.sqlite"]
        commands = [
            ("/bin/true", ["/bin/true"]),
            ("calendar 2024 (process start)", [str(binary), "calendar", "2024"]),
        ]
        for part in ["scorecard", "targets", "claims", "projects", "agreements"]:
            for fmt in ["table", "json"] if part == "scorecard" else ["table"]:
                commands.append((f"{part} --format {fmt} (kept)", [str(binary), part, "--format", fmt, *db]))
            commands.append((f"{part} (worked out: --as-of today)", [str(binary), part, "--as-of", today, *db]))
        readers = [
            ["trade", "series", "--reporter", "IRN", "--partner", "KAZ"],
            ["trade", "series", "--reporter", "KAZ", "--partner", "IRN", "--commodity", "AGRI"],
            ["trade", "gap", "--a", "KAZ", "--b", "IRN", "--period", "2022"],
            ["trade", "compare", "--reporter", "IRN", "--partner", "KAZ", "--commodity", "NONOIL", "--period", "SH1401"],
            ["route", "--from", "astana", "--to", "bandar_abbas"],
            ["capacity", "--from", "astana", "--to", "bandar_abbas"],
            ["corridor", "flows"],
            ["tariffs", "coverage", "--reporter", "KAZ", "--partner", "IRN"],
            ["scenario", "--partnership", "iran-kazakhstan", "--cancel", "aktau-kuryk-expansion"],
            ["changes"],
            ["imports"],
            ["report", "--out", "report.html"],
            ["check", str(ROOT / "Data/reference/seed-article.txt"), "--source", "Tehran Times"],
        ]
        commands += [(" ".join(c), [str(binary), *c, *db]) for c in readers]
        samples = {label: [] for label, _ in commands}
        for label, command in commands:  # once each, unmeasured: the kept answers are made here
            run(command, work)
        for _ in range(args.repeat):
            for label, command in commands:
                samples[label].append(run(command, work))
    medians = {label: statistics.median(times) for label, times in samples.items()}
    start = medians["calendar 2024 (process start)"]
    print(f"Cold commands on the demo store, {binary}, median of {args.repeat}\n")
    print("| command | median | beyond start |")
    print("|---|---:|---:|")
    for label, _ in commands:
        beyond = "" if label.startswith(("/bin/true", "calendar")) else f"{(medians[label] - start) * 1000:,.1f} ms"
        print(f"| `{label}` | {medians[label] * 1000:,.1f} ms | {beyond} |")


if __name__ == "__main__":
    main()
