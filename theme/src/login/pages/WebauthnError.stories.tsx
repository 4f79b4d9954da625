import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: "webauthn-error.ftl" });

const meta = {
  title: "login/webauthn-error.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { kcContext: { ...society, isAppInitiatedAction: false } } };

/** The registration of the first login failed: 再試行, or another method (⑤ again). */
export const FirstLoginRegistration: Story = {
  args: {
    kcContext: {
      ...society,
      isAppInitiatedAction: false,
      url: { loginAction: "/realms/kenpo/login-actions/required-action?execution=webauthn-register-passwordless" },
    },
  },
};
