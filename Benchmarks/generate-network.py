#!/usr/bin/env python3
"""Writes a network JSON (PRODUCT.md) of N nodes and M links shaped like a transport network:
nodes scattered on a plane, each link joining a node to one of its near neighbours, with hours,
cost and an integer capacity (OR-tools' maximum flow takes integers). One mode, no dwell, no
transfers, so that routing engines without them answer the same question.
Usage: generate-network.py NODES LINKS OUT"""
import math
import random
import sys

nodes, links, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = random.Random(4242)
side = int(math.sqrt(nodes))
with open(out, "w") as f:
    f.write('{"name": "generated %d nodes, %d links",\n"nodes": [\n' % (nodes, links))
    for i in range(nodes):
        f.write('%s{"id": "n%d", "name": "Node %d", "lat": %.5f, "lon": %.5f}\n' % ("," if i else "", i, i, (i // side) * 0.01, (i % side) * 0.01))
    f.write('],\n"links": [\n')
    for j in range(links):
        a = j % nodes
        # A near neighbour on the grid: most traffic is local, as on real corridors.
        row, col = divmod(a, side)
        b = min(nodes - 1, max(0, (row + rng.randint(-2, 2)) * side + col + rng.randint(-2, 2)))
        if b == a:
            b = (a + 1) % nodes
        f.write('%s{"id": "l%d", "from": "n%d", "to": "n%d", "mode": "rail", "hours": %.2f, "usd_per_t": %.2f, "capacity_mt": %d}\n'
                % ("," if j else "", j, a, b, rng.uniform(0.5, 10), rng.uniform(1, 50), rng.randint(1, 100)))
    f.write("]}\n")
