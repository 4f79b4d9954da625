import type { Meta, StoryObj } from "@storybook/react-vite";
import { clickAfterRender, createKcPageStory } from "../KcPageStory";
import { fieldErrors, society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: "login-config-totp.ftl" });

const meta = {
  title: "login/login-config-totp.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

/** ⑧: the first login is complete; the member chooses where to set up the OTP app. */
export const FirstLoginComplete: Story = { args: { kcContext: { ...society, isAppInitiatedAction: false } } };

/** ⑭ reached from ⑧ ("このまま設定する"): the QR code for the OTP app. */
export const SetUpHere: Story = { ...FirstLoginComplete, play: clickAfterRender("#kp-set-up-here") };

export const ManualKey: Story = { args: { kcContext: { ...society, isAppInitiatedAction: false, mode: "manual" } } };

export const WrongCode: Story = {
  args: {
    kcContext: {
      ...society,
      isAppInitiatedAction: false,
      message: { type: "error", summary: "無効な認証コードです。" },
      messagesPerField: fieldErrors({ totp: "無効な認証コードです。" }),
    },
  },
};
