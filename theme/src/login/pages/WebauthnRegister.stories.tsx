import type { Meta, StoryObj } from "@storybook/react-vite";
import { clickAfterRender, createKcPageStory } from "../KcPageStory";
import { society } from "../mocks";

const { KcPageStory } = createKcPageStory({ pageId: "webauthn-register.ftl" });

const meta = {
  title: "login/webauthn-register.ftl",
  component: KcPageStory,
} satisfies Meta<typeof KcPageStory>;

export default meta;

type Story = StoryObj<typeof meta>;

/** ⑧: the first login is complete; the member chooses where to set up the passkey. */
export const FirstLoginComplete: Story = { args: { kcContext: { ...society, isAppInitiatedAction: false } } };

/** ⑧ after "スマートフォンで続ける": the portal's QR code. */
export const ContinueOnPhone: Story = { ...FirstLoginComplete, play: clickAfterRender("#kp-continue-on-phone") };

/** ⑩–⑫ reached from ⑧ ("このまま設定する"), the first-login path. */
export const SetUpHere: Story = { ...FirstLoginComplete, play: clickAfterRender("#kp-set-up-here") };

/** ⑩–⑫ when Keycloak sends the page again (isSetRetry): no ⑧ panel. */
export const Registration: Story = {
  args: { kcContext: { ...society, isAppInitiatedAction: false, isSetRetry: true } },
};
