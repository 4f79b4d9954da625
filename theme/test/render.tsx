import { render, screen } from "@testing-library/react";
import KcPage from "../src/login/KcPage";
import type { KcContext } from "../src/login/KcContext";

/** Renders a page through the real KcPage switch and waits until the page title is shown. */
export async function renderPage(kcContext: KcContext) {
  const result = render(<KcPage kcContext={kcContext} />);
  await screen.findByRole("heading", { level: 1 });
  return result;
}
