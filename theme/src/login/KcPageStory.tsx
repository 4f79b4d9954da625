import type { DeepPartial } from "keycloakify/tools/DeepPartial";
import type { KcContext } from "./KcContext";
import KcPage from "./KcPage";
import { getKcContextMock } from "./mocks";

/** Storybook: renders one page through KcPage with Keycloakify's mock context plus the story's overrides. */
export function createKcPageStory<PageId extends KcContext["pageId"]>(params: { pageId: PageId }) {
    const { pageId } = params;

    function KcPageStory(props: { kcContext?: DeepPartial<Extract<KcContext, { pageId: PageId }>> }) {
        const kcContext = getKcContextMock({ pageId, overrides: props.kcContext });
        return <KcPage kcContext={kcContext} />;
    }

    return { KcPageStory };
}
