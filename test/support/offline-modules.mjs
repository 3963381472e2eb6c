/**
 * Lets a test page lose the network for one of its source modules, as a page does when it goes
 * offline before an element's code loaded on demand has arrived: while the page's cookie
 * `persona-test-offline` names a module (`grid-export`), requests for it answer 503.
 */
export async function offlineModules(context, next) {
  const name = /(?:^|;\s*)persona-test-offline=([\w.-]+)/.exec(context.get('cookie'))?.[1];
  if (name && new RegExp(`/${name.replace(/\./g, '\\.')}\\.(js|ts)$`).test(context.path)) {
    context.status = 503;
    context.body = 'offline';
    return;
  }
  await next();
}
