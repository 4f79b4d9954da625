import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { getKcContextMock, fieldErrors } from "../mocks";
import { renderPage } from "../../../test/render";

const ruleState = (id: string) => document.getElementById(id)?.getAttribute("data-met");

describe("login-update-password.ftl (manual ⑥)", () => {
    it("shows the password rules before typing and checks them live", async () => {
        const user = userEvent.setup();
        await renderPage(
            getKcContextMock({
                pageId: "login-update-password.ftl",
                overrides: { auth: { attemptedUsername: "yamada.taro" }, user: { username: "yamada.taro", email: "taro@example.jp" } } as never
            })
        );
        expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("新しいパスワードの設定");
        expect(screen.getByText("初回ログインの手順 6 / 14")).toBeInTheDocument();
        expect(screen.getByText("8文字以上")).toBeInTheDocument();
        expect(screen.getByText("ユーザIDと同じではない")).toBeInTheDocument();
        expect(screen.getByText("メールアドレスと同じではない")).toBeInTheDocument();
        expect(ruleState("kp-rule-length")).toBe("false");

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

    it("ties the policy error from Keycloak to the new password field", async () => {
        await renderPage(
            getKcContextMock({
                pageId: "login-update-password.ftl",
                overrides: { messagesPerField: fieldErrors({ password: "初回のパスワードは使えません。" }) }
            })
        );
        const password = screen.getByLabelText("新しいパスワード");
        expect(password).toHaveAttribute("aria-invalid", "true");
        expect(password).toHaveAccessibleDescription(/初回のパスワードは使えません。/);
    });

    it("lets the member reveal the password", async () => {
        const user = userEvent.setup();
        await renderPage(getKcContextMock({ pageId: "login-update-password.ftl" }));
        const password = screen.getByLabelText("新しいパスワード");
        await user.click(screen.getAllByRole("button", { name: "パスワードを表示" })[0]!);
        expect(password).toHaveAttribute("type", "text");
    });
});
