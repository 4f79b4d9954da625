import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: "webauthn-register.ftl" });

const meta = {
    title: "login/webauthn-register.ftl",
    component: KcPageStory
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const FirstLoginComplete: Story = { args: { kcContext: { ...society, isAppInitiatedAction: false } } };

export const Registration: Story = { args: { kcContext: { ...society, isAppInitiatedAction: false, isSetRetry: true } } };
