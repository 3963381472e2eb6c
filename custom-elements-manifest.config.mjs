/** `npm run analyze`: dist/custom-elements.json from the JSDoc tags of the element classes. */

/** Keeps the shipped manifest to the public API: no private, protected, `#` or `@internal` members. */
const publicApiOnly = {
  name: 'persona-widgets:public-api-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      for (const declaration of module.declarations ?? []) {
        declaration.members = declaration.members?.filter(
          (member) =>
            !member.privacy &&
            !member.name.startsWith('#') &&
            !/@internal\b/.test(member.description ?? '') &&
            !(member.static && member.name === 'styles'),
        );
      }
    }
  },
};

/**
 * Gives each event its detail type, read from the code that fires it:
 * `new CustomEvent<PersonaLoadDetail>('persona-load', …)` or a helper such as
 * `this.#emit<PersonaSelectDetail>('persona-select', …)` makes the event's type
 * `CustomEvent<PersonaLoadDetail>` (an `@fires {Type} name` tag wins). Events the
 * analyzer found only in a helper's `new CustomEvent(type, …)` (named `type`, no
 * `@fires`) are dropped. scripts/generate-wrappers.mjs types the React wrappers
 * and framework typings from these.
 */
const firedByClass = new Map();
const eventDetailTypes = {
  name: 'persona-widgets:event-detail-types',
  analyzePhase({ ts, node, moduleDoc }) {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    const fired = new Map();
    const visit = (child) => {
      if ((ts.isNewExpression(child) || ts.isCallExpression(child)) && child.typeArguments?.length === 1) {
        const [first] = child.arguments ?? [];
        const callee = child.expression.getText();
        if (first && ts.isStringLiteralLike(first) && /(^CustomEvent$|emit|dispatch)/i.test(callee)) {
          fired.set(first.text, child.typeArguments[0].getText());
        }
      }
      ts.forEachChild(child, visit);
    };
    ts.forEachChild(node, visit);
    firedByClass.set(`${moduleDoc.path}#${node.name.text}`, fired);
  },
  packageLinkPhase({ customElementsManifest }) {
    const untyped = (event) => !event.type?.text || event.type.text === 'CustomEvent';
    const declarations = customElementsManifest.modules.flatMap((module) =>
      (module.declarations ?? []).filter((d) => d.events).map((d) => [module, d]),
    );
    for (const [module, declaration] of declarations) {
      const fired = firedByClass.get(`${module.path}#${declaration.name}`) ?? new Map();
      declaration.events = declaration.events.filter((event) => fired.has(event.name) || event.description);
      for (const event of declaration.events) {
        const detail = fired.get(event.name);
        if (detail && untyped(event)) event.type = { text: `CustomEvent<${detail}>` };
      }
    }
    // An event fired without a type argument (`this.#emit('persona-error', …)`) takes the
    // type its name has on another element: one event name, one detail (as in HTMLElementEventMap).
    const byName = new Map();
    for (const [, d] of declarations) for (const e of d.events) if (!untyped(e)) byName.set(e.name, byName.get(e.name) ?? e.type);
    for (const [, declaration] of declarations) {
      for (const event of declaration.events) {
        if (untyped(event) && byName.has(event.name)) event.type = { ...byName.get(event.name) };
        if (untyped(event)) console.warn(`<${declaration.tagName}> ${event.name}: no detail type (give it one: @fires {CustomEvent<Detail>} ${event.name})`);
      }
    }
  },
};

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/*.define.ts', 'src/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [publicApiOnly, eventDetailTypes],
};
