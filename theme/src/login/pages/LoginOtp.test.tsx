import { screen } from "@testing-library/react";
import { getKcContextMock, fieldErrors } from "../mocks";
import { renderPage } from "../../../test/render";

describe("login-otp.ftl (returning OTP login)", () => {
  it("asks for the 6-digit code with a numeric keyboard and one-time-code autofill", async () => {
    await renderPage(
      getKcContextMock({ pageId: "login-otp.ftl", overrides: { otpLogin: { userOtpCredentials: [] } } }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("ワンタイムパスワードの入力");
    const code = screen.getByLabelText("ワンタイムパスワード（6桁）");
    expect(code).toHaveAttribute("name", "otp");
    expect(code).toHaveAttribute("inputmode", "numeric");
    expect(code).toHaveAttribute("autocomplete", "one-time-code");
    expect(screen.queryByRole("group", { name: "使うデバイス" })).toBeNull();
    expect(screen.queryByText("初回ログインの手順", { exact: false })).toBeNull();
  });

  it("lets the member pick the device by its name when several are registered, and shows errors on the field", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login-otp.ftl",
        overrides: {
          otpLogin: {
            userOtpCredentials: [
              { id: "c1", userLabel: "iPhone" },
              { id: "c2", userLabel: "Android" },
            ],
            selectedCredentialId: "c2",
          },
          messagesPerField: fieldErrors({ totp: "無効な認証コードです。" }),
        },
      }),
    );
    expect(screen.getByRole("radio", { name: "Android" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "iPhone" })).toHaveAttribute("name", "selectedCredentialId");
    expect(screen.getByLabelText("ワンタイムパスワード（6桁）")).toHaveAccessibleDescription(/無効な認証コードです。/);
  });
});
