"""`kg export --format nquads` bulk-loaded into the Oxigraph server (PyPI `oxigraph`: `oxigraph load`, then
`oxigraph serve-read-only` on loopback), asked over HTTP SPARQL which agencies co-issued with 财政部: the same
agencies and counts as `kg coissue 财政部 --json`. Also the other questions Exports/README.md documents (a path to a
programme, the targets of a programme), checked against kg's answers. Graph: ../shared/corpus and ../shared/realdocs.
Skips locally when oxigraph, the kg binary or ../shared is missing; fails in CI (`CI` set)."""
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
IN_CI = bool(os.environ.get("CI"))
PATHS = ["../shared/corpus", "../shared/realdocs"]
PREFIXES = """PREFIX pkg: <https://policykg.example/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


def need(condition, reason):
    if not condition:
        (pytest.fail if IN_CI else pytest.skip)(reason)


def kg(*arguments):
    binary = os.environ.get("KG_BINARY") or os.path.join(ROOT, ".build", "debug", "kg")
    need(os.path.exists(binary), f"no kg binary at {binary}: run `swift build` first")
    return subprocess.run([binary, *arguments], cwd=ROOT, check=True, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True).stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sparql(endpoint, query):
    """Runs a SELECT over HTTP (SPARQL 1.1 protocol, POST application/sparql-query); rows as dicts of strings."""
    request = urllib.request.Request(endpoint + "/query", data=(PREFIXES + query).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/sparql-query",
                                              "Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        results = json.load(response)
    return [{k: v["value"] for k, v in row.items()} for row in results["results"]["bindings"]]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """A read-only Oxigraph server on loopback holding the N-Quads export of corpus + realdocs."""
    oxigraph = shutil.which("oxigraph")
    need(oxigraph, "the Oxigraph server is not installed (pip install oxigraph)")
    need(all(os.path.isdir(os.path.join(ROOT, p)) for p in PATHS), "../shared/corpus or ../shared/realdocs is missing")
    work = tmp_path_factory.mktemp("oxigraph")
    graph = str(work / "kg.kgs")
    kg("ingest", *PATHS, "--graph", graph)
    quads = str(work / "kg.nq")
    kg("export", "--format", "nquads", "--graph", graph, "--out", quads)
    store = str(work / "store")
    subprocess.run([oxigraph, "load", "--location", store, "--file", quads], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen([oxigraph, "serve-read-only", "--location", store, "--bind", f"127.0.0.1:{port}",
                               "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            sparql(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
            break
        except (urllib.error.URLError, ConnectionError):
            if time.time() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("oxigraph serve-read-only did not answer: " + server.stderr.read().decode(errors="replace"))
            time.sleep(0.2)
    yield {"url": url, "graph": graph}
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def test_coissuers_of_the_finance_ministry_over_http_equal_kg_coissue(endpoint):
    expected = {(p["second"]["id"], p["count"]) for p in json.loads(kg("coissue", "财政部", "--json", "--graph", endpoint["graph"]))}
    assert len(expected) >= 3, "the corpus has joint notices of the finance ministry"
    rows = sparql(endpoint["url"], """
        SELECT ?coissuer ?name (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
          ?mof pkg:kgId "agency:财政部" .
          ?doc pkg:issuedBy ?mof , ?other .
          FILTER(?other != ?mof)
          ?other pkg:kgId ?coissuer ; rdfs:label ?name .
        } GROUP BY ?coissuer ?name ORDER BY DESC(?documents) ?coissuer""")
    assert {(r["coissuer"], int(r["documents"])) for r in rows} == expected


def test_targets_of_a_programme_over_http_equal_kg_targets(endpoint):
    rows = json.loads(kg("targets", "--json", "--graph", endpoint["graph"]))
    programmes = sorted({s["id"] for r in rows for s in r["setBy"] if s["kind"] == "programme"})
    assert programmes, "some programme sets targets in the corpus"
    for programme in programmes[:5]:
        expected = {r["target"]["id"] for r in json.loads(kg("targets", programme, "--json", "--graph", endpoint["graph"]))}
        answer = sparql(endpoint["url"], """
            SELECT DISTINCT ?target ?value ?unit ?deadline WHERE {
              ?owner pkg:kgId "%s" .
              { ?owner pkg:setsTarget ?t } UNION { ?doc pkg:issuedBy ?owner ; pkg:setsTarget ?t }
              UNION { ?owner pkg:leads ?doc . ?doc pkg:setsTarget ?t }
              ?t pkg:kgId ?target .
              OPTIONAL { ?t pkg:value ?value } OPTIONAL { ?t pkg:unit ?unit } OPTIONAL { ?t pkg:deadline ?deadline }
            }""" % programme)
        assert {r["target"] for r in answer} == expected, programme


def test_the_path_from_the_finance_ministry_to_ppp_is_found_over_http(endpoint):
    found = json.loads(kg("path", "财政部", "PPP", "--json", "--graph", endpoint["graph"]))
    hops = found["paths"][0]
    assert len(hops) == 2 and hops[0]["relation"] == "issued_by"
    document, programme = hops[0]["to"]["id"], found["to"]["id"]
    rows = sparql(endpoint["url"], """
        SELECT DISTINCT ?document ?relation WHERE {
          ?mof pkg:kgId "agency:财政部" . ?programme pkg:kgId "%s" .
          ?doc pkg:issuedBy ?mof ; ?relation ?programme ; pkg:kgId ?document .
        }""" % programme)
    assert (document, "https://policykg.example/ns#" + hops[1]["relation"]) in {(r["document"], r["relation"]) for r in rows}
