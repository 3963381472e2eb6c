/**
 * Mirrors an element's state in the page URL under one query parameter of its
 * own (`history.replaceState`; other parameters and the hash stay byte for
 * byte), and shows the state the URL holds on connection and on `popstate`.
 *
 * The state is opaque here: the host encodes and decodes it (an empty string
 * is its default state). While the parameter is absent, the state is the one
 * the host had before the URL was first read (its presets).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface UrlSyncOptions {
  /** The parameter's name, or `undefined` while the host does not sync. */
  param(): string | undefined;
  /** The host's state, encoded (`''`: its default state). */
  read(): string;
  /** Shows a state read from the URL (or the presets). */
  apply(value: string): void;
  /**
   * How the default state is written when the presets differ from it (an
   * absent parameter means "the presets").
   */
  explicitDefault: string;
}

/** The raw value of one query parameter of a URL's search string, decoded. */
export function readParam(search: string, name: string): string | undefined {
  return new URLSearchParams(search).get(name) ?? undefined;
}

/**
 * A search string with one parameter set (or removed when `value` is empty),
 * every other parameter left byte for byte as it was.
 */
export function writeParam(search: string, name: string, value: string): string {
  const keep = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => {
      if (!part) return false;
      const key = part.split('=')[0]!;
      try {
        return decodeURIComponent(key.replace(/\+/g, ' ')) !== name;
      } catch {
        return true;
      }
    });
  if (value) {
    // Encoded once, as URLSearchParams does (a space is `+`), but `=`, `,`, `;`, `:`, `@` and `/`
    // stay readable: they mean nothing special inside a parameter's value.
    const encode = (text: string) => new URLSearchParams({ x: text }).toString().slice(2);
    const readable = encode(value).replace(/%(3D|2C|3B|3A|40|2F)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    keep.push(`${encode(name)}=${readable}`);
  }
  return keep.length ? `?${keep.join('&')}` : '';
}

/**
 * The host drives two moments itself, so that they fall where its own
 * lifecycle needs them: {@link UrlSyncController.enabledChanged} from
 * `willUpdate` (a state read from the URL then counts in that very update) and
 * {@link UrlSyncController.updated} from `updated`.
 */
export class UrlSyncController implements ReactiveController {
  readonly #options: UrlSyncOptions;
  /** The state set before any URL was read, encoded. */
  #preset?: string;
  #firstUpdate = true;

  constructor(host: ReactiveControllerHost, options: UrlSyncOptions) {
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this.restore();
    addEventListener('popstate', this.restore);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.restore);
  }

  /** Shows the state the page URL holds (or the presets when it holds none). */
  restore = (): void => {
    const param = this.#options.param();
    if (param === undefined) return;
    this.#preset ??= this.#options.read();
    this.#options.apply(readParam(location.search, param) ?? this.#preset);
  };

  /** From `willUpdate` when the parameter's setting changed: syncing that starts now reads the URL first. */
  enabledChanged(): void {
    if (this.#options.param() !== undefined && this.#preset === undefined) this.restore();
  }

  /**
   * From `updated`: `changed` says whether the state (or the parameter's setting) changed in this
   * update. With `push`, the new state gets a history entry of its own (Back returns to the one
   * before); returns whether it did.
   */
  updated(changed: boolean, push = false): boolean {
    const param = this.#options.param();
    const pushed = param !== undefined && changed && !this.#firstUpdate && this.#write(param, push);
    this.#firstUpdate = false;
    return pushed;
  }

  #write(param: string, push: boolean): boolean {
    let value = this.#options.read();
    // Back to the presets: no parameter. A default state that differs from the presets must say so.
    if (value === this.#preset) value = '';
    else if (!value) value = this.#options.explicitDefault;
    if (value === (readParam(location.search, param) ?? '')) return false;
    const search = writeParam(location.search, param, value);
    if (search === location.search) return false;
    const url = `${location.pathname}${search}${location.hash}`;
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
    return push;
  }
}
