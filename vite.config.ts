import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import solid from 'vite-plugin-solid';

// The client is built into dist/client and served by the Jalon server itself, which sends the
// brotli or gzip copy written beside each asset here when the browser accepts it (server/app.ts).
// In development (`npm run dev`) Vite proxies /api and /socket.io to the server on :3000.
export default defineConfig({
  root: 'client',
  plugins: [solid(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  build: { outDir: '../dist/client', emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/socket.io': { target: 'http://localhost:3000', ws: true },
    },
  },
});
