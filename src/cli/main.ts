/**
 * The `persona-widgets` command line: from a team's persona document to a live endpoint.
 *
 *   persona-widgets import <file…> [--out personas.json] [--app NAME] [--prefix ID] [--strict] [--format md|yaml|csv]
 *   persona-widgets validate <file|url> [--json]
 *   persona-widgets build <file> --out-dir DIR [--page-size N] [--base-url URL]
 *   persona-widgets serve [personas.json] [--port 8787] [--db URL] [--review-token-file FILE] [--cors-origin ORIGIN]
 *
 * Exit status: 0 done, 1 invalid input or failed validation, 2 input that cannot be read.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, MAX_INPUT_BYTES } from './io.js';
import { importCommand } from './import.js';
import { validateCommand } from './validate.js';
import { DEFAULT_PAGE_SIZE, buildCommand } from './build.js';
import { serveCommand } from './serve.js';

const USAGE = `persona-widgets: turn persona documents into a persona endpoint, and check endpoints

Usage:
  persona-widgets import <file…> [--out personas.json] [--app NAME] [--prefix ID] [--strict] [--format md|yaml|csv]
      Reads Markdown (.md), YAML (.yaml, .yml) and CSV (.csv) personas and writes the collection
      (--format reads every file as that format, whatever its extension)
      (merging by pid into an existing --out file; --out - writes to stdout). Source text that maps
      to no field is listed; --strict makes that an error.
  persona-widgets validate <file|url> [--json]
      Runs the widgets' own parser and lists each problem as "pid field: reason".
      Exit 0 when every record is kept intact, 1 otherwise, 2 when the input cannot be read.
  persona-widgets build <file> --out-dir DIR [--page-size ${DEFAULT_PAGE_SIZE}] [--base-url URL]
      Writes personas.json (paged into personas-2.json, … linked by next), persona.schema.json,
      and prints the embed snippet.
  persona-widgets serve [personas.json] [--port 8787] [--host 127.0.0.1] [--db URL]
                        [--review-token-file FILE] [--cors-origin ORIGIN]… [--max-age SECONDS] [--trust-proxy]
                        [--schema NAME] [--write-limit PER_MINUTE]
      Serves /api/personas, /api/contributions and the review API. Without --db (or DATABASE_URL)
      the embedded database lives in ./persona-data/; --db postgres://… uses PostgreSQL.
      personas.json is imported once, into a database that has no personas yet. The review API
      needs a token (PERSONA_REVIEW_TOKEN or --review-token-file); without one it is off.
      --write-limit: contributions per client and minute (default 30; 0 turns the limit off).

Files over ${MAX_INPUT_BYTES / 1024 / 1024} MB are refused.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const parse = (options: NonNullable<ParseArgsConfig['options']>) => {
    try {
      return parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new CliError(`${command}: ${(error as Error).message}\n\n${USAGE}`);
    }
  };
  switch (command) {
    case 'import': {
      const { values, positionals } = parse({
        out: { type: 'string', short: 'o', default: 'personas.json' },
        app: { type: 'string' },
        prefix: { type: 'string' },
        strict: { type: 'boolean', default: false },
        format: { type: 'string' },
      });
      return importCommand({
        files: positionals,
        out: values.out as string,
        app: values.app as string | undefined,
        prefix: values.prefix as string | undefined,
        strict: values.strict as boolean,
        format: values.format as string | undefined,
      });
    }
    case 'validate': {
      const { values, positionals } = parse({ json: { type: 'boolean', default: false } });
      if (positionals.length !== 1) throw new CliError(`validate: name one file or URL\n\n${USAGE}`);
      try {
        return await validateCommand(positionals[0]!, values.json as boolean);
      } catch (error) {
        if (values.json && error instanceof CliError) {
          process.stdout.write(`${JSON.stringify({ source: positionals[0], ok: false, error: error.message }, null, 2)}\n`);
        }
        throw error;
      }
    }
    case 'build': {
      const { values, positionals } = parse({
        'out-dir': { type: 'string' },
        'page-size': { type: 'string', default: String(DEFAULT_PAGE_SIZE) },
        'base-url': { type: 'string' },
      });
      if (positionals.length !== 1) throw new CliError(`build: name one collection file\n\n${USAGE}`);
      if (!values['out-dir']) throw new CliError('build: --out-dir DIR is required');
      const pageSize = Number(values['page-size']);
      if (!Number.isInteger(pageSize) || pageSize < 1) throw new CliError(`build: --page-size must be a whole number ≥ 1, got "${String(values['page-size'])}"`);
      return buildCommand(positionals[0]!, values['out-dir'] as string, pageSize, values['base-url'] as string | undefined);
    }
    case 'serve': {
      const { values, positionals } = parse({
        port: { type: 'string', short: 'p', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        db: { type: 'string' },
        'review-token-file': { type: 'string' },
        'cors-origin': { type: 'string', multiple: true, default: [] },
        'max-age': { type: 'string' },
        'trust-proxy': { type: 'boolean', default: false },
        schema: { type: 'string' },
        'write-limit': { type: 'string' },
      });
      if (positionals.length > 1) throw new CliError(`serve: name at most one personas file\n\n${USAGE}`);
      return serveCommand({
        personasFile: positionals[0],
        port: values.port as string,
        host: values.host as string,
        db: values.db as string | undefined,
        reviewTokenFile: values['review-token-file'] as string | undefined,
        corsOrigins: values['cors-origin'] as string[],
        maxAge: values['max-age'] as string | undefined,
        trustProxy: values['trust-proxy'] as boolean,
        schema: values.schema as string | undefined,
        writeLimit: values['write-limit'] as string | undefined,
      });
    }
    default:
      throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliError) {
      console.error(`persona-widgets: ${error.message}`);
      process.exitCode = error.exitCode;
    } else {
      console.error('persona-widgets: unexpected error:', error);
      process.exitCode = 1;
    }
  },
);
