import { PAGE, REALM_TEXT } from "../../../../contracts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { realmTextsMock, society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: PAGE.terms });

const meta = {
  title: "login/terms.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {
  args: {
    kcContext: {
      "x-keycloakify": {
        messages: {
          ...realmTextsMock,
          [REALM_TEXT.termsText]:
            "<h3>第1条（目的）</h3><p>この規約は、加入者ページの利用について定めるものです。</p><h3>第2条（個人情報）</h3><p>健康保険組合は、加入者の個人情報を法令に従って取り扱います。</p>",
        },
      },
    },
  },
};

export const NoTermsInRealm: Story = { args: { kcContext: { ...society } } };
