import { REALM_TEXT } from "../../../../contracts";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { getKcContextMock, realmTextsMock } from "../mocks";
import { renderPage } from "../../../test/render";
import { rememberDeviceName, rememberNewUserId } from "../lib/tabMemory";

const IPHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

function setUserAgent(value: string) {
  Object.defineProperty(window.navigator, "userAgent", { value, configurable: true });
}

describe("webauthn-register.ftl (manual ⑧ then ⑩–⑫)", () => {
  afterEach(() => setUserAgent("Mozilla/5.0 (X11; Linux x86_64) jsdom"));
  beforeEach(() => window.sessionStorage.clear());

  it("on a PC: no 'this smartphone', the PC's own biometrics or the phone through a QR code", async () => {
    const user = userEvent.setup();
    await renderPage(getKcContextMock({ pageId: "webauthn-register.ftl", overrides: { isAppInitiatedAction: false } }));
    expect(screen.getByText(/このパソコンの顔認証・指紋認証（Windows Hello など）/)).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "このデバイスで設定する" }));
    expect(screen.getByText(/QR コードをスマートフォンのカメラで読み取り/)).toBeInTheDocument();
    expect(screen.queryByText(/このスマートフォン/)).toBeNull();
  });

  it("on the phone itself: this smartphone's face or fingerprint", async () => {
    setUserAgent(IPHONE_UA);
    const user = userEvent.setup();
    await renderPage(getKcContextMock({ pageId: "webauthn-register.ftl", overrides: { isAppInitiatedAction: false } }));
    expect(screen.getByText("いまお使いのスマートフォンの顔認証・指紋認証を登録します。")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "このデバイスで設定する" }));
    expect(screen.getByText(/このスマートフォンの顔認証・指紋認証を/)).toBeInTheDocument();
  });

  it("after 再試行, the device name typed before the failed attempt, not the guess", async () => {
    rememberDeviceName("妻のiPhone");
    await renderPage(getKcContextMock({ pageId: "webauthn-register.ftl", overrides: { isSetRetry: true } }));
    expect(screen.getByLabelText("デバイスの名前")).toHaveValue("妻のiPhone");
  });

  it("⑧ after a user ID change at ⑤: the new user ID, to be noted down", async () => {
    rememberNewUserId("New.Id");
    await renderPage(
      getKcContextMock({
        pageId: "webauthn-register.ftl",
        overrides: { isAppInitiatedAction: false, username: "new.id" },
      }),
    );
    expect(screen.getByRole("note")).toHaveTextContent(
      /新しいユーザID「new.id」でログインします。忘れないようにメモしてください。/,
    );
  });

  it.each([
    ["no user ID change: the set-up opens", "old.id", "生体認証の設定"],
    ["a new user ID to note down: ⑧ stays", "new.id", "初回ログインが完了しました"],
  ])("a tap on ⑧'s 'set up here' in the page's shell, %s; the mark leaves the address", async (_, username, title) => {
    rememberNewUserId("new.id");
    window.location.hash = "#kp-setup";
    await renderPage(
      getKcContextMock({ pageId: "webauthn-register.ftl", overrides: { isAppInitiatedAction: false, username } }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(title);
    expect(window.location.hash).toBe("");
  });

  it("⑧ without a change at ⑤ (or one refused meanwhile): no user ID note", async () => {
    rememberNewUserId("new.id");
    await renderPage(
      getKcContextMock({
        pageId: "webauthn-register.ftl",
        overrides: { isAppInitiatedAction: false, username: "old.id" },
      }),
    );
    expect(screen.queryByRole("note")).toBeNull();
  });

  it("opens with ⑧ and its two choices; the phone choice shows a QR code of the portal login URL", async () => {
    const user = userEvent.setup();
    await renderPage(
      getKcContextMock({
        pageId: "webauthn-register.ftl",
        overrides: { isAppInitiatedAction: false, "x-keycloakify": { messages: realmTextsMock } },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("初回ログインが完了しました");
    expect(screen.getByText("初回ログインの手順 ⑧（8 / 12）")).toBeInTheDocument();
    expect(screen.getByText(/多要素認証（生体認証（パスキー））の設定を行います/)).toBeInTheDocument();
    expect(screen.getByText(/次にログインしたときに多要素認証の設定から再開します/)).toBeInTheDocument();
    expect(screen.queryByRole("img", { name: /QR コード/ })).toBeNull();

    await user.click(screen.getByRole("button", { name: "スマートフォンで続ける" }));
    const qr = screen.getByRole("img", {
      name: `${realmTextsMock[REALM_TEXT.portalName]}のログインページを開く QR コード`,
    });
    expect(qr).toHaveAttribute("data-qr-text", realmTextsMock[REALM_TEXT.portalUrl]);
    expect(screen.getByText(realmTextsMock[REALM_TEXT.portalUrl])).toBeInTheDocument();
  });

  it("adds a device from the portal (kc_action): registration first, no first-login step, a way to cancel", async () => {
    await renderPage(getKcContextMock({ pageId: "webauthn-register.ftl", overrides: { isAppInitiatedAction: true } }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("生体認証の設定");
    expect(screen.getByLabelText("デバイスの名前")).toBeInTheDocument();
    expect(screen.queryByText(/初回ログインの手順/)).toBeNull();
    expect(document.getElementById("cancelWebAuthnAIA")).not.toBeNull();
    // A member adding a device has a factor already: no way back to ⑤.
    expect(screen.queryByRole("link", { name: "別の方法を選ぶ" })).toBeNull();
  });

  it("registers here with a device name field defaulting from the user agent, posted as authenticatorLabel", async () => {
    setUserAgent(IPHONE_UA);
    const user = userEvent.setup();
    await renderPage(getKcContextMock({ pageId: "webauthn-register.ftl", overrides: { isAppInitiatedAction: false } }));
    await user.click(screen.getByRole("button", { name: "このデバイスで設定する" }));

    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("生体認証の設定");
    expect(screen.getByText("初回ログインの手順 ⑩〜⑫（10〜12 / 12）")).toBeInTheDocument();
    const deviceName = screen.getByLabelText("デバイスの名前");
    expect(deviceName).toHaveAttribute("name", "authenticatorLabel");
    expect(deviceName).toHaveValue("iPhone");
    expect(deviceName).toHaveAccessibleDescription(/機種変更のときに/);
    for (const hidden of ["clientDataJSON", "attestationObject", "publicKeyCredentialId", "transports", "error"]) {
      expect(document.querySelector(`form#register input[name=${hidden}]`)).not.toBeNull();
    }
    expect(screen.getByRole("button", { name: "生体認証を登録する" })).toBeInTheDocument();
    // A phone that cannot make a passkey: another method through a new login, back to ⑤.
    expect(screen.getByRole("link", { name: "別の方法を選ぶ" })).toHaveAttribute(
      "href",
      getKcContextMock({ pageId: "webauthn-register.ftl" }).url.loginRestartFlowUrl,
    );
  });

  it("refuses an empty device name before starting the browser's passkey dialog", async () => {
    const user = userEvent.setup();
    const create = jest.fn();
    Object.defineProperty(window.navigator, "credentials", { value: { create }, configurable: true });
    await renderPage(getKcContextMock({ pageId: "webauthn-register.ftl", overrides: { isSetRetry: true } }));
    const deviceName = screen.getByLabelText("デバイスの名前");
    expect(deviceName).toHaveValue("PC");
    await user.clear(deviceName);
    await user.click(screen.getByRole("button", { name: "生体認証を登録する" }));
    expect(deviceName).toHaveAttribute("aria-invalid", "true");
    expect(deviceName).toHaveAccessibleDescription(/デバイスの名前を入力してください。/);
    expect(create).not.toHaveBeenCalled();
  });

  it("creates the passkey and posts it with the typed device name instead of prompting", async () => {
    const user = userEvent.setup();
    const bytes = (...values: number[]) => new Uint8Array(values).buffer;
    const create = jest.fn().mockResolvedValue({
      rawId: bytes(9, 9, 9),
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: bytes(1, 2),
        attestationObject: bytes(3, 4),
        getTransports: () => ["internal", "hybrid"],
      },
    });
    Object.defineProperty(window, "PublicKeyCredential", {
      value: function PublicKeyCredential() {},
      configurable: true,
    });
    Object.defineProperty(window.navigator, "credentials", { value: { create }, configurable: true });
    const prompt = jest.spyOn(window, "prompt").mockImplementation(() => null);
    const submitted: Record<string, string>[] = [];
    const requestSubmit = jest.spyOn(HTMLFormElement.prototype, "requestSubmit").mockImplementation(function (
      this: HTMLFormElement,
    ) {
      submitted.push(Object.fromEntries(new FormData(this) as unknown as Iterable<[string, string]>));
    });

    await renderPage(
      getKcContextMock({
        pageId: "webauthn-register.ftl",
        overrides: {
          isSetRetry: true,
          challenge: "AAECAw",
          userid: "dXNlci0x",
          excludeCredentialIds: "",
          signatureAlgorithms: ["-7"],
        },
      }),
    );
    const deviceName = screen.getByLabelText("デバイスの名前");
    await user.clear(deviceName);
    await user.type(deviceName, "妻のiPhone");
    await user.click(screen.getByRole("button", { name: "生体認証を登録する" }));

    await screen.findByRole("button", { name: "生体認証を登録する" });
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]?.error).toBe("");
    expect(create).toHaveBeenCalledTimes(1);
    expect(prompt).not.toHaveBeenCalled();
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({
      authenticatorLabel: "妻のiPhone",
      clientDataJSON: "AQI",
      attestationObject: "AwQ",
      publicKeyCredentialId: "CQkJ",
      transports: "internal,hybrid",
      authenticatorAttachment: "platform",
      error: "",
    });
    requestSubmit.mockRestore();
    prompt.mockRestore();
  });
});
