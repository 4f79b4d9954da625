import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { getKcContextMock, fieldErrors } from "../mocks";
import { renderPage } from "../../../test/render";

describe("login-config-totp.ftl (manual ⑧ then ⑭)", () => {
  it("opens with ⑧, then shows the three apps, the QR code, the scanning tip and the 6-digit field", async () => {
    const user = userEvent.setup();
    await renderPage(getKcContextMock({ pageId: "login-config-totp.ftl" }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("初回ログインが完了しました");
    expect(screen.getByText(/多要素認証（ワンタイムパスワード（OTP））の設定を行います/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "このデバイスで設定する" }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("ワンタイムパスワードの設定");
    expect(screen.getByText("初回ログインの手順 14 / 14")).toBeInTheDocument();
    expect(screen.getByText("Google Authenticator（Google 認証システム）")).toBeInTheDocument();
    expect(screen.getByText("Microsoft Authenticator（Microsoft 認証システム）")).toBeInTheDocument();
    expect(screen.getByText("FreeOTP（Red Hat 認証システム）")).toBeInTheDocument();
    expect(screen.getByRole("img", { name: "ワンタイムパスワード設定用の QR コード" })).toHaveAttribute(
      "src",
      expect.stringMatching(/^data:image\/png;base64,/),
    );
    expect(screen.getByText(/カメラを画面の正面にまっすぐ向けてください/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "QR コードを読み取れないとき（キーを入力する）" })).toBeInTheDocument();

    const code = screen.getByLabelText("ワンタイムパスワード（6桁）");
    expect(code).toHaveAttribute("name", "totp");
    expect(code).toHaveAttribute("inputmode", "numeric");
    expect(code).toHaveAttribute("autocomplete", "one-time-code");
    expect(screen.getByLabelText("デバイスの名前")).toHaveAttribute("name", "userLabel");
    expect(document.querySelector("input[name=totpSecret]")).not.toBeNull();
  });

  it("shows the manual key in manual mode, skipping the ⑧ panel", async () => {
    await renderPage(getKcContextMock({ pageId: "login-config-totp.ftl", overrides: { mode: "manual" } }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("ワンタイムパスワードの設定");
    expect(document.getElementById("kc-totp-secret-key")?.textContent).not.toBe("");
    expect(screen.getByText(/アプリで「セットアップキーを入力」を選び/)).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "QR コードを表示する" })).toBeInTheDocument();
    expect(document.querySelector("input[name=mode]")).toHaveValue("manual");
  });

  it("adds a device from the portal (kc_action): set-up first, no first-login step, a way to cancel", async () => {
    await renderPage(getKcContextMock({ pageId: "login-config-totp.ftl", overrides: { isAppInitiatedAction: true } }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("ワンタイムパスワードの設定");
    expect(screen.queryByText(/初回ログインの手順/)).toBeNull();
    expect(document.getElementById("cancelTOTPBtn")).not.toBeNull();
  });

  it("ties a wrong code to the code field and stays on the set-up", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login-config-totp.ftl",
        overrides: {
          message: { type: "error", summary: "無効な認証コードです。" },
          messagesPerField: fieldErrors({ totp: "無効な認証コードです。" }),
        },
      }),
    );
    const code = screen.getByLabelText("ワンタイムパスワード（6桁）");
    expect(code).toHaveAttribute("aria-invalid", "true");
    expect(code).toHaveAccessibleDescription(/無効な認証コードです。/);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
