"""Distributed/dask_ingest.py on a LocalCluster of 2 worker processes: the merged graph of ../shared/corpus and
../shared/realdocs exports the JSONL of one `kg ingest` of the same paths, byte for byte. Skips locally when dask,
distributed, the kg binary or ../shared is missing; fails in CI (`CI` set)."""
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
IN_CI = bool(os.environ.get("CI"))
PATHS = ["../shared/corpus", "../shared/realdocs"]


def need(condition, reason):
    if not condition:
        (pytest.fail if IN_CI else pytest.skip)(reason)


def kg_binary():
    path = os.environ.get("KG_BINARY") or os.path.join(ROOT, ".build", "debug", "kg")
    need(os.path.exists(path), f"no kg binary at {path}: run `swift build` first")
    return path


def export_jsonl(kg, graph, out):
    subprocess.run([kg, "export", "--format", "jsonl", "--graph", graph, "--out", out], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    with open(out, "rb") as f:
        return f.read()


def test_dask_shards_merge_to_the_one_process_graph(tmp_path):
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        need(False, "dask and distributed are not installed (pip install dask distributed)")
    need(all(os.path.isdir(os.path.join(ROOT, p)) for p in PATHS), "../shared/corpus or ../shared/realdocs is missing")
    kg = kg_binary()
    sys.path.insert(0, os.path.join(ROOT, "Distributed"))
    import dask_ingest

    one = str(tmp_path / "one.kgs")
    subprocess.run([kg, "ingest", *PATHS, "--graph", one], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    merged = str(tmp_path / "all.kgs")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        result = dask_ingest.run(PATHS, merged, client, shards=4, kg=kg, cwd=ROOT, workdir=str(tmp_path / "shards"))
    assert result["merge"].startswith("merged 4 shards:")
    assert sorted(r["shard"] for r in result["shards"]) == [0, 1, 2, 3]
    assert len({r["worker"] for r in result["shards"]}) == 2, "both worker processes ran shards"
    shard_files = sorted(os.listdir(tmp_path / "shards"))
    assert [f for f in shard_files if f.endswith(".kgs")] == [f"shard-{k}.kgs" for k in range(4)]
    expected = export_jsonl(kg, one, str(tmp_path / "one.jsonl"))
    assert len(expected) > 100_000
    assert export_jsonl(kg, merged, str(tmp_path / "all.jsonl")) == expected
