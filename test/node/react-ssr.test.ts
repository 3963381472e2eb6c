/**
 * The React wrappers rendered on the server (react-dom/server, as Next.js,
 * Remix or Docusaurus do at build time), from the built package: the HTML
 * carries each prop that has an attribute, so the element upgrades in the
 * browser with its persona-id, src and variant already there. Also: importing
 * one wrapper registers only its own element (each test file runs in its own
 * process, with Lit's server DOM shim providing `customElements`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';

/** Imports a wrapper by its package name (needs `npm run build`; `npm test` builds first). */
async function wrapper(tag: string, name: string): Promise<ComponentType<Record<string, unknown>>> {
  const specifier = `persona-widgets/react/${tag}`;
  const module = (await import(specifier)) as Record<string, ComponentType<Record<string, unknown>>>;
  return module[name];
}

test('importing persona-widgets/react/persona-card registers <persona-card> and no other element', async () => {
  await wrapper('persona-card', 'PersonaCard');
  assert.ok(customElements.get('persona-card'));
  for (const tag of ['persona-grid', 'contribute-form', 'persona-provider']) {
    assert.equal(customElements.get(tag), undefined, `<${tag}> was registered by the card's wrapper`);
  }
});

test('a card renders with its attributes; objects and callbacks wait for the browser', async () => {
  const PersonaCard = await wrapper('persona-card', 'PersonaCard');
  const html = renderToString(
    createElement(PersonaCard, {
      personaId: 'APP-074',
      src: 'https://example.com/personas.json',
      variant: 'full',
      theme: 'dark',
      headingLevel: 3,
      className: 'team-card',
      id: 'segment',
      'aria-label': 'Segment persona',
      persona: { pid: 'APP-074' },
      onPersonaLoad: () => {},
    }),
  );
  assert.equal(
    html,
    '<persona-card persona-id="APP-074" src="https://example.com/personas.json" variant="full" theme="dark" ' +
      'heading-level="3" class="team-card" id="segment" aria-label="Segment persona"></persona-card>',
  );
});

test('a grid inside a provider: kebab-case attributes, a present boolean, children kept', async () => {
  const PersonaProvider = await wrapper('persona-provider', 'PersonaProvider');
  const PersonaGrid = await wrapper('persona-grid', 'PersonaGrid');
  const ContributeForm = await wrapper('contribute-form', 'ContributeForm');
  const html = renderToString(
    createElement(
      PersonaProvider,
      { src: '/api/personas.json', contributeAction: '/api/contributions' },
      createElement(PersonaGrid, { app: 'segment,notion-ai', pageSize: 12, syncUrl: true, onPersonaSelect: () => {} }),
      createElement(ContributeForm, { personaId: 'APP-074', field: 'aha_moment', kind: 'correct' }),
    ),
  );
  assert.match(html, /^<persona-provider src="\/api\/personas.json" contribute-action="\/api\/contributions">/);
  assert.match(html, /<persona-grid app="segment,notion-ai" page-size="12" sync-url=""><\/persona-grid>/);
  assert.match(html, /<contribute-form persona-id="APP-074" field="aha_moment" kind="correct"><\/contribute-form>/);
  assert.doesNotMatch(html, /onPersonaSelect|function/);
});
