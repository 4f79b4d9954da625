import { CLIENT_ATTRIBUTE, REALM_TEXT } from "../../../../contracts";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { getKcContextMock, realmTextsMock } from "../mocks";
import { renderPage } from "../../../test/render";

/**
 * Every way back leads to the app the member came from (the client's base URL, which Keycloak resolves against
 * its root URL); the society's portal only when the client has none. The header names an app the society file
 * declares (provisioning marks it); any other client shows the society's portal name.
 */

const PORTAL_NAME = realmTextsMock[REALM_TEXT.portalName];
const PORTAL_URL = realmTextsMock[REALM_TEXT.portalUrl];
const APP = {
  clientId: "benefits-app",
  name: "給付アプリ",
  description: "Benefits app",
  baseUrl: "https://benefits.example.jp/",
  attributes: { [CLIENT_ATTRIBUTE.managed]: "true" },
};

const cases = [
  ["an app of the society file", APP, "給付アプリ", APP.baseUrl],
  [
    "a client made by hand (not the file's): its URL, the society's portal name",
    { ...APP, attributes: {} },
    PORTAL_NAME,
    APP.baseUrl,
  ],
  ["a client without a base URL", { clientId: "x", attributes: {} }, PORTAL_NAME, PORTAL_URL],
  ["a client whose base URL is not http(s)", { ...APP, baseUrl: "javascript:alert(1)" }, "給付アプリ", PORTAL_URL],
] as const;

describe.each(cases)("ways back for %s", (_, client, name, href) => {
  const context = (pageId: "login-page-expired.ftl" | "webauthn-register.ftl") =>
    getKcContextMock({
      pageId,
      overrides: { client, isAppInitiatedAction: false, "x-keycloakify": { messages: realmTextsMock } },
    });

  it("the header and the start-again link", async () => {
    await renderPage(context("login-page-expired.ftl"));
    expect(document.querySelector(".kp-header__portal")).toHaveTextContent(name);
    expect(screen.getByRole("link", { name: `${name}からやり直す` })).toHaveAttribute("href", href);
  });

  it("⑧ continue on the smartphone: the QR code", async () => {
    const user = userEvent.setup();
    await renderPage(context("webauthn-register.ftl"));
    await user.click(screen.getByRole("button", { name: "スマートフォンで続ける" }));
    expect(screen.getByRole("img", { name: `${name}のログインページを開く QR コード` })).toHaveAttribute(
      "data-qr-text",
      href,
    );
  });
});

it("in English, the header names the app in its English name", async () => {
  await renderPage(
    getKcContextMock({
      pageId: "login-page-expired.ftl",
      overrides: {
        client: APP,
        locale: { currentLanguageTag: "en" },
        "x-keycloakify": { messages: realmTextsMock },
      },
    }),
  );
  expect(document.querySelector(".kp-header__portal")).toHaveTextContent("Benefits app");
});
