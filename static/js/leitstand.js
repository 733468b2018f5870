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
