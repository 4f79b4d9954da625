import type { ComponentType } from "react";
import { isExportStory, storyNameFromExport, toId } from "storybook/internal/csf";

/**
 * The gallery's page states are the Storybook stories: every CSF export of the files Storybook
 * loads (same glob as .storybook/main.ts), so a state is added in one place, its story. Only what
 * our stories use is supported (meta `title`/`component`/`args`, story `args`/`play`); a story
 * with its own `render` would look different here than in Storybook, so it is refused.
 */
type Args = Record<string, unknown>;
type CsfMeta = {
  title?: string;
  component?: ComponentType<Args>;
  args?: Args;
  includeStories?: string[] | RegExp;
  excludeStories?: string[] | RegExp;
};
type CsfStory = { args?: Args; render?: unknown; play?: (context: { canvasElement: HTMLElement }) => unknown };

export type GalleryStory = {
  /** Storybook's story id (e.g. login-login-ftl--default): the gallery URL and screenshot file name. */
  id: string;
  Component: ComponentType<Args>;
  args: Args;
  play?: CsfStory["play"];
};

const modules = import.meta.glob<Record<string, unknown>>("/src/**/*.stories.tsx", { eager: true });

export const stories: GalleryStory[] = Object.entries(modules).flatMap(([file, module]) => {
  const meta = module.default as CsfMeta;
  if (meta.title === undefined || meta.component === undefined)
    throw new Error(`${file}: the gallery needs a title and a component in the meta`);
  const { title, component } = meta;
  return Object.entries(module)
    .filter(([exportName]) => exportName !== "default" && isExportStory(exportName, meta))
    .map(([exportName, value]): GalleryStory => {
      const story = value as CsfStory;
      if (story.render !== undefined)
        throw new Error(`${file} ${exportName}: the gallery renders args, not render functions`);
      return {
        id: toId(title, storyNameFromExport(exportName)),
        Component: component,
        args: { ...meta.args, ...story.args },
        play: story.play,
      };
    });
});

const duplicate = stories.find((story, index) => stories.findIndex((other) => other.id === story.id) !== index);
if (duplicate !== undefined) throw new Error(`two stories have the id ${duplicate.id}`);
