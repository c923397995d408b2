#!/usr/bin/env python3
"""Check that Ontology/policy.ttl parses (rdflib) and that every pkg: term used is declared.
usage: pip install rdflib && python3 Ontology/tools/check_ttl.py [Ontology/policy.ttl]"""
import os, sys
from rdflib import Graph, RDF, RDFS, OWL, Namespace

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "policy.ttl")
g = Graph()
g.parse(path, format="turtle")
PKG = Namespace("https://policykg.example/ns#")
declared = {s for s in g.subjects(RDF.type, None) if str(s).startswith(str(PKG))}
used = {t for triple in g for t in triple if str(t).startswith(str(PKG))}
missing = used - declared
if missing:
    sys.exit(f"{path}: error: undeclared terms: {sorted(str(m) for m in missing)}")
classes = len(set(g.subjects(RDF.type, OWL.Class)))
props = len(set(g.subjects(RDF.type, OWL.ObjectProperty)) | set(g.subjects(RDF.type, OWL.DatatypeProperty)))
print(f"{path}: ok: {len(g)} triples, {classes} classes, {props} properties")
