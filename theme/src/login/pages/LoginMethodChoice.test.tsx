import { FORM_ATTRIBUTE, FORM_FIELD, METHOD, OTHER_METHOD_COOKIE, PAGE } from "../../../../contracts";
import { screen } from "@testing-library/react";
import { getKcContextMock, fieldErrors } from "../mocks";
import { renderPage } from "../../../test/render";
import { otherMethodCookie } from "../lib/otherMethod";

describe("login-method-choice.ftl (manual ⑤)", () => {
  it("offers passkey or OTP with what each needs, and an optional user ID change", async () => {
    await renderPage(getKcContextMock({ pageId: PAGE.methodChoice }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("認証方法の選択");
    expect(screen.getByText("初回ログインの手順 ⑤（5 / 10〜12）")).toBeInTheDocument();
    // The branch is chosen here: the bar measures against the longer one and never runs ahead.
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuemax", "12");

    const passkey = screen.getByRole("radio", { name: /生体認証（パスキー）/ });
    expect(passkey).toHaveAttribute("name", FORM_FIELD.method);
    expect(passkey).toHaveAttribute("value", METHOD.passkey);
    expect(screen.getByRole("radio", { name: /ワンタイムパスワード（OTP）/ })).toHaveAttribute("value", METHOD.otp);
    expect(screen.getByText("必要なもの：顔認証・指紋認証に対応したスマートフォン")).toBeInTheDocument();
    expect(screen.getByText("Google Authenticator（Google 認証システム）")).toBeInTheDocument();
    expect(screen.getByText("Microsoft Authenticator（Microsoft 認証システム）")).toBeInTheDocument();
    expect(screen.getByText("FreeOTP（Red Hat 認証システム）")).toBeInTheDocument();

    expect(screen.getByText(/ユーザIDの変更は必須ではありません/)).toBeInTheDocument();
    expect(screen.getByText("現在のユーザID：yamada.taro")).toBeInTheDocument();
    const newUserId = screen.getByLabelText(/新しいユーザID/);
    expect(newUserId).toHaveAttribute("name", FORM_FIELD.newUserId);
    expect(newUserId).not.toBeRequired();
    expect(screen.getByText("任意")).toBeInTheDocument();
    expect(passkey).not.toBeChecked();
  });

  it("re-selects the posted method and ties errors to their fields", async () => {
    await renderPage(
      getKcContextMock({
        pageId: PAGE.methodChoice,
        overrides: {
          [FORM_ATTRIBUTE.selectedMethod]: METHOD.otp,
          messagesPerField: fieldErrors({
            [FORM_FIELD.newUserId]: "このユーザIDは使えません。別のユーザIDを入力してください。",
          }),
        },
      }),
    );
    expect(screen.getByRole("radio", { name: /ワンタイムパスワード（OTP）/ })).toBeChecked();
    const newUserId = screen.getByLabelText(/新しいユーザID/);
    expect(newUserId).toHaveAttribute("aria-invalid", "true");
    expect(newUserId).toHaveAccessibleDescription(/別のユーザIDを入力してください/);
  });

  it("shows a missing method as an error of the method group", async () => {
    await renderPage(
      getKcContextMock({
        pageId: PAGE.methodChoice,
        overrides: { messagesPerField: fieldErrors({ [FORM_FIELD.method]: "認証方法を選んでください。" }) },
      }),
    );
    expect(screen.getByRole("group", { name: "認証方法" })).toHaveAccessibleDescription("認証方法を選んでください。");
  });

  it("comes back for the method only after 「別の方法を選ぶ」, and spends the cookie that asked for it", async () => {
    const kcContext = getKcContextMock({
      pageId: PAGE.methodChoice,
      overrides: { [FORM_ATTRIBUTE.selectedMethod]: METHOD.passkey, [FORM_ATTRIBUTE.otherMethod]: "true" },
    });
    // The page lives under the realm's path, where the registration page set the cookie.
    window.history.pushState({}, "", `/realms/${kcContext.realm.name}/login-actions/authenticate`);
    document.cookie = otherMethodCookie(kcContext.realm.name, false);
    expect(document.cookie).toContain(`${OTHER_METHOD_COOKIE}=1`);
    await renderPage(kcContext);
    expect(screen.getByText(/認証方法を選び直せます/)).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: /生体認証（パスキー）/ })).toBeChecked();
    expect(screen.queryByLabelText(/新しいユーザID/)).toBeNull();
    expect(screen.queryByText(/現在のユーザID/)).toBeNull();
    expect(document.cookie).not.toContain(OTHER_METHOD_COOKIE);
    window.history.pushState({}, "", "/");
  });
});
