// The query editor: YASGUI pointed at this endpoint, with the project's prefixes and the example queries as tabs.
(function () {
  "use strict";
  const settings = JSON.parse(document.getElementById("editor-settings").textContent);
  // The editor's bundle (YASGUI, 1 MB) is fetched on the first sign of a person (pointer, touch, key, focus,
  // scroll): the page and its examples show at once, and crawlers never pay for the editor. The bundle's <script>
  // has a type browsers do not run, so the page names it without loading it.
  const bundle = document.getElementById("yasgui-bundle");
  const TRIGGERS = ["pointerdown", "pointermove", "touchstart", "keydown", "focusin", "wheel", "scroll"];
  let pending = null; // an example clicked before the editor ran
  let openExample = (name) => { pending = name; };
  let loading = false;

  function load() {
    if (loading) return;
    loading = true;
    TRIGGERS.forEach((name) => window.removeEventListener(name, load, true));
    const script = document.createElement("script");
    script.src = bundle.getAttribute("src");
    script.addEventListener("load", () => {
      const placeholder = document.querySelector("#yasgui .editor-placeholder");
      if (placeholder) placeholder.remove();
      start();
      if (pending) openExample(pending);
    });
    document.head.appendChild(script);
  }
  TRIGGERS.forEach((name) => window.addEventListener(name, load, { capture: true, passive: true }));
  document.querySelectorAll("button.example").forEach((button) => {
    button.addEventListener("click", () => { openExample(button.dataset.example); load(); });
  });
  // The editor will run: the plain form under it is only for browsers without JavaScript.
  document.querySelectorAll(".plain-query").forEach((form) => { form.hidden = true; });

  function start() {
    const prologue = Object.entries(settings.prefixes)
      .map(([prefix, namespace]) => `PREFIX ${prefix}: <${namespace}>`)
      .join("\n");
    const examples = new Map(settings.examples.map((example) => [example.name, example]));
    const firstExample = settings.examples[0];

    // Every tab asks this endpoint: YASGUI's own default is DBpedia, and a new tab copies the defaults.
    Yasgui.defaults.requestConfig = { ...Yasgui.defaults.requestConfig, endpoint: settings.endpoint, method: "POST" };
    Yasgui.Yasqe.defaults.value = firstExample ? firstExample.query
      : `${prologue}\n\nSELECT * WHERE {\n  ?s ?p ?o\n} LIMIT 10\n`;

    // Typing "akg:" adds "PREFIX akg: <…>": the project's prefixes first, then YASQE's bundled list.
    const Yasqe = Yasgui.Yasqe;
    const ours = Object.entries(settings.prefixes).map(([prefix, namespace]) => `${prefix}: <${namespace}>`);
    const ourNames = new Set(Object.keys(settings.prefixes));
    Yasqe.forkAutocompleter("prefixes", {
      name: "projectPrefixes",
      persistenceId: null,
      get: (yasqe) => Promise.resolve(Yasqe.Autocompleters.prefixes.get(yasqe))
        .then((common) => ours.concat(common.filter((line) => !ourNames.has(line.split(":")[0])))),
    }, false);
    // Autocompletion of classes and properties would call an outside service (LOV): keep to local completers.
    Yasqe.defaults.autocompleters = ["variables", "projectPrefixes"];

    // Result cells as a reader wants them: a resource's label (else its prefixed name) linking to its page on this
    // site, and a literal's plain value (its datatype or language in the tooltip), never "11"^^<…#integer>.
    const labels = new Map(); // IRI -> label, or null once asked and none found
    // The IRI base and the ontology's namespace, read from the project's prefixes (res: is <base>resource/).
    const base = settings.prefixes.res.replace(/resource\/$/, "");
    const ontology = settings.prefixes.akg;
    const namespaces = Object.entries(settings.prefixes).sort((a, b) => b[1].length - a[1].length);
    const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

    function prefixed(iri) {
      for (const [prefix, namespace] of namespaces) {
        if (iri.startsWith(namespace) && /^[\w\-.\/]+$/.test(iri.slice(namespace.length))) {
          return `${prefix}:${iri.slice(namespace.length)}`;
        }
      }
      return iri;
    }

    function localHref(iri) {
      if (iri.startsWith(ontology)) return `/ontology#${encodeURIComponent(iri.slice(ontology.length))}`;
      if (iri.startsWith(base)) {
        const rest = iri.slice(base.length);
        if (/^(resource|source|graph)\//.test(rest)) return `/${rest}`;
      }
      return /^https?:\/\//i.test(iri) ? iri : null;
    }

    function cellHtml(binding) {
      if (binding.type === "uri") {
        const href = localHref(binding.value);
        const text = escapeHtml(labels.get(binding.value) || prefixed(binding.value));
        const title = escapeHtml(binding.value);
        return href ? `<a class="iri" href="${escapeHtml(href)}" title="${title}">${text}</a>`
          : `<span class="iri" title="${title}">${text}</span>`;
      }
      if (binding.type === "bnode") return `<span class="bnode">_:${escapeHtml(binding.value)}</span>`;
      const note = binding["xml:lang"] ? `@${binding["xml:lang"]}` : (binding.datatype ? prefixed(binding.datatype) : "");
      const lang = binding["xml:lang"] ? ` lang="${escapeHtml(binding["xml:lang"])}"` : "";
      return `<span class="literal"${lang} title="${escapeHtml(note)}">${escapeHtml(binding.value)}</span>`;
    }

    const Table = Yasgui.Yasr.plugins.table;
    Table.prototype.getCellContent = function (binding) { return `<div>${cellHtml(binding)}</div>`; };

    // Labels of the IRIs of an answer are asked for once, with one query, then the table is drawn again.
    function askLabels(yasr) {
      const bindings = (yasr.results && yasr.results.getBindings && yasr.results.getBindings()) || [];
      const wanted = new Set();
      for (const row of bindings) {
        for (const term of Object.values(row)) {
          if (term.type === "uri" && !labels.has(term.value) && localHref(term.value) !== term.value) wanted.add(term.value);
        }
      }
      const iris = [...wanted].slice(0, 300);
      if (!iris.length) return;
      iris.forEach((iri) => labels.set(iri, null));
      const query = "SELECT ?iri (SAMPLE(?text) AS ?label) WHERE { VALUES ?iri { "
        + iris.map((iri) => `<${iri}>`).join(" ")
        + ` } ?iri <${settings.prefixes.rdfs}label> ?text FILTER(LANG(?text) = "en" || LANG(?text) = "") }`
        + " GROUP BY ?iri";
      fetch(settings.endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/sparql-results+json" },
        body: new URLSearchParams({ query }),
      }).then((response) => (response.ok ? response.json() : null)).then((answer) => {
        if (!answer) return;
        let found = 0;
        for (const row of answer.results.bindings) {
          if (row.label) { labels.set(row.iri.value, row.label.value); found += 1; }
        }
        if (found && yasr.results) yasr.draw();
      }).catch(() => {}); // labels are a nicety: the prefixed names stay
    }

    let yasgui = null;
    let errorMark = null;
    // A refused query: the endpoint's message (line, column and a caret under the failing token), the token marked
    // in the editor; the query stays in the editor as it was.
    const errorRenderer = async (error) => {
      const text = error && (typeof error.text === "string" ? error.text : (error.response && error.response.text));
      if (!text) return undefined;
      const box = document.createElement("div");
      box.className = "query-error";
      const pre = document.createElement("pre");
      pre.textContent = text;
      box.appendChild(pre);
      markError(text);
      return box;
    };

    Yasgui.Yasr.defaults.errorRenderers = [errorRenderer];
    // /sparql#query=… (the "back to the editor" link of an error page): the query opens in a tab of its own. It is
    // taken out of the address first, or YASGUI would run it in the current tab as one of its share links.
    const kept = new URLSearchParams(window.location.hash.slice(1)).get("query");
    if (kept) history.replaceState(null, "", window.location.pathname);
    yasgui = new Yasgui(document.getElementById("yasgui"), {
      requestConfig: { endpoint: settings.endpoint, method: "POST" },
      copyEndpointOnNewTab: false,
      endpointCatalogueOptions: { getData: () => [{ endpoint: settings.endpoint }] },
      // A new name: tabs kept by older versions of this page asked DBpedia.
      persistenceId: "ascenso-kg-editor-v2",
    });

    // The failing token of the endpoint's message ("… at line 2, column 7 …"), marked in the current tab's editor.
    function markError(text) {
      const where = /line (\d+), column (\d+)/.exec(text);
      const tab = yasgui && yasgui.getTab();
      if (!where || !tab) return;
      const yasqe = tab.getYasqe();
      const line = Number(where[1]) - 1;
      const column = Number(where[2]) - 1;
      const token = /^\S*/.exec((yasqe.getLine(line) || "").slice(column))[0];
      if (errorMark) errorMark.clear();
      errorMark = yasqe.markText({ line, ch: column }, { line, ch: column + Math.max(token.length, 1) },
        { className: "query-error-token", title: "The query cannot be read from here" });
    }
    function watch(tab) {
      if (tab.ascensoWatched) return;
      tab.ascensoWatched = true;
      tab.setEndpoint(settings.endpoint);
      const yasr = tab.getYasr();
      const yasqe = tab.getYasqe();
      yasr.on("drawn", () => { askLabels(yasr); labelResultControls(tab); });
      yasqe.on("query", () => { if (errorMark) { errorMark.clear(); errorMark = null; } });
      label(tab);
    }

    // Names for the controls YASGUI leaves unnamed, so that screen readers can tell them apart.
    function label(tab) {
      const panel = document.getElementById(tab.getId());
      if (!panel) return;
      panel.querySelectorAll("input.autocomplete").forEach((input) => input.setAttribute("aria-label", "SPARQL endpoint"));
      panel.querySelectorAll(".CodeMirror textarea").forEach((area) => area.setAttribute("aria-label", "SPARQL query"));
      // The editor's scrolling box is reachable by keyboard, as a scrolling region must be.
      panel.querySelectorAll(".CodeMirror-scroll").forEach((box) => box.setAttribute("tabindex", "0"));
    }
    function labelResultControls(tab) {
      const panel = document.getElementById(tab.getId());
      if (!panel) return;
      panel.querySelectorAll("select.tableSizer").forEach((select) => select.setAttribute("aria-label", "Rows per page"));
      panel.querySelectorAll("input.tableFilter").forEach((input) => input.setAttribute("aria-label", "Filter the rows"));
    }
    // A tab list may hold only tabs: the "+" button (a new empty tab; the examples open tabs too) is for pointers.
    function tidyTabList() {
      document.querySelectorAll(".tabsList .addTab").forEach((button) => {
        button.setAttribute("tabindex", "-1");
        button.parentElement.setAttribute("aria-hidden", "true");
      });
    }
    Object.values(yasgui._tabs || {}).forEach(watch);
    yasgui.on("tabSelect", (_instance, id) => setTimeout(() => { const tab = yasgui.getTab(id); if (tab) watch(tab); }));
    yasgui.on("tabAdd", (_instance, id) => setTimeout(() => { const tab = yasgui.getTab(id); if (tab) watch(tab); }));
    if (yasgui.getTab()) watch(yasgui.getTab());
    tidyTabList();


    function openQuery(name, query) {
      const tab = yasgui.addTab(true, { ...Yasgui.Tab.getDefaults(yasgui), name });
      tab.setEndpoint(settings.endpoint);
      tab.setQuery(query);
      watch(tab);
      return tab;
    }

    openExample = (name) => {
      const example = examples.get(name);
      if (example) openQuery(example.title, example.query);
    };
    if (kept) openQuery("Your query", kept);
  }
  // /sparql#query=… (the error page's way back): a person follows that link, so the editor starts at once.
  if (window.location.hash.includes("query=")) load();
})();
