#!/usr/bin/env python3
"""Read PolicyKG exports back with their real consumers and print a JSON summary for the Swift tests.

usage: export_consumers.py CHECK FILE [ARG]
  CHECK: graphml-networkx | graphml-igraph | gexf-networkx | rdf-rdflib FORMAT | nquads-pyoxigraph AGENCY
         | neo4j-csv DIR | jsonl
Exit status 3 with "missing: MODULE" on stderr when the consumer library is not installed.
"""
import json, sys

from peer_support import need


def graphml_networkx(path):
    nx = need("networkx")
    g = nx.read_graphml(path)
    nodes = {}
    for n, d in g.nodes(data=True):
        nodes[d.get("kg_id", n)] = {k: v for k, v in d.items()}
    edges = []
    for s, t, d in g.edges(data=True):
        edges.append([g.nodes[s].get("kg_id", s), g.nodes[t].get("kg_id", t), d.get("relation"),
                      {k: v for k, v in d.items() if k not in ("relation",)}])
    types = {}
    for n, d in g.nodes(data=True):
        for k, v in d.items():
            types.setdefault(k, type(v).__name__)
    return {"directed": g.is_directed(), "multigraph": g.is_multigraph(), "nodes": nodes, "edges": edges,
            "node_value_types": types}


def graphml_igraph(path):
    ig = need("igraph")
    g = ig.Graph.Read_GraphML(path)
    return {"directed": g.is_directed(), "vcount": g.vcount(), "ecount": g.ecount(),
            "vertex_attributes": sorted(g.vs.attributes()), "edge_attributes": sorted(g.es.attributes()),
            "labels": sorted(g.vs["label"]) if "label" in g.vs.attributes() else [],
            "kg_ids": sorted(g.vs["kg_id"]) if "kg_id" in g.vs.attributes() else [],
            "weights": sorted(int(w) for w in g.es["weight"]) if "weight" in g.es.attributes() else []}


def gexf_networkx(path):
    nx = need("networkx")
    g = nx.read_gexf(path, version="1.3")
    nodes = {}
    for n, d in g.nodes(data=True):
        nodes[n] = {k: (v if isinstance(v, (str, int, float, bool)) else str(v)) for k, v in d.items()
                    if k not in ("viz",)}
        if "viz" in d and "color" in d["viz"]:
            c = d["viz"]["color"]
            nodes[n]["rgb"] = [c.get("r"), c.get("g"), c.get("b")]
    edges = []
    for s, t, d in g.edges(data=True):
        edges.append([s, t, {k: (v if isinstance(v, (str, int, float, bool)) else str(v)) for k, v in d.items()}])
    return {"mode": g.graph.get("mode"), "directed": g.is_directed(), "nodes": nodes, "edges": edges}


PKG = "https://policykg.example/ns#"


def rdf_rdflib(path, fmt):
    rdflib = need("rdflib")
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    RDFS = rdflib.RDFS
    label = {}
    for s, o in g.subject_objects(RDFS.label):
        label[str(s)] = str(o)
    kgid = {str(s): str(o) for s, o in g.subject_objects(rdflib.URIRef(PKG + "kgId"))}
    issued = sorted([kgid.get(str(s), str(s)), kgid.get(str(o), str(o))]
                    for s, o in g.subject_objects(rdflib.URIRef(PKG + "issuedBy")))
    attribution = rdflib.URIRef("http://www.w3.org/ns/prov#Attribution")
    orders = sorted(int(o) for s, o in g.subject_objects(rdflib.URIRef(PKG + "order"))
                    if (s, rdflib.RDF.type, attribution) in g)
    exact = sorted(str(o) for o in g.objects(None, rdflib.URIRef("http://www.w3.org/ns/oa#exact")))
    langs = sorted({o.language for o in g.objects(None, RDFS.label) if o.language})
    dates = sorted(f"{o}^^{o.datatype}" for o in g.objects(None, rdflib.URIRef("http://data.europa.eu/eli/ontology#date_document")))
    return {"triples": len(g), "labels": sorted(label.values()), "kg_ids": sorted(kgid.values()),
            "issued_by": issued, "signature_orders": orders, "exact": exact, "label_languages": langs,
            "dates": dates}


def nquads_pyoxigraph(path, agency):
    ox = need("pyoxigraph")
    store = ox.Store()
    with open(path, "rb") as f:
        store.load(f, format=ox.RdfFormat.N_QUADS)
    graphs = sorted(str(g.value) for g in store.named_graphs())
    query = f"""
    PREFIX pkg: <{PKG}>
    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
    SELECT DISTINCT ?otherId WHERE {{
      GRAPH ?g1 {{ ?doc pkg:issuedBy ?a . }}
      GRAPH ?g2 {{ ?doc pkg:issuedBy ?b . }}
      GRAPH ?g3 {{ ?a rdfs:label ?name . }}
      GRAPH ?g4 {{ ?b pkg:kgId ?otherId . }}
      FILTER(STR(?name) = "{agency}" && ?a != ?b)
    }}"""
    answer = sorted(str(row["otherId"].value) for row in store.query(query))
    return {"quads": len(store), "named_graphs": graphs, "coissuers": answer}


def neo4j_csv(directory):
    import csv
    out = {}
    for name in ("nodes.csv", "relationships.csv"):
        with open(f"{directory}/{name}", newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        out[name] = {"header": rows[0], "rows": rows[1:]}
    return out


def jsonl(path):
    records = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            records.append(json.loads(line))
    return {"records": records}


def main():
    check, path = sys.argv[1], sys.argv[2]
    arg = sys.argv[3] if len(sys.argv) > 3 else None
    result = {
        "graphml-networkx": lambda: graphml_networkx(path),
        "graphml-igraph": lambda: graphml_igraph(path),
        "gexf-networkx": lambda: gexf_networkx(path),
        "rdf-rdflib": lambda: rdf_rdflib(path, arg),
        "nquads-pyoxigraph": lambda: nquads_pyoxigraph(path, arg),
        "neo4j-csv": lambda: neo4j_csv(path),
        "jsonl": lambda: jsonl(path),
    }[check]()
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
