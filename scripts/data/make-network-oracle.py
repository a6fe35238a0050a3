#!/usr/bin/env python3
"""Writes random networks in the network JSON with the answers networkx gives for them: the best
route's weight by time, cost and generalized cost (with dwell, transfers, bidirectional links and
avoid options), the k best loopless routes where networkx can say, and the maximum flow with node
capacities. The routing tests compare Caravan's answers with these; scripts/test regenerates the
file and checks the committed copy is unchanged. Usage: make-network-oracle.py OUT [CASES]"""
import json
import random
import sys

import networkx as nx

MODES = ["rail", "road", "sea", "ferry"]
rng = random.Random(1520)


def network(case):
    n = rng.randint(4, 14)
    with_transfers = case % 2 == 0
    modes = MODES if with_transfers else ["rail"]
    nodes = []
    for i in range(n):
        node = {"id": f"n{i}", "name": f"Node {i}", "country": rng.choice(["KAZ", "TKM", "IRN"])}
        if rng.random() < 0.6:
            node["dwell_hours"] = round(rng.uniform(0, 10), 2)
        if rng.random() < 0.5:
            node["handling_usd_per_t"] = round(rng.uniform(0, 8), 2)
        if rng.random() < 0.4:
            node["capacity_mt"] = round(rng.uniform(1, 20), 2)
        nodes.append(node)
    links = []
    seen = set()
    for j in range(rng.randint(n, 4 * n)):
        a, b = rng.sample(range(n), 2)
        mode = rng.choice(modes)
        if not with_transfers and ((a, b) in seen or (b, a) in seen):
            continue  # simple graphs where k-shortest paths are compared with networkx
        seen.add((a, b))
        link = {"id": f"l{j}", "from": f"n{a}", "to": f"n{b}", "mode": mode, "usd_per_t": round(rng.uniform(0, 30), 2)}
        if rng.random() < 0.5:
            link["hours"] = round(rng.uniform(0.5, 30), 2)
        else:
            link["length_km"] = round(rng.uniform(10, 900), 1)
            link["speed_kmh"] = round(rng.uniform(15, 80), 1)
        if rng.random() < 0.7:
            link["capacity_mt"] = round(rng.uniform(0.5, 15), 2)
        if rng.random() < 0.5:
            link["bidirectional"] = True
        links.append(link)
    transfers = []
    if with_transfers:
        for a in MODES:
            for b in MODES:
                if a != b and rng.random() < 0.7:
                    transfers.append({"from_mode": a, "to_mode": b, "hours": round(rng.uniform(0, 12), 2), "usd_per_t": round(rng.uniform(0, 9), 2)})
    return {"name": f"random {case}", "nodes": nodes, "links": links, "transfers": transfers}


def hours(link):
    return link["hours"] if "hours" in link else link["length_km"] / link["speed_kmh"]


def arcs(net, avoid_countries=(), avoid_modes=()):
    country = {n["id"]: n["country"] for n in net["nodes"]}
    out = []
    for link in net["links"]:
        if link["mode"] in avoid_modes:
            continue
        ends = [(link["from"], link["to"])] + ([(link["to"], link["from"])] if link.get("bidirectional") else [])
        for a, b in ends:
            if country[a] in avoid_countries or country[b] in avoid_countries:
                continue
            out.append((a, b, link))
    return out


def best(net, source, target, weigh, avoid_countries=(), avoid_modes=()):
    """Shortest path on the line graph: a state per arc, so dwell and transfers fall on the turns."""
    nodes = {n["id"]: n for n in net["nodes"]}
    if nodes[source]["country"] in avoid_countries:
        return None
    penalty = {(t["from_mode"], t["to_mode"]): t for t in net["transfers"]}
    g = nx.DiGraph()
    all_arcs = arcs(net, avoid_countries, avoid_modes)
    by_tail = {}
    for index, (a, b, link) in enumerate(all_arcs):
        by_tail.setdefault(a, []).append(index)
    for index, (a, b, link) in enumerate(all_arcs):
        w = weigh(hours(link), link.get("usd_per_t", 0))
        if a == source:
            g.add_edge("S", index, weight=w)
        if b == target:
            g.add_edge(index, "T", weight=0)
        node = nodes[b]
        stop = weigh(node.get("dwell_hours", 0), node.get("handling_usd_per_t", 0))
        for nxt in by_tail.get(b, []):
            _, _, link2 = all_arcs[nxt]
            t = penalty.get((link["mode"], link2["mode"]))
            turn = stop + (weigh(t.get("hours", 0), t.get("usd_per_t", 0)) if t and link["mode"] != link2["mode"] else 0)
            g.add_edge(index, nxt, weight=turn + weigh(hours(link2), link2.get("usd_per_t", 0)))
    try:
        return nx.shortest_path_length(g, "S", "T", weight="weight")
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return None


def k_best(net, source, target, k):
    """The k best loopless routes by time, for simple graphs without transfers: dwell folds into the arcs."""
    nodes = {n["id"]: n for n in net["nodes"]}
    g = nx.DiGraph()
    for a, b, link in arcs(net):
        w = hours(link) + (0 if a == source else nodes[a].get("dwell_hours", 0))
        g.add_edge(a, b, weight=w)
    if source not in g or target not in g:
        return []
    out = []
    try:
        for path in nx.shortest_simple_paths(g, source, target, weight="weight"):
            out.append(sum(g[u][v]["weight"] for u, v in zip(path, path[1:])))
            if len(out) == k:
                break
    except nx.NetworkXNoPath:
        pass
    return out


def max_flow(net, source, target):
    g = nx.DiGraph()
    for n in net["nodes"]:
        if "capacity_mt" in n:
            g.add_edge(("in", n["id"]), ("out", n["id"]), capacity=n["capacity_mt"])
        else:
            g.add_edge(("in", n["id"]), ("out", n["id"]))
    for a, b, link in arcs(net):
        key = (("out", a), ("in", b))
        cap = link.get("capacity_mt", float("inf"))
        # Parallel arcs add up; networkx keeps one edge a pair.
        old = g.edges[key].get("capacity", 0) if g.has_edge(*key) else 0
        if g.has_edge(*key) and "capacity" not in g.edges[key]:
            continue
        if cap == float("inf"):
            if g.has_edge(*key):
                del g.edges[key]["capacity"]
            else:
                g.add_edge(*key)
        else:
            g.add_edge(*key, capacity=old + cap)
    try:
        value = nx.maximum_flow_value(g, ("in", source), ("out", target))
    except nx.NetworkXUnbounded:
        return None
    # networkx adds float flows in an order that varies between runs; round off the last bits.
    return round(value, 9)


def main():
    out = sys.argv[1]
    cases = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    result = []
    for case in range(cases):
        net = network(case)
        source, target = rng.sample([n["id"] for n in net["nodes"]], 2)
        vot = round(rng.uniform(0.1, 5), 2)
        avoid_country = rng.choice(["KAZ", "TKM", "IRN"])
        avoid_mode = rng.choice(MODES)
        expected = {
            "time": best(net, source, target, lambda h, c: h),
            "cost": best(net, source, target, lambda h, c: c),
            "generalized": best(net, source, target, lambda h, c: c + vot * h),
            "time_avoiding": best(net, source, target, lambda h, c: h, avoid_countries=[avoid_country], avoid_modes=[avoid_mode]),
            "max_flow": max_flow(net, source, target),
        }
        if not net["transfers"]:
            expected["k_best_time"] = k_best(net, source, target, 4)
        result.append({"network": net, "from": source, "to": target, "value_of_time": vot, "avoid_country": avoid_country,
                       "avoid_mode": avoid_mode, "expected": expected})
    with open(out, "w") as f:
        json.dump({"generator": f"networkx {nx.__version__}", "cases": result}, f, indent=None, separators=(",", ":"))
        f.write("\n")


main()
