import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/components/contribution-review/contribution-review.define.js';
import type {
  ContributionReview,
  ReviewDecisionDetail,
  ReviewEntry,
  ReviewErrorDetail,
} from '../src/components/contribution-review/contribution-review.js';

const TOKEN = 'review-token-for-the-browser-test';

const ENTRIES: ReviewEntry[] = [
  {
    id: '11111111-1111-4111-8111-111111111111',
    received_at: '2026-01-02T03:04:05.000Z',
    status: 'pending',
    persona_name: 'The Segment Data Engineer',
    current: 'Owns the tracking plan.',
    contribution: {
      kind: 'correct',
      pid: 'APP-001',
      field: 'identity',
      text: 'Runs the pipeline, not the dashboards.',
      contributor: { role: 'Data engineer' },
      submitted_at: '2026-01-02T03:04:05.000Z',
    },
  },
  {
    id: '22222222-2222-4222-8222-222222222222',
    received_at: '2026-01-03T03:04:05.000Z',
    status: 'pending',
    contribution: { kind: 'new', text: 'The Weekend Gardener', contributor: {}, submitted_at: '2026-01-03T03:04:05.000Z' },
  },
];

interface Call {
  url: string;
  method: string;
  authorization: string | null;
}

/** A review API in memory: answers with `ENTRIES`, 401 for any other token. */
function stubApi(options: { status?: number } = {}) {
  const calls: Call[] = [];
  const fetcher = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call = { url: String(input), method: init?.method ?? 'GET', authorization: headers.get('authorization') };
    calls.push(call);
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (call.authorization !== `Bearer ${TOKEN}`) return json(401, { errors: { _: 'Send a valid review token.' } });
    if (options.status) return json(options.status, { errors: { value: 'The server says no.' } });
    if (call.method === 'GET') return json(200, { contributions: ENTRIES });
    return json(200, { contribution: { id: call.url.split('/').at(-2), status: 'approved' } });
  }) as typeof fetch;
  return { calls, fetcher };
}

async function review(token: string | undefined, api = stubApi()): Promise<ContributionReview> {
  const el = await fixture<ContributionReview>(html`<contribution-review endpoint="https://personas.example/api/"></contribution-review>`);
  el.fetcher = api.fetcher;
  el.token = token;
  await el.updateComplete;
  // Loaded: the items are there, or (no token) the status says so.
  await waitUntil(() => el.shadowRoot!.querySelectorAll('[part="item"]').length > 0 || (token === undefined && api.calls.length === 0));
  await el.updateComplete;
  return el;
}

const parts = (el: ContributionReview, part: string) => [...el.shadowRoot!.querySelectorAll(`[part~="${part}"]`)] as HTMLElement[];

describe('<contribution-review>', () => {
  it('without a token asks for one and calls nothing', async () => {
    const api = stubApi();
    const el = await review(undefined, api);
    expect(parts(el, 'status')[0]!.textContent).to.contain('Set a review token');
    expect(api.calls).to.have.length(0);
  });

  it('lists pending contributions beside the current value, with the bearer token, accessibly', async () => {
    const api = stubApi();
    const el = await review(TOKEN, api);
    expect(api.calls[0]).to.deep.equal({
      url: 'https://personas.example/api/review/contributions?status=pending',
      method: 'GET',
      authorization: `Bearer ${TOKEN}`,
    });
    expect(parts(el, 'item')).to.have.length(2);
    expect(parts(el, 'current')[0]!.textContent).to.equal('Owns the tracking plan.');
    expect(parts(el, 'proposed')[0]!.textContent).to.equal('Runs the pipeline, not the dashboards.');
    expect(parts(el, 'meta')[0]!.textContent).to.contain('The Segment Data Engineer');
    // A new persona has no current value.
    expect(parts(el, 'current')).to.have.length(1);
    expect(el.hasAttribute('token')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('approve POSTs the decision, removes the item and fires review-decision', async () => {
    const api = stubApi();
    const el = await review(TOKEN, api);
    const decided = oneEvent(el, 'review-decision');
    parts(el, 'approve-button')[0]!.click();
    const { detail } = (await decided) as CustomEvent<ReviewDecisionDetail>;
    expect(detail.decision).to.equal('approve');
    expect(detail.id).to.equal(ENTRIES[0]!.id);
    expect(api.calls.at(-1)).to.deep.equal({
      url: `https://personas.example/api/review/contributions/${ENTRIES[0]!.id}/approve`,
      method: 'POST',
      authorization: `Bearer ${TOKEN}`,
    });
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(1);
    expect(parts(el, 'status')[0]!.textContent).to.contain('Approved.');
  });

  it('reject works the same way', async () => {
    const el = await review(TOKEN);
    const decided = oneEvent(el, 'review-decision');
    parts(el, 'reject-button')[1]!.click();
    expect(((await decided) as CustomEvent<ReviewDecisionDetail>).detail.decision).to.equal('reject');
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(1);
  });

  it('a refused token says so and fires review-error', async () => {
    const el = await fixture<ContributionReview>(html`<contribution-review></contribution-review>`);
    el.fetcher = stubApi().fetcher;
    const failed = oneEvent(el, 'review-error');
    el.token = 'wrong';
    const { detail } = (await failed) as CustomEvent<ReviewErrorDetail>;
    expect(detail.status).to.equal(401);
    await el.updateComplete;
    expect(parts(el, 'status')[0]!.textContent).to.contain('refused');
    expect(parts(el, 'item')).to.have.length(0);
  });

  it('a decision the server refuses keeps the item and shows the reason', async () => {
    const api = stubApi();
    const el = await review(TOKEN, api);
    el.fetcher = stubApi({ status: 422 }).fetcher;
    const failed = oneEvent(el, 'review-error');
    parts(el, 'approve-button')[0]!.click();
    expect(((await failed) as CustomEvent<ReviewErrorDetail>).detail.status).to.equal(422);
    await el.updateComplete;
    expect(parts(el, 'item')).to.have.length(2);
    expect(parts(el, 'status')[0]!.textContent).to.contain('The server says no.');
  });
});
