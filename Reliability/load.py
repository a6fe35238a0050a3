#!/usr/bin/env python3
"""Load: 100 clients for 60 seconds against `caravan serve`, reading and writing at once.

Each client keeps one connection and loops: mostly reads (scorecard, series, products, route,
capacity, flows, claims, the import list, the dashboard), and one request in ten a write — a
figures file of its own (201 expected), the one file every client sends (201 once, then 200
already imported), or a new version of the dossier. Afterwards the database is read directly:
every acknowledged upload is stored exactly once with all its rows, no unacknowledged one is,
the shared file once, and one dossier version per acknowledged update. No answer may be a 5xx
or a dropped connection. Runs on SQLite, and on PostgreSQL when CARAVAN_TEST_POSTGRES is set.

Usage: scripts/with-postgres python3 Reliability/load.py [--clients 100] [--seconds 60]
"""
import argparse
import collections
import http.client
import random
import threading
import time
import urllib.parse

from common import ROOT, WORK, backends, caravan, demo_store, percentile, serve, stop

READS = [
    "/api/v1/scorecard", "/api/v1/trade/series?reporter=IRN&partner=KAZ", "/api/v1/claims",
    "/api/v1/trade/products?reporter=IRN&partner=KAZ&period=2024&level=6",
    "/api/v1/route?from=astana&to=bandar_abbas&alternatives=2", "/api/v1/capacity?from=astana&to=bandar_abbas&year=2030",
    "/api/v1/corridor/flows", "/api/v1/imports", "/", "/corridor", "/trade?reporter=IRN&partner=KAZ",
]
HEADER = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote\n"
SHARED = HEADER + "KAZ,IRN,export,TOTAL,2019,1000,,,Load test shared,,,\n"
DOSSIER = (ROOT / "Data" / "dossiers" / "iran-kazakhstan.yaml").read_text()


class Client(threading.Thread):
    def __init__(self, number, base, token, deadline, seed):
        super().__init__(daemon=True)
        self.number, self.token, self.deadline = number, token, deadline
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.rng = random.Random(seed * 1000 + number)
        self.latency = collections.defaultdict(list)
        self.statuses = collections.Counter()
        self.failures = []
        self.stored = []        # files acknowledged 201
        self.shared = collections.Counter()
        self.dossiers = 0
        self.sent = 0

    def request(self, method, path, body=None, headers=None):
        start = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers or {})
            response = self.connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            status = type(error).__name__
        elapsed = time.perf_counter() - start
        kind = "write" if method != "GET" else "read"
        self.latency[kind].append(elapsed)
        self.statuses[status] += 1
        if not isinstance(status, int) or status >= 500:
            self.failures.append(f"{method} {path}: {status}")
        return status

    def run(self):
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        auth = {"Authorization": f"Bearer {self.token}"}
        while time.monotonic() < self.deadline:
            roll = self.rng.random()
            if roll < 0.9:
                status = self.request("GET", self.rng.choice(READS))
                if isinstance(status, int) and status != 200:
                    self.failures.append(f"read answered {status}")
            elif roll < 0.96:
                name = f"load-{self.number}-{self.sent}.csv"
                self.sent += 1
                body = HEADER + f"KAZ,IRN,export,TOTAL,2020,{self.number},,,Load client {self.number},,,\n" \
                    + f"KAZ,IRN,import,TOTAL,2020,{self.sent},,,Load client {self.number} upload {self.sent},,,\n"
                status = self.request("POST", f"/api/v1/imports?name={name}", body.encode(), auth)
                if status == 201:
                    self.stored.append(name)
                elif isinstance(status, int):
                    self.failures.append(f"upload {name} answered {status}")
            elif roll < 0.98:
                status = self.request("POST", "/api/v1/imports?name=load-shared.csv", SHARED.encode(), auth)
                self.shared[status] += 1
            else:
                text = DOSSIER + f"\n# load test: client {self.number}, version {self.dossiers}\n"
                status = self.request("PUT", "/api/v1/dossiers/iran-kazakhstan", text.encode(), auth)
                if status in (200, 201):
                    self.dossiers += 1
                elif isinstance(status, int):
                    self.failures.append(f"dossier update answered {status}")


def run_backend(backend, clients, seconds, seed):
    store = demo_store(backend, "load")
    token = caravan("token", "create", "--name", "load", *store.option()).stdout.strip()
    dossiers_before = store.query("SELECT count(*) FROM document WHERE kind = 'dossier'")[0][0]
    process, base = serve(store, WORK / f"load-{backend}.log")
    deadline = time.monotonic() + seconds
    workers = [Client(n, base, token, deadline, seed) for n in range(clients)]
    start = time.perf_counter()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - start
    stop(process)

    failures = [f for w in workers for f in w.failures]
    statuses = sum((w.statuses for w in workers), collections.Counter())
    acknowledged = [name for w in workers for name in w.stored]
    stored = dict(store.query("SELECT file_name, count(*) FROM import_batch WHERE file_name LIKE 'load-%' GROUP BY file_name"))
    rows = dict(store.query("""SELECT b.file_name, count(*) FROM observation o JOIN source s ON s.id = o.source_id
                               JOIN import_batch b ON b.id = s.import_id WHERE b.file_name LIKE 'load-%' GROUP BY b.file_name"""))
    lost = [n for n in acknowledged if stored.get(n) != 1 or rows.get(n) != 2]
    unacknowledged = [n for n in stored if n not in set(acknowledged) and n != "load-shared.csv"]
    duplicated = [n for n, count in stored.items() if count > 1]
    shared = sum((w.shared for w in workers), collections.Counter())
    dossiers = store.query("SELECT count(*) FROM document WHERE kind = 'dossier'")[0][0] - dossiers_before
    updates = sum(w.dossiers for w in workers)
    if shared[201] != 1 or stored.get("load-shared.csv") != 1:
        failures.append(f"the shared file: answered {dict(shared)}, stored {stored.get('load-shared.csv')} times")
    if dossiers != updates:
        failures.append(f"{updates} dossier updates acknowledged, {dossiers} versions stored")
    failures += [f"lost: {n}" for n in lost] + [f"stored but not acknowledged: {n}" for n in unacknowledged]
    failures += [f"stored twice: {n}" for n in duplicated]
    reads, writes = [x for w in workers for x in w.latency["read"]], [x for w in workers for x in w.latency["write"]]
    total = len(reads) + len(writes)
    print(f"{backend:9} {clients:7} {elapsed:6.1f} s {total:9,} {total / elapsed:8,.0f}/s  "
          f"read p50 {percentile(reads, .5) * 1000:6.1f} p99 {percentile(reads, .99) * 1000:7.1f} ms  "
          f"write p50 {percentile(writes, .5) * 1000:6.1f} p99 {percentile(writes, .99) * 1000:7.1f} ms  "
          f"uploads {len(acknowledged):,} (+shared 1), dossiers {updates}, 5xx {sum(v for k, v in statuses.items() if isinstance(k, int) and k >= 500)}, "
          f"dropped {sum(v for k, v in statuses.items() if not isinstance(k, int))}")
    store.drop()
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=100, help="concurrent clients, each with one connection")
    parser.add_argument("--seconds", type=float, default=60, help="how long they run")
    parser.add_argument("--seed", type=int, default=1, help="seed of each client's choices")
    options = parser.parse_args()
    failures = []
    for backend in backends():
        failures += [f"{backend}: {f}" for f in run_backend(backend, options.clients, options.seconds, options.seed)]
    if failures:
        print("\n".join(failures[:40]))
        raise SystemExit(f"{len(failures)} failures")
    print("no 5xx, no dropped connection; every acknowledged write stored once with all its rows, nothing else")


if __name__ == "__main__":
    main()
