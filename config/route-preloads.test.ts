import { describe, expect, it } from 'vitest';
import { filesFor, withImports, withPreloads, type ChunkInfo } from './route-preloads.ts';

// A build like the real one: the entry and the app chunk it preloads, a page chunk that imports
// a shared chunk (which imports the app chunk), and the page's data code in a chunk of its own.
const chunks: ChunkInfo[] = [
  { fileName: 'assets/start.js', imports: ['assets/runtime.js'], moduleIds: ['/p/src/main.tsx'] },
  { fileName: 'assets/runtime.js', imports: [], moduleIds: [] },
  { fileName: 'assets/app.js', imports: ['assets/start.js'], moduleIds: ['/p/src/app/app.tsx'] },
  {
    fileName: 'assets/search-route.js',
    imports: ['assets/app.js', 'assets/modal.js'],
    moduleIds: ['/p/src/features/search/search-route.tsx'],
  },
  { fileName: 'assets/modal.js', imports: ['assets/app.js', 'assets/focus.js'], moduleIds: ['/p/src/components/modal.tsx'] },
  { fileName: 'assets/focus.js', imports: [], moduleIds: ['/p/src/lib/focus.ts'] },
  { fileName: 'assets/search-prefetch.js', imports: ['assets/focus.js'], moduleIds: ['/p/src/features/search/search-prefetch.ts'] },
];
const loaded = withImports(chunks, ['assets/start.js', 'assets/app.js']);

describe('route preloads', () => {
  it('what index.html loads already: the entry, the app chunk and what they import', () => {
    expect([...loaded].sort()).toEqual(['assets/app.js', 'assets/runtime.js', 'assets/start.js']);
  });

  it("a page's files: the chunks of its modules and what they import, each once, none index.html loads", () => {
    expect(filesFor(chunks, ['/p/src/features/search/search-route.tsx', '/p/src/features/search/search-prefetch.ts'], loaded)).toEqual([
      'assets/search-route.js',
      'assets/modal.js',
      'assets/focus.js',
      'assets/search-prefetch.js',
    ]);
  });

  it('a module in no chunk is an error, not a page without preloads', () => {
    expect(() => filesFor(chunks, ['/p/src/features/search/gone.ts'], loaded)).toThrow(
      '/p/src/features/search/gone.ts is in no chunk of the build',
    );
  });

  it('the links go at the end of the head, on lines of their own, with the base', () => {
    const html = '<!doctype html>\n<html>\n  <head>\n    <title>x</title>\n  </head>\n  <body></body>\n</html>\n';
    expect(withPreloads(html, ['assets/a.js', 'assets/b"c.js'], '/app/')).toBe(
      '<!doctype html>\n<html>\n  <head>\n    <title>x</title>\n' +
        '    <link rel="modulepreload" crossorigin href="/app/assets/a.js">\n' +
        '    <link rel="modulepreload" crossorigin href="/app/assets/b&quot;c.js">\n' +
        '  </head>\n  <body></body>\n</html>\n',
    );
    expect(withPreloads(html, [])).toBe(html);
    expect(() => withPreloads('<html><body></body></html>', ['a.js'])).toThrow('index.html has no </head>');
  });
});
