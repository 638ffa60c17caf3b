// The query editor: YASGUI pointed at this endpoint, with the project's prefixes and the example queries as tabs.
(function () {
  "use strict";
  const settings = JSON.parse(document.getElementById("editor-settings").textContent);
  const prologue = Object.entries(settings.prefixes)
    .map(([prefix, namespace]) => `PREFIX ${prefix}: <${namespace}>`)
    .join("\n");
  const examples = new Map(settings.examples.map((example) => [example.name, example]));
  const firstExample = settings.examples[0];

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

  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: settings.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: settings.endpoint }] },
    persistenceId: "ascenso-kg-editor",
  });

  function openExample(name) {
    const example = examples.get(name);
    if (!example) return;
    const tab = yasgui.addTab(true, { ...Yasgui.Tab.getDefaults(), name: example.title });
    tab.setQuery(example.query);
  }

  document.querySelectorAll("button.example").forEach((button) => {
    button.addEventListener("click", () => openExample(button.dataset.example));
  });
})();
