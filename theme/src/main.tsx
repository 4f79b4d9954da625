import { createRoot } from "react-dom/client";
import { StrictMode, useLayoutEffect, type ReactNode } from "react";
// Imported directly rather than through kc.gen's lazy KcPage: the theme has login pages only, and a
// lazy import would fetch the page code only after index.js ran, one more round trip before first paint
// on a phone network (`npm run bench:theme`).
import KcLoginPage from "./login/KcPage";
import { followShellFocus, takeOverShell } from "./shell/takeOver";

const root = document.getElementById("root");
// The page's pre-rendered shell (src/shell/), painted before this script ran; absent on other pages.
const shell = document.getElementById("kp-shell");
const shellFocus = shell === null ? undefined : followShellFocus(shell);

/** Replaces the shell once the page has rendered: after React's commit, before the next paint. */
function TakeOver(props: { children: ReactNode }) {
  useLayoutEffect(() => {
    if (shell === null || root === null || shellFocus === undefined) return;
    queueMicrotask(() => takeOverShell(shell, root, shellFocus()));
  }, []);
  return props.children;
}

if (root !== null && window.kcContext !== undefined) {
  createRoot(root).render(
    <StrictMode>
      <TakeOver>
        <KcLoginPage kcContext={window.kcContext} />
      </TakeOver>
    </StrictMode>,
  );
}
