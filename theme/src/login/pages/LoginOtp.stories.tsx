import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: "login-otp.ftl" });

const meta = {
  title: "login/login-otp.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { kcContext: { ...society } } };

export const TwoDevices: Story = {
  args: {
    kcContext: {
      ...society,
      otpLogin: {
        userOtpCredentials: [
          { id: "c1", userLabel: "iPhone" },
          { id: "c2", userLabel: "Android" },
        ],
      },
    },
  },
};
