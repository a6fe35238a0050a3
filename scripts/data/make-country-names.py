#!/usr/bin/env python3
"""Writes Data/reference/country-names.csv (`iso3,en,fa,ru`): the CLDR names in English, Persian and
Russian of every code in Data/reference/countries.csv, in that file's order, through the PyPI
packages babel (CLDR) and pycountry (alpha-3 -> alpha-2), both pinned and installed here if missing.

- A current ISO 3166-1 code is looked up by its alpha-2 code; XKX (Kosovo) by CLDR's XK and WLD
  (World) by CLDR's region 001. The names are CLDR's default ones, verbatim (not its alt="short"
  variants such as "UK" or "US").
- Withdrawn codes (ISO 3166-3, "(former)") and the statistical agencies' own codes have no CLDR
  territory: fa and ru stay empty and en is the name in countries.csv. Withdrawn codes are never
  looked up by their old alpha-2 code: many were reused (AI French Afars and Issas is now
  Anguilla, GE Gilbert and Ellice Islands now Georgia).
- Blocs (EAEU) follow the countries, named as their own bodies name them: CLDR has no region for them.

Run: python3 scripts/data/make-country-names.py"""
import csv
import importlib.metadata
import pathlib
import subprocess
import sys

PINS = {"babel": "2.19.0", "pycountry": "26.2.16"}  # the committed file is these versions' output


def ensure_packages():
    for name, version in PINS.items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                            f"{name}=={version}"], check=True)


ensure_packages()
import babel  # noqa: E402
import pycountry  # noqa: E402
from babel import Locale  # noqa: E402
from babel.core import get_cldr_version  # noqa: E402

# Codes that are not ISO 3166-1 alpha-3 but have a CLDR region.
CLDR_REGION = {"XKX": "XK", "WLD": "001"}
# Blocs of Data/reference/blocs.csv, which CLDR does not name: the names their own bodies use
# (eaeunion.org in English and Russian; the Persian press's).
BLOCS = {"EAEU": ("Eurasian Economic Union", "اتحادیهٔ اقتصادی اوراسیا", "Евразийский экономический союз")}

root = pathlib.Path(__file__).resolve().parents[2]
source = root / "Data" / "reference" / "countries.csv"
out = root / "Data" / "reference" / "country-names.csv"

names = {language: Locale(language).territories for language in ("en", "fa", "ru")}
rows, missing = [], []
with source.open(newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        code = row["iso3"]
        region = CLDR_REGION.get(code)
        if region is None:
            country = pycountry.countries.get(alpha_3=code)  # current codes only, never historic ones
            region = country.alpha_2 if country else None
        if region and all(region in names[lang] for lang in names):
            rows.append([code, names["en"][region], names["fa"][region], names["ru"][region]])
        else:
            rows.append([code, row["name"], "", ""])
            missing.append(code)

rows += [[code, *names_of_bloc] for code, names_of_bloc in BLOCS.items()]

with out.open("w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["iso3", "en", "fa", "ru"])
    w.writerows(rows)
print(f"{len(rows)} codes -> {out} (babel {babel.__version__}, CLDR {get_cldr_version()}, "
      f"pycountry {importlib.metadata.version('pycountry')})", file=sys.stderr)
print(f"no CLDR territory ({len(missing)}): {' '.join(missing)}", file=sys.stderr)
