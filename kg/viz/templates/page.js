/* kg page UI: draws the graph with vis-network and wires the search, filters, details panel and
 * timeline. Every name and sentence reaches the DOM through textContent / text nodes (never
 * innerHTML), and vis-network gets plain-text titles, so article text always shows as text. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodeById = {}, edgeById = {}, factsOf = {}, typeStyle = {};
  data.types.forEach(function (t) { typeStyle[t.name] = t; });
  data.nodes.forEach(function (n) { nodeById[n.id] = n; factsOf[n.id] = []; });
  data.edges.forEach(function (e) {
    edgeById[e.id] = e;
    factsOf[e.from].push(e);
    if (e.to !== e.from) { factsOf[e.to].push(e); }
  });
  var MAX_LABEL = 40;

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function fixed(x) { return x === null || x === undefined ? "not recorded" : x.toFixed(2); }
  function short(s) { return s.length <= MAX_LABEL ? s : s.slice(0, MAX_LABEL - 1) + "…"; }
  function arrow(e) { return e.symmetric ? " — " : " → "; }
  function factText(e) {
    return nodeById[e.from].label + " " + e.relation + arrow(e) + nodeById[e.to].label;
  }

  // ------------------------------------------------------------------ the network
  function nodeTitle(n) {
    var lines = [n.label, n.type];
    if (n.alt.length) { lines.push("also: " + n.alt.join(" · ")); }
    lines.push(n.degree + (n.degree === 1 ? " relation" : " relations") + " · click for details");
    return lines.join("\n");
  }
  function edgeTitle(e) {
    var n = e.evidence.length;
    return factText(e) + "\n" + (e.inferred ? "inferred" : "extracted") + " · confidence " + fixed(e.confidence) +
      " · " + n + (n === 1 ? " piece" : " pieces") + " of evidence\nclick for the sentences";
  }
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var t = typeStyle[n.type];
    return {id: n.id, label: short(n.label), shape: t.shape, color: t.color, size: n.size, title: nodeTitle(n)};
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var colour = e.inferred ? data.style.inferred : data.style.extracted;
    var item = {id: e.id, from: e.from, to: e.to, arrows: e.symmetric ? "" : "to", dashes: e.inferred,
                color: {color: colour, highlight: "#C00000", hover: "#C00000"}, width: e.inferred ? 1.5 : 2,
                title: edgeTitle(e)};
    if (data.style.edgeLabels) { item.label = e.relation; }
    if (e.bend) {  // bend further edges between the same two nodes apart
      item.smooth = {enabled: true, type: "curvedCW", roundness: Math.min(0.2 * e.bend, 0.8)};
    }
    return item;
  }));
  var container = document.getElementById("network");
  var layoutStart = performance.now();
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  var status = document.getElementById("layout-status");

  function settled() {
    network.setOptions({physics: {enabled: false}});  // keep the stabilised layout still
    status.textContent = "";
    window.kgReadyAt = performance.now();
    window.kgReady = true;
  }
  if (data.nodes.length === 0) {
    status.textContent = "Nothing to draw: no entity has a relation.";
    settled();
  } else {
    network.on("stabilizationProgress", function (p) {
      status.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
      // out of time: stopSimulation ends the stabilisation loop, which then reports it is done
      if (performance.now() - layoutStart > data.style.layoutBudgetMs) { network.stopSimulation(); }
    });
    network.once("stabilizationIterationsDone", settled);
  }

  // ------------------------------------------------------------------ filters
  var hiddenNode = {}, hiddenEdge = {};
  function checked(selector) {
    var on = {};
    document.querySelectorAll(selector).forEach(function (box) { on[box.value] = box.checked; });
    return on;
  }
  function applyFilters() {
    var types = checked(".filter-type"), relations = checked(".filter-relation");
    var inferred = document.getElementById("filter-inferred").checked;
    var minimum = parseFloat(document.getElementById("filter-confidence").value);
    document.getElementById("confidence-value").textContent = minimum.toFixed(2);
    var visibleDegree = {}, nodeUpdates = [], edgeUpdates = [], shownNodes = 0, shownEdges = 0;
    data.edges.forEach(function (e) {
      var show = relations[e.relation] !== false && (inferred || !e.inferred) &&
        (e.confidence === null || e.confidence >= minimum) &&
        types[nodeById[e.from].type] !== false && types[nodeById[e.to].type] !== false;
      if (show) { visibleDegree[e.from] = visibleDegree[e.to] = true; shownEdges += 1; }
      if (!show !== !!hiddenEdge[e.id]) { hiddenEdge[e.id] = !show; edgeUpdates.push({id: e.id, hidden: !show}); }
    });
    data.nodes.forEach(function (n) {
      // an entity whose relations are all filtered out goes too (unless it never had any)
      var show = types[n.type] !== false && (n.degree === 0 || !!visibleDegree[n.id]);
      if (show) { shownNodes += 1; }
      if (!show !== !!hiddenNode[n.id]) { hiddenNode[n.id] = !show; nodeUpdates.push({id: n.id, hidden: !show}); }
    });
    if (nodeUpdates.length) { nodes.update(nodeUpdates); }
    if (edgeUpdates.length) { edges.update(edgeUpdates); }
    window.kgVisible = {nodes: shownNodes, edges: shownEdges};
    document.getElementById("visible-counts").textContent =
      "Showing " + shownNodes + " of " + data.nodes.length + " entities, " + shownEdges + " of " +
      data.edges.length + " relations.";
  }
  document.querySelectorAll("#controls input").forEach(function (input) {
    input.addEventListener(input.type === "range" ? "input" : "change", applyFilters);
  });

  // ------------------------------------------------------------------ details panel
  var panel = document.getElementById("panel");
  function clearPanel() { while (panel.firstChild) { panel.removeChild(panel.firstChild); } }
  function factButton(e, text) {
    var button = el("button", {type: "button", "class": "link", "data-edge": e.id, text: text || factText(e)});
    button.addEventListener("click", function () { focusEdge(e.id); });
    return button;
  }
  function entityButton(id) {
    var button = el("button", {type: "button", "class": "link", "data-node": id, text: nodeById[id].label});
    button.addEventListener("click", function () { focusNode(id); });
    return button;
  }
  function documentLine(index) {
    var doc = data.documents[index], parts = [];
    parts.push(doc.url ? el("a", {href: doc.url, target: "_blank", rel: "noopener noreferrer", text: doc.title})
                       : el("cite", {text: doc.title}));
    if (doc.date) { parts.push(" · ", el("time", {text: doc.date})); }
    return el("div", {"class": "source"}, parts);
  }

  function showEntity(id) {
    var n = nodeById[id];
    clearPanel();
    panel.appendChild(el("h2", {text: n.label}));
    panel.appendChild(el("span", {"class": "badge", style: "background:" + typeStyle[n.type].color, text: n.type}));
    if (n.alt.length) {
      panel.appendChild(el("h3", {text: "Also called"}));
      panel.appendChild(el("ul", {"class": "names"}, n.alt.map(function (a) { return el("li", {text: a}); })));
    }
    var facts = factsOf[id].slice().sort(function (a, b) {
      return a.relation < b.relation ? -1 : a.relation > b.relation ? 1 : factText(a) < factText(b) ? -1 : 1;
    });
    panel.appendChild(el("h3", {text: "Facts (" + facts.length + ")"}));
    panel.appendChild(el("ul", {"class": "facts"}, facts.map(function (e) {
      return el("li", {}, [factButton(e), el("span", {"class": "meta", text: " " + fixed(e.confidence) +
        (e.inferred ? " · inferred" : "")})]);
    })));
    if (n.docs.length) {
      panel.appendChild(el("h3", {text: "Mentioned in"}));
      panel.appendChild(el("ul", {}, n.docs.map(function (d) { return el("li", {}, [documentLine(d)]); })));
    }
    panel.appendChild(el("p", {"class": "meta", text: "PageRank " + n.pagerank.toFixed(4) + " · " + id}));
    window.kgPanel = {kind: "entity", id: id};
  }

  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  // The sentence as text nodes, with every mention of the two entities (any of their names,
  // whole words, any case) wrapped in <mark>.
  function highlighted(sentence, names) {
    var terms = names.filter(function (s, i) { return s && names.indexOf(s) === i; })
      .sort(function (a, b) { return b.length - a.length; }).map(escapeRegExp);
    var block = el("blockquote", {"class": "sentence"});
    if (!terms.length) { block.textContent = sentence; return block; }
    var pattern = new RegExp("(?<![\\p{L}\\p{N}])(?:" + terms.join("|") + ")(?![\\p{L}\\p{N}])", "giu");
    var last = 0, match;
    while ((match = pattern.exec(sentence)) !== null) {
      if (match[0].length === 0) { pattern.lastIndex += 1; continue; }
      block.appendChild(document.createTextNode(sentence.slice(last, match.index)));
      block.appendChild(el("mark", {text: match[0]}));
      last = match.index + match[0].length;
    }
    block.appendChild(document.createTextNode(sentence.slice(last)));
    return block;
  }

  function showEdge(id) {
    var e = edgeById[id], from = nodeById[e.from], to = nodeById[e.to];
    var names = [from.label].concat(from.alt, [to.label], to.alt);
    clearPanel();
    panel.appendChild(el("h2", {}, [entityButton(e.from), " " + e.relation + arrow(e), entityButton(e.to)]));
    panel.appendChild(el("p", {"class": "meta", text: (e.inferred ? "Inferred by rules" : "Extracted from text") +
      " · confidence " + fixed(e.confidence)}));
    panel.appendChild(el("h3", {text: "Evidence (" + e.evidence.length + ")"}));
    panel.appendChild(el("ol", {"class": "evidence"}, e.evidence.map(function (index) {
      var ev = data.evidence[index], parts = [];
      if (ev.sentence !== null) { parts.push(highlighted(ev.sentence, names)); }
      if (ev.doc !== null) { parts.push(documentLine(ev.doc)); }
      var meta = [];
      if (ev.rule !== null) { meta.push("rule " + ev.rule); } else if (ev.extractor.length) { meta.push("extractor " + ev.extractor.join(", ")); }
      meta.push("confidence " + fixed(ev.confidence));
      parts.push(el("div", {"class": "meta", text: meta.join(" · ")}));
      if (ev.premises.length) {
        parts.push(el("div", {"class": "meta"}, ["from: "].concat(ev.premises.map(function (p, i) {
          return el("span", {}, [i ? "; " : "", factButton(edgeById[p])]);
        }))));
      }
      return el("li", {}, parts);
    })));
    window.kgPanel = {kind: "edge", id: id};
  }

  // ------------------------------------------------------------------ focus, search, timeline
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.2), animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    showEntity(id);
  }
  function focusEdge(id) {
    var e = edgeById[id], at = network.getPositions([e.from, e.to]);
    network.selectEdges([id]);
    network.moveTo({position: {x: (at[e.from].x + at[e.to].x) / 2, y: (at[e.from].y + at[e.to].y) / 2},
                    scale: Math.max(network.getScale(), 0.8), animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    showEdge(id);
  }
  network.on("click", function (params) {
    if (params.nodes.length) { showEntity(params.nodes[0]); } else if (params.edges.length) { showEdge(params.edges[0]); }
  });

  var searchNames = document.getElementById("search-names"), seen = {};
  data.nodes.forEach(function (n) {
    [n.label].concat(n.alt).forEach(function (name) {
      if (!seen[name]) { seen[name] = true; searchNames.appendChild(el("option", {value: name})); }
    });
  });
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return null; }
    var tests = [
      function (s) { return s.toLowerCase() === q; },
      function (s) { return s.toLowerCase().indexOf(q) === 0; },
      function (s) { return s.toLowerCase().indexOf(q) >= 0; }
    ];
    for (var t = 0; t < tests.length; t++) {
      var best = null;
      data.nodes.forEach(function (n) {
        if ([n.label].concat(n.alt).some(tests[t]) && (!best || n.pagerank > best.pagerank)) { best = n; }
      });
      if (best) { return best.id; }
    }
    return null;
  }
  function search(query) {
    var id = find(query), out = document.getElementById("search-status");
    out.textContent = id ? (hiddenNode[id] ? "hidden by the filters" : "") : "not found";
    if (id) { focusNode(id); }
    return id;
  }
  document.getElementById("search").addEventListener("submit", function (event) {
    event.preventDefault();
    search(document.getElementById("search-input").value);
  });

  var timeline = document.getElementById("timeline-items");
  if (!data.timeline.length) {
    timeline.appendChild(el("li", {"class": "empty", text: "No dated visits or signings."}));
  }
  data.timeline.forEach(function (t) {
    var button = el("button", {type: "button", title: (t.dateText ? "“" + t.dateText + "”" : "") +
      (t.byArticle ? " dated by its article" : "")}, [el("time", {datetime: t.date, text: t.date}), t.label]);
    if (t.modality && t.modality !== "Reported") { button.appendChild(el("span", {"class": "modality", text: t.modality.toLowerCase()})); }
    button.addEventListener("click", function () {
      if (t.edges.length) { focusEdge(t.edges[0]); } else { network.selectNodes(t.nodes); network.fit({nodes: t.nodes, animation: true}); showEntity(t.nodes[0]); }
    });
    timeline.appendChild(el("li", {}, [button]));
  });

  applyFilters();
  // for scripts and tests: the same functions the page's controls call
  window.kg = {data: data, network: network, nodes: nodes, edges: edges, search: search, focusNode: focusNode,
               focusEdge: focusEdge, showEntity: showEntity, showEdge: showEdge, applyFilters: applyFilters};
})();
