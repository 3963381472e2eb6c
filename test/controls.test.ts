/**
 * Native controls line up in every engine: a `<select>` is as tall as the
 * text field beside it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { PersonaGrid } from '../src/components/persona-grid/persona-grid.js';
import type { ContributeForm } from '../src/components/contribute-form/contribute-form.js';

const persona = { pid: 'APP-001', name: 'The Data Engineer', app: 'Segment', identity: 'Moves data.' };
const box = (element: Element | null | undefined) => element!.getBoundingClientRect();

describe('form controls in every engine', () => {
  for (const dir of ['ltr', 'rtl'] as const) {
    it(`the grid's sort select matches the search box (${dir})`, async () => {
      const host = await fixture<HTMLElement>(
        html`<div dir=${dir} style="width: 900px"><persona-grid theme="light" .personas=${[persona]}></persona-grid></div>`,
      );
      const grid = host.querySelector<PersonaGrid>('persona-grid')!;
      await waitUntil(() => grid.shadowRoot?.querySelector('#sort'), 'toolbar rendered');
      const search = box(grid.shadowRoot!.querySelector('[type="search"]'));
      const sort = box(grid.shadowRoot!.querySelector('#sort'));
      expect(sort.height, 'height').to.be.closeTo(search.height, 0.5);
      expect(sort.top, 'top').to.be.closeTo(search.top, 0.5);
    });
  }

  it("the form's field select matches its text inputs", async () => {
    const form = await fixture<ContributeForm>(html`<contribute-form kind="correct" theme="light"></contribute-form>`);
    await waitUntil(() => form.shadowRoot?.querySelector('#input-field'), 'form rendered');
    const select = box(form.shadowRoot!.querySelector('#input-field'));
    const input = box(form.shadowRoot!.querySelector('#input-pid'));
    expect(select.height).to.be.closeTo(input.height, 0.5);
  });
});
