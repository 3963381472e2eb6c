import { expect } from '@open-wc/testing';

/** This file runs in its own page, so the registry starts empty. */
describe('registration', () => {
  it('importing the classes registers nothing', async () => {
    const api = await import('../src/index.js');
    expect(api.PersonaCard).to.be.a('function');
    expect(api.ContributeForm).to.be.a('function');
    expect(api.PersonaGrid).to.be.a('function');
    for (const tag of ['persona-card', 'persona-provider', 'contribute-form', 'persona-grid']) {
      expect(customElements.get(tag), tag).to.equal(undefined);
    }
  });

  it('a per-element entry registers just that element', async () => {
    await import('../src/components/persona-card/persona-card.define.js');
    expect(customElements.get('persona-card')).to.exist;
    expect(customElements.get('contribute-form')).to.equal(undefined);
  });

  it('registering everything twice does not throw', async () => {
    await import('../src/define.js');
    const { PersonaCard } = await import('../src/index.js');
    const { defineElement } = await import('../src/internal/define-element.js');
    expect(() => defineElement('persona-card', PersonaCard)).not.to.throw();
    expect(() => defineElement('persona-card', class extends PersonaCard {})).not.to.throw();
    expect(customElements.get('persona-card')).to.equal(PersonaCard);
  });
});
