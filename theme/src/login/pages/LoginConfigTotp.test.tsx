import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { URI } from "otpauth";
import { getKcContextMock, fieldErrors } from "../mocks";
import { renderPage } from "../../../test/render";

const ANDROID_UA =
  "Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36";

function setUserAgent(value: string) {
  Object.defineProperty(window.navigator, "userAgent", { value, configurable: true });
}

describe("login-config-totp.ftl (manual ⑧ then ⑭)", () => {
  afterEach(() => setUserAgent("Mozilla/5.0 (X11; Linux x86_64) jsdom"));

  it("on the smartphone itself: a link that opens the authenticator app, the key to copy, and the way to a PC", async () => {
    setUserAgent(ANDROID_UA);
    const user = userEvent.setup();
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(window.navigator, "clipboard", { value: { writeText }, configurable: true });
    const kcContext = getKcContextMock({
      pageId: "login-config-totp.ftl",
      overrides: { isAppInitiatedAction: true, realm: { displayName: "みどり健康保険組合" } },
    });
    await renderPage(kcContext);
    expect(screen.queryByRole("img", { name: "ワンタイムパスワード設定用の QR コード" })).toBeNull();
    const link = screen.getByRole("link", { name: "認証アプリで設定を開く" });
    const uri = URI.parse(link.getAttribute("href")!);
    expect(uri).toMatchObject({ issuer: "みどり健康保険組合", label: kcContext.totp.username, digits: 6 });
    expect(uri.secret.base32).toBe(kcContext.totp.totpSecretEncoded.replace(/\s+/g, ""));
    await user.click(screen.getByRole("button", { name: "キーをコピーする" }));
    expect(writeText).toHaveBeenCalledWith(kcContext.totp.totpSecretEncoded.replace(/\s+/g, ""));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("キーをコピーしました"));
    expect(screen.getByText(/パソコンで加入者ページを開いてログインしてください/)).toBeInTheDocument();
    // The suggested device name is the phone's.
    expect(screen.getByLabelText("デバイスの名前")).toHaveValue("Android");
  });

  it("suggests a device name the member's devices do not use yet (Keycloak refuses a second one)", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login-config-totp.ftl",
        overrides: {
          isAppInitiatedAction: true,
          totp: { otpCredentials: [{ id: "a", userLabel: "スマートフォン" }] },
        },
      }),
    );
    expect(screen.getByLabelText("デバイスの名前")).toHaveValue("スマートフォン (2)");
  });

  it("opens the set-up when ⑧'s 'set up here' was tapped in the page's shell, before the scripts ran", async () => {
    window.location.hash = "#kp-setup";
    try {
      await renderPage(getKcContextMock({ pageId: "login-config-totp.ftl" }));
      expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("ワンタイムパスワードの設定");
    } finally {
      window.location.hash = "";
    }
  });

  it("opens with ⑧, then shows the three apps, the QR code, the scanning tip and the 6-digit field", async () => {
    const user = userEvent.setup();
    await renderPage(getKcContextMock({ pageId: "login-config-totp.ftl" }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("初回ログインが完了しました");
    expect(screen.getByText(/多要素認証（ワンタイムパスワード（OTP））の設定を行います/)).toBeInTheDocument();
    // The OTP branch's own count: ①–⑧, ⑬, ⑭ are ten screens.
    expect(screen.getByText("初回ログインの手順 ⑧（8 / 10）")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "このデバイスで設定する" }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("ワンタイムパスワードの設定");
    expect(screen.getByText("初回ログインの手順 ⑭（10 / 10）")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "10");
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuemax", "10");
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
    // The member's first device needs a name too (Keycloak would store it without one).
    expect(screen.getByLabelText("デバイスの名前")).toBeRequired();
    expect(document.querySelector("input[name=totpSecret]")).not.toBeNull();
    expect(screen.getByRole("link", { name: "別の方法を選ぶ" })).toBeInTheDocument();
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
    expect(screen.queryByRole("link", { name: "別の方法を選ぶ" })).toBeNull();
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
