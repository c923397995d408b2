#!/usr/bin/env python3
"""Peers for `kg-bench export`: how fast the usual Python libraries write the same graph.

usage: export_peers.py networkx-graphml INPUT.graphml OUTPUT
       export_peers.py rdflib-nt INPUT.nt OUTPUT
Loads INPUT (untimed), then times writing it: networkx.write_graphml, or rdflib Graph.serialize(format="nt").
Prints {"bytes": N, "seconds": wall, "cpu_seconds": process CPU, "load_seconds": L} as JSON. Exit 3 with "missing: MODULE" when not installed.
"""
import json, os, sys, time

from peer_support import need


def main():
    peer, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
    t0 = time.perf_counter()
    c0 = time.process_time()
    if peer == "networkx-graphml":
        nx = need("networkx")
        g = nx.read_graphml(src)
        t1 = time.perf_counter()
        c1 = time.process_time()
        nx.write_graphml(g, dst)
    elif peer == "rdflib-nt":
        rdflib = need("rdflib")
        g = rdflib.Graph()
        g.parse(src, format="nt")
        t1 = time.perf_counter()
        c1 = time.process_time()
        g.serialize(destination=dst, format="nt", encoding="utf-8")
    else:
        sys.exit(f"unknown peer {peer}")
    t2 = time.perf_counter()
    c2 = time.process_time()
    print(json.dumps({"bytes": os.path.getsize(dst), "seconds": t2 - t1, "cpu_seconds": c2 - c1,
                      "load_seconds": t1 - t0}))


if __name__ == "__main__":
    main()
