import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The screenshot gallery: every page with mock contexts, built without the Keycloakify plugin.
export default defineConfig({
    plugins: [react()],
    build: {
        outDir: "dist-gallery",
        emptyOutDir: true,
        rollupOptions: { input: "gallery.html" }
    }
});
