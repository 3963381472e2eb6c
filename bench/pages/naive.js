/*
 * Naive baselines, written the way a first attempt would be: no framework,
 * no validation, no shared cache, no reserved space, no virtual anything.
 *
 * <naive-card src persona-id>: fetches its own copy of the collection,
 *   renders nothing until it has it, then the persona (app, name, identity,
 *   aha moment, counts) into a shadow root. Fires `persona-load`.
 * <naive-grid src>: fetches the collection, renders a card for EVERY persona
 *   (light DOM, one innerHTML), and filters on each input event with a plain
 *   substring scan over JSON.stringify(persona), hiding the cards that miss.
 *   Fires `persona-grid-load` once rendered and `naive-grid-change` per search.
 * <floor-grid src>: the floor for a grid's first page, what no grid can beat:
 *   JSON.parse of the same response, then the first 24 plain cards (one
 *   innerHTML). No validation, no search, no controls. Fires `persona-grid-load`.
 */
const escape = (text) =>
  String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

const cardHtml = (p) => `<article class="card">
  <p class="app">${escape(p.app)} · ${escape(p.pid)}</p>
  <h3>${escape(p.name)}</h3>
  <p class="identity">${escape(p.identity)}</p>
  ${p.aha_moment ? `<blockquote>${escape(p.aha_moment)}</blockquote>` : ''}
  <p class="meta">${p.comment_count ?? 0} comments</p>
</article>`;

const cardCss = `.card{font:15px/1.5 system-ui;border:1px solid #d1d9e0;border-radius:12px;padding:16px;margin:0}
.app{color:#59636e;margin:0}h3{margin:4px 0}.identity{margin:8px 0}
blockquote{margin:8px 0;padding:8px 12px;border-left:3px solid #0969da;background:#f6f8fa}.meta{color:#59636e;margin:0}`;

const list = (data) => (Array.isArray(data) ? data : data.personas);

class NaiveCard extends HTMLElement {
  async connectedCallback() {
    const data = await (await fetch(this.getAttribute('src'))).json();
    const persona = list(data).find((p) => p.pid === this.getAttribute('persona-id'));
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>:host{display:block}${cardCss}</style>${persona ? cardHtml(persona) : '<p>Not found</p>'}`;
    this.dispatchEvent(new CustomEvent('persona-load', { bubbles: true, composed: true, detail: { persona } }));
  }
}

class NaiveGrid extends HTMLElement {
  async connectedCallback() {
    const personas = list(await (await fetch(this.getAttribute('src'))).json());
    this.innerHTML = `<style>naive-grid{display:block}naive-grid ul{list-style:none;padding:0;display:grid;
grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:16px}${cardCss}</style>
<label>Search personas <input type="search" id="q" autocomplete="off"></label>
<p class="count">${personas.length} personas</p>
<ul>${personas.map((p) => `<li>${cardHtml(p)}</li>`).join('')}</ul>`;
    const items = this.querySelectorAll('li');
    const count = this.querySelector('.count');
    this.querySelector('input').addEventListener('input', (event) => {
      const query = event.target.value.trim().toLowerCase();
      let matches = 0;
      personas.forEach((persona, i) => {
        const hit = !query || JSON.stringify(persona).toLowerCase().includes(query);
        items[i].hidden = !hit;
        if (hit) matches++;
      });
      count.textContent = `${matches} of ${personas.length} personas`;
      this.dispatchEvent(new CustomEvent('naive-grid-change', { bubbles: true, detail: { query, count: matches } }));
    });
    this.dispatchEvent(new CustomEvent('persona-grid-load', { bubbles: true, detail: { personas } }));
  }
}

class FloorGrid extends HTMLElement {
  async connectedCallback() {
    const personas = list(JSON.parse(await (await fetch(this.getAttribute('src'))).text()));
    this.innerHTML = `<style>floor-grid{display:block}floor-grid ul{list-style:none;padding:0;display:grid;
grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:16px}${cardCss}</style>
<ul>${personas.slice(0, 24).map((p) => `<li>${cardHtml(p)}</li>`).join('')}</ul>`;
    this.dispatchEvent(new CustomEvent('persona-grid-load', { bubbles: true, detail: { personas } }));
  }
}

customElements.define('naive-card', NaiveCard);
customElements.define('floor-grid', FloorGrid);
customElements.define('naive-grid', NaiveGrid);
