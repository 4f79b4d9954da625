import { FORM_ATTRIBUTE, FORM_FIELD, METHOD, PAGE } from "../../../../contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { fieldErrors, society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: PAGE.methodChoice });

const meta = {
  title: "login/login-method-choice.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { kcContext: { ...society } } };

export const UserIdTaken: Story = {
  args: {
    kcContext: {
      ...society,
      [FORM_ATTRIBUTE.selectedMethod]: METHOD.passkey,
      messagesPerField: fieldErrors({
        [FORM_FIELD.newUserId]: "このユーザIDは使えません。別のユーザIDを入力してください。",
      }),
    },
  },
};

export const MethodMissing: Story = {
  args: {
    kcContext: { ...society, messagesPerField: fieldErrors({ [FORM_FIELD.method]: "認証方法を選んでください。" }) },
  },
};

/** ⑤ again after 「別の方法を選ぶ」 on a registration page: the method only, the first choice selected. */
export const OtherMethod: Story = {
  args: {
    kcContext: { ...society, [FORM_ATTRIBUTE.selectedMethod]: METHOD.passkey, [FORM_ATTRIBUTE.otherMethod]: "true" },
  },
};
