/**
 * Host pages for the cross-engine end-to-end tests (test/host-page.test.ts):
 * the e2e fixtures served as a host would serve them, with the README's strict
 * Content-Security-Policy, plus the endpoint they call. Pages load the *built*
 * bundle from /dist/, so `npm run build` must have run.
 */
import { readFileSync } from 'node:fs';
import { DEMO_CSP } from '../../demo/server/csp.mjs';

const fixtures = new URL('../e2e/fixtures/', import.meta.url);
const personas = () => readFileSync(new URL('../../demo/data/personas.json', import.meta.url), 'utf8');
const received = [];

export async function hostPages(ctx, next) {
  const path = ctx.path;
  if (path === '/host/csp.html') {
    ctx.set('Content-Security-Policy', DEMO_CSP);
    ctx.type = 'html';
    ctx.body = readFileSync(new URL('csp.html', fixtures), 'utf8');
    return;
  }
  if (path === '/api/personas.json' || path === '/api/slow-personas.json') {
    if (path.includes('slow')) await new Promise((resolve) => setTimeout(resolve, 400));
    ctx.type = 'json';
    ctx.body = personas();
    return;
  }
  if (path === '/api/contributions' && ctx.method === 'POST') {
    let body = '';
    for await (const chunk of ctx.req) body += chunk;
    received.push(JSON.parse(body));
    ctx.status = 201;
    ctx.type = 'json';
    ctx.body = '{"id":"e2e"}';
    return;
  }
  if (path === '/host-api/received') {
    ctx.type = 'json';
    ctx.body = JSON.stringify(received);
    return;
  }
  return next();
}
