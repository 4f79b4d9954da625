/**
 * The page's first paint is its shell (renderShells.tsx), which the member may already be typing in.
 * Once React has rendered the real page below it, this carries over what the shell holds — typed
 * values, ticked boxes, the focus and caret — to the fields of the same id, then removes the shell.
 * Run before the browser paints again, so the swap is never seen.
 */
export function takeOverShell(shell: HTMLElement, root: HTMLElement, focused: Element | null): void {
  for (const from of Array.from(shell.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea"))) {
    if (from.id === "" || from.type === "hidden") continue;
    const to = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${CSS.escape(from.id)}`);
    if (to === null) continue;
    if (from instanceof HTMLInputElement && (from.type === "checkbox" || from.type === "radio")) {
      // A click goes through React's onChange as the member's own would.
      if (to instanceof HTMLInputElement && from.checked !== to.checked) to.click();
    } else if (from.value !== from.defaultValue) {
      // React tracks the value it set; the prototype's setter plus an input event updates its state.
      Reflect.set(Object.getPrototypeOf(to) as object, "value", from.value, to);
      to.dispatchEvent(new Event("input", { bubbles: true }));
    }
    if (from === focused) {
      to.focus();
      if ("setSelectionRange" in to && from.selectionStart !== null) {
        try {
          to.setSelectionRange(from.selectionStart, from.selectionEnd);
        } catch {
          // Types without a caret (e.g. number) refuse a selection.
        }
      }
    }
  }
  shell.remove();
}

/**
 * The shell's field the member is in. React's autoFocus moves the focus when it commits, before the
 * take-over runs, so the shell's focus is followed from the start instead of read at the end.
 */
export function followShellFocus(shell: HTMLElement): () => Element | null {
  let focused: Element | null = shell.contains(document.activeElement) ? document.activeElement : null;
  shell.addEventListener("focusin", (e) => {
    focused = e.target as Element;
  });
  shell.addEventListener("focusout", (e) => {
    // Focus moved off the page's fields by the member (not to another element, as React's autoFocus does).
    if (e.relatedTarget === null) focused = null;
  });
  return () => focused;
}
