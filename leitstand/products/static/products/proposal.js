// The catalogue's proposal in the system form: "Apply to empty fields" fills only what is
// still empty, adds the product's capabilities to those chosen, and remembers the product, so
// that saving links the system to the catalogue. Nothing is saved by the click itself.
(function () {
  "use strict";

  function empty(field) {
    return !field || field.value === "" || field.value === null;
  }

  function setValue(field, value) {
    field.value = value;
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function optionByText(select, text) {
    var wanted = text.trim().toLowerCase();
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].text.trim().toLowerCase() === wanted) {
        return select.options[i];
      }
    }
    return null;
  }

  function boxByLabel(form, name, text) {
    var wanted = text.trim().toLowerCase();
    var boxes = form.querySelectorAll("input[type='checkbox'][name='" + name + "']");
    for (var i = 0; i < boxes.length; i++) {
      var label = boxes[i].closest("label") || form.querySelector("label[for='" + boxes[i].id + "']");
      if (label && label.textContent.trim().toLowerCase() === wanted) {
        return boxes[i];
      }
    }
    return null;
  }

  function hidden(form, name, value) {
    var input = form.querySelector("input[name='" + name + "']");
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      form.appendChild(input);
    }
    input.value = value;
  }

  function apply(form, data) {
    var filled = [];
    var byId = function (name) { return form.querySelector("#id_" + name); };
    var kind = byId("kind");
    if (kind && data.kind && empty(kind)) {
      setValue(kind, data.kind); filled.push("kind");
    }
    ["hosting", "jurisdiction", "version"].forEach(function (name) {
      var field = byId(name);
      if (field && data[name] && empty(field)) { setValue(field, data[name]); filled.push(name); }
    });
    var end = byId("end_of_support");
    if (end && data.end_of_support && empty(end)) {
      var value = data.end_of_support;
      if (end.type !== "date") {
        var parts = value.split("-");
        value = parts[2] + "." + parts[1] + "." + parts[0];
      }
      setValue(end, value); filled.push("end_of_support");
    }
    var vendor = byId("vendor");
    if (vendor && data.vendor && empty(vendor)) {
      var option = optionByText(vendor, data.vendor);
      if (option) { setValue(vendor, option.value); }
      filled.push("vendor");
    }
    // Capabilities are ticked beside those ticked already ("Vertrieb" stays, CRM joins it).
    var added = 0;
    data.capabilities.forEach(function (name) {
      var box = boxByLabel(form, "capabilities", name);
      if (box && !box.checked) {
        box.checked = true;
        box.dispatchEvent(new Event("change", { bubbles: true }));
        added++;
      }
    });
    if (added) { filled.push("capabilities"); }
    hidden(form, "catalogue_product", data.product);
    hidden(form, "catalogue_cycle", data.cycle);
    return filled;
  }

  // "Select all" boxes: <input type="checkbox" data-select-all="NAME"> ticks every box NAME.
  document.addEventListener("change", function (event) {
    var all = event.target.closest("input[data-select-all]");
    if (!all) { return; }
    var boxes = document.querySelectorAll("input[type='checkbox'][name='" + all.dataset.selectAll + "']");
    boxes.forEach(function (box) { box.checked = all.checked; });
  });

  // A new name brings a new proposal: forget a product applied for the old name.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.target.id !== "catalogue-form-panel") { return; }
    var form = event.target.closest("form");
    var chosen = form && form.querySelector("input[name='catalogue_product']");
    var shown = event.target.querySelector("[data-product]");
    if (chosen && (!shown || shown.dataset.product !== chosen.value)) {
      chosen.remove();
      var cycle = form.querySelector("input[name='catalogue_cycle']");
      if (cycle) { cycle.remove(); }
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button#apply-proposal[type='button']");
    if (!button) { return; }
    var source = document.getElementById("catalogue-proposal-fields");
    var form = button.closest("form");
    if (!source || !form) { return; }
    apply(form, JSON.parse(source.textContent));
    button.disabled = true;
    button.textContent = button.dataset.done || button.textContent;
  });
})();
