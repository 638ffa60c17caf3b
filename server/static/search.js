// The search box on every page: suggestions from /search/suggest while typing (arrows to choose, Enter to open).
// Without this script the box is a plain form that opens the search page.
(function () {
  "use strict";
  const input = document.getElementById("site-search");
  const list = document.getElementById("site-search-suggestions");
  if (!input || !list) return;
  const endpoint = input.dataset.suggest;
  let timer = null;
  let latest = 0;
  let selected = -1;

  function close() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute("aria-expanded", "false");
    selected = -1;
  }

  function show(results) {
    list.replaceChildren();
    selected = -1;
    if (!results.length) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "No match";
      list.append(empty);
    }
    results.forEach((result, index) => {
      const item = document.createElement("li");
      item.setAttribute("role", "option");
      item.id = "site-search-option-" + index;
      const link = document.createElement("a");
      link.href = result.href;
      const name = document.createElement("span");
      name.textContent = result.matched ? `${result.label} (${result.matched})` : result.label;
      const type = document.createElement("span");
      type.className = "type";
      type.textContent = result.type_label;
      link.append(name, type);
      item.append(link);
      list.append(item);
    });
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function choose(index) {
    const options = list.querySelectorAll("li[role=option]");
    options.forEach((option, i) => option.setAttribute("aria-selected", i === index ? "true" : "false"));
    selected = index;
    if (options[index]) input.setAttribute("aria-activedescendant", options[index].id);
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (!query) { close(); return; }
    timer = setTimeout(() => {
      const ticket = ++latest;
      fetch(`${endpoint}?q=${encodeURIComponent(query)}`, { headers: { Accept: "application/json" } })
        .then((response) => (response.ok ? response.json() : { results: [] }))
        .then((answer) => { if (ticket === latest) show(answer.results); })
        .catch(() => close());
    }, 120);
  });

  input.addEventListener("keydown", (event) => {
    const options = list.querySelectorAll("li[role=option]");
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      choose((selected + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault();
      choose((selected - 1 + options.length) % options.length);
    } else if (event.key === "Enter" && selected >= 0 && options[selected]) {
      event.preventDefault();
      window.location.href = options[selected].querySelector("a").href;
    } else if (event.key === "Escape") {
      close();
    }
  });

  document.addEventListener("click", (event) => {
    if (!event.target.closest(".search-box")) close();
  });
})();
