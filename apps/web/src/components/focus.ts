/**
 * Moves focus to the element with this id, as GOV.UK Frontend's error summary and skip link do:
 * a field's legend or label is scrolled into view with it, and an element that cannot take focus
 * is given `tabindex="-1"` until it loses focus again.
 */
export function focusById(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  if (target.tabIndex < 0 && !target.hasAttribute("tabindex")) {
    target.setAttribute("tabindex", "-1");
    target.addEventListener("blur", () => target.removeAttribute("tabindex"), { once: true });
  }
  const legend = target.closest("fieldset")?.querySelector("legend");
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  (legend ?? label ?? target).scrollIntoView();
  target.focus({ preventScroll: true });
  return true;
}
