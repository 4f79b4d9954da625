import { REALM_TEXT } from "../../../../contracts";
import { screen } from "@testing-library/react";
import { getKcContextMock, realmTextsMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("login-page-expired.ftl (a step already done, reopened)", () => {
  it("says the login goes on, continues at the current step, and offers the portal to start again", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login-page-expired.ftl",
        overrides: {
          "x-keycloakify": { messages: realmTextsMock },
          url: { loginAction: "/realms/kenpo/login-actions/authenticate?client_id=member-portal&tab_id=t" },
        },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("この画面は使えなくなりました");
    expect(screen.getByText(/ログインの手続きは続いています/)).toBeInTheDocument();
    expect(screen.queryByText(/時間切れ/)).toBeNull();
    expect(screen.getByRole("link", { name: "続きから進む" })).toHaveAttribute(
      "href",
      "/realms/kenpo/login-actions/authenticate?client_id=member-portal&tab_id=t",
    );
    const start = screen.getByRole("link", { name: `${realmTextsMock[REALM_TEXT.portalName]}からやり直す` });
    expect(start).toHaveAttribute("href", realmTextsMock[REALM_TEXT.portalUrl]);
  });

  it("falls back to restarting the login when the realm has no portal URL", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login-page-expired.ftl",
        overrides: { url: { loginRestartFlowUrl: "/realms/kenpo/login-actions/restart" } },
      }),
    );
    expect(screen.getByRole("link", { name: "加入者ポータルからやり直す" })).toHaveAttribute(
      "href",
      "/realms/kenpo/login-actions/restart",
    );
  });
});
