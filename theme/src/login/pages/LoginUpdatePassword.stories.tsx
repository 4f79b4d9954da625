import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { customPasswordPolicies, fieldErrors, society, withPasswordPolicies } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: "login-update-password.ftl" });

const meta = {
  title: "login/login-update-password.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

/** The demo society's policy: length(8), notUsername, notEmail, passwordHistory(3). */
export const Default: Story = { args: { kcContext: { ...society, isAppInitiatedAction: false } } };

/** A stricter society: the rules listed are whatever its realm's policy says. */
export const CustomPolicy: Story = {
  args: { kcContext: { ...society, isAppInitiatedAction: false, ...withPasswordPolicies(customPasswordPolicies) } },
};

/** The initial password typed again: Keycloak's history policy refuses it, as a page message in our words. */
export const PolicyError: Story = {
  args: {
    kcContext: {
      ...society,
      message: { type: "error", summary: "最近使った3個のパスワードは使えません。別のパスワードを入力してください。" },
    },
  },
};

/** An empty new password: Keycloak ties missingPasswordMessage to the field. */
export const MissingPassword: Story = {
  args: {
    kcContext: { ...society, messagesPerField: fieldErrors({ password: "新しいパスワードを入力してください。" }) },
  },
};

/** What Keycloak sends back when the new password is too short for length(10): our words, not its stock sentence. */
export const TooShort: Story = {
  args: {
    kcContext: {
      ...society,
      isAppInitiatedAction: false,
      ...withPasswordPolicies({ length: 10 }),
      message: { type: "error", summary: "パスワードは10文字以上にしてください。" },
    },
  },
};
