import { REALM_TEXT } from "../../../../contracts";
import { screen } from "@testing-library/react";
import { getKcContextMock, realmTextsMock } from "../mocks";
import { renderPage } from "../../../test/render";

describe("error.ftl", () => {
  it("turns the loginTimeout message into the start-again page", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "error.ftl",
        overrides: {
          message: { type: "error", summary: "ログインの途中で一定の時間が経ったため、手続きを中断しました。" },
          "x-keycloakify": { messages: realmTextsMock },
        },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("時間切れのため中断しました");
    expect(screen.getByRole("link", { name: `${realmTextsMock[REALM_TEXT.portalName]}からやり直す` })).toHaveAttribute(
      "href",
      realmTextsMock[REALM_TEXT.portalUrl],
    );
  });

  it("shows other errors as they are, with a way back to the portal", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "error.ftl",
        overrides: {
          message: { type: "error", summary: "無効なリクエストです。" },
          "x-keycloakify": { messages: realmTextsMock },
        },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("エラーが発生しました");
    expect(screen.getByRole("alert")).toHaveTextContent("無効なリクエストです。");
    expect(screen.getByRole("link", { name: `${realmTextsMock[REALM_TEXT.portalName]}に戻る` })).toHaveAttribute(
      "href",
      realmTextsMock[REALM_TEXT.portalUrl],
    );
  });

  it.each([
    // A real timeout: the start-again page.
    [
      "ログインの途中で一定の時間が経ったため、手続きを中断しました。もう一度ログインしてください。",
      "時間切れのため中断しました",
    ],
    // An old page posted (Back, a second tab): not a timeout, and not the member's error.
    [
      "この画面は使えなくなりました（ブラウザーの「戻る」で前の画面に戻ったときなどに表示されます）。加入者ページからもう一度ログインしてください。",
      "この画面は使えなくなりました",
    ],
  ])("%s → heading %s", async (summary, heading) => {
    await renderPage(
      getKcContextMock({
        pageId: "error.ftl",
        overrides: { message: { type: "error", summary }, "x-keycloakify": { messages: realmTextsMock } },
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(heading);
  });
});
