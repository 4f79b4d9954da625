import { createRoot } from "react-dom/client";
import KcPage from "../login/KcPage";
import { scenarioContext, scenarios } from "./scenarios";

// Screenshot gallery: ?scenario=<name> renders one page with its mock context (no Keycloak needed).
const name = new URLSearchParams(window.location.search).get("scenario");
const scenario = scenarios.find(candidate => candidate.name === name);
const root = document.getElementById("root")!;

if (scenario === undefined) {
    root.innerHTML = `<ul>${scenarios.map(s => `<li><a href="?scenario=${s.name}">${s.name}</a></li>`).join("")}</ul>`;
} else {
    if (scenario.action !== undefined) root.dataset.click = scenario.action.click;
    createRoot(root).render(<KcPage kcContext={scenarioContext(scenario)} />);
}
