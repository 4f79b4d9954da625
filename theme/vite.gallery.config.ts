import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The screenshot gallery: every Storybook story (src/gallery/stories.ts), built without the Keycloakify plugin
// and without Storybook.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist-gallery",
    emptyOutDir: true,
    rollupOptions: { input: "gallery.html" },
  },
});
