/**
 * The demo: `vite --config demo/vite.config.ts` serves demo/ with the local
 * persona endpoint (`/api/personas`, `/api/contributions`). The pages load the
 * built bundle from /dist/ the way a real host would (`npm start` builds first).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { demoHost } from './server/host.js';
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
  },
  preview: { host, port: 4173, strictPort: false },
  plugins: [personaApi(), demoHost(demoDir, `${repoRoot}dist`)],
});
