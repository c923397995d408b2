#!/usr/bin/env python3
"""Reference peer for `kg-bench ingest`: jieba part-of-speech tagging (jieba.posseg) over the same corpus.

usage: jieba_posseg.py [--corpus DIR] [--seconds S] [--rounds N]
Prints one JSON object: {"tool": "jieba.posseg", "version", "bytes", "rounds", "mb_per_s" (median), "tokens"}.
The dictionary is loaded (and one warm-up pass run) before timing.
"""
import argparse, glob, json, os, statistics, time

import jieba
import jieba.posseg as pseg


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "corpus"))
    ap.add_argument("--seconds", type=float, default=1.0)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    files = sorted(glob.glob(os.path.join(args.corpus, "*.txt")))
    if not files:
        raise SystemExit(f"no .txt files in {args.corpus}")
    texts = [open(f, encoding="utf-8", errors="replace").read() for f in files]
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    jieba.setLogLevel(60)
    jieba.initialize()
    tokens = sum(1 for t in texts for _ in pseg.cut(t))  # warm-up, also loads the HMM model
    rates = []
    for _ in range(args.rounds):
        start = time.process_time()  # CPU time, like the Swift side: a loaded machine does not distort it
        passes = 0
        while True:
            for t in texts:
                for _ in pseg.cut(t):
                    pass
            passes += 1
            if time.process_time() - start >= args.seconds:
                break
        rates.append(nbytes * passes / (time.process_time() - start) / 1e6)
    print(json.dumps({"tool": "jieba.posseg", "version": jieba.__version__, "bytes": nbytes, "rounds": args.rounds,
                      "mb_per_s": statistics.median(rates), "tokens": tokens}))


if __name__ == "__main__":
    main()
