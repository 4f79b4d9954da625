import { createRoot } from "react-dom/client";
import { flushSync } from "react-dom";
import { stories } from "./stories";

// Screenshot gallery: ?story=<Storybook story id> renders one story (no Keycloak, no Storybook
// needed); without it, an index of links to every story (scripts/screenshots.mjs reads it).
const id = new URLSearchParams(window.location.search).get("story");
const story = stories.find((candidate) => candidate.id === id);
const root = document.getElementById("root")!;

if (story === undefined) {
  root.innerHTML = `<ul>${stories.map((s) => `<li><a href="?story=${s.id}">${s.id}</a></li>`).join("")}</ul>`;
} else {
  const { Component, args, play } = story;
  // Rendered synchronously so that play finds the page, as in Storybook.
  flushSync(() => createRoot(root).render(<Component {...args} />));
  // Tells the screenshot script that the state is reached (after the story's clicks), or why not.
  void Promise.resolve(play?.({ canvasElement: root })).then(
    () => {
      root.dataset.ready = "true";
    },
    (error: unknown) => {
      root.dataset.ready = `error: ${String(error)}`;
    },
  );
}
