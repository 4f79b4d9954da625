import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { fieldErrors, society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: "login-config-totp.ftl" });

const meta = {
    title: "login/login-config-totp.ftl",
    component: KcPageStory
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const FirstLoginComplete: Story = { args: { kcContext: { ...society, isAppInitiatedAction: false } } };

export const ManualKey: Story = { args: { kcContext: { ...society, isAppInitiatedAction: false, mode: "manual" } } };

export const WrongCode: Story = { args: { kcContext: { ...society, isAppInitiatedAction: false, message: { type: "error", summary: "無効な認証コードです。" }, messagesPerField: fieldErrors({ totp: "無効な認証コードです。" }) } } };
