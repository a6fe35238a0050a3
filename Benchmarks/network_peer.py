#!/usr/bin/env python3
"""One peer's run on one network file, in a fresh process: load the network JSON, then either a
time-optimal route (igraph, networkx) or a maximum flow (OR-tools, networkx). Prints JSON with the
load time, the algorithm's time and the answer. Usage: network_peer.py PEER TASK FILE FROM TO"""
import json
import sys
import time

peer, task, path, source, target = sys.argv[1:6]
start = time.perf_counter()
with open(path) as f:
    doc = json.load(f)
index = {n["id"]: i for i, n in enumerate(doc["nodes"])}
links = doc["links"]
tails = [index[l["from"]] for l in links]
heads = [index[l["to"]] for l in links]


def hours(l):
    return l["hours"] if "hours" in l else l["length_km"] / l["speed_kmh"]


if peer == "igraph":
    import igraph
    g = igraph.Graph(n=len(index), edges=list(zip(tails, heads)), directed=True)
    g.es["w"] = [hours(l) for l in links]
    loaded = time.perf_counter()
    answer = g.distances(index[source], index[target], weights="w", mode="out")[0][0]
elif peer == "networkx":
    import networkx as nx
    if task == "route":
        g = nx.MultiDiGraph()
        g.add_nodes_from(range(len(index)))
        g.add_weighted_edges_from((t, h, hours(l)) for t, h, l in zip(tails, heads, links))
        loaded = time.perf_counter()
        answer = nx.shortest_path_length(g, index[source], index[target], weight="weight")
    else:
        g = nx.DiGraph()
        for t, h, l in zip(tails, heads, links):
            c = l["capacity_mt"]
            g.add_edge(t, h, capacity=g[t][h]["capacity"] + c if g.has_edge(t, h) else c)
        loaded = time.perf_counter()
        answer = nx.maximum_flow_value(g, index[source], index[target])
elif peer == "ortools":
    import numpy as np
    from ortools.graph.python import max_flow
    flow = max_flow.SimpleMaxFlow()
    flow.add_arcs_with_capacity(np.array(tails), np.array(heads), np.array([int(l["capacity_mt"]) for l in links]))
    loaded = time.perf_counter()
    status = flow.solve(index[source], index[target])
    answer = flow.optimal_flow()
done = time.perf_counter()
print(json.dumps({"load": loaded - start, "algorithm": done - loaded, "answer": answer}))
