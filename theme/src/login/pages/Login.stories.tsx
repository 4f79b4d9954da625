import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { brandedSociety, fieldErrors, society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: "login.ftl" });

const meta = {
  title: "login/login.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = { args: { kcContext: { ...society } } };

/** A society file with `brand`: its colour on the button and links, its logo in the header. */
export const WithBrand: Story = { args: { kcContext: { ...brandedSociety } } };

export const WithPasskey: Story = { args: { kcContext: { ...society, enableWebAuthnConditionalUI: true } } };

export const WrongCredentials: Story = {
  args: {
    kcContext: {
      ...society,
      login: { username: "yamada.taro" },
      messagesPerField: fieldErrors({ username: "ユーザIDまたはパスワードが正しくありません。" }),
    },
  },
};

export const English: Story = { args: { kcContext: { ...society, locale: { currentLanguageTag: "en" } } } };
