import { REALM_TEXT } from "../../../../contracts";
import { screen } from "@testing-library/react";
import { getKcContextMock, fieldErrors, realmTextsMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("login.ftl (manual ②)", () => {
  it("shows the user ID and password fields with the first-login notes in Japanese", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login.ftl",
        overrides: { url: { loginResetCredentialsUrl: "/realms/kenpo/login-actions/reset-credentials" } },
      }),
    );

    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("ログイン");
    const userId = screen.getByLabelText("ユーザID");
    expect(userId).toHaveAttribute("name", "username");
    expect(userId).toHaveAccessibleDescription(/小文字として扱います/);
    expect(screen.getByLabelText("パスワード")).toHaveAttribute("type", "password");
    expect(screen.getByText(/記号・番号・生年月日（西暦8桁）/)).toBeInTheDocument();
    expect(screen.getByText("初回ログインの手順 ②（2 / 10〜12）")).toBeInTheDocument();
    expect(screen.getByText("例）記号 12、番号 3456789、生年月日 1980年12月1日の場合")).toBeInTheDocument();
    expect(screen.getByText("12345678919801201")).toBeInTheDocument();
    expect(screen.getByText("パスワードに入力する数字")).toBeInTheDocument();
    expect(screen.getByText(/健康保険証または「資格情報のお知らせ」/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "パスワードを再設定する" })).toHaveAttribute(
      "href",
      expect.stringContaining("reset-credentials"),
    );
    // As the manual: the user ID is on the society's notice; else the society, after confirming the member.
    expect(
      screen.getByText(/通知が見つからないときは、健康保険組合にお問い合わせください（ご本人と確認できた場合/),
    ).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "ログイン" })).toHaveAttribute("type", "submit");
    expect(document.getElementById("kp-lockout-rule-first-login")).toHaveTextContent(/5回になると、15分間/);
    expect(document.getElementById("kp-lockout-rule")).toBeNull();
  });

  it("ties a wrong user ID or password to the user ID field", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login.ftl",
        overrides: { messagesPerField: fieldErrors({ username: "ユーザIDまたはパスワードが正しくありません。" }) },
      }),
    );
    const userId = screen.getByLabelText("ユーザID");
    expect(userId).toHaveAttribute("aria-invalid", "true");
    expect(userId).toHaveAccessibleDescription(/ユーザIDまたはパスワードが正しくありません。/);
    // The lockout rule under the error: after the wait, the right initial password works again.
    expect(document.getElementById("kp-lockout-rule")).toHaveTextContent(
      "15分たてば、正しい内容でまたログインできます",
    );
  });

  it("offers passkey sign-in with the PC + phone (QR code, Bluetooth) explanation when the realm enables it", async () => {
    await renderPage(getKcContextMock({ pageId: "login.ftl", overrides: { enableWebAuthnConditionalUI: true } }));
    expect(screen.getByRole("button", { name: "生体認証でログイン" })).toHaveAttribute(
      "id",
      "authenticateWebAuthnButton",
    );
    expect(screen.getByLabelText("ユーザID")).toHaveAttribute("autocomplete", "username webauthn");
    expect(screen.getByText("パソコンでスマートフォンの生体認証を使うとき")).toBeInTheDocument();
    expect(screen.getByText(/QR コードを、スマートフォンのカメラで読み取ります/)).toBeInTheDocument();
    expect(screen.getByText("「Bluetooth がオフです」と表示されたとき")).toBeInTheDocument();
    expect(document.querySelector("form#webauth input[name=clientDataJSON]")).not.toBeNull();
    expect(document.getElementById("kenpo-passkey-login")?.textContent).toContain("initAuthenticate(input)");
  });

  it("has no passkey button when passkeys are off", async () => {
    await renderPage(getKcContextMock({ pageId: "login.ftl", overrides: { enableWebAuthnConditionalUI: false } }));
    expect(screen.queryByRole("button", { name: "生体認証でログイン" })).toBeNull();
  });

  it("shows the society's own names from the realm's localization texts", async () => {
    await renderPage(
      getKcContextMock({ pageId: "login.ftl", overrides: { "x-keycloakify": { messages: realmTextsMock } } }),
    );
    expect(screen.getByText(realmTextsMock[REALM_TEXT.societyName])).toBeInTheDocument();
    expect(screen.getByText(realmTextsMock[REALM_TEXT.portalName])).toBeInTheDocument();
    expect(screen.queryByText("加入者ポータル")).toBeNull();
  });

  it("switches to English", async () => {
    await renderPage(getKcContextMock({ pageId: "login.ftl", overrides: { locale: { currentLanguageTag: "en" } } }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Log in");
    expect(screen.getByLabelText("User ID")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "日本語" })).toHaveAttribute("href", "?kc_locale=ja");
  });
});
