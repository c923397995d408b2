#!/usr/bin/env python3
"""Score entity mentions (JSONL: file, line, kind, canonical, surface, confidence) against the gold
agencies/regions/programmes, the way shared/eval/score.py matches nodes: a predicted entity is the set of
its canonical name and every surface seen (NFKC, no spaces); it hits a gold item when the sets intersect.
Predictions matching only uncertain/peripheral gold items are neutral.

usage: score_mentions.py MENTIONS.jsonl GOLD_DIR [--min-confidence X] [--show-fp] [--show-fn]
"""
import json, os, re, sys, unicodedata
from collections import defaultdict

def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    s = re.sub(r"\s+", "", s)
    for a, b in (("〔", "["), ("〕", "]"), ("【", "["), ("】", "]")):
        s = s.replace(a, b)
    for q in ("“", "”", "\"", "《", "》", "〈", "〉"):
        s = s.replace(q, "")
    return s.replace("—", "-").replace("－", "-").replace("–", "-")

def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    minc = 0.0
    if "--min-confidence" in sys.argv:
        minc = float(sys.argv[sys.argv.index("--min-confidence") + 1])
        args = [a for a in args if a != str(minc) and a != sys.argv[sys.argv.index("--min-confidence") + 1]]
    mentions = [json.loads(l) for l in open(args[0], encoding="utf-8") if l.strip()]
    gold_dir = args[1]
    totals = defaultdict(lambda: [0, 0, 0, 0])
    for folder in sorted(os.listdir(gold_dir)):
        gpath = os.path.join(gold_dir, folder)
        if not os.path.isdir(gpath):
            continue
        stem = folder.split("-part")[0]
        lo, hi = 1, 10 ** 9
        rp = os.path.join(gpath, "range.json")
        if os.path.exists(rp):
            r = json.load(open(rp)); lo, hi = r.get("first_line", lo), r.get("last_line", hi)
        for kind, fname in (("agency", "agencies"), ("region", "regions"), ("programme", "programmes")):
            gold = [json.loads(l) for l in open(os.path.join(gpath, fname + ".jsonl"), encoding="utf-8") if l.strip()]
            gsets = [({norm(g["canonical"])} | {norm(s) for s in g.get("surfaces", [])}) - {""} for g in gold]
            certain = [not g.get("uncertain") and g.get("confidence", "core") == "core" for g in gold]
            preds = defaultdict(set)
            for m in mentions:
                if m["kind"] == kind and os.path.splitext(m["file"])[0] == stem and lo <= m["line"] <= hi \
                        and m["confidence"] >= minc:
                    preds[m["id"]] |= {norm(m["canonical"]), norm(m["surface"])}
                    preds[m["id"]].discard("")
            tp_p = n_p = 0
            fps = []
            for pid, names in preds.items():
                hit = [i for i, gs in enumerate(gsets) if names & gs]
                if hit and not any(certain[i] for i in hit):
                    continue
                n_p += 1
                tp_p += bool(hit)
                if not hit:
                    fps.append(pid)
            fns = [gold[i]["canonical"] for i in range(len(gold)) if certain[i] and not any(gsets[i] & n for n in preds.values())]
            tp_g = sum(1 for i in range(len(gold)) if certain[i]) - len(fns)
            n_g = sum(certain)
            t = totals[kind]
            t[0] += tp_p; t[1] += n_p; t[2] += tp_g; t[3] += n_g
            if "--show-fp" in sys.argv and fps:
                print(f"FP {folder} {kind}: {' '.join(sorted(fps))}")
            if "--show-fn" in sys.argv and fns:
                print(f"FN {folder} {kind}: {' '.join(fns)}")
    for kind, (tp_p, n_p, tp_g, n_g) in totals.items():
        p = tp_p / n_p if n_p else 1.0
        r = tp_g / n_g if n_g else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{kind:10s} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({n_p} predicted, {n_g} gold)")

main()
