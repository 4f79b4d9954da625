import { createRoot } from "react-dom/client";
import { StrictMode } from "react";
import { KcPage } from "./kc.gen";

const root = document.getElementById("root");

if (root !== null && window.kcContext !== undefined) {
    createRoot(root).render(
        <StrictMode>
            <KcPage kcContext={window.kcContext} />
        </StrictMode>
    );
}
