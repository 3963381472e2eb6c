/**
 * Lets a test page lose the network for some of its source modules, as a page does when it goes
 * offline before an element's code loaded on demand has arrived: the server command
 * `offline-module` ({ name: 'grid-export' }) makes that test page's browser refuse the module's
 * requests from then on. Only that page: other test files run alongside in the same browser.
 * Answers false where the engine's driver cannot intercept requests (WebKit's WebDriver).
 */
export function offlineModules() {
  /** Test page (session id) → the names of the modules it refuses. */
  const refused = new Map();
  return {
    name: 'offline-modules',
    async executeCommand({ command, payload, session }) {
      if (command !== 'offline-module') return undefined;
      const page = await session.browser.getPage?.(session.id);
      if (!page?.setRequestInterception) return false;
      if (!refused.has(session.id)) {
        const names = new Set();
        refused.set(session.id, names);
        await page.setRequestInterception(true);
        page.on('request', (request) => {
          const file = new URL(request.url()).pathname.split('/').pop();
          if (names.has(file.replace(/\.ts$/, ''))) void request.abort('internetdisconnected');
          else void request.continue();
        });
      }
      refused.get(session.id).add(payload.name);
      return true;
    },
  };
}
