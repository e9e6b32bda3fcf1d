import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the API at /admin/ (see SHARED-INFRA); `pnpm dev` proxies /api to a running API.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // The framework stays in one long-cached chunk shared by every route; ECharts lives
        // only in the dashboard's lazily loaded chart chunk.
        manualChunks(id: string) {
          if (/node_modules\/(react|react-dom|scheduler|react-router)\//.test(id)) return 'react';
          return undefined;
        },
      },
    },
  },
  server: { port: 4300, proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:3000' } },
});
