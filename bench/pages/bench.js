/*
 * Measurement helpers shared by the bench pages (a classic script, loaded
 * right after the page's first inline `performance.mark('start')`).
 *
 * - `?impl=` picks what the page measures: `real` (dist/persona-widgets.js,
 *   the one-script-tag autoloader), `entry` (the card's npm entry bundled with
 *   Lit and zod, as a host's bundler ships it), a naive baseline (bench/pages/naive.js)
 *   or, for the card, `floor` / `lit`: the floor of the stack, with the contract's validation or
 *   without it (bench/stack-floor.ts).
 * - The first `persona-load` (cards) or `persona-grid-load` (grids) on the page (fired once
 *   their content is rendered) is timed to the paint after it.
 * - Layout shifts are collected from the start (buffered), CLS as Chrome
 *   defines it: the largest session window (gaps < 1 s, windows ≤ 5 s),
 *   shifts after recent input left out.
 * - Long tasks (over 50 ms on the main thread) are collected from the start.
 */
(() => {
  const params = new URLSearchParams(location.search);
  const impl = params.get('impl') || 'real';
  const naive = impl === 'naive';
  /** The stack's floor for the card, with the contract's validation or in Lit alone (bench/stack-floor.ts). */
  const floorScript = { floor: '/bench/stack-floor.js', lit: '/bench/lit-floor.js' }[impl];

  /** Resolves after the next frame has been painted (rAF, then a task queued from it). */
  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );

  /** Elements under `root`, inside every (open) shadow root too. */
  const countElements = (root) => {
    let count = 0;
    const walk = (node) => {
      for (const element of node.querySelectorAll('*')) {
        count++;
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    if (root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return count;
  };

  const shifts = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) shifts.push({ value: entry.value, time: entry.startTime });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch {
    // No Layout Instability API: CLS stays 0 and the bench says "n/a".
  }
  const cls = () => {
    let max = 0;
    let current = 0;
    let start = -Infinity;
    let previous = -Infinity;
    for (const shift of shifts) {
      if (shift.time - previous > 1000 || shift.time - start > 5000) {
        current = 0;
        start = shift.time;
      }
      current += shift.value;
      previous = shift.time;
      max = Math.max(max, current);
    }
    return max;
  };

  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  } catch {
    // No Long Tasks API: none are reported.
  }

  // Loads: count them, time the first to its paint. (Bubbling, not capture: the grid stops its
  // own cards' events, so the page hears one per top-level element.)
  const errors = [];
  addEventListener('persona-error', (event) => errors.push(String(event.detail?.error?.message ?? event.detail?.error)));
  let loads = 0;
  const firstPainted = new Promise((resolve) => {
    const loaded = () => {
      loads++;
      if (loads === 1) afterPaint().then(resolve);
    };
    // A card fires persona-load, a grid persona-grid-load (the naive baselines do the same).
    addEventListener('persona-load', loaded);
    addEventListener('persona-grid-load', loaded);
  });
  /**
   * A grid's first page painted: the paint of the first frame whose DOM holds a card of a grid
   * (the grid may announce its load later, once every persona is validated).
   */
  const gridPainted = new Promise((resolve) => {
    const card = () =>
      document.querySelector('persona-grid')?.shadowRoot?.querySelector('.item persona-card') ??
      document.querySelector('naive-grid li, floor-grid li');
    // In a frame's rAF callback: a task queued now runs after that frame is painted.
    const check = () => {
      if (!card()) return requestAnimationFrame(check);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(check);
  });
  const loaded = (count) =>
    new Promise((resolve) => {
      const check = () => (loads >= count ? afterPaint().then(resolve) : setTimeout(check, 10));
      check();
    });

  // Keystrokes: the input event (its timestamp: when the key reached the page), the moment
  // the widget applies the query, and the paint after the widget reports its new results.
  let lastInput = 0;
  addEventListener('input', (event) => (lastInput = event.timeStamp), true);
  let lastApply = 0;
  let onApply;
  /** Records when the grid's `query` property is set (the grid debounces input by design). */
  const watchQuery = (element) => {
    let proto = Object.getPrototypeOf(element);
    let descriptor;
    while (proto && !(descriptor = Object.getOwnPropertyDescriptor(proto, 'query'))) proto = Object.getPrototypeOf(proto);
    if (!descriptor?.set) throw new Error('no query accessor to watch');
    Object.defineProperty(element, 'query', {
      configurable: true,
      get() {
        return descriptor.get.call(this);
      },
      set(value) {
        lastApply = performance.now();
        descriptor.set.call(this, value);
        onApply?.();
      },
    });
  };
  /** When each view change was reported (the real grid reports once its results are complete). */
  const changes = [];
  for (const name of ['persona-grid-change', 'naive-grid-change']) addEventListener(name, () => changes.push(performance.now()));
  let pending;
  /**
   * Times the next key to the paint of its first results: the naive grid's change event
   * (it filters synchronously), the real grid's first update after it applied the query
   * (a search may show what is indexed so far; its change event follows once the results are complete).
   */
  const armKeystroke = (eventName) => {
    if (!naive) {
      const grid = document.querySelector('persona-grid');
      pending = new Promise((resolve) => {
        onApply = () => {
          onApply = undefined;
          const apply = performance.now();
          grid.updateComplete
            .then(afterPaint)
            .then((painted) => resolve({ input: lastInput, apply, painted }));
        };
      });
      return;
    }
    pending = new Promise((resolve) => {
      addEventListener(
        eventName,
        (event) => {
          const changed = performance.now();
          afterPaint().then((painted) =>
            resolve({
              input: lastInput,
              apply: lastInput,
              changed,
              painted,
              count: event.detail?.count,
            }),
          );
        },
        { once: true },
      );
    });
  };

  // Idle work the widgets queue (the grid builds its search index in idle slices): count the
  // requestIdleCallback callbacks still pending, so the bench knows when the index is complete.
  let idlePending = 0;
  if (typeof requestIdleCallback === 'function') {
    const request = requestIdleCallback.bind(window);
    window.requestIdleCallback = (callback, options) => {
      idlePending++;
      return request((deadline) => {
        idlePending--;
        callback(deadline);
      }, options);
    };
  }
  /** Resolves (with the time) once no idle callback has been pending for 100 ms. */
  const idleSettled = () =>
    new Promise((resolve) => {
      let quietSince;
      const check = () => {
        const now = performance.now();
        if (idlePending) quietSince = undefined;
        else quietSince ??= now;
        if (quietSince !== undefined && now - quietSince >= 100) resolve(quietSince);
        else setTimeout(check, 10);
      };
      check();
    });

  /** Every script the page downloaded, by path (the bench sizes them). */
  const scripts = () =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.initiatorType === 'script' || e.initiatorType === 'other' || /\.m?js$/.test(new URL(e.name).pathname))
      .map((e) => new URL(e.name).pathname)
      .filter((path) => /\.m?js$/.test(path));

  const resourceEnd = (pattern) => {
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(pattern));
    return entry ? { start: entry.startTime, end: entry.responseEnd, bytes: entry.decodedBodySize } : undefined;
  };

  window.bench = {
    impl,
    naive,
    params,
    afterPaint,
    countElements,
    shifts,
    cls,
    firstPainted,
    gridPainted,
    loaded,
    loads: () => loads,
    errors,
    watchQuery,
    longTasks,
    changes,
    idleSettled,
    armKeystroke,
    keystroke: () => pending,
    resourceEnd,
    scripts,
    start: () => performance.getEntriesByName('start')[0]?.startTime ?? 0,
    /** Writes the module script for this page's implementation (parser-inserted, like a host's tag). */
    loadImpl() {
      document.write(
        naive
          ? '<script type="module" src="/bench/pages/naive.js"></script>'
          : floorScript
            ? `<script type="module" src="${floorScript}"></script>`
            : impl === 'entry'
            ? '<script type="module" src="/bench/entry/persona-card.js"></script>'
            : '<script type="module" src="/dist/persona-widgets.js"></script>',
      );
    },
    tag: (name) => (naive ? `naive-${name.replace(/^persona-/, '')}` : floorScript && name === 'persona-card' ? 'floor-card' : name),
  };
})();
