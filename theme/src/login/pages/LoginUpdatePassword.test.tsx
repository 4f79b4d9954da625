import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { getKcContextMock, fieldErrors, customPasswordPolicies, withPasswordPolicies } from "../mocks";
import { renderPage } from "../../../test/render";
import type { RealmPasswordPolicies } from "./LoginUpdatePassword";

const ruleState = (id: string) => document.getElementById(id)?.getAttribute("data-met");
/** The rules as the member reads them, without the screen-reader status. */
const listedRules = () =>
  [...document.querySelectorAll("#kp-password-rules li")].map((li) => {
    const copy = li.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".kp-visually-hidden, [aria-hidden=true]").forEach((hidden) => hidden.remove());
    return copy.textContent;
  });

function renderWithPolicies(passwordPolicies: RealmPasswordPolicies | undefined, language: "ja" | "en" = "ja") {
  return renderPage(
    getKcContextMock({
      pageId: "login-update-password.ftl",
      overrides: { locale: { currentLanguageTag: language }, ...withPasswordPolicies(passwordPolicies) },
    }),
  );
}

describe("login-update-password.ftl (manual ⑥): the rules are the realm's policy", () => {
  // Overrides merge into the mock's default (the demo realm's policy: length 8, history 3, not-username, not-email).
  it.each<{ name: string; policies: RealmPasswordPolicies | undefined; language?: "ja" | "en"; rules: string[] }>([
    {
      name: "the default policy",
      policies: {},
      rules: [
        "8文字以上",
        "ユーザIDと同じではない",
        "メールアドレスと同じではない",
        "最近使った3個のパスワードは使えません",
      ],
    },
    {
      name: "length(10)",
      policies: { length: 10 },
      rules: [
        "10文字以上",
        "ユーザIDと同じではない",
        "メールアドレスと同じではない",
        "最近使った3個のパスワードは使えません",
      ],
    },
    {
      name: "length(10), in English",
      policies: { length: 10 },
      language: "en",
      rules: [
        "At least 10 characters",
        "Not the same as your user ID",
        "Not the same as your email address",
        "Not one of your last 3 passwords",
      ],
    },
    {
      name: "history 0: no history rule",
      policies: { passwordHistory: 0 },
      rules: ["8文字以上", "ユーザIDと同じではない", "メールアドレスと同じではない"],
    },
    {
      name: "no history policy",
      policies: { passwordHistory: undefined },
      rules: ["8文字以上", "ユーザIDと同じではない", "メールアドレスと同じではない"],
    },
    {
      name: "without not-username and not-email",
      policies: { notUsername: false, notEmail: false },
      rules: ["8文字以上", "最近使った3個のパスワードは使えません"],
    },
    {
      name: "a stricter society's policy",
      policies: customPasswordPolicies,
      rules: [
        "12文字以上",
        "64文字以内",
        "英小文字（a〜z）を1文字以上含む",
        "英大文字（A〜Z）を1文字以上含む",
        "数字（0〜9）を2文字以上含む",
        "英数字以外の文字（! # % など）を1文字以上含む",
        "ユーザIDと同じではない",
        "最近使った5個のパスワードは使えません",
      ],
    },
    {
      name: "a stricter society's policy, in English",
      policies: customPasswordPolicies,
      language: "en",
      rules: [
        "At least 12 characters",
        "At most 64 characters",
        "Lowercase letters (a–z): at least 1",
        "Uppercase letters (A–Z): at least 1",
        "Digits (0–9): at least 2",
        "Characters other than letters and digits (such as ! # %): at least 1",
        "Not the same as your user ID",
        "Not one of your last 5 passwords",
      ],
    },
  ])("$name", async ({ policies, language, rules }) => {
    await renderWithPolicies(policies, language);
    expect(listedRules()).toEqual(rules);
  });

  it("shows no rule it was not given: without passwordPolicies the list is left out, not guessed", async () => {
    await renderWithPolicies(undefined);
    expect(document.getElementById("kp-password-rules")).toBeNull();
    expect(screen.queryByText(/文字以上/)).toBeNull();
    expect(screen.getByLabelText("新しいパスワード")).not.toHaveAttribute(
      "aria-describedby",
      expect.stringContaining("kp-password-rules"),
    );
  });

  it("checks the stricter policy's rules while typing, as Keycloak counts them", async () => {
    const user = userEvent.setup();
    await renderWithPolicies(customPasswordPolicies);
    const password = screen.getByLabelText("新しいパスワード");
    await user.type(password, "sakura");
    expect(ruleState("kp-rule-length")).toBe("false");
    expect(ruleState("kp-rule-lowercase")).toBe("true");
    expect(ruleState("kp-rule-uppercase")).toBe("false");
    expect(ruleState("kp-rule-digits")).toBe("false");
    expect(ruleState("kp-rule-special")).toBe("false");
    await user.type(password, "-Haru-2026");
    for (const id of [
      "kp-rule-length",
      "kp-rule-max-length",
      "kp-rule-lowercase",
      "kp-rule-uppercase",
      "kp-rule-digits",
      "kp-rule-special",
    ]) {
      expect([id, ruleState(id)]).toEqual([id, "true"]);
    }
    // The history is only known to Keycloak: the rule is stated, never ticked.
    expect(ruleState("kp-rule-history")).toBeNull();
    expect(document.getElementById("kp-rule-history")).not.toHaveTextContent("（条件を満たしています）");
  });
});

describe("login-update-password.ftl (manual ⑥)", () => {
  it("shows the password rules before typing and checks them live", async () => {
    const user = userEvent.setup();
    await renderPage(
      getKcContextMock({
        pageId: "login-update-password.ftl",
        overrides: {
          auth: { attemptedUsername: "yamada.taro" },
          user: { username: "yamada.taro", email: "taro@example.jp" },
        } as never,
      }),
    );
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("新しいパスワードの設定");
    expect(screen.getByText("初回ログインの手順 ⑦（7 / 10〜12）")).toBeInTheDocument();
    expect(screen.getByText("8文字以上")).toBeInTheDocument();
    expect(screen.getByText("ユーザIDと同じではない")).toBeInTheDocument();
    expect(screen.getByText("メールアドレスと同じではない")).toBeInTheDocument();
    expect(ruleState("kp-rule-length")).toBe("false");
    expect(screen.getByLabelText("新しいパスワード")).toHaveAccessibleDescription(/8文字以上/);

    const password = screen.getByLabelText("新しいパスワード");
    expect(password).toHaveAttribute("name", "password-new");
    expect(password).toHaveAttribute("autocomplete", "new-password");

    await user.type(password, "yamada.taro");
    expect(ruleState("kp-rule-length")).toBe("true");
    expect(ruleState("kp-rule-userid")).toBe("false");
    expect(ruleState("kp-rule-email")).toBe("true");

    await user.clear(password);
    await user.type(password, "taro@example.jp");
    expect(ruleState("kp-rule-email")).toBe("false");

    await user.clear(password);
    await user.type(password, "sakura-2026");
    expect(ruleState("kp-rule-userid")).toBe("true");
    expect(ruleState("kp-rule-email")).toBe("true");

    const confirm = screen.getByLabelText("新しいパスワード（確認のためもう一度）");
    expect(confirm).toHaveAttribute("name", "password-confirm");
    await user.type(confirm, "sakura");
    expect(screen.getByText("確認のパスワードが一致していません。")).toBeInTheDocument();
    await user.type(confirm, "-2026");
    expect(screen.getByText("確認のパスワードが一致しました。")).toBeInTheDocument();
  });

  it("ties a field error from Keycloak to the new password field", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login-update-password.ftl",
        overrides: { messagesPerField: fieldErrors({ password: "新しいパスワードを入力してください。" }) },
      }),
    );
    const password = screen.getByLabelText("新しいパスワード");
    expect(password).toHaveAttribute("aria-invalid", "true");
    expect(password).toHaveAccessibleDescription(/新しいパスワードを入力してください。/);
  });

  it("shows a policy refusal (a page message from Keycloak) above the form, next to the rules it breaks", async () => {
    await renderPage(
      getKcContextMock({
        pageId: "login-update-password.ftl",
        overrides: {
          ...withPasswordPolicies({ length: 10 }),
          message: { type: "error", summary: "パスワードは10文字以上にしてください。" },
        },
      }),
    );
    expect(screen.getByRole("alert")).toHaveTextContent("パスワードは10文字以上にしてください。");
    expect(screen.getByText("10文字以上")).toBeInTheDocument();
  });

  it("lets the member reveal the password", async () => {
    const user = userEvent.setup();
    await renderPage(getKcContextMock({ pageId: "login-update-password.ftl" }));
    const password = screen.getByLabelText("新しいパスワード");
    await user.click(screen.getAllByRole("button", { name: "パスワードを表示" })[0]);
    expect(password).toHaveAttribute("type", "text");
  });
});

describe("login-update-password.ftl: the first login's ⑥ or the forgotten password's", () => {
  beforeEach(() => window.sessionStorage.clear());
  const render = (summary: string, type: "warning" | "error" = "warning") =>
    renderPage(getKcContextMock({ pageId: "login-update-password.ftl", overrides: { message: { type, summary } } }));
  const refused = "パスワードは8文字以上にしてください。";

  // Keycloak's notices (our bundle): the first login's account asks for a new password; the reset flow's does not.
  it.each([
    [
      "first login",
      "新しいパスワードを設定してください。設定が終わると、これまでのパスワードは使えなくなります。",
      true,
    ],
    [
      "forgotten password",
      "新しいパスワードを設定してください。設定が終わったら、新しいパスワードでもう一度ログインしていただきます。",
      false,
    ],
  ] as const)("%s: the first login's step only there, also after a refused password", async (_, notice, step) => {
    const first = await render(notice);
    expect(screen.queryByRole("progressbar") !== null).toBe(step);
    expect(screen.queryByText(/初回のパスワード（記号＋番号＋生年月日）は使えません/) !== null).toBe(step);
    first.unmount();
    // The refusal replaces the notice: the page still knows which ⑥ it is.
    await render(refused, "error");
    expect(screen.getByRole("alert")).toHaveTextContent(refused);
    expect(screen.queryByRole("progressbar") !== null).toBe(step);
  });

  it("a first login after a reset in the same tab: its own notice wins over what the tab remembered", async () => {
    window.sessionStorage.setItem("kenpo.passwordReset", "true");
    await render("新しいパスワードを設定してください。設定が終わると、これまでのパスワードは使えなくなります。");
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
  });

  it("changing a chosen password (an application-initiated action): no step, no word of the card", async () => {
    await renderPage(
      getKcContextMock({ pageId: "login-update-password.ftl", overrides: { isAppInitiatedAction: true } }),
    );
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByText("これからのログインに使う、新しいパスワードを決めてください。")).toBeInTheDocument();
  });
});
