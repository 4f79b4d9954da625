import { screen } from "@testing-library/react";
import { getKcContextMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("webauthn-error.ftl (failed biometric check)", () => {
  it("explains what happened and offers 再試行 that restarts the same execution", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "webauthn-error.ftl",
        overrides: { execution: "exec-123", isAppInitiatedAction: false },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("生体認証を完了できませんでした");
    expect(screen.getByText(/取り消されたか、時間内に終わりませんでした/)).toBeInTheDocument();
    const retry = screen.getByRole("button", { name: "再試行" });
    expect(retry).toHaveAttribute("type", "submit");
    const form = retry.closest("form")!;
    expect(form.querySelector("input[name=isSetRetry]")).toHaveValue("retry");
    expect(form.querySelector("input[name=authenticationExecution]")).toHaveValue("exec-123");
    expect(screen.queryByRole("button", { name: "キャンセル" })).toBeNull();
    // A failed passkey login (not a registration) has no other method to offer.
    expect(screen.queryByRole("link", { name: "別の方法を選ぶ" })).toBeNull();
  });

  it("after a failed registration in the first login: 再試行, or another method through a new login", async () => {
    const restart = "/realms/kenpo/login-actions/restart?client_id=portal&tab_id=t1";
    await renderPage(
      getKcContextMock({
        pageId: "webauthn-error.ftl",
        overrides: {
          isAppInitiatedAction: false,
          url: {
            loginAction: "/realms/kenpo/login-actions/required-action?execution=webauthn-register-passwordless",
            loginRestartFlowUrl: restart,
          },
        },
      }),
    );
    expect(screen.getByRole("button", { name: "再試行" })).toBeInTheDocument();
    const other = screen.getByRole("link", { name: "別の方法を選ぶ" });
    expect(other).toHaveAttribute("href", restart);
    expect(other).toHaveAccessibleDescription(/認証方法の選択（手順⑤）に戻ります/);
  });
});
