/**
 * WebKit for web-test-runner: WebKitGTK's MiniBrowser (Safari's engine, from
 * Debian's webkit2gtk-driver) through WebKitWebDriver, started here on a free
 * port and stopped with the run. MiniBrowser needs a display: run under xvfb-run.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

const MINIBROWSER = process.env.WEBKIT_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

// WebDriver's codes for the named keys the tests press.
const KEY_CODES = {
  Backspace: '\uE003', Tab: '\uE004', Enter: '\uE007', Shift: '\uE008', Control: '\uE009',
  Alt: '\uE00A', Escape: '\uE00C', Space: ' ', PageUp: '\uE00E', PageDown: '\uE00F',
  End: '\uE010', Home: '\uE011', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014',
  ArrowDown: '\uE015', Delete: '\uE017',
};

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitForDriver(port, child) {
  const deadline = Date.now() + 20000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('WebKitWebDriver did not start within 20 s');
}

class WebKitLauncher extends WebdriverLauncher {
  #driverProcess;

  async initialize(config) {
    const port = await freePort();
    this.#driverProcess = spawn(DRIVER, [`--port=${port}`, '--host=127.0.0.1'], { stdio: 'ignore' });
    await waitForDriver(port, this.#driverProcess);
    Object.assign(this.options, { port });
    return super.initialize(config);
  }

  async stop() {
    try {
      await super.stop();
    } finally {
      this.#driverProcess?.kill();
    }
  }

  // webdriverio's keys() drops a character typed twice in a row ("support"
  // arrives as "suport"): send each key as its own down/up action instead.
  async sendKeys(sessionId, keys) {
    const actions = keys.flatMap((key) => {
      const value = KEY_CODES[key] ?? key;
      return [...value].flatMap((char) => [
        { type: 'keyDown', value: char },
        { type: 'keyUp', value: char },
      ]);
    });
    return this.performActions(sessionId, [{ type: 'key', id: 'keyboard', actions }]);
  }

  performActions(sessionId, actions) {
    // The base class has no public performActions; its mouse helpers use the driver manager.
    return this['driverManager'].performActions(sessionId, actions);
  }
}

export function webkitLauncher() {
  return new WebKitLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    path: '/',
    logLevel: 'error',
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    },
  });
}
