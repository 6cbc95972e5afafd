// The search page: documents and entities of window.REPORT_INDEX (assets/search-index.js)
// filtered as you type, a page of results at a time. The state lives in the URL's hash
// (#q=…&label=…&status=…&flagged=1), so a search can be linked to and bookmarked.
(function () {
  "use strict";
  var PAGE = 50, DOCS_PER_ENTITY = 12;
  var index = window.REPORT_INDEX || { docs: [], ents: [] };
  var $ = function (id) { return document.getElementById(id); };
  var fields = { q: $("query"), label: $("label"), status: $("status"), flagged: $("flagged") };
  var pages = { doc: 0, ent: 0 };

  var labels = {};
  index.ents.forEach(function (e) { labels[e[0]] = true; });
  Object.keys(labels).sort().forEach(function (label) {
    var option = document.createElement("option");
    option.value = option.textContent = label;
    fields.label.appendChild(option);
  });

  function readHash() {
    var params = new URLSearchParams(window.location.hash.slice(1) || window.location.search.slice(1));
    fields.q.value = params.get("q") || "";
    fields.label.value = params.get("label") || "";
    fields.status.value = params.get("status") || "";
    fields.flagged.checked = params.get("flagged") === "1";
  }

  function writeHash() {
    var params = new URLSearchParams();
    if (fields.q.value) params.set("q", fields.q.value);
    if (fields.label.value) params.set("label", fields.label.value);
    if (fields.status.value) params.set("status", fields.status.value);
    if (fields.flagged.checked) params.set("flagged", "1");
    history.replaceState(null, "", "#" + params.toString());
  }

  function element(tag, text, attributes) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  function docLink(number) {
    var doc = index.docs[number];
    return element("a", doc[0], { href: doc[2], title: doc[1] || doc[0] });
  }

  function pager(nav, total, key) {
    nav.textContent = "";
    var last = Math.max(0, Math.ceil(total / PAGE) - 1);
    if (pages[key] > last) pages[key] = last;
    if (last === 0) return;
    var button = function (text, target, disabled) {
      var b = element("button", text, { type: "button" });
      b.disabled = disabled;
      b.addEventListener("click", function () { pages[key] = target; render(); });
      nav.appendChild(b);
    };
    button("← previous", pages[key] - 1, pages[key] === 0);
    nav.appendChild(element("span", (pages[key] + 1) + " / " + (last + 1)));
    button("next →", pages[key] + 1, pages[key] === last);
  }

  function render() {
    var query = fields.q.value.trim().toLowerCase();
    var label = fields.label.value, status = fields.status.value, flagged = fields.flagged.checked;
    var entities = index.ents.filter(function (e) {
      return (!label || e[0] === label) &&
        (!query || e[1].toLowerCase().indexOf(query) >= 0 || e[4].toLowerCase().indexOf(query) >= 0);
    });
    var named = null;  // documents that mention a matching entity, when searching by entity
    if (query || label) {
      named = {};
      entities.forEach(function (e) { e[3].forEach(function (d) { named[d] = true; }); });
    }
    var docs = [];
    index.docs.forEach(function (doc, number) {
      if (status && doc[3] !== status) return;
      if (flagged && !doc[8]) return;
      if (label && !named[number]) return;
      if (query && !named[number] && doc[0].toLowerCase().indexOf(query) < 0 &&
          (doc[1] || "").toLowerCase().indexOf(query) < 0) return;
      docs.push(number);
    });

    $("doc-count").textContent = docs.length.toLocaleString();
    var body = $("doc-results");
    body.textContent = "";
    docs.slice(pages.doc * PAGE, (pages.doc + 1) * PAGE).forEach(function (number) {
      var doc = index.docs[number], row = element("tr");
      var cell = element("td");
      cell.appendChild(docLink(number));
      if (doc[3] === "error") cell.appendChild(element("span", " failed", { "class": "status-error" }));
      row.appendChild(cell);
      row.appendChild(element("td", doc[1]));
      [4, 5, 6, 7, 8].forEach(function (i) { row.appendChild(element("td", doc[i], { "class": "number" })); });
      body.appendChild(row);
    });
    pager($("doc-pager"), docs.length, "doc");

    $("ent-count").textContent = entities.length.toLocaleString();
    var list = $("ent-results");
    list.textContent = "";
    entities.slice(pages.ent * PAGE, (pages.ent + 1) * PAGE).forEach(function (e) {
      var item = element("li");
      item.appendChild(element("span", e[0], { "class": "ent-label" }));
      item.appendChild(element("strong", " " + e[1] + " "));
      if (e[4]) item.appendChild(element("span", "(" + e[4] + ") ", { "class": "forms" }));
      item.appendChild(element("span", e[2] + " in " + e[3].length + ": ", { "class": "count" }));
      e[3].slice(0, DOCS_PER_ENTITY).forEach(function (d) { item.appendChild(docLink(d)); item.appendChild(document.createTextNode(" ")); });
      if (e[3].length > DOCS_PER_ENTITY) item.appendChild(element("span", "… " + (e[3].length - DOCS_PER_ENTITY) + " more", { "class": "more" }));
      list.appendChild(item);
    });
    pager($("ent-pager"), entities.length, "ent");
  }

  function changed() { pages.doc = pages.ent = 0; writeHash(); render(); }
  fields.q.addEventListener("input", changed);
  [fields.label, fields.status, fields.flagged].forEach(function (f) { f.addEventListener("change", changed); });
  $("filters").addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("hashchange", function () { readHash(); render(); });
  readHash();
  render();
})();
