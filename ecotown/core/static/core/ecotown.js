// EcoTown's own behaviour. The strict CSP forbids inline handlers (onchange="…", javascript: URLs), so pages mark
// elements with data-* attributes and this file wires them up. HTMX reads the CSRF token from the body's hx-headers.

// <select data-autosubmit> (or any field): submit its form as soon as the value changes.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (!field || !field.form) return;
  if (field.form.requestSubmit) field.form.requestSubmit();
  else field.form.submit();
});
