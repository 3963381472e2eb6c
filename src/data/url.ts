/** Absolute http(s) URL or nothing: `javascript:`, `data:` and relative junk never survive. */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const candidate = value.trim();
  // Browsers drop tabs and newlines inside URLs, which can hide a scheme ("java\tscript:").
  if (!/^https?:\/\//i.test(candidate) || /[\s\u0000-\u001f]/.test(candidate)) return undefined;
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolves an endpoint URL an author wrote (maybe relative) against the page.
 * Undefined when unusable: only http(s) endpoints are fetched or posted to.
 */
export function resolveUrl(url: string | undefined): string | undefined {
  if (!url?.trim()) return undefined;
  try {
    const resolved = new URL(url.trim(), document.baseURI);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/** The page's endpoint for elements without their own `src` or a provider's. */
export const SRC_META = 'persona-widgets:src';
/** The page's contribution endpoint. */
export const CONTRIBUTE_ACTION_META = 'persona-widgets:contribute-action';

/** The trimmed content of the page's `<meta name>`, if any. */
export function metaContent(name: string): string | undefined {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim();
  return content || undefined;
}
