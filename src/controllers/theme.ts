/**
 * `theme`: `light`, `dark`, or `auto` (the default), which takes the colour
 * scheme the page around the element is painted in, not the system's: a white
 * wiki on a dark system gets light cards. The page's scheme is, in order:
 * its `color-scheme` when it names only one; else the nearest background
 * (through shadow roots) that is mostly opaque; else the system's preference
 * when the page says `light dark`, light when it says nothing (browsers paint
 * such a page light).
 *
 * The element shows it as the custom state `dark` (`:host(:state(dark))`),
 * or the attribute `data-persona-dark` in engines without custom states.
 * One observer for the whole page re-checks every element when `<html>` or
 * `<body>` changes an attribute (a class, a style, `data-theme`) or the system
 * preference changes, so a site's own dark-mode switch is followed live.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

type Themed = ReactiveElement & { theme: string };

const following = new Set<ThemeController>();
let system: MediaQueryList | undefined;

const recheck = () => following.forEach((controller) => controller.check());

function watchPage(): MediaQueryList {
  if (system) return system;
  system = matchMedia('(prefers-color-scheme: dark)');
  system.addEventListener('change', recheck);
  // Called when the first element in `auto` connects: <body> exists, unless it sits in <head>.
  const observer = new MutationObserver(recheck);
  for (const el of [document.documentElement, document.body]) if (el) observer.observe(el, { attributes: true });
  // A stylesheet that arrives late can change a background.
  addEventListener('load', recheck);
  return system;
}

/** The element `node` inherits from: its slot, its parent, or its shadow root's host. */
const up = (node: Element): Element | null =>
  node.assignedSlot ?? node.parentElement ?? (node.parentNode as ShadowRoot | null)?.host ?? null;

/** Lightness (0–1) of a computed colour, or undefined when it is (mostly) see-through. */
function lightness(color: string): number | undefined {
  const [a = 0, b = 0, c = 0, alpha = 1] = (color.replace(/^color\(\S+/, '').match(/[\d.]+/g) ?? []).map(Number);
  if (alpha < 0.5) return undefined;
  // rgb() 0–255, color(srgb) 0–1; oklab()/oklch() give L 0–1, lab()/lch() L 0–100.
  if (color[0] === 'r' || color[0] === 'c') return (0.2126 * a + 0.7152 * b + 0.0722 * c) / (color[0] === 'r' ? 255 : 1);
  return color[0] === 'o' ? a : a / 100;
}

/** Whether the page behind `host` is painted dark. */
export function pageIsDark(host: Element): boolean {
  const prefersDark = watchPage().matches;
  const parent = up(host);
  if (!parent) return prefersDark;
  const scheme = getComputedStyle(parent).colorScheme;
  const light = scheme.includes('light');
  const dark = scheme.includes('dark');
  if (light !== dark) return dark;
  for (let node: Element | null = parent; node; node = up(node)) {
    const l = lightness(getComputedStyle(node).backgroundColor);
    if (l !== undefined) return l < 0.5;
  }
  return dark && prefersDark;
}

/** Sets the element's `dark` state from its `theme` and, for `auto`, from the page. */
export class ThemeController implements ReactiveController {
  readonly #host: Themed;
  #states?: CustomStateSet;
  /** The `theme` the state was last set for. */
  #theme?: string;
  #dark = false;

  constructor(host: Themed) {
    this.#host = host;
    host.addController(this);
    try {
      this.#states = host.attachInternals().states;
    } catch {
      // Internals attached elsewhere already: the attribute stands in.
    }
  }

  hostConnected(): void {
    following.add(this);
    this.check();
  }

  hostDisconnected(): void {
    following.delete(this);
  }

  hostUpdate(): void {
    if (this.#host.theme !== this.#theme) this.check();
  }

  /**
   * The scheme the element is shown in: `theme`, with `auto` resolved. An element that renders
   * others hands them this rather than `auto`, so they need not each look at the page (reading
   * the page's styles as each of a grid's new cards connects cost a style recalculation per card).
   */
  get scheme(): 'light' | 'dark' {
    return this.#dark ? 'dark' : 'light';
  }

  /** Looks at the page again (only `auto` does); re-renders the element when its scheme changed. */
  check(): void {
    const host = this.#host;
    const theme = (this.#theme = host.theme);
    const dark = theme === 'dark' || (theme !== 'light' && pageIsDark(host));
    if (dark !== this.#dark) {
      this.#dark = dark;
      host.requestUpdate();
    }
    try {
      // Engines without custom states (or with only the old `--dark` form) throw here.
      this.#states!.delete('dark');
      if (dark) this.#states!.add('dark');
    } catch {
      host.toggleAttribute('data-persona-dark', dark);
    }
  }
}
