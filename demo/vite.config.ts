/**
 * The demo: `vite --config demo/vite.config.ts` serves demo/ with the local
 * persona endpoint (`/api/personas`, `/api/contributions`).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { personaApi } from './server/plugin.js';

const demoDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// HOST=0.0.0.0 exposes the demo on the network; by default it stays on this machine.
const host = process.env['HOST'] || '127.0.0.1';

export default defineConfig({
  root: demoDir,
  server: {
    host,
    port: 5173,
    strictPort: false,
    // Demo pages import ../src/…, outside the root.
    fs: { allow: [repoRoot] },
  },
  preview: { host, port: 4173, strictPort: false },
  resolve: {
    // A page's `../src/define.ts` reaches the dev server as `/src/define.ts`
    // (the browser cannot go above the root), which Vite would look up in
    // demo/src. Point it at the library's sources instead.
    alias: [{ find: /^\/src\//, replacement: `${repoRoot}src/` }],
  },
  plugins: [personaApi()],
});
