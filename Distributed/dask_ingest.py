#!/usr/bin/env python3
"""Sharded `kg ingest` on a Dask distributed cluster, merged into one snapshot.

    python3 Distributed/dask_ingest.py corpus/ portal.zip --graph all.kgs --shards 64 --scheduler tcp://10.0.0.5:8786
    python3 Distributed/dask_ingest.py corpus/ --graph all.kgs            # a LocalCluster of 2 worker processes here

The inputs are partitioned by `kg ingest PATHS --shard K/N` itself (the path below each named folder or archive,
hashed with FNV-1a: every worker cuts the same shards whatever path it mounts the shared folder at). The client
submits one task per shard; each task runs the `kg` binary on a worker, writing `shard-K.kgs` into the shared work
folder, and a last task runs `kg merge` over the shard snapshots. The merged graph equals what one `kg ingest PATHS`
run in the same folder would build (its JSONL export is byte-identical).

What a cluster needs: the `kg` binary and the ontology (`--kg`, `--ontology`, or $KG_ONTOLOGY) at the same path on
every worker, and one shared folder (NFS, CephFS, …) holding the inputs and the work folder, at the same path on
every worker (the paths named here are resolved against --cwd there). Tasks are retried (`--retries`): `kg ingest`
is incremental, so a retried shard skips what its snapshot already holds.
"""
import argparse
import os
import subprocess
import sys
import time

from dask.distributed import Client, LocalCluster, get_worker

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _run(command, cwd):
    """Runs a kg command on a worker; returns (exit status, standard output, standard error)."""
    completed = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return completed.returncode, completed.stdout, completed.stderr


def ingest_shard(kg, paths, shard, count, graph, cwd, ontology=None, jobs=None):
    """One Dask task: `kg ingest PATHS --shard shard/count --graph graph` in `cwd`. Raises when kg fails, so Dask
    retries the task (the shard's snapshot keeps what it already saved)."""
    try:
        worker = get_worker()
        address, threads = worker.address, worker.state.nthreads
    except ValueError:  # called outside a worker
        address, threads = "local", os.cpu_count() or 1
    jobs = jobs or threads
    command = [kg, "ingest", *paths, "--shard", f"{shard}/{count}", "--graph", graph, "--jobs", str(jobs)]
    if ontology:
        command += ["--ontology", ontology]
    started = time.time()
    status, out, err = _run(command, cwd)
    if status != 0:
        raise RuntimeError(f"kg ingest --shard {shard}/{count} failed with status {status}:\n{err}{out}")
    return {"shard": shard, "graph": graph, "worker": address, "summary": out.strip(), "seconds": time.time() - started}


def merge_shards(kg, shards, graph, cwd):
    """The last Dask task: `kg merge SHARDS --graph graph` in `cwd`."""
    status, out, err = _run([kg, "merge", *shards, "--graph", graph], cwd)
    if status != 0:
        raise RuntimeError(f"kg merge failed with status {status}:\n{err}{out}")
    return out.strip()


def run(paths, graph, client, shards=None, kg=None, cwd=None, workdir=None, ontology=None, jobs=None, retries=2):
    """Ingests `paths` in `shards` parts on the cluster behind `client` and merges them into `graph`. Returns
    {"merge": kg merge's summary line, "shards": one dict per shard task (shard, graph, worker, summary, seconds)}.
    Relative paths (inputs, graph, work folder) are taken relative to `cwd`."""
    kg = os.path.abspath(kg or os.environ.get("KG_BINARY") or os.path.join(ROOT, ".build", "release", "kg"))
    cwd = os.path.abspath(cwd or os.getcwd())
    workers = client.scheduler_info()["workers"]
    if shards is None:
        shards = max(1, sum(w.get("nthreads", 1) for w in workers.values()))
    workdir = os.path.join(cwd, workdir or (graph + ".shards"))  # default: beside the merged snapshot
    os.makedirs(workdir, exist_ok=True)
    shard_graphs = [os.path.join(workdir, f"shard-{k}.kgs") for k in range(shards)]
    futures = [client.submit(ingest_shard, kg, list(paths), k, shards, shard_graphs[k], cwd, ontology, jobs,
                             key=f"kg-ingest-shard-{k}-of-{shards}", retries=retries, pure=False)
               for k in range(shards)]
    results = client.gather(futures)
    for r in results:
        print(f"shard {r['shard']}/{shards} on {r['worker']}: {r['summary']} [{r['seconds']:.1f} s]", file=sys.stderr)
    merged = client.submit(merge_shards, kg, shard_graphs, graph, cwd, key=f"kg-merge-{shards}", pure=False)
    return {"merge": merged.result(), "shards": results}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("paths", nargs="+", help="files, folders and .zip archives, as `kg ingest` takes them")
    parser.add_argument("--graph", required=True, help="the merged snapshot to write")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster here)")
    parser.add_argument("--local-workers", type=int, default=2, help="worker processes of the LocalCluster (default 2)")
    parser.add_argument("--shards", type=int, help="number of shards (default: the cluster's worker threads)")
    parser.add_argument("--kg", help="the kg binary on every worker (default: $KG_BINARY or .build/release/kg)")
    parser.add_argument("--ontology", help="the ontology folder on every worker (default: kg's own)")
    parser.add_argument("--cwd", help="the folder, same path on every worker, that relative paths start from")
    parser.add_argument("--workdir", help="folder for the shard snapshots, relative to --cwd (default: GRAPH.shards)")
    parser.add_argument("--jobs", type=int, help="kg ingest threads per shard (default: the worker's threads)")
    parser.add_argument("--retries", type=int, default=2, help="retries of a failed shard task (default 2)")
    args = parser.parse_args(argv)

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        print(run(args.paths, args.graph, client, shards=args.shards, kg=args.kg, cwd=args.cwd, workdir=args.workdir,
                  ontology=args.ontology, jobs=args.jobs, retries=args.retries)["merge"])
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    main()
