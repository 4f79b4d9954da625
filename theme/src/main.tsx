import { createRoot } from "react-dom/client";
import { StrictMode } from "react";
// Imported directly rather than through kc.gen's lazy KcPage: the theme has login pages only, and a
// lazy import would fetch the page code only after index.js ran, one more round trip before first paint
// on a phone network (`npm run bench:theme`).
import KcLoginPage from "./login/KcPage";

const root = document.getElementById("root");

if (root !== null && window.kcContext !== undefined) {
  createRoot(root).render(
    <StrictMode>
      <KcLoginPage kcContext={window.kcContext} />
    </StrictMode>,
  );
}
