#!/usr/bin/env python3
"""Crash safety: imports killed with SIGKILL at random moments leave the store whole.

For each backend (SQLite; PostgreSQL when CARAVAN_TEST_POSTGRES is set, as under
scripts/with-postgres) and each of --runs rounds: a copy of a store holding the bundled data
gets a large BACI file imported, and the importer is killed at a random moment. Then the store
must pass its integrity check (SQLite's integrity_check and foreign_key_check; amcheck on
PostgreSQL), hold none or all of the file (no batch and no rows, or one batch with every row),
still hold what it held before, and the re-import must complete. The same for `caravan serve`
killed while a file is uploaded to it.

Usage: scripts/with-postgres python3 Reliability/crash.py [--runs 50] [--rows 1000000] [--seed 1]
"""
import argparse
import http.client
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

from common import CARAVAN, WORK, backends, baci_file, caravan, demo_store, file_state, serve, stop, store_named

FILE = "BACI_HS92_Y2021_V202501.csv"


def check(store, before, expected, round_label):
    """The store after a kill: whole, none or all of the file, the rest untouched."""
    integrity = store.integrity()
    batches, held, claimed = file_state(store, FILE)
    others = store.query("SELECT count(*) FROM observation")[0][0] - held
    problems = []
    if integrity != "ok":
        problems.append(f"integrity: {integrity}")
    if (batches, held) not in ((0, 0), (1, expected)) or held != claimed:
        problems.append(f"partial file: {batches} batches, {held} rows held, {claimed} claimed, {expected} expected")
    if others != before:
        problems.append(f"other data changed: {others} rows, {before} before")
    if problems:
        sys.exit(f"{round_label}: " + "; ".join(problems))
    return "all" if batches else "none"


def import_rounds(backend, base, big, expected, runs, rng, full_seconds):
    outcomes = {"none": 0, "all": 0}
    before = base.query("SELECT count(*) FROM observation")[0][0]
    run = store_named(backend, "crash_run")
    for index in range(runs):
        run.copy_from(base)
        delay = rng.uniform(0, full_seconds * 1.2)
        process = subprocess.Popen([str(CARAVAN), "import", *run.option(), FILE], cwd=WORK,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        state = check(run, before, expected, f"{backend} import round {index + 1} (killed after {delay:.2f} s)")
        outcomes[state] += 1
        again = caravan("import", *run.option(), FILE, cwd=WORK)
        if check(run, before, expected, f"{backend} re-import round {index + 1}") != "all":
            sys.exit(f"{backend} round {index + 1}: the re-import did not store the file:\n{again.stdout}")
    run.drop()
    return outcomes


def upload(base_url, token, path, result):
    """POSTs the file; records the status, or the connection error when the server dies."""
    parts = urllib.parse.urlsplit(base_url)
    try:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
        with open(path, "rb") as body:
            connection.request("POST", f"/api/v1/imports?name={FILE}", body=body,
                               headers={"Authorization": f"Bearer {token}", "Content-Type": "text/csv"})
            response = connection.getresponse()
            response.read()
            result.append(response.status)
    except OSError as error:
        result.append(type(error).__name__)


def server_rounds(backend, base, big, expected, runs, rng, full_seconds):
    outcomes = {"none": 0, "all": 0}
    before = base.query("SELECT count(*) FROM observation")[0][0]
    run = store_named(backend, "crash_serve")
    log = WORK / f"crash-serve-{backend}.log"
    for index in range(runs):
        run.copy_from(base)
        token = caravan("token", "create", "--name", "crash", *run.option()).stdout.strip()
        process, url = serve(run, log, "--max-upload-mb", "1024")
        result = []
        sender = threading.Thread(target=upload, args=(url, token, big, result))
        delay = rng.uniform(0, full_seconds * 1.2)
        sender.start()
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        sender.join()
        state = check(run, before, expected, f"{backend} serve round {index + 1} (killed after {delay:.2f} s, client saw {result})")
        outcomes[state] += 1
        process, url = serve(run, log, "--max-upload-mb", "1024")
        result = []
        upload(url, token, big, result)
        stop(process)
        if result[0] not in (200, 201) or check(run, before, expected, f"{backend} serve re-upload {index + 1}") != "all":
            sys.exit(f"{backend} serve round {index + 1}: the re-upload answered {result}")
    run.drop()
    return outcomes


def timed_import(store, big):
    start = time.perf_counter()
    caravan("import", *store.option(), FILE, cwd=WORK)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=50, help="killed imports per backend, and killed uploads")
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the BACI file imported")
    parser.add_argument("--seed", type=int, default=1, help="seed of the kill times")
    options = parser.parse_args()
    chosen = backends()
    rng = random.Random(options.seed)
    big = baci_file(options.rows, WORK / f"crash-{options.rows}.csv")
    named = WORK / FILE
    named.unlink(missing_ok=True)
    named.symlink_to(big.name)
    print(f"{'backend':9} {'what':8} {'rounds':>6} {'none':>5} {'all':>5}  full import  rows")
    for backend in chosen:
        base = demo_store(backend, "crash_base")
        probe = store_named(backend, "crash_probe")
        probe.copy_from(base)
        full = timed_import(probe, named)
        expected = file_state(probe, FILE)[1]
        probe.drop()
        for what, rounds in (("import", import_rounds), ("serve", server_rounds)):
            outcomes = rounds(backend, base, named, expected, options.runs, rng, full + (1.0 if what == "serve" else 0))
            print(f"{backend:9} {what:8} {options.runs:6} {outcomes['none']:5} {outcomes['all']:5}  {full:9.2f} s  {expected:,}")
        base.drop()
    print("every round: integrity check passed, none or all of the file, the rest untouched, re-import complete")


if __name__ == "__main__":
    main()
