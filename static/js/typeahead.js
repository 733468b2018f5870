// Many choices from a long list (core.widgets.TypeAheadCheckboxes): the chosen entries arrive
// as ticked checkboxes; a search field below asks the JSON endpoint for matching entries
// (shown as suggestions) and adds the one picked as another ticked checkbox.
function typeAheadMany(box) {
  if (box.dataset.ready) return;
  box.dataset.ready = "1";
  const input = document.createElement("input");
  const list = document.createElement("datalist");
  input.type = "search";
  input.className = "form-control form-control-sm mt-1";
  input.autocomplete = "off";
  input.placeholder = box.dataset.hint || "";
  input.setAttribute("aria-label", box.dataset.hint || "");
  list.id = `${box.dataset.id}-suggestions`;
  input.setAttribute("list", list.id);
  box.append(input, list);
  let found = new Map();
  let timer = null;
  const ask = () => {
    const url = `${box.dataset.typeaheadMany}?q=${encodeURIComponent(input.value.trim())}`;
    suggestions(url, list)
      .then((entries) => {
        if (entries) found = entries;
      })
      .catch(() => {});
  };
  const add = (id, label) => {
    const boxId = `${box.dataset.id}_${id}`;
    const existing = document.getElementById(boxId);
    if (existing) {
      existing.checked = true;
    } else {
      const row = document.createElement("div");
      row.className = "form-check";
      const check = document.createElement("input");
      check.type = "checkbox";
      check.className = "form-check-input";
      check.name = box.dataset.name;
      check.value = String(id);
      check.id = boxId;
      check.checked = true;
      const text = document.createElement("label");
      text.className = "form-check-label";
      text.htmlFor = boxId;
      text.textContent = label;
      row.append(check, text);
      input.before(row);
    }
    input.value = "";
  };
  input.addEventListener("focus", ask, { once: true });
  input.addEventListener("input", () => {
    if (found.has(input.value)) {
      add(found.get(input.value), input.value);
      return;
    }
    clearTimeout(timer);
    timer = setTimeout(ask, 150);
  });
}
const startTypeAheadMany = (root) =>
  root.querySelectorAll("[data-typeahead-many]").forEach(typeAheadMany);
document.addEventListener("DOMContentLoaded", () => startTypeAheadMany(document));
document.addEventListener("htmx:afterSettle", (event) => {
  startTypeAheadMany(event.target);
  // a form field validated in place comes back as a plain select: search beside it again
  event.target.querySelectorAll("select[data-typeahead]:not([hidden])").forEach(typeAhead);
});
