import { FORM_ATTRIBUTE, FORM_FIELD, PAGE, REALM_TEXT } from "../../../../contracts";
import { screen } from "@testing-library/react";
import { getKcContextMock, fieldErrors } from "../mocks";
import { renderPage } from "../../../test/render";

describe("login-birthdate.ftl (manual ③)", () => {
  it("asks for the birthdate as 8 digits with a numeric keyboard and shows step 3", async () => {
    await renderPage(getKcContextMock({ pageId: PAGE.birthdate }));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("生年月日の入力");
    expect(screen.getByText("初回ログインの手順 ③（3 / 10〜12）")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "3");
    const field = screen.getByLabelText("生年月日（西暦8桁）");
    expect(field).toHaveAttribute("name", FORM_FIELD.birthdate);
    expect(field).toHaveAttribute("inputmode", "numeric");
    expect(field).toHaveAccessibleDescription(/19801201/);
    expect(field).not.toHaveAttribute("aria-invalid");
    expect(screen.queryByText(/あと .* 回まちがえると/)).toBeNull();
    expect(screen.getByRole("button", { name: "次へ" })).toHaveAttribute("type", "submit");
  });

  it("ties the server's error to the field and shows the attempts left", async () => {
    await renderPage(
      getKcContextMock({
        pageId: PAGE.birthdate,
        overrides: {
          [FORM_ATTRIBUTE.attemptsLeft]: 2,
          messagesPerField: fieldErrors({
            [FORM_FIELD.birthdate]:
              "入力された内容では確認できませんでした。しばらくしてから、もう一度お試しください。",
          }),
        },
      }),
    );
    const field = screen.getByLabelText("生年月日（西暦8桁）");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription(/入力された内容では確認できませんでした/);
    expect(screen.getByText("あと 2 回まちがえると、15分間ログインできなくなります。")).toBeInTheDocument();
    expect(screen.getByText(/合わせて5回になると、15分間ログインできなくなります/)).toBeInTheDocument();
  });

  it("says the society's own lockout (its realm texts), not the defaults", async () => {
    await renderPage(
      getKcContextMock({
        pageId: PAGE.birthdate,
        overrides: {
          [FORM_ATTRIBUTE.attemptsLeft]: 1,
          messagesPerField: fieldErrors({ [FORM_FIELD.birthdate]: "入力された内容では確認できませんでした。" }),
          "x-keycloakify": { messages: { [REALM_TEXT.lockoutFailures]: "3", [REALM_TEXT.lockoutMinutes]: "30" } },
        },
      }),
    );
    expect(screen.getByText("あと 1 回まちがえると、30分間ログインできなくなります。")).toBeInTheDocument();
    expect(screen.getByText(/合わせて3回になると、30分間ログインできなくなります。30分たてば/)).toBeInTheDocument();
  });
});
