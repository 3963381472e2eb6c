/** The one-script-tag bundle: registers every element and exposes the API. */
import './define.js';
export * from './index.js';
