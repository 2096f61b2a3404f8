import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The API the dev server forwards to (nginx in front of a manager); only `vite dev` uses it.
const devApi = process.env.BERTH_DEV_API ?? "https://127.0.0.1:8443";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/graphql": { target: devApi, changeOrigin: true, secure: false, ws: true },
      "/session/": { target: devApi, changeOrigin: true, secure: false, ws: true },
    },
  },
});
