import { FORM_ATTRIBUTE, FORM_FIELD, PAGE } from "../../../../contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { fieldErrors, society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: PAGE.birthdate });

const meta = {
  title: "login/login-birthdate.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { kcContext: { ...society } } };

export const WrongBirthdate: Story = {
  args: {
    kcContext: {
      ...society,
      [FORM_ATTRIBUTE.attemptsLeft]: 2,
      messagesPerField: fieldErrors({
        [FORM_FIELD.birthdate]: "入力された内容では確認できませんでした。しばらくしてから、もう一度お試しください。",
      }),
    },
  },
};
