#!/usr/bin/python3
"""Checks Netwerkkaart's GraphML and CSV exports with independent readers.

Usage: check_graphml.py EXPECTED.json

EXPECTED.json names the files and what they must hold:
  {
    "graphml": "/path/map.graphml",
    "partners_csv": "/path/partners.csv",
    "links_csv": "/path/links.csv",
    "graph": {"school": "...", "date": "..."},           # graph-level data
    "nodes": {"school": {"kind": "school", ...}, "p3": {...}},  # every node, exact data
    "edges": [["p3", "school"], ...],                      # undirected, each once
    "partners_rows": [["id", "text", ...], [...]],         # CSV rows, header first
    "links_rows": [[...], ...]
  }

The GraphML is read with networkx.read_graphml (Debian: python3-networkx), so typed
attributes come back as int/bool/str and must equal the JSON values exactly. The CSVs are
read with the csv module after checking the UTF-8 byte-order mark and CRLF line ends.
Exits 0 when everything matches; otherwise prints each difference and exits 1.
"""
import csv
import io
import json
import sys

import networkx as nx


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        want = json.load(f)
    problems = []

    g = nx.read_graphml(want["graphml"])
    if g.is_directed():
        problems.append("graph is directed")
    for k, v in want.get("graph", {}).items():
        if g.graph.get(k) != v:
            problems.append(f"graph data {k!r}: {g.graph.get(k)!r} != {v!r}")
    nodes = want["nodes"]
    if set(g.nodes) != set(nodes):
        problems.append(f"nodes: {sorted(g.nodes)} != {sorted(nodes)}")
    for n, attrs in nodes.items():
        if n not in g.nodes:
            continue
        got = dict(g.nodes[n])
        if got != attrs:
            problems.append(f"node {n!r}: {got!r} != {attrs!r}")
    got_edges = sorted(tuple(sorted(e)) for e in g.edges())
    want_edges = sorted(tuple(sorted(e)) for e in want["edges"])
    if got_edges != want_edges:
        problems.append(f"edges: {got_edges} != {want_edges}")

    for name in ("partners", "links"):
        with open(want[name + "_csv"], "rb") as f:
            raw = f.read()
        if not raw.startswith(b"\xef\xbb\xbf"):
            problems.append(f"{name}_csv: no UTF-8 byte-order mark")
        text = raw.decode("utf-8-sig")
        # Every line ends in CRLF; LF alone only inside quoted fields.
        if not text.endswith("\r\n"):
            problems.append(f"{name}_csv: does not end in CRLF")
        rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        if rows != want[name + "_rows"]:
            problems.append(f"{name}_csv rows:\n  got  {rows!r}\n  want {want[name + '_rows']!r}")

    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
