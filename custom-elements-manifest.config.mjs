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

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/*.define.ts', 'src/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [publicApiOnly],
};
