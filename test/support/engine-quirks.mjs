/**
 * Tells the browser tests which engine they run in (`executeServerCommand('engine')`),
 * so a test that needs a capability one engine's driver lacks can skip there
 * and say why (test/support/engine.ts).
 */
export function engineQuirks(engine) {
  return {
    name: 'engine-quirks',
    executeCommand({ command }) {
      if (command === 'engine') return engine;
      return undefined;
    },
  };
}
