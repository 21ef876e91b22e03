"""The page at ``/``: a query editor, the example queries to pick from, results as a table.

One self-contained HTML string (no CDN): the script posts the query to ``/sparql`` with
``fetch`` and lays out SPARQL JSON as a table, ASK as true/false and graph results as Turtle.
Every value is inserted with ``textContent``, so nothing from the graph is read as HTML.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

from ..fileio import read_text
from ..settings import PACKAGE_DIR

#: ``examples/queries`` of a source checkout; an installed package has none (``--queries DIR``).
EXAMPLE_QUERIES = PACKAGE_DIR.parent / "examples" / "queries"
_FALLBACK = {"who_visited_where": "SELECT ?who ?where WHERE {\n  ?a kg:visited ?b . ?a rdfs:label ?who . ?b rdfs:label ?where\n}\nORDER BY ?who ?where"}


def example_queries(folder: Path | None = None) -> dict[str, str]:
    """Name (file stem) → text of the ``.rq`` files in *folder* (default: ``examples/queries``)."""
    folder = folder if folder is not None else EXAMPLE_QUERIES
    if not folder.is_dir():
        return dict(_FALLBACK)
    return {path.stem: read_text(path) for path in sorted(folder.glob("*.rq"))} or dict(_FALLBACK)


def _script_json(value: object) -> str:
    # inside <script>, "</" would end the element: escape it (and the HTML-special characters)
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_page(title: str, queries: dict[str, str], triples: int, allow_update: bool) -> str:
    """The query page, as a string."""
    first = next(iter(queries.values()), "")
    options = "".join(f'<option value="{html.escape(name)}">{html.escape(name.replace("_", " "))}</option>' for name in queries)
    note = "updates allowed (in memory, not saved)" if allow_update else "read-only"
    return _TEMPLATE.format(
        title=html.escape(title), triples=triples, note=note, options=options, first=html.escape(first),
        queries=_script_json(queries),
    )


_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font: 15px/1.4 system-ui, sans-serif; margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #222; }}
textarea {{ width: 100%; height: 14em; font: 13px/1.35 ui-monospace, monospace; box-sizing: border-box; }}
table {{ border-collapse: collapse; margin-top: 1em; width: 100%; }}
th, td {{ border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; font-size: 13px; }}
th {{ background: #f2f2f2; }}
#status {{ margin-left: 1em; color: #555; }} #status.error {{ color: #b00020; }}
pre {{ background: #f7f7f7; padding: .8em; overflow: auto; }}
</style></head>
<body>
<h1>{title}</h1>
<p>{triples} triples, {note}. SPARQL endpoint: <code>/sparql</code> (SPARQL 1.1 Protocol) ·
<a id="graph-link" href="graph">graph view</a></p>
<label>Example query <select id="examples">{options}</select></label>
<form id="form"><textarea id="query" name="query" spellcheck="false">{first}</textarea><br>
<button type="submit" id="run">Run query</button><span id="status"></span></form>
<div id="results"></div>
<script>
const QUERIES = {queries};
const form = document.getElementById("form"), editor = document.getElementById("query");
const statusLine = document.getElementById("status"), results = document.getElementById("results");
document.getElementById("examples").addEventListener("change", e => {{ editor.value = QUERIES[e.target.value]; }});
function cell(row, tag, text) {{ const c = document.createElement(tag); c.textContent = text; row.appendChild(c); }}
function showTable(data) {{
  const table = document.createElement("table"), head = table.createTHead().insertRow();
  const vars = data.head.vars || [];
  vars.forEach(v => cell(head, "th", v));
  const body = table.createTBody();
  data.results.bindings.forEach(b => {{ const row = body.insertRow(); vars.forEach(v => cell(row, "td", b[v] ? b[v].value : "")); }});
  results.replaceChildren(table);
  return data.results.bindings.length + " row(s)";
}}
form.addEventListener("submit", async e => {{
  e.preventDefault();
  statusLine.className = ""; statusLine.textContent = "running…";
  const started = performance.now();
  try {{
    const response = await fetch("sparql", {{ method: "POST", body: editor.value, headers: {{
      "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json, text/turtle;q=0.9" }} }});
    const type = response.headers.get("Content-Type") || "", text = await response.text();
    if (!response.ok) {{ statusLine.className = "error"; statusLine.textContent = text.trim(); results.replaceChildren(); return; }}
    let summary;
    if (type.startsWith("application/sparql-results+json")) {{
      const data = JSON.parse(text);
      if ("boolean" in data) {{ const p = document.createElement("p"); p.textContent = "ASK: " + data.boolean; results.replaceChildren(p); summary = String(data.boolean); }}
      else summary = showTable(data);
    }} else {{ const pre = document.createElement("pre"); pre.textContent = text; results.replaceChildren(pre); summary = "graph result"; }}
    if (response.headers.get("X-Kg-Truncated")) summary += " (cut at the server's row limit)";
    statusLine.textContent = summary + " in " + Math.round(performance.now() - started) + " ms";
  }} catch (err) {{ statusLine.className = "error"; statusLine.textContent = String(err); }}
}});
</script>
</body></html>
"""
