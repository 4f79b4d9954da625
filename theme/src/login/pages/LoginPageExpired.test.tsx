import { REALM_TEXT } from "../../../../contracts";
import { screen } from "@testing-library/react";
import { getKcContextMock, realmTextsMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("login-page-expired.ftl (timed-out login)", () => {
  it("says what happened and has one button back to the portal", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login-page-expired.ftl",
        overrides: { "x-keycloakify": { messages: realmTextsMock } },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("時間切れのため中断しました");
    expect(screen.getByText(/一定の時間が経ったため、安全のため手続きを中断しました/)).toBeInTheDocument();
    expect(screen.getByText(/「Login with OpenID Connect」からもう一度ログインしてください/)).toBeInTheDocument();
    const start = screen.getByRole("link", { name: `${realmTextsMock[REALM_TEXT.portalName]}からやり直す` });
    expect(start).toHaveAttribute("href", realmTextsMock[REALM_TEXT.portalUrl]);
    expect(screen.getAllByRole("link").filter((link) => link.classList.contains("kp-button"))).toHaveLength(1);
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
