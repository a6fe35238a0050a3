#!/usr/bin/env python3
"""Writes Data/reference/countries.csv from pycountry (ISO 3166-1 and the withdrawn codes of
ISO 3166-3), plus the non-ISO codes UN Comtrade and CEPII BACI use. Run: python3 scripts/data/make-countries.py"""
import csv, pathlib, sys
import pycountry

rows = {}
for c in pycountry.countries:
    rows[c.alpha_3] = (c.alpha_3, c.numeric, getattr(c, "common_name", None) or c.name)
for c in pycountry.historic_countries:
    rows.setdefault(c.alpha_3, (c.alpha_3, getattr(c, "numeric", "") or "", c.name + " (former)"))
# Codes statistical agencies use that ISO 3166 has not: World, and BACI's non-ISO entities.
extra = [
    ("WLD", "0", "World"),
    ("S19", "490", "Other Asia, nes"),
    ("R20", "697", "Europe EFTA, nes"),
    ("ZA1", "711", "Southern African Customs Union (...1999)"),
    ("PUS", "849", "US Misc. Pacific Isds"),
    ("SUN", "810", "USSR (...1990)"),
    ("DDR", "278", "Dem. Rep. of Germany (...1990)"),
    ("XKX", "", "Kosovo"),
]
for code, numeric, name in extra:
    rows.setdefault(code, (code, numeric, name))
out = pathlib.Path(__file__).resolve().parents[2] / "Data" / "reference" / "countries.csv"
with out.open("w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["iso3", "numeric", "name"])
    for key in sorted(rows):
        w.writerow(rows[key])
print(f"{len(rows)} codes -> {out}", file=sys.stderr)
