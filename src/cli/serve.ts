/**
 * `persona-widgets serve [personas.json] [--port 8787] [--host 127.0.0.1] [--db URL]
 * [--review-token-file FILE] [--cors-origin ORIGIN…] [--max-age S] [--trust-proxy]`:
 * the persona endpoint on the embedded database (`./persona-data/`) or PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { servePersonas } from '../server/index.js';
import { CliError, EXIT_UNREADABLE } from './io.js';

export interface ServeCommandOptions {
  personasFile?: string;
  port: string;
  host: string;
  db?: string;
  reviewTokenFile?: string;
  corsOrigins: string[];
  maxAge?: string;
  trustProxy: boolean;
  schema?: string;
  writeLimit?: string;
}

/** The review token: `--review-token-file` (first line), else `$PERSONA_REVIEW_TOKEN`, else none (review off). */
function reviewToken(file: string | undefined): string | undefined {
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(`serve: cannot read --review-token-file ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`, EXIT_UNREADABLE);
    }
    const token = text.split('\n')[0]!.trim();
    if (!token) throw new CliError(`serve: --review-token-file ${file} is empty`);
    return token;
  }
  return process.env['PERSONA_REVIEW_TOKEN']?.trim() || undefined;
}

/** Redacts the password of a database URL for the start-up line. */
function describeDb(target: string): string {
  try {
    const url = new URL(target);
    if (url.password) url.password = '***';
    return `PostgreSQL ${url.toString()}`;
  } catch {
    return `embedded database in ${resolve(target)}`;
  }
}

/** Serves until SIGINT/SIGTERM; resolves with the exit status. */
export async function serveCommand(options: ServeCommandOptions): Promise<number> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`serve: --port must be 0 to 65535, got "${options.port}"`);
  const maxAge = options.maxAge === undefined ? undefined : Number(options.maxAge);
  if (maxAge !== undefined && (!Number.isInteger(maxAge) || maxAge < 0)) throw new CliError('serve: --max-age must be a whole number of seconds');
  const db = options.db ?? process.env['DATABASE_URL'] ?? 'persona-data';
  const token = reviewToken(options.reviewTokenFile);
  if (token !== undefined && token.length < 16) throw new CliError('serve: the review token must have at least 16 characters');
  const writeLimit = options.writeLimit === undefined ? undefined : Number(options.writeLimit);
  if (writeLimit !== undefined && (!Number.isInteger(writeLimit) || writeLimit < 0)) throw new CliError('serve: --write-limit must be a whole number (0: no limit)');
  const cors = options.corsOrigins.includes('*') ? '*' : options.corsOrigins;
  let server;
  try {
    server = await servePersonas({
      port,
      host: options.host,
      db,
      ...(options.personasFile ? { personasFile: resolve(options.personasFile) } : {}),
      ...(token ? { reviewToken: token } : {}),
      corsOrigins: cors,
      ...(maxAge !== undefined ? { personasMaxAge: maxAge } : {}),
      trustProxy: options.trustProxy,
      ...(options.schema ? { schema: options.schema } : {}),
      ...(writeLimit !== undefined ? { writeLimit: writeLimit === 0 ? (false as const) : { max: writeLimit, windowMs: 60_000 } } : {}),
      log: (message) => console.log(`[persona-widgets] ${message}`),
    });
  } catch (error) {
    throw new CliError(`serve: could not start: ${(error as Error).message}`);
  }
  console.log(`persona-widgets: serving ${server.url}/api/personas on the ${describeDb(db)}`);
  console.log(`persona-widgets: review API ${token ? 'on (bearer token)' : 'off (no review token)'}`);
  const stop = new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  await stop;
  await server.close();
  return 0;
}
