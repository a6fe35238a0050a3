#!/usr/bin/env python3
"""The corridor network against its peers on generated networks of up to 1 million nodes and
4 million links, in one run: a time-optimal route against igraph and networkx, a maximum flow
against OR-tools and networkx, each from the same network JSON file to the same answer (checked),
load included and the algorithm alone; links loaded a second; Caravan's peak memory.
Usage: Benchmarks/network.py [--largest NODES]"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
WORK = ROOT / "Benchmarks" / "work"
CARAVAN = ROOT / ".build" / "release" / "caravan"
PEER = ROOT / "Benchmarks" / "network_peer.py"
SIZES = [(10_000, 40_000), (100_000, 400_000), (300_000, 1_200_000), (1_000_000, 4_000_000)]
# networkx holds every edge as Python dictionaries: past this many links it runs out of patience or memory.
NETWORKX_LIMIT = {"route": 1_200_000, "capacity": 400_000}


def ensure_peers():
    wanted = {"igraph": "python-igraph", "ortools": "ortools", "networkx": "networkx", "numpy": "numpy"}
    missing = [pkg for module, pkg in wanted.items() if subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True).returncode]
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", *missing], check=True)


def caravan(task, path, source, target):
    command = ["/usr/bin/time", "-f", "rss %M", str(CARAVAN), task, "--network", str(path), "--from", source, "--to", target, "--format", "json", "--timings"]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    total = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"caravan failed: {result.stderr}")
    lines = dict(line.split(": ") for line in result.stderr.splitlines() if ": " in line)
    rss = next(int(line.split()[1]) for line in result.stderr.splitlines() if line.startswith("rss "))
    output = json.loads(result.stdout)
    answer = output["routes"][0]["hours"] if task == "route" else output["max_mt"]
    algorithm = float(lines["route" if task == "route" else "max-flow"].split()[0])
    return {"total": total, "load": float(lines["load"].split()[0]), "algorithm": algorithm, "answer": answer, "rss_mb": rss / 1024}


def peer(name, task, path, source, target):
    start = time.perf_counter()
    result = subprocess.run([sys.executable, str(PEER), name, task, str(path), source, target], capture_output=True, text=True)
    total = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{name} failed: {result.stderr}")
    out = json.loads(result.stdout)
    out["total"] = total
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--largest", type=int, default=1_000_000, help="the largest node count to run")
    args = parser.parse_args()
    ensure_peers()
    subprocess.run(["swift", "build", "-c", "release", "--product", "caravan"], cwd=ROOT, check=True, capture_output=True)
    WORK.mkdir(parents=True, exist_ok=True)
    rows = []
    for nodes, links in SIZES:
        if nodes > args.largest:
            continue
        path = WORK / f"network-{nodes}-{links}.json"
        if not path.exists():
            subprocess.run([sys.executable, ROOT / "Benchmarks" / "generate-network.py", str(nodes), str(links), str(path)], check=True)
        source, target = "n0", f"n{nodes - 1}"
        for task, peers in (("route", ["igraph", "networkx"]), ("capacity", ["ortools", "networkx"])):
            ours = caravan(task, path, source, target)
            for name in peers:
                if name == "networkx" and links > NETWORKX_LIMIT[task]:
                    rows.append((nodes, links, task, name, ours, None))
                    continue
                theirs = peer(name, task, path, source, target)
                if abs(ours["answer"] - theirs["answer"]) > 1e-6 * max(1, abs(theirs["answer"])):
                    sys.exit(f"{task} on {path.name}: caravan {ours['answer']} but {name} {theirs['answer']}")
                rows.append((nodes, links, task, name, ours, theirs))

    print(f"\nCorridor network benchmark: generated networks, {os.cpu_count()} cores; times in seconds, ratio = caravan / peer\n")
    print(f"{'network':>22} {'task':9} {'peer':9} {'caravan total':>13} {'peer total':>10} {'ratio':>6}   "
          f"{'caravan alg.':>12} {'peer alg.':>9} {'ratio':>7}   {'links/s':>9} {'RSS MB':>7}")
    for nodes, links, task, name, ours, theirs in rows:
        label = f"{nodes:,} n / {links:,} l"
        rate = links / ours["load"]
        if theirs is None:
            print(f"{label:>22} {task:9} {name:9} {ours['total']:13.2f} {'skipped (too large for networkx)':>40} {rate:11,.0f} {ours['rss_mb']:7.0f}")
            continue
        print(f"{label:>22} {task:9} {name:9} {ours['total']:13.2f} {theirs['total']:10.2f} {ours['total'] / theirs['total']:6.2f}   "
              f"{ours['algorithm']:12.4f} {theirs['algorithm']:9.4f} {ours['algorithm'] / max(theirs['algorithm'], 1e-9):7.2f}   "
              f"{rate:11,.0f} {ours['rss_mb']:7.0f}")


if __name__ == "__main__":
    main()
