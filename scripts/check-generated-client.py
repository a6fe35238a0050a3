#!/usr/bin/env python3
"""Checks that the API's description makes a working client: openapi-python-client generates a
package from /api/v1/openapi.json as a live server serves it, and every operation is called
through that package against a demo store, writes included.

Fails when the generator drops an operation or warns about anything, when an answer's status is
not one the description documents for the operation (or not the one expected on the demo), or
when a documented answer does not parse into the generated model.

    python3 scripts/check-generated-client.py [--binary .build/debug/caravan]
"""
import argparse
import importlib
import importlib.metadata
import io
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "Reliability"))
from common import stop  # noqa: E402 — the one way a server is stopped, shared with the reliability scripts
# Pinned: the generator's output (and what it refuses) changes from version to version.
GENERATOR = "openapi-python-client"
VERSION = "0.29.1"
PACKAGE = "caravan_api_client"
DOSSIER = ROOT / "Data" / "dossiers" / "iran-kazakhstan.yaml"
ARTICLE = ROOT / "Data" / "reference" / "seed-article.txt"
FIGURES = (b"reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote\n"
           b"KAZ,IRN,export,TOTAL,2018,5,,,Client test,,,\n")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def install_generator():
    """The pinned generator, installed with pip as scripts/setup installs its tools; silent when all is well."""
    try:
        installed = importlib.metadata.version(GENERATOR)
    except importlib.metadata.PackageNotFoundError:
        installed = None
    if installed != VERSION:
        result = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                                 "--root-user-action=ignore", f"{GENERATOR}=={VERSION}"],
                                capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"pip could not install {GENERATOR}=={VERSION}:\n{result.stdout}{result.stderr}")


def run(*command, **kwargs):
    result = subprocess.run([str(part) for part in command], capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, command))} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def serve(binary, store, work):
    """`caravan serve` on a free port: the process, its base URL and its log."""
    out, log = work / "serve.out", work / "serve.log"
    process = subprocess.Popen([str(binary), "serve", "--db", str(store), "--port", "0"],
                               stdout=open(out, "wb"), stderr=open(log, "wb"), cwd=work)
    deadline = time.monotonic() + 60
    base = None
    while base is None:
        match = re.search(r" on (http://[^/\s]+)/", out.read_text(errors="replace"))
        if match:
            base = match.group(1)
        elif process.poll() is not None or time.monotonic() > deadline:
            return process, None, log
        else:
            time.sleep(0.05)
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2):
                return process, base, log
        except OSError:
            time.sleep(0.1)
    return process, None, log


def generate(description, work):
    """Generates the package from the saved description; returns the package and the generator's warnings."""
    output = work / PACKAGE
    bin_dir = pathlib.Path(sys.executable).parent  # the generator's post-hooks run `ruff`, installed beside it
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run([sys.executable, "-m", "openapi_python_client", "generate", "--path", str(description),
                             "--output-path", str(output), "--meta", "none"],
                            capture_output=True, text=True, cwd=work, env=env)
    said = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or not (output / "__init__.py").exists():
        sys.exit(f"{GENERATOR} {VERSION} could not generate a client ({result.returncode}):\n{said}")
    warnings = [line for line in said.splitlines()
                if line.strip() and not line.startswith("Generating ") and "please open an issue" not in line]
    return output, warnings


def generated_modules(package):
    """(method, path) → module name of every operation the generator wrote, read from each module's request."""
    modules = {}
    for path in sorted((package / "api").glob("*/*.py")):
        if path.name == "__init__.py":
            continue
        source = path.read_text()
        method = re.search(r'"method": "(\w+)"', source)
        url = re.search(r'"url": "([^"]+)"', source)
        if method and url and "def sync_detailed(" in source:
            key = (method.group(1), re.sub(r"\{[^}]*\}", "{}", url.group(1)))
            modules[key] = f"{PACKAGE}.api.{path.parent.name}.{path.stem}"
    return modules


def operations(description):
    """operationId → (method, path, responses) of every operation described."""
    found = {}
    for path, item in description["paths"].items():
        for method in METHODS:
            if method in item:
                operation = item[method]
                found[operation["operationId"]] = (method, path, operation.get("responses", {}))
    return found


def documented(responses, status):
    return str(status) in responses or f"{str(status)[0]}XX" in responses or "default" in responses


def calls(pkg):
    """Each call: (operationId, expected statuses, whether it needs the token, the keyword arguments)."""
    models, types = pkg.models, pkg.types

    def file(content, name, mime):
        return types.File(payload=io.BytesIO(content), file_name=name, mime_type=mime)

    pair = dict(reporter="IRN", partner="KAZ")
    places = dict(from_="astana", to="bandar_abbas")
    return [
        ("health", {200}, False, {}),
        ("openapi", {200}, False, {}),
        ("tradeSeries", {200}, False, dict(**pair, flow=models.TradeSeriesFlow.TURNOVER, commodity="TOTAL",
                                           by=models.TradeSeriesBy.YEAR)),
        ("tradeCompare", {200}, False, dict(**pair, period="2024", versus="2022")),
        ("tradeMirror", {200}, False, dict(a="IRN", b="KAZ", period="2018")),
        ("tradeGap", {200}, False, dict(a="KAZ", b="IRN", period="2022")),
        ("tradeProducts", {200}, False, dict(reporter="KAZ", partner="IRN", period="2024")),
        # The demo stores no tariff schedule: 404 no_schedule is the documented answer.
        ("tariffCoverage", {200, 404}, False, dict(reporter="KAZ", partner="IRN")),
        ("route", {200}, False, dict(**places, by=models.RouteBy.TIME, alternatives=2)),
        ("route", {200}, False, dict(**places, by=models.RouteBy.COST, avoid_country=["TKM"])),
        ("capacity", {200}, False, dict(**places, partnership="iran-kazakhstan")),
        ("corridorFlows", {200}, False, {}),
        ("corridorFlows", {200}, False, dict(element="kti")),
        ("scorecard", {200}, False, dict(partnership="iran-kazakhstan", as_of="2026-06-30")),
        ("targets", {200}, False, dict(partnership="iran-kazakhstan")),
        ("claims", {200}, False, dict(partnership="iran-kazakhstan")),
        ("projects", {200}, False, dict(partnership="iran-kazakhstan")),
        ("agreements", {200}, False, dict(partnership="iran-kazakhstan")),
        ("scenario", {200}, False, dict(partnership="iran-kazakhstan", delay=["aktau-kuryk-expansion=2y"], add=["uzen-bolashak:capacity_mt=5"])),
        ("scenario", {400}, False, dict(partnership="iran-kazakhstan", cancel=["no-such-project"])),
        ("importFile", {201}, True, lambda: dict(body=file(FIGURES, "client-test.csv", "text/csv"),
                                                 name="client-test.csv", format_=models.ImportFileFormat.FIGURES)),
        ("importFile", {200}, True, lambda: dict(body=file(FIGURES, "client-test.csv", "text/csv"),
                                                 name="client-test.csv", format_=models.ImportFileFormat.FIGURES)),
        # The demo already holds this dossier: 200 already_imported, or 201 if the bundled one has changed since.
        ("putDossier", {200, 201}, True, lambda: dict(
            partnership="iran-kazakhstan", body=file(DOSSIER.read_bytes(), DOSSIER.name, "application/yaml"))),
        ("imports", {200}, False, {}),
        # An article checked needs no token; its figures stored do, and the second time add nothing.
        ("checkArticle", {200}, False, lambda: dict(
            body=file(ARTICLE.read_bytes(), ARTICLE.name, "text/plain"), published="2025-12-11", source="Tehran Times")),
        ("storeArticleFigures", {201, 200}, True, lambda: dict(
            body=file(ARTICLE.read_bytes(), ARTICLE.name, "text/plain"), published="2025-12-11", source="Tehran Times")),
        ("changes", {200}, False, dict(partnership="iran-kazakhstan", since="2020-01-01")),
        # A public address (documentation's example.org): the watch is added and removed before anything is owed to it.
        # The generator names the `url` parameter url_query: `url` is a name of its own.
        ("addWatch", {201}, True, dict(url_query="https://example.org/hook", partnership="iran-kazakhstan")),
        # A loopback address is refused when the watch is added, in words.
        ("addWatch", {400}, True, dict(url_query="http://127.1:9/hook", partnership="iran-kazakhstan")),
        ("watches", {200}, True, {}),
        ("removeWatch", {200}, True, dict(id=1)),
    ]


def exercise(package_dir, description, base, token):
    """Calls every operation through the generated package; returns the problems found."""
    sys.path.insert(0, str(package_dir.parent))
    pkg = importlib.import_module(PACKAGE)
    for name in ("client", "models", "types"):
        importlib.import_module(f"{PACKAGE}.{name}")
    described = operations(description)
    modules = generated_modules(package_dir)
    problems = []
    missing = sorted(op for op, (method, path, _) in described.items()
                     if (method, re.sub(r"\{[^}]*\}", "{}", path)) not in modules)
    for op in missing:
        problems.append(f"the generator wrote no function for {op} ({described[op][0].upper()} {described[op][1]})")

    reader = pkg.client.Client(base_url=base, timeout=60)
    writer = pkg.client.AuthenticatedClient(base_url=base, token=token, timeout=60)
    called = set()
    for op, expected, write, arguments in calls(pkg):
        if op not in described:
            problems.append(f"the description has no operation {op}")
            print(f"{op:<16} not described")
            continue
        called.add(op)
        method, path, responses = described[op]
        if op in missing:
            print(f"{op:<16} not generated")
            continue
        module = importlib.import_module(modules[(method, re.sub(r"\{[^}]*\}", "{}", path))])
        try:
            answer = module.sync_detailed(client=writer if write else reader,
                                          **(arguments() if callable(arguments) else arguments))
        except Exception as error:  # a model that cannot read the answer raises from its from_dict
            problems.append(f"{op}: the generated client failed: {type(error).__name__}: {error}")
            print(f"{op:<16} raised {type(error).__name__}")
            continue
        status = int(answer.status_code)
        problem = None
        if not documented(responses, status):
            problem = f"{op} answered {status}, which the description does not document ({', '.join(responses)})"
        elif status not in expected:
            problem = f"{op} answered {status}, expected {' or '.join(map(str, sorted(expected)))}"
        elif answer.parsed is None:
            problem = f"{op}'s {status} answer did not parse into the generated model"
        elif 200 <= status < 300 and type(answer.parsed).__name__ == "Error":
            problem = f"{op}'s {status} answer parsed as an Error"
        print(f"{op:<16} {status}{'  FAIL' if problem else ''}")
        if problem:
            problems.append(f"{problem}: {answer.content[:300]!r}")
    for op in sorted(set(described) - called):
        problems.append(f"{op} is described but this script does not call it: add it to calls()")
    return len(described), len(described) - len(missing), problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "caravan"),
                        help="the caravan binary (default: .build/debug/caravan, as scripts/test builds it)")
    binary = pathlib.Path(parser.parse_args().binary).resolve()
    if not binary.is_file():
        sys.exit(f"{binary} does not exist: build it first (swift build) or name it with --binary")
    install_generator()

    with tempfile.TemporaryDirectory(prefix="caravan-client-") as temporary:
        work = pathlib.Path(temporary)
        store = work / "demo.sqlite"
        run(binary, "demo", "--db", store, "--report", work / "demo.html", cwd=work)
        token = run(binary, "token", "create", "--name", "generated-client", "--db", store, cwd=work).strip()
        process, base, log = serve(binary, store, work)
        try:
            if base is None:
                sys.exit(f"caravan serve did not say where it listens, or did not answer /healthz:\n"
                         f"{(work / 'serve.out').read_text(errors='replace')}{log.read_text(errors='replace')[-2000:]}")
            with urllib.request.urlopen(base + "/api/v1/openapi.json", timeout=30) as response:
                raw = response.read()
            description = json.loads(raw)
            saved = work / "openapi.json"
            saved.write_bytes(raw)
            package_dir, warnings = generate(saved, work)
            problems = []
            if warnings:
                problems.append(f"{GENERATOR} {VERSION} warned about the description:\n    "
                                + "\n    ".join(warnings))
            described, generated, found = exercise(package_dir, description, base, token)
            problems += found
        finally:
            stop(process)
    print(f"generated client: {generated} of {described} operations generated and called, "
          f"{len(problems)} problem{'' if len(problems) == 1 else 's'}")
    if problems:
        sys.exit("The generated client does not cover the API:\n- " + "\n- ".join(problems))


if __name__ == "__main__":
    main()
