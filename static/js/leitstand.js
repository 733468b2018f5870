// Small glue only; pages work without it. No inline scripts (Content-Security-Policy).
document.addEventListener("DOMContentLoaded", () => {
  // Put the cursor on the first field with an error after a failed save.
  const invalid = document.querySelector("form .is-invalid");
  if (invalid) invalid.focus();
  // Filter selects apply themselves when changed.
  document.querySelectorAll("form.filters select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
  document.querySelectorAll("select[data-typeahead]").forEach(typeAhead);
  document.querySelectorAll("input[data-suggestions]").forEach(suggestNames);
});

// A wide table scrolls inside its own box instead of widening the whole page (phones).
function wrapWideTables(root) {
  root.querySelectorAll("main table").forEach((table) => {
    if (table.closest(".table-responsive, .table-wrap")) return;
    const box = document.createElement("div");
    box.className = "table-responsive table-wrap";
    table.parentNode.insertBefore(box, table);
    box.appendChild(table);
  });
}
document.addEventListener("DOMContentLoaded", () => wrapWideTables(document));
document.addEventListener("htmx:afterSettle", (event) => wrapWideTables(event.target));

// "How it is computed" opens on click; whether formulas are shown open is remembered for
// every page (localStorage, this browser only).
const FORMULAS = "leitstand.formulas";
function rememberFormulaChoice(root) {
  let choice = null;
  try { choice = window.localStorage.getItem(FORMULAS); } catch (error) { /* storage off */ }
  root.querySelectorAll("details.formula").forEach((details) => {
    if (choice) details.open = choice === "open";
    if (details.dataset.remembered) return;
    details.dataset.remembered = "yes";
    details.addEventListener("toggle", () => {
      try { window.localStorage.setItem(FORMULAS, details.open ? "open" : "closed"); } catch (error) { /* storage off */ }
    });
  });
}
document.addEventListener("DOMContentLoaded", () => rememberFormulaChoice(document));
document.addEventListener("htmx:afterSettle", (event) => rememberFormulaChoice(event.target));

// What the JSON endpoint of a type-ahead field suggests for `url`: shown in the datalist
// `list`; resolves to the entries' ids by their labels, or to null when a later question was
// asked meanwhile (an answer arriving late must not replace the newer one).
function suggestions(url, list) {
  const asked = String(Number(list.dataset.asked || 0) + 1);
  list.dataset.asked = asked;
  return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : { results: [] }))
    .then((data) => {
      if (list.dataset.asked !== asked) return null;
      list.replaceChildren(
        ...data.results.map((entry) => {
          const option = document.createElement("option");
          option.value = entry.label;
          return option;
        }),
      );
      return new Map(data.results.map((entry) => [entry.label, entry.id]));
    });
}

// A long choice list (core.widgets.TypeAheadSelect) arrives as a select with only "all" and
// the chosen entry. A search field takes its place; what is typed asks the JSON endpoint for
// matching entries (shown as suggestions); picking one sets the select, which submits.
function typeAhead(select) {
  const input = document.createElement("input");
  const list = document.createElement("datalist");
  input.type = "search";
  input.className = "form-control";
  input.autocomplete = "off";
  input.placeholder = select.dataset.typeaheadHint || "";
  input.id = select.id;
  select.id = `${select.id}-value`;
  list.id = `${input.id}-suggestions`;
  input.setAttribute("list", list.id);
  const chosen = select.selectedIndex > 0 ? select.options[select.selectedIndex] : null;
  input.value = chosen ? chosen.textContent : "";
  select.hidden = true;
  select.after(input, list);
  let found = new Map();
  let timer = null;
  const ask = () => {
    const url = `${select.dataset.typeahead}?q=${encodeURIComponent(input.value.trim())}`;
    suggestions(url, list)
      .then((entries) => {
        if (entries) found = entries;
      })
      .catch(() => {});
  };
  const choose = (id, label) => {
    select.replaceChildren(select.options[0]);
    if (id !== null) select.add(new Option(label, String(id), true, true));
    select.value = id === null ? "" : String(id);
    select.dispatchEvent(new Event("change"));
  };
  input.addEventListener("focus", ask, { once: true });
  input.addEventListener("input", () => {
    if (found.has(input.value)) {
      choose(found.get(input.value), input.value);
      return;
    }
    if (input.value === "" && chosen) {
      choose(null, "");
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
}

// A search field for a name (the map's "Open a system's neighbourhood"): what is typed asks
// the JSON endpoint in data-suggestions (core.views.choices_json) for matching names, offered
// as the browser's own suggestion list (arrow keys and Enter work). The form sends the text.
function suggestNames(input) {
  const list = document.createElement("datalist");
  list.id = `${input.id}-suggestions`;
  input.setAttribute("list", list.id);
  input.after(list);
  let timer = null;
  const ask = () => {
    const typed = input.value.trim();
    if (!typed) return;
    const url = `${input.dataset.suggestions}?q=${encodeURIComponent(typed)}`;
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => (response.ok ? response.json() : { results: [] }))
      .then((data) => {
        list.replaceChildren(...data.results.map((entry) => new Option(entry.label)));
      })
      .catch(() => {});
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
}
