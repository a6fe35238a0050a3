#!/usr/bin/env python3
"""Writes a BACI-format file of N rows (t,i,j,k,v,q), sorted by t,i,j,k as CEPII ships it: real BACI
country codes, six-digit HS codes with leading zeros, values in thousands of USD with BACI's
precision, about 2% of quantities missing (written NA). Usage: generate-baci.py ROWS OUT [YEARS]"""
import csv
import pathlib
import random
import sys

rows, out = int(sys.argv[1]), sys.argv[2]
years = int(sys.argv[3]) if len(sys.argv) > 3 else 1
rng = random.Random(2025)
table = pathlib.Path(__file__).resolve().parents[1] / "Data" / "reference" / "baci-country-codes.csv"
# One code per economy, as in any one year of BACI (historical entities left out).
by_iso = {}
for r in csv.DictReader(table.open(encoding="utf-8")):
    if r["country_iso3"] and "(..." not in r["country_name"]:
        by_iso.setdefault(r["country_iso3"], int(r["country_code"]))
codes = sorted(by_iso.values())
products = sorted(rng.sample(range(10_000, 970_000), 5_000))
per_year = rows // years
with open(out, "w") as f:
    f.write("t,i,j,k,v,q\n")
    written = 0
    for y in range(years):
        year = 2022 - years + 1 + y
        n = per_year if y < years - 1 else rows - written
        # Pairs and products drawn at random, then written in BACI's order.
        pairs = {(rng.choice(codes), rng.choice(codes)) for _ in range(n // 300 + 200)}
        # The pair the benchmark asks about is always there, both ways.
        pairs |= {(398, 364), (364, 398)}
        pairs = sorted(p for p in pairs if p[0] != p[1])
        keys = set()
        while len(keys) < n:
            i, j = rng.choice(pairs)
            keys.add((i, j, rng.choice(products)))
        for i, j, k in sorted(keys):
            v = round(rng.lognormvariate(3, 2.5), 3)
            q = "NA" if rng.random() < 0.02 else f"{round(rng.lognormvariate(2, 3), 3)}"
            f.write(f"{year},{i},{j},{k:06d},{v},{q}\n")
        written += n
