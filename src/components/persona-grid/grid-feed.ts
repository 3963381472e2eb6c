/** Where `<persona-grid>`'s personas come from, as one {@link Feed}: given personas or the data controller's state. */
import type { DataState } from '../../controllers/persona-data.js';
import { PersonaError } from '../../data/errors.js';
import { parseCollection } from '../../data/parse.js';
import type { Feed, Ready } from './grid-types.js';

/** The `personas` property validated like endpoint data: the collection, or why it is not one. */
export function givenFeed(personas: unknown): Ready | PersonaError | undefined {
  try {
    return personas == null ? undefined : { status: 'ready', ...parseCollection(personas) };
  } catch (error) {
    return error as PersonaError;
  }
}

export function unconfigured(): Feed {
  return { status: 'error', error: new PersonaError('config', 'No persona endpoint is configured.') };
}

/** Local mode: what the data controller has (a page being validated is shown as it grows; see `Results.partial`). */
export function localFeed(state: DataState): Feed {
  if (state.status === 'unconfigured') return unconfigured();
  if (state.status === 'idle') return { status: 'loading' };
  if (state.status !== 'ready') return state;
  return { status: 'ready', ...state.collection, loadingMore: state.loadingMore, moreError: state.moreError };
}
