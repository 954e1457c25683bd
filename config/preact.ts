/**
 * The app renders with Preact through its React-compatible layer: the app's code, React Query,
 * react-table and dnd-kit import `react` and `react-dom` as before, and these aliases resolve
 * them to Preact. The build, the dev server and the component tests all use them, so the tests
 * run on the renderer that ships.
 */
export const preactAliases = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];
