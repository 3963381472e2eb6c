/**
 * Which engine runs the browser suite, and a way for a test to step aside
 * where that engine's driver lacks what it needs, saying why in the output.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type Engine = 'chromium' | 'firefox' | 'webkit';

let current: Promise<Engine> | undefined;

/** The engine this run drives (set by web-test-runner.config.mjs from ENGINE). */
export function engine(): Promise<Engine> {
  current ??= executeServerCommand<Engine, void>('engine').then((name) => name ?? 'chromium');
  return current;
}

/**
 * Skips the running test in the given engines, printing the reason, so a
 * skip is never silent: `await skipIn(this, ['firefox'], 'no media emulation over BiDi')`.
 */
export async function skipIn(context: Mocha.Context, engines: readonly Engine[], reason: string): Promise<void> {
  const name = await engine();
  if (!engines.includes(name)) return;
  console.warn(`[skipped in ${name}] ${context.test?.fullTitle() ?? 'test'}: ${reason}`);
  context.skip();
}
