// Small glue only; pages work without it. No inline scripts (Content-Security-Policy).
document.addEventListener("DOMContentLoaded", () => {
  // Put the cursor on the first field with an error after a failed save.
  const invalid = document.querySelector("form .is-invalid");
  if (invalid) invalid.focus();
  // Filter selects apply themselves when changed.
  document.querySelectorAll("form.filters select").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
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
