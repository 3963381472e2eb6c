/**
 * Starts the real demo dev server (Vite with demo/vite.config.ts) on a free
 * 127.0.0.1 port, with `env` set while the config loads (PERSONA_DATA_DIR, the
 * timeouts), and restores the environment afterwards.
 */
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const demoDir = fileURLToPath(new URL('../../demo/', import.meta.url));

export interface DemoServer {
  server: ViteDevServer;
  port: number;
  base: string;
  close(): Promise<void>;
}

export async function startDemoServer(env: Record<string, string>): Promise<DemoServer> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  let server: ViteDevServer;
  try {
    server = await createServer({
      configFile: fileURLToPath(new URL('../../demo/vite.config.ts', import.meta.url)),
      server: { port: 0, host: '127.0.0.1', strictPort: false, watch: null },
      logLevel: 'silent',
      clearScreen: false,
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    await server.listen();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  const { port } = server.httpServer!.address() as AddressInfo;
  return {
    server,
    port,
    base: `http://127.0.0.1:${port}`,
    async close() {
      await server.close();
    },
  };
}
