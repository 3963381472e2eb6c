/**
 * Lets a test page lose the network for some of its source modules, as a page does when it goes
 * offline before an element's code loaded on demand has arrived: the server command
 * `offline-module` ({ name: 'grid-export' }) makes that test page's browser refuse the module's
 * requests, until `online-modules` lifts it. Only that page; but web-test-runner runs the next test
 * file in the same browser page, so a test that goes offline goes back online in its `after` hook. Answers false where the engine's driver cannot intercept
 * requests (WebKit's WebDriver).
 */
export function offlineModules() {
  /** Test page (session id) → the names of the modules it refuses, and its request listener. */
  const offline = new Map();
  return {
    name: 'offline-modules',
    async executeCommand({ command, payload, session }) {
      if (command !== 'offline-module' && command !== 'online-modules') return undefined;
      const page = await session.browser.getPage?.(session.id);
      if (!page?.setRequestInterception) return false;
      let state = offline.get(session.id);
      if (command === 'online-modules') {
        if (state) {
          page.off('request', state.listener);
          await page.setRequestInterception(false);
          offline.delete(session.id);
        }
        return true;
      }
      if (!state) {
        const names = new Set();
        const listener = (request) => {
          const file = new URL(request.url()).pathname.split('/').pop();
          if (names.has(file.replace(/\.ts$/, ''))) void request.abort('internetdisconnected');
          else void request.continue();
        };
        offline.set(session.id, (state = { names, listener }));
        await page.setRequestInterception(true);
        page.on('request', listener);
      }
      state.names.add(payload.name);
      return true;
    },
  };
}
