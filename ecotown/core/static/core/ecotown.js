// EcoTown's own behaviour. The strict CSP forbids inline handlers (onchange="…", javascript: URLs), so pages mark
// elements with data-* attributes and this file wires them up. HTMX reads the CSRF token from the body's hx-headers.

// <select data-autosubmit> (or any field): submit its form as soon as the value changes.
document.addEventListener("change", (event) => {
  const field = event.target.closest("[data-autosubmit]");
  if (!field || !field.form) return;
  if (field.form.requestSubmit) field.form.requestSubmit();
  else field.form.submit();
});

// <div data-scroll-to=".current-year">: open a wide scrolling table at the given cell (the current fiscal year),
// just right of any sticky first column, instead of at its left edge (three empty past years on a phone).
function scrollToMarked(root) {
  for (const scroller of root.querySelectorAll("[data-scroll-to]")) {
    const target = scroller.querySelector(scroller.dataset.scrollTo);
    if (!target || scroller.scrollWidth <= scroller.clientWidth) continue;
    const sticky = scroller.querySelector(".sticky-column");
    const stickyWidth = sticky ? sticky.getBoundingClientRect().width : 0;
    const offset = target.getBoundingClientRect().left - scroller.getBoundingClientRect().left - stickyWidth;
    scroller.scrollLeft += offset;
  }
}
scrollToMarked(document);
if (document.fonts) document.fonts.ready.then(() => scrollToMarked(document));  // web fonts change widths
document.body.addEventListener("htmx:afterSwap", (event) => scrollToMarked(event.detail.target));
