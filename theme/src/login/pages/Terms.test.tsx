import { FORM_FIELD, PAGE, REALM_TEXT } from "../../../../contracts";
import { screen } from "@testing-library/react";
import { getKcContextMock, realmTextsMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("terms.ftl (manual ④)", () => {
  it("shows the realm's terms text and posts accept or cancel", async () => {
    await renderPage(
      getKcContextMock({
        pageId: PAGE.terms,
        overrides: {
          "x-keycloakify": {
            messages: {
              ...realmTextsMock,
              [REALM_TEXT.termsText]: "<p>第1条 この規約は加入者ページの利用について定めます。</p>",
            },
          },
        },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("利用規約の確認");
    expect(screen.getByText("初回ログインの手順 ④（4 / 10〜12）")).toBeInTheDocument();
    expect(
      screen.getByText(
        `${realmTextsMock[REALM_TEXT.portalName]}の利用規約をお読みください。同意いただくと次に進みます。`,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText("第1条 この規約は加入者ページの利用について定めます。")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "同意して次へ" })).toHaveAttribute("name", FORM_FIELD.accept);
    expect(screen.getByRole("button", { name: "同意しない" })).toHaveAttribute("name", FORM_FIELD.cancel);
  });

  it("falls back to a neutral text when the realm has no terms", async () => {
    await renderPage(
      getKcContextMock({
        pageId: PAGE.terms,
        overrides: { "x-keycloakify": { messages: { [REALM_TEXT.termsText]: "" } } },
      }),
    );
    expect(screen.getByText("利用規約は、健康保険組合からのお知らせをご確認ください。")).toBeInTheDocument();
  });

  it("shows the kenpoTermsRequired error the script sends", async () => {
    await renderPage(
      getKcContextMock({
        pageId: PAGE.terms,
        overrides: { message: { type: "error", summary: "先に進むには、利用規約への同意が必要です。" } },
      }),
    );
    expect(screen.getByRole("alert")).toHaveTextContent("先に進むには、利用規約への同意が必要です。");
  });
});
