import { screen } from "@testing-library/react";
import { getKcContextMock, fieldErrors } from "../mocks";
import { renderPage } from "../../../test/render";

describe("login-reset-password.ftl (forgotten password)", () => {
  it("asks for the user ID, not an email address, and says whom to ask when the user ID is forgotten", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login-reset-password.ftl",
        overrides: { realm: { loginWithEmailAllowed: false, duplicateEmailsAllowed: true } },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("パスワードの再設定");
    const userId = screen.getByLabelText("ユーザID");
    expect(userId).toHaveAttribute("name", "username");
    expect(userId).toHaveAccessibleDescription("メールアドレスではなく、ユーザIDを入力してください。");
    expect(screen.getByText(/通知が見つからないときは、健康保険組合にお問い合わせください/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "再設定のメールを送る" })).toHaveAttribute("type", "submit");
    expect(screen.getByRole("link", { name: "ログイン画面に戻る" })).toBeInTheDocument();
  });

  it("shows Keycloak's error on the user ID field", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login-reset-password.ftl",
        overrides: { messagesPerField: fieldErrors({ username: "ユーザIDを入力してください。" }) },
      }),
    );
    expect(screen.getByLabelText("ユーザID")).toHaveAccessibleDescription(/ユーザIDを入力してください。/);
  });
});
