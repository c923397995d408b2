#!/usr/bin/env python3
"""networkx peer for `kg-bench store`: the same graph, the same operations, timed the same way.

Reads the graph that kg-bench exported (nodes.tsv, edges.tsv, pairs.tsv), builds a networkx MultiDiGraph with
the same node and edge attributes, then times: pickle save, pickle load, shortest path (undirected view) for
each pair, whole-network co-issuance, one agency's co-issuance. Resident memory growth of the loaded graph is
read from /proc/self/statm. Prints one JSON object.

Usage: networkx_store.py DIR   (DIR holds nodes.tsv, edges.tsv, pairs.tsv, agency.txt)
"""
import gc
import json
import os
import pickle
import sys
import time
from itertools import combinations

import networkx as nx


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def build(directory):
    g = nx.MultiDiGraph()
    with open(os.path.join(directory, "nodes.tsv"), encoding="utf-8") as f:
        for line in f:
            nid, kind, label, date = line.rstrip("\n").split("\t")
            attrs = {"kind": kind, "label": label}
            if date:
                attrs["date"] = date
            g.add_node(nid, **attrs)
    ids = list(g.nodes)
    with open(os.path.join(directory, "edges.tsv"), encoding="utf-8") as f:
        for line in f:
            s, t, kind, where, text = line.rstrip("\n").split("\t")
            g.add_edge(ids[int(s)], ids[int(t)], key=kind, kind=kind, evidence=[{"where": where, "text": text}])
    return g, ids


def coissue(g, agency=None):
    pairs = {}
    docs = [d for _, d, k in g.in_edges(agency, keys=True) if k == "issued_by"] if agency is not None else g.nodes
    for d in set(docs) if agency is not None else docs:
        issuers = sorted({t for _, t, k in g.out_edges(d, keys=True) if k == "issued_by"})
        if len(issuers) < 2:
            continue
        for a, b in combinations(issuers, 2):
            if agency is not None and agency not in (a, b):
                continue
            pairs.setdefault((a, b), []).append(d)
    return sorted(pairs.items(), key=lambda kv: -len(kv[1]))


def main():
    directory = sys.argv[1]
    out = {}
    t = time.perf_counter()
    g, ids = build(directory)
    out["build_s"] = time.perf_counter() - t
    path = os.path.join(directory, "graph.pickle")
    t = time.perf_counter()
    with open(path, "wb") as f:
        pickle.dump(g, f, protocol=pickle.HIGHEST_PROTOCOL)
        f.flush()
        os.fsync(f.fileno())
    out["save_s"] = time.perf_counter() - t
    out["pickle_bytes"] = os.path.getsize(path)
    del g
    gc.collect()
    before = rss_bytes()
    t = time.perf_counter()
    with open(path, "rb") as f:
        g = pickle.load(f)
    out["load_s"] = time.perf_counter() - t
    out["resident_bytes"] = rss_bytes() - before
    os.remove(path)

    undirected = g.to_undirected(as_view=True)
    times = []
    lengths = []
    with open(os.path.join(directory, "pairs.tsv")) as f:
        pairs = [tuple(int(x) for x in line.split()) for line in f if line.strip()]
    for s, tgt in pairs:
        t = time.perf_counter()
        try:
            p = nx.bidirectional_shortest_path(undirected, ids[s], ids[tgt])
            lengths.append(len(p) - 1)
        except nx.NetworkXNoPath:
            lengths.append(-1)
        times.append(time.perf_counter() - t)
    times.sort()
    out["path_p50_s"] = times[len(times) // 2]
    out["path_p99_s"] = times[min(len(times) - 1, int(len(times) * 0.99))]
    out["path_lengths"] = lengths

    t = time.perf_counter()
    network = coissue(g)
    out["coissue_s"] = time.perf_counter() - t
    out["coissue_pairs"] = len(network)
    with open(os.path.join(directory, "agency.txt"), encoding="utf-8") as f:
        agency = f.read().strip()
    t = time.perf_counter()
    one = coissue(g, agency)
    out["coissue_one_s"] = time.perf_counter() - t
    out["coissue_one_pairs"] = len(one)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
