/**
 * The demo: `vite --config demo/vite.config.ts` serves demo/ with the local
 * persona endpoint (`/api/personas`, `/api/contributions`). The pages load the
 * built bundle from /dist/ the way a real host would (`npm start` builds first).
 *
 * The endpoint is the library's own handler (src/server) on the embedded
 * database, which holds contributions (with emails) outside every served folder:
 * `$PERSONA_DATA_DIR/db`, else `.persona-data/db` at the repository root
 * (`DATABASE_URL` switches it to PostgreSQL). The server
 * serves demo/ and dist/ only (`server.fs`), never a dot folder or the store,
 * and drops clients slower than `PERSONA_DEMO_HEADERS_TIMEOUT_MS` /
 * `PERSONA_DEMO_BODY_TIMEOUT_MS` (10 s each by default).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { DATABASE_DIR_NAME, demoGuard, denyPatterns, resolveDataDir, resolveTimeouts } from './server/guard.js';
import { demoHost } from './server/host.js';
import { personaApi } from './server/plugin.js';

const demoDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(repoRoot, 'dist');
const dataDir = resolveDataDir(repoRoot);
const timeouts = resolveTimeouts();
// HOST=0.0.0.0 exposes the demo on the network; by default it stays on this machine.
const host = process.env['HOST'] || '127.0.0.1';

export default defineConfig({
  root: demoDir,
  server: {
    host,
    port: 5173,
    strictPort: false,
    fs: {
      // `/@fs/` reaches demo/ and dist/ only (Vite adds its own client), never the rest of the repo.
      strict: true,
      allow: [demoDir, distDir],
      deny: denyPatterns(dataDir),
    },
  },
  preview: { host, port: 4173, strictPort: false },
  plugins: [
    personaApi({ db: process.env['DATABASE_URL'] || join(dataDir, DATABASE_DIR_NAME), bodyTimeoutMs: timeouts.bodyTimeoutMs }),
    demoHost(demoDir, distDir),
    demoGuard({ dataDir, timeouts }),
  ],
});
