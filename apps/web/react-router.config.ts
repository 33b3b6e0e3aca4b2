import type { Config } from "@react-router/dev/config";

export default {
  // Pages render on the server; the Hono server (apps/server) hands requests to the build.
  ssr: true,
  future: {
    // Lets vite.config.ts name the server entry (server/app.ts), as React Router's
    // node-custom-server template does.
    v8_viteEnvironmentApi: true,
  },
} satisfies Config;
