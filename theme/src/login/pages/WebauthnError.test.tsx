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
  });
});
