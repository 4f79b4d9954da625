import { screen } from "@testing-library/react";
import { getKcContextMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("info.ftl", () => {
  it("shows the message and the link to proceed", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "info.ftl",
        overrides: {
          message: { type: "info", summary: "メールアドレスが確認されました。" },
          actionUri: "/realms/kenpo/login-actions/action-token?key=x",
          skipLink: false,
        },
      }),
    );
    expect(screen.getByText("メールアドレスが確認されました。")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "次へ進む" })).toHaveAttribute(
      "href",
      "/realms/kenpo/login-actions/action-token?key=x",
    );
  });
});
