#!/usr/bin/env python3
"""`caravan check` against quantulum3 (PyPI), the closest open tool that finds amounts with units in
prose, on the same articles, in one run:

  speed and memory:  caravan check ARTICLE --format json (reading, and judging every finding against the
                         bundled demo's ledger, process start included)
                     vs  quantulum3 parsing the same text, one paragraph at a time, in a fresh Python
                         process (its import included), writing the dollar amounts it finds as JSON
                     on the seed article (Data/reference/seed-article.txt, 5 kB), and on articles of
                     ~100 kB, 1 MB and 10 MB made by repeating its paragraphs with a Russian and a
                     Persian one; plus the fixed costs: `caravan calendar 2024` (process start),
                     `caravan check` of a one-sentence article, quantulum3 parsing that sentence
  quality:           the English quotes of Data/reference/official-figures.csv that label exports,
                     imports or turnover in dollars: the share of labelled values each tool finds as an
                     amount of dollars (value equal), and the dollar amounts each finds that no label
                     of the quote has. Caravan's are the `value_usd` of the figures `caravan check -
                     --format json` finds in each quote; quantulum3's the quantities whose unit is a
                     dollar. Amounts only: quantulum3 knows nothing of flows, periods or pairs.

quantulum3 is installed with pip with its classifier extra (scikit-learn); when the classifier it ships
cannot be loaded by the installed scikit-learn, the script installs the scikit-learn the model was
saved with, and failing that runs quantulum3 on its rules alone (and says so). quantulum3 is given a
paragraph at a time: it disambiguates each unit it meets against the whole text it was given (a
TF-IDF transform of all of it), so a whole article costs time quadratic in its length.

Medians of fresh processes; peak memory is each process's own (GNU time's maximum resident size).
Usage: Benchmarks/check.py [--repeat 5] [--big-repeat 1] [--sizes 100k,1m,10m] [--perf] [--binary PATH]
"""
import argparse
import csv
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from peers import cpu_seconds, measure, pip_install

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORK = ROOT / "Benchmarks" / "work" / "check"
SEED = ROOT / "Data" / "reference" / "seed-article.txt"
LABELS = ROOT / "Data" / "reference" / "official-figures.csv"
PUBLISHED = "2025-12-11"  # the seed article's date, against which every generated article's "last year" is read
SIZES = {"100k": 100_000, "1m": 1_000_000, "10m": 10_000_000}

RUSSIAN = ("Товарооборот Ирана и Казахстана в 2024 году составил 340 млн долларов, что на 12,3% больше, чем в 2023 году. "
           "За 9 месяцев 2025 года экспорт Казахстана в Иран составил 180,5 млн долларов, а импорт из Ирана – 68,6 млн "
           "долларов. Стороны намерены довести товарооборот до 3 млрд долларов, в том числе за счёт транзита зерна "
           "через порты Каспийского моря.")
PERSIAN = ("حجم تجارت ایران و قزاقستان در سال ۱۴۰۳ به ۳۴۰ میلیون دلار رسید. "
           "صادرات غیرنفتی ایران به قزاقستان در هفت ماهه نخست ۱۴۰۴ به ۱۵۹ میلیون دلار رسید که نسبت به مدت مشابه سال قبل "
           "۲۰ درصد افزایش داشته است. "
           "دو کشور هدف رساندن تجارت به ۳ میلیارد دلار را دنبال می‌کنند.")
TINY = "In 2024, trade between Iran and Kazakhstan reached $340 million.\n"

CYRILLIC_OR_ARABIC = re.compile("[\u0400-\u04ff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def ms(seconds):
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def mb(size):
    return f"{size / 1e6:,.0f} MB"


# ---------------------------------------------------------------------------------------------
# The peer: quantulum3, installed and run in a fresh Python process

def model_sklearn_version():
    """The scikit-learn version quantulum3's shipped classifier was saved with, read from the file."""
    import importlib.util
    spec = importlib.util.find_spec("quantulum3")
    model = pathlib.Path(spec.origin).parent / "_lang" / "en_US" / "clf.joblib"
    found = re.search(rb"scikit-learn_version.{1,8}?(\d+\.\d+(?:\.\d+)?)", model.read_bytes()) if model.is_file() else None
    return found.group(1).decode() if found else None


def classifier_loads():
    probe = "import warnings; warnings.simplefilter('ignore'); from quantulum3 import classifier as c; assert c.USE_CLF; c.classifier('en_US')"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True).returncode == 0


def ensure_quantulum():
    """quantulum3 with its classifier when the classifier loads; returns 'classifier' or 'rules only'."""
    try:
        import quantulum3  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError:
        pip_install("quantulum3[classifier]")
    if classifier_loads():
        return "classifier"
    wanted = model_sklearn_version()
    if wanted:
        print(f"quantulum3's classifier does not load with this scikit-learn; installing scikit-learn=={wanted}, "
              f"which it was saved with", file=sys.stderr)
        try:
            pip_install(f"scikit-learn=={wanted}")
        except subprocess.CalledProcessError:
            pass
        if classifier_loads():
            return "classifier"
    print("quantulum3's classifier cannot be loaded: it runs on its rules alone", file=sys.stderr)
    return "rules only"


def quantulum_main(mode, path):
    """The peer's process. `article PATH`: parse the file a paragraph (line) at a time and write the
    dollar amounts found, with the count of all quantities. `quotes PATH`: PATH holds a JSON list of
    quotes; write, for each, the values of the dollar amounts found in it."""
    import warnings
    warnings.simplefilter("ignore")
    from quantulum3 import classifier, parser
    try:
        classifier.classifier("en_US")
    except Exception:
        classifier.USE_CLF = False  # the rules alone, as without scikit-learn

    def dollars(quantities):
        return [q for q in quantities if q.unit.entity.name == "currency" and "dollar" in q.unit.name]

    text = pathlib.Path(path).read_text(encoding="utf-8")
    if mode == "quotes":
        print(json.dumps([[q.value for q in dollars(parser.parse(quote))] for quote in json.loads(text)]))
        return
    quantities = [q for line in text.split("\n") if line.strip() for q in parser.parse(line)]
    found = [{"value": q.value, "surface": q.surface} for q in dollars(quantities)]
    print(json.dumps({"quantities": len(quantities), "dollars": found, "classifier": classifier.USE_CLF}))


def quantulum(mode, path):
    return [sys.executable, pathlib.Path(__file__).resolve(), "quantulum3", mode, path]


# ---------------------------------------------------------------------------------------------
# Inputs

def paragraphs():
    """The seed article's paragraphs (its dateline and headline too), then the Russian and the Persian one."""
    seed = [p.strip() for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return seed + [RUSSIAN, PERSIAN]


def write_article(path, size):
    """Paragraphs repeated in their order to `size` bytes at most, ending at a paragraph's end."""
    parts, total, copies = [], 0, 0
    while True:
        for p in paragraphs():
            block = (p + "\n\n").encode("utf-8")
            if total + len(block) > size:
                path.write_bytes(b"".join(parts))
                return total, copies
            parts.append(block)
            total += len(block)
        copies += 1


# ---------------------------------------------------------------------------------------------
# Caravan

def caravan_findings(out):
    """The `found` entries of `caravan check --format json`, wherever the rendering puts them."""
    data = json.loads(out)

    def search(node):
        if isinstance(node, dict):
            if isinstance(node.get("found"), list):
                return node["found"]
            for value in node.values():
                found = search(value)
                if found is not None:
                    return found
        elif isinstance(node, list):
            for value in node:
                found = search(value)
                if found is not None:
                    return found
        return None

    found = search(data)
    if found is None:
        sys.exit(f"no `found` in caravan check's JSON: {out[:300]}")
    return found


def median_runs(command, repeat):
    """(median seconds, median peak bytes, last stdout, median CPU seconds) of `repeat` fresh processes."""
    runs = [measure(command) for _ in range(repeat)]
    return (statistics.median(r.seconds for r in runs), statistics.median(r.peak for r in runs), runs[-1].stdout,
            statistics.median(r.cpu for r in runs))


# ---------------------------------------------------------------------------------------------
# Quality on the development set

def labelled_quotes():
    """{quote: (published, [labelled USD values])} for the English quotes of exports, imports and turnover."""
    quotes = {}
    with LABELS.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["flow"] not in ("export", "import", "turnover") or not row["unit"].startswith("USD"):
                continue
            if CYRILLIC_OR_ARABIC.search(row["quote"]):
                continue
            published, values = quotes.get(row["quote"], (row["published"], []))
            quotes[row["quote"]] = (published or row["published"], values + [float(row["value"])])
    return quotes


def same(a, b):
    return abs(a - b) <= max(0.5, 1e-9 * abs(b))


def score(quotes, found):
    """(labels found, labels, amounts found, amounts found that no label of the quote has, examples of those)."""
    hit = labels = amounts = unlabelled = 0
    examples = []
    for (quote, (_, values)), values_found in zip(quotes.items(), found):
        labels += len(values)
        hit += sum(1 for v in values if any(same(f, v) for f in values_found))
        amounts += len(values_found)
        extra = [f for f in values_found if not any(same(f, v) for v in values)]
        unlabelled += len(extra)
        examples += [(f, quote) for f in extra]
    return hit, labels, amounts, unlabelled, examples


def quality(caravan, db):
    quotes = labelled_quotes()
    ours = []
    for quote, (published, _) in quotes.items():
        command = [caravan, "check", "-", "--db", db, "--format", "json"] + (["--published", published] if published else [])
        found = caravan_findings(measure(command, stdin=quote.encode("utf-8")).stdout)
        ours.append([f["value_usd"] for f in found if f.get("kind") == "figure" and f.get("value_usd") is not None])
    listing = WORK / "quotes.json"
    listing.write_text(json.dumps(list(quotes)), encoding="utf-8")
    theirs = json.loads(measure(quantulum("quotes", listing)).stdout)
    return len(quotes), score(quotes, ours), score(quotes, theirs), ours, theirs, quotes


# ---------------------------------------------------------------------------------------------

def perf_profile(caravan, db, article):
    """`perf record -g` of one caravan check: the functions taking most of its samples, with what they call
    (inclusive, over 3%; the threads' and the task executor's own frames left out) and on their own."""
    data = WORK / "perf.data"
    recorded = subprocess.run(["perf", "record", "-F", "999", "-g", "-o", data, "--", caravan, "check", article, "--db", db,
                               "--published", PUBLISHED, "--format", "json"], capture_output=True, text=True)
    if recorded.returncode != 0:
        return [f"perf record failed: {recorded.stderr.strip()[-300:]}"]
    demangler = shutil.which("swift")

    def report(*options):
        text = subprocess.run(["perf", "report", "-i", data, "--stdio", "-g", "none", *options], capture_output=True, text=True).stdout
        if demangler:
            text = subprocess.run([demangler, "demangle", "--simplified"], input=text, capture_output=True, text=True).stdout or text
        return [l.rstrip()[:170] for l in text.splitlines() if re.match(r"\s+\d+\.\d+%", l)]

    scaffolding = re.compile(r"swift_job_run|_dispatch_|start_thread|runJobInEstablishedExecutorContext|clone3?$|_start$|__libc_start")
    inclusive = [l for l in report("--children", "--sort", "symbol", "--percent-limit", "3") if not scaffolding.search(l)]
    own = report("--no-children", "--sort", "dso,symbol", "--percent-limit", "2")
    return ["with what they call (children, self):", *inclusive[:30], "on their own:", *own[:12]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="Caravan to measure (default: build this checkout in release)")
    parser.add_argument("--repeat", type=int, default=5, help="fresh processes per median, up to 1 MB")
    parser.add_argument("--big-repeat", type=int, default=1, help="fresh processes per median at 10 MB (1-3)")
    parser.add_argument("--sizes", default="100k,1m,10m", help=f"generated articles, of {', '.join(SIZES)}")
    parser.add_argument("--perf", action="store_true", help="perf record caravan check on the largest article")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()

    mode = ensure_quantulum()
    if args.binary:
        caravan = pathlib.Path(args.binary).resolve()
    else:
        print("building caravan in release (nice)...", file=sys.stderr)
        subprocess.run(["nice", "swift", "build", "-c", "release", "--product", "caravan"], cwd=ROOT, check=True, capture_output=True)
        caravan = ROOT / ".build" / "release" / "caravan"
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="caravan-check-"))
    db = tmp / "demo.sqlite"
    measure([caravan, "demo", "--db", db, "--report", tmp / "demo.html"])

    inputs = [("seed article (en)", SEED, SEED.stat().st_size, args.repeat)]
    for key in args.sizes.split(","):
        path = WORK / f"article-{key}.txt"
        size, copies = write_article(path, SIZES[key])
        inputs.append((f"{size / 1e6:,.2f} MB ({copies:,} copies)" if size >= 500_000 else f"{size / 1e3:,.1f} kB ({copies:,} copies)",
                       path, size, args.big_repeat if SIZES[key] >= 10_000_000 else args.repeat))
    tiny = WORK / "tiny.txt"
    tiny.write_text(TINY, encoding="utf-8")

    machine0, own0 = cpu_seconds()
    wall0 = time.perf_counter()
    start = median_runs([caravan, "calendar", "2024"], args.repeat)
    fixed = median_runs([caravan, "check", tiny, "--db", db, "--published", PUBLISHED, "--format", "json"], args.repeat)
    peer_fixed = median_runs(quantulum("article", tiny), args.repeat)
    print(f"process start (caravan calendar 2024): {ms(start[0])} ({ms(start[3])} CPU), {mb(start[1])}", flush=True)
    print(f"one sentence: caravan check {ms(fixed[0])} ({ms(fixed[3])} CPU, {mb(fixed[1])}, {len(caravan_findings(fixed[2]))} found); "
          f"quantulum3 {ms(peer_fixed[0])} ({ms(peer_fixed[3])} CPU, {mb(peer_fixed[1])}, "
          f"{len(json.loads(peer_fixed[2])['dollars'])} dollar amounts)", flush=True)

    rows = []
    for label, path, size, repeat in inputs:
        ours = median_runs([caravan, "check", path, "--db", db, "--published", PUBLISHED, "--format", "json"], repeat)
        found = caravan_findings(ours[2])
        kinds = {}
        for f in found:
            kinds[f.get("kind")] = kinds.get(f.get("kind"), 0) + 1
        other_script = sum(1 for f in found if CYRILLIC_OR_ARABIC.search(f.get("quote") or ""))
        theirs = median_runs(quantulum("article", path), repeat)
        peer = json.loads(theirs[2])
        rows.append((label, size, repeat, ours, theirs, kinds, other_script, peer))
        print(f"{label}: caravan {ms(ours[0])} ({ms(ours[3])} CPU) {mb(ours[1])} ({', '.join(f'{n:,} {k}' for k, n in sorted(kinds.items()))}; "
              f"{other_script} quoting Russian or Persian) | quantulum3 {ms(theirs[0])} ({ms(theirs[3])} CPU) {mb(theirs[1])} "
              f"({len(peer['dollars']):,} dollar amounts of {peer['quantities']:,} quantities) | "
              f"ratio {ours[0] / theirs[0]:.3f}x time, {ours[1] / theirs[1]:.2f}x memory  [median of {repeat}]", flush=True)
    machine1, own1 = cpu_seconds()
    others = max(0.0, (machine1 - machine0) - (own1 - own0)) / (time.perf_counter() - wall0)

    version = subprocess.run([sys.executable, "-m", "pip", "show", "quantulum3", "scikit-learn"], capture_output=True, text=True).stdout
    versions = dict(re.findall(r"Name: (\S+)\nVersion: (\S+)", version))
    print(f"\n`caravan check` against quantulum3 {versions.get('quantulum3', '?')} ({mode}"
          f"{', scikit-learn ' + versions['scikit-learn'] if 'scikit-learn' in versions and mode == 'classifier' else ''}), "
          f"Python {sys.version.split()[0]}; {os.cpu_count()} cores\n")
    print("| input | Caravan | quantulum3 | ratio | CPU, Caravan | CPU, quantulum3 | ratio | peak, Caravan | peak, quantulum3 | ratio "
          "| Caravan found | quantulum3 dollar amounts |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| process start (`caravan calendar 2024`) | {ms(start[0])} | | | {ms(start[3])} | | | {mb(start[1])} | | | | |")

    def line(label, ours, theirs, found, dollars):
        print(f"| {label} | {ms(ours[0])} | {ms(theirs[0])} | {ours[0] / theirs[0]:.3f}× | {ms(ours[3])} | {ms(theirs[3])} | "
              f"{ours[3] / max(theirs[3], 1e-3):.3f}× | {mb(ours[1])} | {mb(theirs[1])} | {ours[1] / theirs[1]:.2f}× | {found} | {dollars} |")

    line("one sentence (fixed cost)", fixed, peer_fixed, len(caravan_findings(fixed[2])), len(json.loads(peer_fixed[2])["dollars"]))
    for label, size, repeat, ours, theirs, kinds, other_script, peer in rows:
        found = ", ".join(f"{n:,} {k}" for k, n in sorted(kinds.items()))
        line(f"{label}{'' if repeat == args.repeat else f' (median of {repeat})'}", ours, theirs, found, f"{len(peer['dollars']):,}")
    print()
    for label, size, repeat, ours, theirs, kinds, other_script, peer in rows:
        if size >= 100_000:
            print(f"  {label}: beyond the fixed cost, caravan {size / 1e6 / max(1e-9, ours[0] - fixed[0]):.2f} MB/s "
                  f"({size / 1e6 / max(1e-9, ours[3] - fixed[3]):.2f} MB per CPU second), quantulum3 "
                  f"{size / 1e6 / max(1e-9, theirs[0] - peer_fixed[0]):.3f} MB/s ({size / 1e6 / max(1e-9, theirs[3] - peer_fixed[3]):.3f})")
    print(f"\nratio = Caravan / quantulum3: below 1 is faster or smaller. Medians of {args.repeat} fresh processes "
          f"({args.big_repeat} at 10 MB). Caravan's time is process start, reading and judging every finding against the "
          f"demo's ledger; quantulum3's is Python's start, its import and parsing a paragraph at a time.")
    print(f"other processes used {others * 100:.0f}% of a core during the timed runs"
          f"{'' if others < 0.1 else ' -- the machine was not quiet: the figures are slower than they should be'}.")

    if not args.skip_quality:
        count, ours, theirs, our_found, their_found, quotes = quality(caravan, db)
        print(f"\nQuality on the development set: {count} English quotes of official-figures.csv labelling {ours[1]} "
              f"export, import or turnover values in USD (amounts only: quantulum3 knows nothing of flows, periods or pairs)\n")
        print("| | labelled values found | share | dollar amounts found | not labelled |")
        print("|---|---:|---:|---:|---:|")
        for name, s in (("Caravan (figures of `caravan check`)", ours), ("quantulum3 (quantities in dollars)", theirs)):
            print(f"| {name} | {s[0]} of {s[1]} | {s[0] / s[1]:.0%} | {s[2]} | {s[3]} |")
        for name, s in (("Caravan", ours), ("quantulum3", theirs)):
            for value, quote in s[4][:8]:
                print(f"  {name}, not labelled: {value:,.0f} in \"{quote[:150]}{'…' if len(quote) > 150 else ''}\"")
        only = {"quantulum3": [], "Caravan": []}
        for (quote, (_, values)), a, b in zip(quotes.items(), our_found, their_found):
            for v in values:
                ours_has, theirs_has = any(same(f, v) for f in a), any(same(f, v) for f in b)
                if ours_has != theirs_has:
                    only["Caravan" if ours_has else "quantulum3"].append((v, quote))
        for name, listed in only.items():
            print(f"  labelled values only {name} finds: {len(listed)}")
            for value, quote in listed[:10]:
                print(f"    {value:,.0f} in \"{quote[:150]}{'…' if len(quote) > 150 else ''}\"")

    if args.perf:
        largest = inputs[-1]
        print(f"\nperf record -g, caravan check on {largest[0]}, the share of its samples:")
        for line in perf_profile(caravan, db, largest[1]):
            print(f"  {line}")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "quantulum3":
        quantulum_main(*sys.argv[2:])
    else:
        main()
