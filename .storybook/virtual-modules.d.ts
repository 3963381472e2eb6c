/** Served by `customElementsManifest()` in manifest-plugin.ts: dist/custom-elements.json. */
declare module 'virtual:custom-elements-manifest' {
  const manifest: {
    schemaVersion: string;
    modules: { kind: string; path: string; declarations?: Record<string, unknown>[]; [key: string]: unknown }[];
    [key: string]: unknown;
  };
  export default manifest;
}
