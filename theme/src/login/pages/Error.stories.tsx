import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: "error.ftl" });

const meta = {
  title: "login/error.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {
  args: { kcContext: { ...society, message: { type: "error", summary: "無効なリクエストです。" } } },
};

export const LoginTimeout: Story = {
  args: {
    kcContext: {
      ...society,
      message: { type: "error", summary: "ログインの途中で一定の時間が経ったため、手続きを中断しました。" },
    },
  },
};
