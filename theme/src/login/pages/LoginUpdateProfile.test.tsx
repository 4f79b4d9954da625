import { screen } from "@testing-library/react";
import { getKcContextMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("login-update-profile.ftl (manual ⑦, no email on file)", () => {
  it("asks for the email address with the step indicator", async () => {
    await renderPage(getKcContextMock({ pageId: "login-update-profile.ftl" }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("メールアドレスの登録");
    expect(screen.getByText("初回ログインの手順 ⑥（6 / 10〜12）")).toBeInTheDocument();
    expect(
      screen.getByText("お知らせやパスワードの再設定に使うメールアドレスを入力してください。"),
    ).toBeInTheDocument();
    const email = await screen.findByRole("textbox", { name: /Eメール/ });
    expect(email).toHaveAttribute("name", "email");
    expect(screen.getByRole("button", { name: "次へ" })).toHaveAttribute("type", "submit");
  });
});
