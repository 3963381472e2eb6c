/**
 * Reading inputs and writing outputs for the CLI: a size cap on every input,
 * atomic writes (temporary file in the same directory, then rename), and the
 * error type that carries a message and an exit status to `main.ts`.
 */
import { closeSync, fstatSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Largest input file or HTTP body the CLI reads: 20 MB. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** A failure with a message for people and the process exit status. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Exit status for input that cannot be read at all (missing, unreadable, too large). */
export const EXIT_UNREADABLE = 2;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Reads a text file, refusing directories and files over the size cap before reading them. */
export function readTextFile(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new CliError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, EXIT_UNREADABLE);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new CliError(`${path}: is a directory, not a file`, EXIT_UNREADABLE);
    if (stat.size > MAX_INPUT_BYTES) {
      throw new CliError(
        `${path}: the file is ${megabytes(stat.size)}; the CLI reads files up to ${megabytes(MAX_INPUT_BYTES)} (split it into several files)`,
        EXIT_UNREADABLE,
      );
    }
    const text = readFileSync(fd, 'utf8');
    // Strip a byte-order mark and normalise line endings, so line numbers match an editor's.
    return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, EXIT_UNREADABLE);
  } finally {
    closeSync(fd);
  }
}

/** Parses JSON text, naming the file and the line of a syntax error. */
export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(message.match(/position (\d+)/)?.[1]);
    const line = Number.isInteger(position) ? text.slice(0, position).split('\n').length : undefined;
    throw new CliError(`${where}${line ? `:${line}` : ''}: not valid JSON (${message})`, EXIT_UNREADABLE);
  }
}

/**
 * Writes a file so that readers see the old content or the new, never half of
 * it: the text goes to a temporary file next to the target, which is then
 * renamed over it.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(`${path}: cannot write the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** JSON as the CLI writes it: two-space indent, final newline. */
export const toJson = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
