import { EMAIL_ENTRY, FORM_ATTRIBUTE, FORM_FIELD, PAGE } from "../../../../contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { fieldErrors, society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: PAGE.emailCode });

const meta = {
  title: "login/login-email-code.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { kcContext: { ...society, [FORM_ATTRIBUTE.helpDesk]: "電話 03-1234-5678" } } };

export const WrongCode: Story = {
  args: {
    kcContext: {
      ...society,
      [FORM_ATTRIBUTE.attemptsLeft]: 3,
      messagesPerField: fieldErrors({
        [FORM_FIELD.emailCode]: "確認コードが正しくありません。メールに書かれた6桁の数字をご確認ください。",
      }),
    },
  },
};

export const Resent: Story = { args: { kcContext: { ...society, [FORM_ATTRIBUTE.emailCodeResent]: "true" } } };

/** A society that lets members without an address on file enter one. */
export const AddressAsked: Story = {
  args: {
    kcContext: { ...society, [FORM_ATTRIBUTE.emailShown]: undefined, [FORM_ATTRIBUTE.emailEntry]: EMAIL_ENTRY.ask },
  },
};
