#!/usr/bin/env bash
# Build the example graph, answer a SPARQL query and write the interactive page.
# Run from the repository root after installing (see README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
KG=${KG:-$( [ -x .venv/bin/kg ] && echo .venv/bin/kg || echo kg )}
mkdir -p out
"$KG" build examples/zhejiang_visit.txt -o out/zhejiang.ttl
echo "== Who visited where? (examples/queries/who_visited_where.rq)"
"$KG" query out/zhejiang.ttl examples/queries/who_visited_where.rq
echo "== Who is in the delegation? (examples/queries/delegation_members.rq)"
"$KG" query out/zhejiang.ttl examples/queries/delegation_members.rq
"$KG" viz out/zhejiang.ttl -o out/zhejiang.html --title "Hong Kong Chief Executive visits Zhejiang"
echo "Open out/zhejiang.html in a browser to explore the graph."
