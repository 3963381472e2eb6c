/** `npm run analyze`: custom-elements.json from the JSDoc tags of the element classes. */
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/components/**/*.styles.ts', 'src/components/**/*.define.ts', 'src/**/*.test.ts'],
  outdir: 'dist',
  litelement: true,
};
