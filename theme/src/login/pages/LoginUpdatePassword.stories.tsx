import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { fieldErrors, society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: "login-update-password.ftl" });

const meta = {
    title: "login/login-update-password.ftl",
    component: KcPageStory
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { kcContext: { ...society, isAppInitiatedAction: false } } };

export const PolicyError: Story = { args: { kcContext: { ...society, messagesPerField: fieldErrors({ password: "初回のパスワードは使えません。" }) } } };
