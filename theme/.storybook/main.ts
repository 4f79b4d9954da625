import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { StorybookConfig } from "@storybook/react-vite";

// npm hoists storybook to the repo root but keeps the Vite framework in the workspace, so the
// framework is named by its absolute path (Storybook's advice for monorepos).
const require = createRequire(import.meta.url);
const packagePath = (name: string) => dirname(require.resolve(`${name}/package.json`));

const config: StorybookConfig = {
  stories: ["../src/**/*.stories.tsx"],
  addons: [],
  framework: { name: packagePath("@storybook/react-vite") as "@storybook/react-vite", options: {} },
  core: { disableTelemetry: true },
};

export default config;
