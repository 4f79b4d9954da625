import type { DeepPartial } from "keycloakify/tools/DeepPartial";
import type { KcContext } from "./KcContext";
import KcPage from "./KcPage";
import { getKcContextMock } from "./mocks";

/**
 * Storybook: renders one page through KcPage with Keycloakify's mock context plus the story's overrides.
 * The stories (`pages/*.stories.tsx`) are the one catalogue of page states: the screenshot gallery
 * (`src/gallery/`) renders the same exports, so a state is added by adding a story.
 */
export function createKcPageStory<PageId extends KcContext["pageId"]>(params: { pageId: PageId }) {
  const { pageId } = params;

  function KcPageStory(props: { kcContext?: DeepPartial<Extract<KcContext, { pageId: PageId }>> }) {
    const kcContext = getKcContextMock({ pageId, overrides: props.kcContext });
    return <KcPage kcContext={kcContext} />;
  }

  return { KcPageStory };
}

/**
 * A story's `play` for states a member reaches by a click on the rendered page, not by a different
 * kcContext (e.g. the choices on the ⑧ panel). Plain DOM rather than storybook/test, because the
 * gallery runs the same function outside Storybook. It waits for the target since the page may
 * still be rendering when play starts.
 */
export function clickAfterRender(selector: string) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const deadline = Date.now() + 5_000;
    let target = canvasElement.querySelector<HTMLElement>(selector);
    while (target === null) {
      if (Date.now() > deadline) throw new Error(`clickAfterRender: nothing matches ${selector}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      target = canvasElement.querySelector<HTMLElement>(selector);
    }
    target.click();
  };
}
