import { expect } from '@open-wc/testing';
import { parseCollection } from '../../src/data/parse.js';

/** The bundled demo data is the library's showcase: it must pass its own contract whole. */
describe('demo/data/personas.json', () => {
  let raw: unknown[];
  before(async () => {
    raw = (await (await fetch('/demo/data/personas.json')).json()) as unknown[];
  });

  it('holds the 83 seed personas, all valid, none skipped', () => {
    const page = parseCollection(raw);
    expect(page.skipped).to.deep.equal([]);
    expect(page.personas).to.have.length(83);
    expect(new Set(page.personas.map((p) => p.pid)).size).to.equal(83);
  });

  it('has the 78 library personas with app, app_id and cleaned aha moments', () => {
    const library = parseCollection(raw).personas.filter((p) => p.pid.startsWith('APP-'));
    expect(library).to.have.length(78);
    for (const persona of library) {
      expect(persona.app, persona.pid).to.be.a('string');
      expect(persona.app_id, persona.pid).to.match(/^[a-z0-9-]+$/);
      expect(persona.comment_count, persona.pid).to.be.a('number');
      expect(persona.aha_moment ?? '', persona.pid).not.to.match(/”$/);
    }
    const segment = library.find((p) => p.pid === 'APP-074')!;
    expect(segment.name).to.equal('The Segment Data Engineer');
    expect(segment.app_id).to.equal('segment');
    expect(segment.comment_count).to.equal(4);
    expect(library.find((p) => p.pid === 'APP-116')!.comment_count).to.equal(0);
  });

  it('has the five Glue deep profiles', () => {
    const glue = parseCollection(raw).personas.filter((p) => p.app_id === 'glue');
    expect(glue.map((p) => p.pid)).to.deep.equal(['GLUE-001', 'GLUE-002', 'GLUE-003', 'GLUE-004', 'GLUE-005']);
    const csm = glue[0]!;
    expect(csm.profile?.experience).to.equal('2-8 years in customer success or account management');
    expect(csm.workflow!.length).to.be.at.least(3);
    expect(csm.frustrations![0]).to.deep.equal({
      title: 'Data Fragmentation',
      quote: 'I spend 2 hours every morning just gathering data from different systems',
    });
    expect(csm.tools![0]!.name).to.contain('Whitespace Visualizer');
    expect(csm.metrics!.length).to.be.at.least(1);
  });
});
