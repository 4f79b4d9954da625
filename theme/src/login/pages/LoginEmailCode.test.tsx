import { EMAIL_ENTRY, FORM_ATTRIBUTE, FORM_FIELD, PAGE } from "../../../../contracts";
import { screen } from "@testing-library/react";
import { fieldErrors, getKcContextMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("login-email-code.ftl (the email check, step 6)", () => {
  it("names the masked address, asks for 6 digits with a one-time-code keyboard, and offers a new code", async () => {
    await renderPage(
      getKcContextMock({
        pageId: PAGE.emailCode,
        overrides: { [FORM_ATTRIBUTE.helpDesk]: "電話 03-1234-5678", url: { loginAction: "/login-actions/x" } },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("メールアドレスの確認");
    expect(screen.getByText("初回ログインの手順 ⑥（6 / 10〜12）")).toBeInTheDocument();
    expect(screen.getByText(/t\*\*\*@example\.jp あてに、6桁の確認コード/)).toBeInTheDocument();
    const field = screen.getByLabelText("確認コード（6桁の数字）");
    expect(field).toHaveAttribute("name", FORM_FIELD.emailCode);
    expect(field).toHaveAttribute("inputmode", "numeric");
    expect(field).toHaveAttribute("autocomplete", "one-time-code");
    expect(field).toHaveAccessibleDescription(/有効期限は10分/);
    const resend = screen.getByRole("button", { name: "確認コードをもう一度送る" });
    expect(resend).toHaveAttribute("name", FORM_FIELD.resend);
    expect(resend.closest("form")).toHaveAttribute("action", "/login-actions/x");
    expect(screen.getByText(/健康保険組合にお問い合わせください。電話 03-1234-5678/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "別のメールアドレスを入力する" })).toBeNull();
  });

  it("ties a wrong code to the field and counts the tries left", async () => {
    await renderPage(
      getKcContextMock({
        pageId: PAGE.emailCode,
        overrides: {
          [FORM_ATTRIBUTE.attemptsLeft]: 2,
          messagesPerField: fieldErrors({ [FORM_FIELD.emailCode]: "確認コードが正しくありません。" }),
        },
      }),
    );
    const field = screen.getByLabelText("確認コード（6桁の数字）");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(/確認コードが正しくありません/);
    expect(screen.getByText("あと 2 回まちがえると、15分間ログインできなくなります。")).toBeInTheDocument();
  });

  it("asks for an address where the society lets members enter one, then lets them change it", async () => {
    await renderPage(
      getKcContextMock({
        pageId: PAGE.emailCode,
        overrides: { [FORM_ATTRIBUTE.emailShown]: undefined, [FORM_ATTRIBUTE.emailEntry]: EMAIL_ENTRY.ask },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("メールアドレスの登録");
    expect(screen.getByLabelText("メールアドレス")).toHaveAttribute("type", "email");
    expect(screen.getByRole("button", { name: "確認コードを送る" })).toHaveAttribute("type", "submit");
  });

  it("offers another address once the code went to a typed one", async () => {
    await renderPage(
      getKcContextMock({
        pageId: PAGE.emailCode,
        overrides: {
          [FORM_ATTRIBUTE.emailShown]: "hanako@example.jp",
          [FORM_ATTRIBUTE.emailEntry]: EMAIL_ENTRY.change,
        },
      }),
    );
    expect(screen.getByText(/hanako@example\.jp あてに/)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "別のメールアドレスを入力する" })).toHaveAttribute(
      "name",
      FORM_FIELD.changeEmail,
    );
  });
});
