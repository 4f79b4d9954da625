import { screen } from "@testing-library/react";
import { getKcContextMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("logout-confirm.ftl", () => {
  it("asks before logging out and posts the session code", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "logout-confirm.ftl",
        overrides: {
          logoutConfirm: { code: "code-1", skipLink: false },
          url: { logoutConfirmAction: "/realms/kenpo/protocol/openid-connect/logout/logout-confirm" },
        },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("ログアウト");
    expect(screen.getByText("ログアウトしますか？")).toBeInTheDocument();
    const button = screen.getByRole("button", { name: "ログアウトする" });
    expect(button).toHaveAttribute("name", "confirmLogout");
    const form = button.closest("form")!;
    expect(form).toHaveAttribute("action", "/realms/kenpo/protocol/openid-connect/logout/logout-confirm");
    expect(form.querySelector("input[name=session_code]")).toHaveValue("code-1");
  });
});
