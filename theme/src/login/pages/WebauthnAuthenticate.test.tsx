import { screen } from "@testing-library/react";
import { getKcContextMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("webauthn-authenticate.ftl (returning passkey login)", () => {
  it("shows the button, the registered device names and the PC + phone help", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "webauthn-authenticate.ftl",
        overrides: {
          shouldDisplayAuthenticators: true,
          authenticators: {
            authenticators: [
              {
                credentialId: "cred-1",
                label: "iPhone",
                createdAt: "2026/04/01",
                transports: { iconClass: "kcWebAuthnDefaultIcon" },
              },
            ],
          },
        },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("生体認証でログイン");
    expect(screen.getByRole("button", { name: "生体認証でログイン" })).toHaveAttribute(
      "id",
      "authenticateWebAuthnButton",
    );
    expect(screen.getByText("iPhone")).toBeInTheDocument();
    expect(screen.getByText("登録日：2026/04/01")).toBeInTheDocument();
    expect(screen.getByText("パソコンでスマートフォンの生体認証を使うとき")).toBeInTheDocument();
    expect(screen.getByText(/Bluetooth をオンにしておく必要があります/)).toBeInTheDocument();
    expect(document.querySelector("form#webauth input[name=signature]")).not.toBeNull();
    expect(document.getElementById("kenpo-passkey-login")?.textContent).toContain("webauthnAuthenticate.js");
  });
});
