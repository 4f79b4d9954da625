import type { Meta, StoryObj } from "@storybook/react-vite";
import { createKcPageStory } from "../KcPageStory";
import { society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: "webauthn-authenticate.ftl" });

const meta = {
  title: "login/webauthn-authenticate.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

export const Default: Story = {
  args: {
    kcContext: {
      ...society,
      shouldDisplayAuthenticators: true,
      authenticators: {
        authenticators: [
          {
            credentialId: "c1",
            label: "iPhone",
            createdAt: "2026/04/01 10:00",
            transports: { iconClass: "kcWebAuthnDefaultIcon" },
          },
        ],
      },
    },
  },
};
