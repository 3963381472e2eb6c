/** Registers every persona-widgets element. Safe to load more than once. */
import './components/persona-provider/persona-provider.define.js';
import './components/persona-card/persona-card.define.js';
import './components/contribute-form/contribute-form.define.js';
import './components/persona-grid/persona-grid.define.js';
