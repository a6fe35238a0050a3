#!/usr/bin/env python3
"""The JSON API over HTTP against nginx serving the same JSON as static files, on the same machine:

  load:     wrk on loopback, 2 threads, 64 connections, 30 s (--duration), with --latency
  answers:  GET /api/v1/scorecard and GET /api/v1/trade/series?reporter=IRN&partner=KAZ, from
            `caravan serve` over the database `caravan demo` makes, and from nginx (the ceiling:
            1 worker a core, access log off) serving the bytes caravan answered, fetched once

Prints requests a second and p99 latency of both, caravan / nginx throughput, PASS or MISS against
the goals (at least 40% of nginx's throughput, p99 under 25 ms), and caravan's peak memory.
With --no-cache, caravan keeps no answer (`serve --no-answer-cache`): every request is worked out
afresh, and the goals are at least 2,000 requests a second with p99 under 25 ms.
Installs wrk and nginx with apt-get when missing. Standard library only.
Usage: Benchmarks/server.py [--duration 30s] [--warmup 2s] [--connections 64] [--threads 2] [--no-cache]
"""
import argparse
import os
import pathlib
import platform
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

from peers import ensure_web_tools, free_port, nginx_config, tool

ROOT = pathlib.Path(__file__).resolve().parents[1]
CARAVAN = ROOT / ".build" / "release" / "caravan"
ENDPOINTS = ["/api/v1/scorecard", "/api/v1/trade/series?reporter=IRN&partner=KAZ"]
GOAL_RATIO = 0.40  # of nginx's requests a second, at least
GOAL_P99_MS = 25.0  # below
GOAL_COLD_RPS = 2_000.0  # with --no-cache, at least


def build():
    result = subprocess.run(["swift", "build", "-c", "release", "--product", "caravan"], cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"swift build failed:\n{result.stdout}\n{result.stderr}")


def wait_for(url, process, seconds=15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit(f"{process.args[0]} exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                response.read()
                return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"no answer from {url} after {seconds} s")


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        if response.status != 200:
            sys.exit(f"{url}: HTTP {response.status}")
        return response.read()


def start_caravan(tmp, cold=False):
    """`caravan serve --port 0`, quiet; returns the process and its base URL, read from its one line on stdout."""
    log = open(tmp / "caravan.log", "wb")
    process = subprocess.Popen(
        [str(CARAVAN), "serve", "--port", "0", "--db", "caravan.sqlite", "--log-level", "warning"] + (["--no-answer-cache"] if cold else []),
        cwd=tmp, stdout=subprocess.PIPE, stderr=log)
    ready, _, _ = select.select([process.stdout], [], [], 30)
    line = process.stdout.readline().decode() if ready else ""
    match = re.search(r"on (http://[^/\s]+)/", line)
    if not match:
        process.kill()
        sys.exit(f"caravan serve did not say where it listens: {line!r}\n{(tmp / 'caravan.log').read_text()}")
    return process, match.group(1)


def start_nginx(tmp, www):
    port = free_port()
    conf = tmp / "nginx.conf"
    conf.write_text(nginx_config(tmp, f"""
    types {{ }}
    default_type application/json;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        root {www};
    }}"""))
    process = subprocess.Popen([tool("nginx"), "-p", str(tmp), "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=open(tmp / "nginx.log", "wb"))
    return process, f"http://127.0.0.1:{port}"


def stop(process, seconds=15):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


def memory_kb(pid, field):
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def machine_ticks():
    """Busy and total CPU time of the whole machine so far, in clock ticks (/proc/stat)."""
    fields = [int(x) for x in pathlib.Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    return sum(fields) - fields[3] - fields[4], sum(fields)


def process_ticks(pid):
    """CPU time of a process and its children (nginx's workers), in clock ticks."""
    try:
        stat = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = pathlib.Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return 0
    return int(stat[11]) + int(stat[12]) + sum(process_ticks(int(child)) for child in children)


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk(url, duration, threads, connections, server_pid=None):
    """One wrk run; with server_pid, also the share of the machine's CPU that the server, wrk and
    everything else (other processes, and kernel work no process is charged with) took meanwhile."""
    command = [tool("wrk"), f"-t{threads}", f"-c{connections}", f"-d{duration}", "--latency", url]
    busy0, total0 = machine_ticks()
    server0 = process_ticks(server_pid) if server_pid else 0
    children0 = os.times()
    result = subprocess.run(command, capture_output=True, text=True)
    children1 = os.times()
    busy1, total1 = machine_ticks()
    server1 = process_ticks(server_pid) if server_pid else 0
    hz = os.sysconf("SC_CLK_TCK")
    elapsed = max(total1 - total0, 1)
    wrk_ticks = (children1.children_user + children1.children_system - children0.children_user - children0.children_system) * hz
    cpu = {"server": (server1 - server0) / elapsed, "wrk": wrk_ticks / elapsed,
           "other": max(0.0, (busy1 - busy0 - (server1 - server0) - wrk_ticks) / elapsed), "idle": 1 - (busy1 - busy0) / elapsed}
    if result.returncode != 0:
        sys.exit(f"wrk failed on {url}:\n{result.stdout}\n{result.stderr}")
    out = result.stdout
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)
    if not rps or not p99:
        sys.exit(f"cannot read wrk's output for {url}:\n{out}")
    requests = re.search(r"^\s+(\d+) requests in", out, re.M)
    errors = re.search(r"Socket errors: (.*)$", out, re.M)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(rps.group(1)), "p99_ms": float(p99.group(1)) * UNITS_MS[p99.group(2)],
        "requests": int(requests.group(1)) if requests else 0,
        "errors": errors.group(1).strip() if errors else "", "non2xx": int(non2xx.group(1)) if non2xx else 0, "output": out,
        "cpu": cpu,
    }


def machine():
    model = ""
    try:
        model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "")
    except OSError:
        pass
    nginx = subprocess.run([tool("nginx"), "-v"], capture_output=True, text=True).stderr.strip().replace("nginx version: ", "")
    wrk_version = subprocess.run([tool("wrk"), "--version"], capture_output=True, text=True).stdout.split(" [")[0].strip()
    return f"{os.cpu_count()} cores ({model or platform.machine()}), Linux {platform.release()}; {wrk_version}, {nginx}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--duration", default="30s", help="how long wrk runs against each server and endpoint (wrk's -d)")
    parser.add_argument("--warmup", default="2s", help="an unrecorded wrk run before each measured one; 0 to skip")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory (database, logs, wrk output)")
    parser.add_argument("--no-cache", action="store_true", help="caravan keeps no answer: every request is worked out afresh")
    args = parser.parse_args()
    ensure_web_tools()
    build()

    tmp = pathlib.Path(tempfile.mkdtemp(prefix="caravan-server-bench-"))
    caravan = nginx = None
    try:
        result = subprocess.run([str(CARAVAN), "demo", "--db", "caravan.sqlite"], cwd=tmp, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"caravan demo failed:\n{result.stderr}")

        caravan, caravan_url = start_caravan(tmp, cold=args.no_cache)
        wait_for(caravan_url + "/healthz", caravan)
        start_rss = memory_kb(caravan.pid, "VmRSS")

        # The answers, once, as files at the same paths (nginx ignores the query string).
        www = tmp / "www"
        sizes, first_ms = {}, {}
        for endpoint in ENDPOINTS:
            start = time.perf_counter()
            body = fetch(caravan_url + endpoint)
            first_ms[endpoint] = (time.perf_counter() - start) * 1000
            path = www / endpoint.split("?")[0].lstrip("/")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(body)
            sizes[endpoint] = len(body)
        # nginx's workers run as nobody: let them read the files.
        for directory in [tmp, www, *(p for p in www.rglob("*") if p.is_dir())]:
            directory.chmod(0o755)

        nginx, nginx_url = start_nginx(tmp, www)
        wait_for(nginx_url + ENDPOINTS[0], nginx)
        for endpoint in ENDPOINTS:
            if fetch(nginx_url + endpoint) != (www / endpoint.split("?")[0].lstrip("/")).read_bytes():
                sys.exit(f"nginx does not answer {endpoint} with caravan's bytes")

        results = {}
        for endpoint in ENDPOINTS:
            for name, base, server in (("caravan", caravan_url, caravan), ("nginx", nginx_url, nginx)):
                print(f"wrk -t{args.threads} -c{args.connections} -d{args.duration} --latency ({name}) {base}{endpoint}", file=sys.stderr)
                if args.warmup not in ("0", "0s", ""):
                    wrk(base + endpoint, args.warmup, args.threads, args.connections)
                results[endpoint, name] = wrk(base + endpoint, args.duration, args.threads, args.connections, server.pid)
                (tmp / f"wrk-{name}-{ENDPOINTS.index(endpoint)}.txt").write_text(results[endpoint, name]["output"])

        peak_rss = memory_kb(caravan.pid, "VmHWM")
        end_rss = memory_kb(caravan.pid, "VmRSS")
        caravan_exit, caravan = stop(caravan), None
        nginx_exit, nginx = stop(nginx), None
    finally:
        for process in (caravan, nginx):
            if process is not None:
                stop(process)
        if args.keep:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)

    print(f"\nJSON over HTTP: caravan serve{' --no-answer-cache (every answer worked out afresh)' if args.no_cache else ''} "
          "against nginx serving the same bytes as static files")
    print(f"wrk -t{args.threads} -c{args.connections} -d{args.duration} --latency on loopback; {machine()}\n")
    print(f"{'endpoint':48} {'bytes':>7} {'server':8} {'req/s':>10} {'p99 ms':>8} {'caravan/nginx':>14}  goals")
    missed = False
    for endpoint in ENDPOINTS:
        ours, theirs = results[endpoint, "caravan"], results[endpoint, "nginx"]
        ratio = ours["rps"] / theirs["rps"]
        throughput_ok = ours["rps"] >= GOAL_COLD_RPS if args.no_cache else ratio >= GOAL_RATIO
        latency_ok = ours["p99_ms"] < GOAL_P99_MS
        missed |= not (throughput_ok and latency_ok)
        wanted = f">= {GOAL_COLD_RPS:,.0f} req/s" if args.no_cache else f">= {GOAL_RATIO:.0%}"
        verdict = (f"throughput {'PASS' if throughput_ok else 'MISS'} ({wanted}), "
                   f"p99 {'PASS' if latency_ok else 'MISS'} (< {GOAL_P99_MS:g} ms)")
        print(f"{endpoint:48} {sizes[endpoint]:7,} {'caravan':8} {ours['rps']:10,.0f} {ours['p99_ms']:8.2f} {ratio:14.3f}  {verdict}")
        print(f"{'':48} {'':7} {'nginx':8} {theirs['rps']:10,.0f} {theirs['p99_ms']:8.2f}")
    print(f"\nShare of the machine's CPU during each run (server / wrk / everything else / idle):")
    for (endpoint, name), r in results.items():
        c = r["cpu"]
        print(f"  {name:8} {endpoint:48} {c['server']:4.0%} / {c['wrk']:4.0%} / {c['other']:4.0%} / {c['idle']:4.0%}")
    for (endpoint, name), r in results.items():
        if r["cpu"]["other"] > 0.15:
            print(f"warning: {name} {endpoint}: {r['cpu']['other']:.0%} of the CPU went to neither the server nor wrk: "
                  "another process was busy, and the figures are low")
        trouble = [f"{r['non2xx']} non-2xx answers"] if r["non2xx"] else []
        if r["errors"]:
            trouble.append(f"socket errors: {r['errors']}")
        if trouble:
            print(f"warning: {name} {endpoint}: {'; '.join(trouble)} (wrk leaves timed-out requests out of its latencies)")

    kept = "wrk measures answers worked out afresh" if args.no_cache else "caravan keeps read answers until the store changes, so wrk measures kept answers"
    print(f"\nFirst answer of each endpoint, worked out ({kept}): " + ", ".join(f"{e.split('?')[0]} {ms:.1f} ms" for e, ms in first_ms.items()))

    def mb(kb):
        return f"{kb / 1024:.0f} MB" if kb is not None else "n/a"
    print(f"\ncaravan memory: {mb(start_rss)} RSS after start, {mb(end_rss)} at the end, {mb(peak_rss)} peak (VmHWM)")
    if caravan_exit not in (0, None) or nginx_exit not in (0, None):
        print(f"note: exit status on SIGTERM: caravan {caravan_exit}, nginx {nginx_exit}")
    goals = "at least 2,000 requests a second worked out afresh" if args.no_cache else "at least 40% of nginx's requests a second"
    print(f"Goals: caravan {goals}, p99 under 25 ms: " + ("MISSED" if missed else "met"))


if __name__ == "__main__":
    main()
