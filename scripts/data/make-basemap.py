#!/usr/bin/env python3
"""Writes Data/basemap/countries.json, the dashboard's world basemap, from Natural Earth's Admin-0
countries at 1:50m (public domain) as shipped in the Debian package r-cran-rnaturalearthdata.

Run: python3 scripts/data/make-basemap.py           (writes the file, then checks it)
     python3 scripts/data/make-basemap.py --check   (checks the committed file only; exit 1 on failure)

Where the data comes from: the pinned .deb (PACKAGE_VERSION, its SHA-256 below) is fetched with
`apt-get download` through a private apt configuration in the cache folder (default
~/.cache/caravan/natural-earth, or --cache DIR), so the machine's own apt setup is neither used
nor changed: it lists Debian SUITE of the mirror the machine's apt sources name. A .deb already
at hand can be given with --deb PATH instead (for instance on a machine without apt). Nothing R
is installed: the .deb is unpacked here and R's lazy-load database (data/Rdata.rdb) read with the
PyPI package rdata, pinned and installed by this script when missing.

What is written: every outer ring of every polygon of each country, Douglas–Peucker simplified
with TOLERANCE degrees and rounded to 0.01°, as a flat [lon, lat, lon, lat, ...] array, each ring
closed (its last point repeats the first). Borders shared by two countries are simplified once,
as one line, so neighbours still meet exactly. Holes are dropped (in this layer every hole is
another country's enclave: Lesotho in South Africa, San Marino and the Vatican in Italy, ...).
Rings that collapse below 4 points (a triangle, closed) or to no area are dropped; a country left
with no ring keeps its largest one, rounded but not simplified (the Vatican, Tuvalu, Ashmore and
Cartier Islands). The code is
ISO_A3, or ADM0_A3 where ISO_A3 is -99 (France, Norway, Kosovo, Somaliland, N. Cyprus, ...)."""
import argparse
import gzip
import hashlib
import importlib.metadata
import io
import json
import lzma
import os
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import warnings

PACKAGE = "r-cran-rnaturalearthdata"
PACKAGE_VERSION = "1.0.0-1"
PACKAGE_SHA256 = "f2ed82659643f8323c1a0f62ddf068e2532fb3184687c2896b614bcc1e562a57"
SUITE = "trixie"  # Debian 13: the release that has PACKAGE_VERSION (Debian 12 has 0.1.0-2, NE 3.x data)
NATURAL_EARTH_VERSION = "v5.1.2"  # the package's NEWS: data updated to Natural Earth v5.1.2 in 0.2.1
RDATA_PIN = "1.1.0"
TOLERANCE = 0.02  # degrees
MAX_BYTES = 700 * 1024

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Data" / "basemap" / "countries.json"
RDB = "./usr/lib/R/site-library/rnaturalearthdata/data/Rdata"

ORIGIN = (f"Natural Earth Admin-0 countries 1:50m, {NATURAL_EARTH_VERSION}, via Debian {PACKAGE} "
          f"{PACKAGE_VERSION} (public domain)")
SIMPLIFIED = (f"Douglas–Peucker, tolerance {TOLERANCE}°, each shared border simplified once so neighbours "
              "still meet, coordinates rounded to 0.01°; rings closed (last point repeats the first); "
              "holes dropped (all are other countries' enclaves); rings under 4 points dropped, except that a "
              "country left with none keeps its largest ring unsimplified")

# Points the map must get right: water, and the corridor's countries.
CHECKS = [
    ((51.0, 42.0), None, "Caspian Sea, middle"),
    ((51.0, 38.5), None, "Caspian Sea, south"),
    ((51.5, 27.0), None, "Persian Gulf"),
    ((53.0, 33.0), "IRN", "central Iran"),
    ((68.0, 48.0), "KAZ", "central Kazakhstan"),
    ((59.0, 39.0), "TKM", "Turkmenistan"),
]


# --- the source ---------------------------------------------------------------------------------

def sha256(path):
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


def debian_mirror():
    """The URI and keyring of the machine's main Debian source (not -security, not -updates)."""
    texts = []
    for path in [pathlib.Path("/etc/apt/sources.list")] + sorted(pathlib.Path("/etc/apt/sources.list.d").glob("*")):
        if path.suffix in (".list", ".sources") or path.name == "sources.list":
            try:
                texts.append((path.suffix or ".list", path.read_text()))
            except OSError:
                pass
    for kind, text in texts:
        if kind == ".sources":
            for stanza in re.split(r"\n\s*\n", text):
                fields = dict(re.findall(r"^([A-Za-z-]+):\s*(.*)$", stanza, re.M))
                suites = fields.get("Suites", "").split()
                if "deb" in fields.get("Types", "").split() and any("-" not in s for s in suites):
                    if "debian" in fields.get("URIs", "") and "security" not in fields.get("URIs", ""):
                        return fields["URIs"].split()[0], fields.get("Signed-By", "").strip()
        else:
            for line in text.splitlines():
                m = re.match(r"^\s*deb\s+(\[[^\]]*\]\s+)?(\S+)\s+(\S+)", line)
                if m and "debian" in m.group(2) and "security" not in m.group(2) and "-" not in m.group(3):
                    signed = re.search(r"signed-by=(\S+?)[\s\]]", m.group(1) or "")
                    return m.group(2), signed.group(1) if signed else ""
    return None, None


def fetch_deb(cache):
    """The pinned .deb, from the cache or through a private apt configuration."""
    cache.mkdir(parents=True, exist_ok=True)
    deb = cache / f"{PACKAGE}_{PACKAGE_VERSION}_all.deb"
    if deb.exists() and sha256(deb) == PACKAGE_SHA256:
        return deb
    if shutil.which("apt-get") is None:
        sys.exit(f"apt-get not found: download {PACKAGE} {PACKAGE_VERSION} (Debian {SUITE}) and pass --deb PATH")
    uri, keyring = debian_mirror()
    if uri is None:
        sys.exit(f"no Debian source in /etc/apt: pass --deb PATH ({PACKAGE} {PACKAGE_VERSION}, Debian {SUITE})")
    apt = cache / "apt"
    for sub in ("lists/partial", "archives/partial", "etc/preferences.d", "etc/sources.list.d"):
        (apt / sub).mkdir(parents=True, exist_ok=True)
    signed = f"[signed-by={keyring}] " if keyring else ""
    (apt / "etc" / "sources.list").write_text(f"deb {signed}{uri} {SUITE} main\n")
    options = [
        "-o", f"Dir::Etc::sourcelist={apt}/etc/sources.list",
        "-o", f"Dir::Etc::sourceparts={apt}/etc/sources.list.d",
        "-o", f"Dir::Etc::preferencesparts={apt}/etc/preferences.d",
        "-o", f"Dir::State::Lists={apt}/lists",
        "-o", f"Dir::Cache={apt}",
        "-o", "APT::Sandbox::User=root" if os.geteuid() == 0 else "Debug::NoDropPrivs=true",
        "-qq",
    ]
    print(f"fetching {PACKAGE} {PACKAGE_VERSION} from Debian {SUITE} (private apt state in {apt})", file=sys.stderr)
    subprocess.run(["apt-get", *options, "update"], check=True)
    subprocess.run(["apt-get", *options, "download", f"{PACKAGE}={PACKAGE_VERSION}"], check=True, cwd=cache)
    if sha256(deb) != PACKAGE_SHA256:
        sys.exit(f"{deb}: SHA-256 {sha256(deb)}, expected {PACKAGE_SHA256}")
    return deb


def deb_member(deb, wanted):
    """Files of a .deb's data.tar.* (an ar archive holding tarballs), read without dpkg."""
    raw = pathlib.Path(deb).read_bytes()
    if not raw.startswith(b"!<arch>\n"):
        sys.exit(f"{deb}: not a .deb")
    pos = 8
    while pos < len(raw):
        header = raw[pos:pos + 60]
        name = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58].decode())
        body = raw[pos + 60:pos + 60 + size]
        pos += 60 + size + (size % 2)
        if name.startswith("data.tar"):
            with tarfile.open(fileobj=io.BytesIO(body)) as tar:
                return {path: tar.extractfile(path).read() for path in wanted}
    sys.exit(f"{deb}: no data.tar")


def ensure_rdata():
    try:
        installed = importlib.metadata.version("rdata")
    except importlib.metadata.PackageNotFoundError:
        installed = None
    if installed != RDATA_PIN:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        f"rdata=={RDATA_PIN}"], check=True)


def read_countries50(deb):
    """countries50 from R's lazy-load database: an sf data frame of MULTIPOLYGONs."""
    ensure_rdata()
    import rdata

    warnings.filterwarnings("ignore", module="rdata")  # "Unknown file type: assumed RDS" is right here
    files = deb_member(deb, [RDB + ".rdx", RDB + ".rdb"])
    index = rdata.conversion.convert(rdata.parser.parse_data(gzip.decompress(files[RDB + ".rdx"])))
    compressed = int(index["compressed"][0])
    offset, length = (int(v) for v in index["variables"]["countries50"])
    chunk = files[RDB + ".rdb"][offset:offset + length]
    if compressed == 1:
        data = __import__("zlib").decompress(chunk[4:])
    elif chunk[4:5] == b"Z":  # xz, as R writes it: a raw LZMA2 stream
        data = lzma.decompress(chunk[5:], format=lzma.FORMAT_RAW,
                               filters=[{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}])
    elif chunk[4:5] == b"2":
        data = __import__("bz2").decompress(chunk[5:])
    else:
        data = chunk[5:]
    if len(data) != struct.unpack(">I", chunk[:4])[0]:
        sys.exit("countries50: unexpected length after decompression")
    parsed = rdata.parser.parse_data(data, expand_altrep=True)
    frame = rdata.conversion.SimpleConverter(default_encoding="utf8").convert(parsed)
    countries = []
    for iso_a3, adm0_a3, name, geometry in zip(frame["iso_a3"], frame["adm0_a3"], frame["name"], frame["geometry"]):
        code = str(adm0_a3) if str(iso_a3) == "-99" else str(iso_a3)
        outers = [[(float(x), float(y)) for x, y in polygon[0]] for polygon in geometry]
        countries.append((code, str(name), outers))
    return countries


# --- simplification ------------------------------------------------------------------------------

def douglas_peucker(points, tolerance):
    """Indices kept; the first and last point always are."""
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = -1.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [p for p, k in zip(points, keep) if k]


def simplify_arc(arc, tolerance):
    """The same line simplifies the same way whichever way round a ring runs along it."""
    flipped = arc[::-1] < arc
    line = arc[::-1] if flipped else arc
    out = douglas_peucker(line, tolerance)
    return out[::-1] if flipped else out


def simplify_rings(rings, tolerance):
    """Douglas–Peucker on arcs: rings are cut where they meet other rings (TopoJSON's junctions:
    a point used more than once whose neighbours differ), so a shared border is one arc and is
    simplified identically for both countries."""
    opened = []
    for ring in rings:
        pts = [p for i, p in enumerate(ring) if i == 0 or p != ring[i - 1]]
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts.pop()
        opened.append(pts)
    neighbours = {}
    for pts in opened:
        n = len(pts)
        for i, p in enumerate(pts):
            pair = frozenset((pts[i - 1], pts[(i + 1) % n]))
            neighbours.setdefault(p, set()).add(pair)
    junction = {p for p, pairs in neighbours.items() if len(pairs) > 1}
    result = []
    for pts in opened:
        n = len(pts)
        cuts = [i for i, p in enumerate(pts) if p in junction]
        if not cuts:  # a ring of its own: start at its smallest point, cut again at the farthest one
            start = pts.index(min(pts))
            pts = pts[start:] + pts[:start]
            far = max(range(n), key=lambda i: ((pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2, pts[i]))
            cuts = [0, far] if far else [0]
        simplified = []
        for k, start in enumerate(cuts):
            end = cuts[(k + 1) % len(cuts)]
            arc = pts[start:end + 1] if end > start else pts[start:] + pts[:end + 1]
            simplified += simplify_arc(arc, tolerance)[:-1]
        result.append(simplified)
    return result


def area(ring):
    return sum(ring[i - 1][0] * p[1] - p[0] * ring[i - 1][1] for i, p in enumerate(ring)) / 2


def finish(ring):
    """Rounded to 0.01°, repeated points merged, closed; None where nothing of it is left."""
    out = []
    for x, y in ring:
        p = (round(x, 2), round(y, 2))
        if not out or p != out[-1]:
            out.append(p)
    while len(out) > 1 and out[0] == out[-1]:
        out.pop()
    if len(out) < 3 or area(out) == 0:
        return None
    return out + [out[0]]


def number(v):
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return "0" if s == "-0" else s


def build(deb):
    countries = read_countries50(deb)
    rings = [ring for _, _, outers in countries for ring in outers]
    simplified = iter(simplify_rings(rings, TOLERANCE))
    merged, dropped, unsimplified = {}, [], []
    for code, name, outers in countries:
        kept = []
        for _ in outers:
            ring = finish(next(simplified))
            if ring:
                kept.append(ring)
        if not kept:  # too small for the tolerance: its largest ring, only rounded, rather than nothing
            ring = finish(max(outers, key=lambda r: abs(area(r))))
            if ring is None:
                dropped.append(f"{code} ({name})")
                continue
            kept.append(ring)
            unsimplified.append(f"{code} ({name})")
        if code in merged:
            sys.exit(f"two features with the code {code}")
        merged[code] = (name, kept)
    lines = []
    for code in sorted(merged):
        name, kept = merged[code]
        flat = ",".join("[" + ",".join(f"{number(x)},{number(y)}" for x, y in ring) + "]" for ring in kept)
        lines.append(f'{{"iso3":{json.dumps(code)},"name":{json.dumps(name, ensure_ascii=False)},"rings":[{flat}]}}')
    head = {"origin": ORIGIN, "resolution": "1:50m", "simplified": SIMPLIFIED}
    text = json.dumps(head, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"countries":[\n' + ",\n".join(lines) + "\n]}\n"
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    points = sum(len(r) for _, kept in merged.values() for r in kept)
    print(f"{len(merged)} countries, {sum(len(k) for _, k in merged.values())} rings, {points} points "
          f"(from {sum(len(r) for r in rings)}) -> {OUT} ({OUT.stat().st_size} bytes)", file=sys.stderr)
    if unsimplified:
        print(f"too small to simplify, largest ring kept as it is: {', '.join(unsimplified)}", file=sys.stderr)
    if dropped:
        print(f"no ring left after simplification, left out: {', '.join(dropped)}", file=sys.stderr)


# --- the check -----------------------------------------------------------------------------------

def inside(x, y, flat):
    hit = False
    xs, ys = flat[0::2], flat[1::2]
    for i in range(1, len(xs)):
        x1, y1, x2, y2 = xs[i - 1], ys[i - 1], xs[i], ys[i]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            hit = not hit
    return hit


def check():
    failures = []

    def expect(ok, what):
        print(("ok    " if ok else "FAIL  ") + what)
        if not ok:
            failures.append(what)

    size = OUT.stat().st_size
    doc = json.loads(OUT.read_text(encoding="utf-8"))
    expect(set(doc) == {"origin", "resolution", "simplified", "countries"}, "keys: origin, resolution, simplified, countries")
    expect(doc["origin"] == ORIGIN and doc["resolution"] == "1:50m", f"origin: {doc['origin']}")
    expect(size <= MAX_BYTES, f"size {size} bytes <= {MAX_BYTES}")
    codes = [c["iso3"] for c in doc["countries"]]
    expect(codes == sorted(set(codes)), f"{len(codes)} countries, sorted by iso3, each once")
    expect(all(re.fullmatch(r"[A-Z]{3}", c) for c in codes), "every iso3 is three capital letters")
    bad = [c["iso3"] for c in doc["countries"]
           if not c["rings"] or any(len(r) % 2 or len(r) < 8 or r[:2] != r[-2:] for r in c["rings"])]
    expect(not bad, "every ring closed, with at least 4 points" + (f" (not: {bad})" if bad else ""))
    coarse = [c["iso3"] for c in doc["countries"] for r in c["rings"] for v in r if round(v, 2) != v]
    expect(not coarse, "coordinates rounded to 0.01°")
    for (x, y), want, what in CHECKS:
        got = [c["iso3"] for c in doc["countries"] if any(inside(x, y, r) for r in c["rings"])]
        if want is None:
            expect(not got, f"({x}, {y}) {what}: water" + (f", but inside {got}" if got else ""))
        else:
            expect(got == [want], f"({x}, {y}) {what}: inside {want}" + (f" (got {got})" if got != [want] else ""))
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the written file; exit 1 on failure")
    parser.add_argument("--deb", help=f"use this {PACKAGE} {PACKAGE_VERSION} .deb instead of fetching it")
    parser.add_argument("--cache", default=os.path.join(os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
                                                        "caravan", "natural-earth"))
    args = parser.parse_args()
    if not args.check:
        deb = pathlib.Path(args.deb) if args.deb else fetch_deb(pathlib.Path(args.cache))
        if sha256(deb) != PACKAGE_SHA256:
            sys.exit(f"{deb}: not {PACKAGE} {PACKAGE_VERSION} (SHA-256 {sha256(deb)})")
        build(deb)
    sys.exit(check())


if __name__ == "__main__":
    main()
