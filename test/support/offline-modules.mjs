/**
 * Lets a test page lose the network for one of its source modules, as a page does when it goes
 * offline before an element's code loaded on demand has arrived: the server command
 * `offline-module` ({ name: 'grid-export' }) makes that test page's browser refuse the module's
 * request. Only that page: other test files run alongside in the same browser. Answers false where
 * the engine's driver cannot intercept requests (WebKit's WebDriver).
 */
export function offlineModules() {
  return {
    name: 'offline-modules',
    async executeCommand({ command, payload, session }) {
      if (command !== 'offline-module') return undefined;
      const page = await session.browser.getPage?.(session.id);
      if (!page?.setRequestInterception) return false;
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.endsWith(`/${payload.name}.ts`)) void request.abort('internetdisconnected');
        else void request.continue();
      });
      return true;
    },
  };
}
