#!/usr/bin/env python3
"""Reads while data arrives: the server's own read latency, measured by a load generator that
does not take the machine's cores itself.

  reads:   wrk (C, 2 threads) on 100 keep-alive connections cycling over the API's and the
           dashboard's reads, for --seconds, first alone and then beside the writer
  writes:  one Python thread at --writes-per-second (default 33), a fifth of them new versions of
           the dossier and the rest figures files of their own, each with the bearer token
  checks:  every write acknowledged (201) is stored exactly once, no unacknowledged one is, and no
           read or write was answered 5xx

Prints read requests a second and p99 alone and under writes, the writes achieved and their p99,
and PASS or MISS against issue 15's goal (read p99 at most 100 ms under writes). On SQLite, and on
PostgreSQL too when CARAVAN_TEST_POSTGRES is set (scripts/with-postgres). Installs wrk with apt-get
when missing. Usage: Benchmarks/reads-under-writes.py [--seconds 20] [--connections 100]
[--writes-per-second 33]
"""
import argparse
import http.client
import re
import subprocess
import sys
import threading
import time
import urllib.parse

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "Reliability"))
from common import ROOT, WORK, backends, caravan, demo_store, percentile, serve, stop  # noqa: E402

READS = [
    "/api/v1/scorecard", "/api/v1/trade/series?reporter=IRN&partner=KAZ", "/api/v1/claims",
    "/api/v1/route?from=astana&to=bandar_abbas&alternatives=2", "/api/v1/corridor/flows", "/api/v1/imports",
    "/", "/corridor", "/trade?reporter=IRN&partner=KAZ",
]
HEADER = "reporter,partner,flow,commodity,period,value_usd,quantity_t,valuation,source,url,published,quote\n"
DOSSIER = (ROOT / "Data" / "dossiers" / "iran-kazakhstan.yaml").read_text()
GOAL_P99_MS = 100.0
UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def ensure_wrk():
    if subprocess.run(["sh", "-c", "command -v wrk"], capture_output=True).returncode == 0:
        return
    print("installing wrk with apt-get", file=sys.stderr)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, stdout=subprocess.DEVNULL)


def wrk_reads(base, seconds, connections):
    """wrk cycling over READS; returns requests a second, p99 in ms and the count of non-2xx answers."""
    script = WORK / "reads.lua"
    quoted = ", ".join(f'"{path}"' for path in READS)
    script.write_text(f"local paths = {{{quoted}}}\nlocal i = 0\n"
                      "request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n")
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), base],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M).group(1))
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return rps, float(p99.group(1)) * UNITS_MS[p99.group(2)], int(non2xx.group(1)) if non2xx else 0


class Writer(threading.Thread):
    """Writes at a steady rate until told to stop: four figures files to one dossier version."""

    def __init__(self, base, token, rate):
        super().__init__(daemon=True)
        parts = urllib.parse.urlsplit(base)
        self.host, self.port, self.token, self.rate = parts.hostname, parts.port, token, rate
        self.stopping = threading.Event()
        self.latencies, self.acknowledged, self.failures, self.versions = [], [], [], 0

    def run(self):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        auth = {"Authorization": f"Bearer {self.token}"}
        sent, start = 0, time.monotonic()
        while not self.stopping.is_set():
            due = start + sent / self.rate
            if due > time.monotonic():
                time.sleep(due - time.monotonic())
            if sent % 5 == 4:
                method, path = "PUT", "/api/v1/dossiers/iran-kazakhstan"
                body = DOSSIER + f"\n# reads under writes: version {sent}\n"
            else:
                method, path = "POST", f"/api/v1/imports?name=rw-{sent}.csv"
                body = HEADER + f"KAZ,IRN,export,TOTAL,2020,{sent + 1},,,Writer upload {sent},,,\n"
            begun = time.perf_counter()
            try:
                connection.request(method, path, body=body.encode(), headers=auth)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException) as error:
                connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
                status = type(error).__name__
            self.latencies.append(time.perf_counter() - begun)
            if method == "POST" and status == 201:
                self.acknowledged.append(f"rw-{sent}.csv")
            elif method == "PUT" and status in (200, 201):
                self.versions += 1
            else:
                self.failures.append(f"{method} {path}: {status}")
            sent += 1


def run(backend, seconds, connections, rate):
    store = demo_store(backend, "reads-under-writes")
    token = caravan("token", "create", "--name", "writer", *store.option()).stdout.strip()
    process, base = serve(store, WORK / f"reads-under-writes-{backend}.log")
    try:
        alone = wrk_reads(base, seconds, connections)
        writer = Writer(base, token, rate)
        started = time.monotonic()
        writer.start()
        beside = wrk_reads(base, seconds, connections)
        writer.stopping.set()
        writer.join()
        elapsed = time.monotonic() - started
    finally:
        stop(process)
    stored = dict(store.query("SELECT file_name, count(*) FROM import_batch WHERE file_name LIKE 'rw-%' GROUP BY file_name"))
    lost = [name for name in writer.acknowledged if stored.get(name) != 1]
    unacknowledged = sorted(set(stored) - set(writer.acknowledged))
    writes = len(writer.latencies)
    print(f"\n{backend}: {connections} connections reading (wrk -t2), {seconds} s each")
    print(f"  reads alone:          {alone[0]:9,.0f} req/s   p99 {alone[1]:8.1f} ms   non-2xx {alone[2]}")
    print(f"  reads beside writes:  {beside[0]:9,.0f} req/s   p99 {beside[1]:8.1f} ms   non-2xx {beside[2]}   "
          f"{'PASS' if beside[1] <= GOAL_P99_MS else 'MISS'} (p99 <= {GOAL_P99_MS:g} ms)")
    print(f"  writes:               {writes / elapsed:9,.1f} /s      p99 {percentile(writer.latencies, 0.99) * 1000:8.1f} ms   "
          f"{len(writer.acknowledged)} files and {writer.versions} dossier versions acknowledged")
    print(f"  lost or doubled: {len(lost)}; stored unacknowledged: {len(unacknowledged)}; write failures: {len(writer.failures)}"
          + (f" (first: {writer.failures[0]})" if writer.failures else ""))
    return beside[1] <= GOAL_P99_MS and not lost and not unacknowledged and not writer.failures and beside[2] == 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--writes-per-second", type=float, default=33)
    args = parser.parse_args()
    ensure_wrk()
    results = [run(backend, args.seconds, args.connections, args.writes_per_second) for backend in backends()]
    print("\nGoal (issue 15): read p99 at most 100 ms with writes arriving, nothing lost, doubled or unacknowledged: "
          + ("met" if all(results) else "MISSED"))


if __name__ == "__main__":
    main()
