import { FORM_ATTRIBUTE, PAGE } from "../../../contracts";
import { screen } from "@testing-library/react";
import { getKcContextMock } from "./mocks";
import { renderPage } from "../../test/render";

/**
 * ④ is also shown to active members when the society revised its terms: then it is not a step of the
 * first login, and must not say 「初回ログインの手順」.
 */
describe("terms.ftl", () => {
  const render = (overrides: { [FORM_ATTRIBUTE.pastFirstLogin]?: "true" }) =>
    renderPage(getKcContextMock({ pageId: PAGE.terms, overrides }));

  it("in the first login: the manual's step", async () => {
    await render({});
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    expect(screen.getByText(/初回ログインの手順/)).toBeInTheDocument();
  });

  it("shown to an active member: no step", async () => {
    await render({ [FORM_ATTRIBUTE.pastFirstLogin]: "true" });
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByText(/初回ログインの手順/)).toBeNull();
  });
});

it("terms.ftl for an active member says the terms were revised", async () => {
  await renderPage(getKcContextMock({ pageId: PAGE.terms, overrides: { [FORM_ATTRIBUTE.pastFirstLogin]: "true" } }));
  expect(screen.getByText(/の利用規約が改定されました。改定後の利用規約をお読みください。/)).toBeInTheDocument();
  expect(screen.queryByText(/同意いただくと次に進みます/)).toBeNull();
});
