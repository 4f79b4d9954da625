import { screen } from "@testing-library/react";
import { getKcContextMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("login-verify-email.ftl (manual ⑦)", () => {
  it("names the address the email went to and offers to send it again", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login-verify-email.ftl",
        overrides: {
          user: { email: "taro@example.jp" },
          url: { loginAction: "/realms/kenpo/login-actions/required-action?execution=VERIFY_EMAIL" },
        },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("メールアドレスの確認");
    expect(screen.getByText("初回ログインの手順 ⑥（6 / 10〜12）")).toBeInTheDocument();
    expect(screen.getByText(/taro@example\.jp あてに確認のメールを送りました/)).toBeInTheDocument();
    expect(screen.getByText(/迷惑メールのフォルダ/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "確認のメールをもう一度送る" })).toHaveAttribute(
      "href",
      "/realms/kenpo/login-actions/required-action?execution=VERIFY_EMAIL",
    );
  });

  it("says when a resend came too soon (Keycloak's cooldown), but not its standing notice", async () => {
    const page = (summary: string, type: "warning" | "error") =>
      getKcContextMock({
        pageId: "login-verify-email.ftl",
        overrides: { user: { email: "taro@example.jp" }, message: { summary, type } },
      });
    const { unmount } = await renderPage(
      page("確認のメールは送ったばかりです。25 秒たってから、もう一度お試しください。", "error"),
    );
    expect(screen.getByText(/25 秒たってから/)).toBeInTheDocument();
    unmount();
    await renderPage(page("メールアドレスの確認が必要です。", "warning"));
    expect(screen.queryByText("メールアドレスの確認が必要です。")).toBeNull();
  });
});
