#!/usr/bin/env python3
"""Writes every day from SH1350-01-01 to the end of SH1450 with its Gregorian date, as jdatetime
(an independent implementation of the Solar Hijri calendar, from PyPI) computes it. The calendar
tests compare Caravan's conversions with this file; scripts/test regenerates it and checks that the
committed copy is unchanged. Usage: make-calendar-oracle.py [OUT]"""
import sys
import jdatetime

out = open(sys.argv[1], "w") if len(sys.argv) > 1 else sys.stdout
out.write(f"# jdatetime {jdatetime.__VERSION__}: gregorian,solar_hijri\n")
day = jdatetime.date(1350, 1, 1)
end = jdatetime.date(1451, 1, 1)
while day < end:
    g = day.togregorian()
    out.write(f"{g.isoformat()},{day.year:04d}-{day.month:02d}-{day.day:02d}\n")
    day += jdatetime.timedelta(days=1)
