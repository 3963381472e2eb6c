/** Words of `<contribute-form>` that depend on a time, a length or a send's outcome. */
import { MAX_CONTRIBUTION_LENGTH } from '../../data/contribution.js';
import type { PersonaError } from '../../data/errors.js';
import type { FormatNumber, PersonaStrings } from '../../i18n/strings.js';

/** The keyboard shortcut that sends, as this platform writes it. */
export const SHORTCUT =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘+Enter' : 'Ctrl+Enter';

/** When a draft was saved: "today at 14:05", else date and time. */
export function formatSavedAt(iso: string, strings: PersonaStrings['form'], locale: string | undefined): string {
  const date = new Date(iso);
  const today = new Date().toDateString() === date.toDateString();
  return today
    ? strings.todayAt(date.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' }))
    : date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Which threshold of the text's length is crossed: '' (far from the limit), '500', '100', 'full', 'over'. */
export function counterBucket(length: number): string {
  const left = MAX_CONTRIBUTION_LENGTH - length;
  return left < 0 ? 'over' : left === 0 ? 'full' : left <= 100 ? '100' : left <= 500 ? '500' : '';
}

/** What screen readers hear when the text's length crosses a threshold ('' far from the limit). */
export function counterMessage(length: number, s: PersonaStrings['form'], num: FormatNumber): string {
  const left = MAX_CONTRIBUTION_LENGTH - length;
  if (counterBucket(length) === '') return '';
  if (left < 0) return s.counterOver(-left, MAX_CONTRIBUTION_LENGTH, num);
  return left === 0 ? s.counterFull(MAX_CONTRIBUTION_LENGTH, num) : s.counterLeft(left, num);
}

/** The form's own words for an HTTP status: the answer's text is never shown. */
export function httpMessage(
  status: number,
  retryAfter: number | undefined,
  { common, form: s }: PersonaStrings,
  num: FormatNumber,
): string {
  // On the form's origin the server's text would look like the site's own words.
  if (status === 429 || (status === 503 && retryAfter !== undefined)) {
    return s.busy(retryAfter !== undefined ? common.wait(retryAfter, num) : undefined);
  }
  if (status === 401 || status === 403) return s.refused(status);
  if (status === 404 || status === 405) return s.badAddress(status);
  if (status === 413) return s.tooLarge;
  return status >= 500 ? s.serverError(status) : s.notAccepted(status);
}

/** A failed send, as the `contribute-error` kind and the message the form shows. */
export interface SendFailure {
  kind: 'timeout' | 'offline' | 'network' | 'http';
  message: string;
}

/** What the form says about a send the client could not complete (`timeout` in ms, as the form waited). */
export function sendFailure(error: PersonaError, strings: PersonaStrings, num: FormatNumber, timeout: number): SendFailure {
  const s = strings.form;
  if (error.kind === 'http' && error.status !== undefined) {
    return { kind: 'http', message: httpMessage(error.status, error.retryAfter, strings, num) };
  }
  if (error.kind === 'timeout') return { kind: 'timeout', message: s.timeout(Math.round(timeout / 1000), num) };
  return navigator.onLine === false ? { kind: 'offline', message: s.offline } : { kind: 'network', message: s.network };
}
