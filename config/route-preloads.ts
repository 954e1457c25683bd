/**
 * One index.html per page of the app (`pages/<key>.html` in the build), each with modulepreload
 * links for the files that page's first render waits for: its code and the code that starts its
 * data (the modules of the route table, src/lib/route-table.ts, and the chunks they import). The
 * team server sends a page's path that page's HTML (server/static-site.ts), so the browser asks
 * for those files together with the entry instead of once the entry has run: no chunk of the
 * first render waits on another.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { PAGES_HTML_DIR, ROUTE_TABLE } from '../src/lib/route-table.ts';

/** What the plan needs of a built chunk. */
export interface ChunkInfo {
  fileName: string;
  /** The chunks it imports statically (loaded before it runs). */
  imports: readonly string[];
  moduleIds: readonly string[];
}

/**
 * The files to preload for `modules` (absolute ids): the chunks that hold them and every chunk
 * they import, in that order, without those in `loaded` (what index.html already loads). Throws
 * when a module is in no chunk.
 */
export function filesFor(chunks: readonly ChunkInfo[], modules: readonly string[], loaded: ReadonlySet<string>): string[] {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const files: string[] = [];
  const add = (fileName: string) => {
    if (loaded.has(fileName) || files.includes(fileName)) return;
    files.push(fileName);
    for (const imported of byFile.get(fileName)?.imports ?? []) add(imported);
  };
  for (const id of modules) {
    const chunk = chunks.find((c) => c.moduleIds.includes(id));
    if (!chunk) throw new Error(`${id} is in no chunk of the build`);
    add(chunk.fileName);
  }
  return files;
}

/** Every file `fileName` loads before it runs: itself and its static imports, at any depth. */
export function withImports(chunks: readonly ChunkInfo[], fileNames: readonly string[]): Set<string> {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const all = new Set<string>();
  const add = (fileName: string) => {
    if (all.has(fileName)) return;
    all.add(fileName);
    for (const imported of byFile.get(fileName)?.imports ?? []) add(imported);
  };
  fileNames.forEach(add);
  return all;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `html` with a modulepreload link for each file, at the end of its head (as Vite writes its own). */
export function withPreloads(html: string, files: readonly string[], base = '/'): string {
  const head = html.indexOf('</head>');
  if (head === -1) throw new Error('index.html has no </head>');
  // On a line of their own, before the line that closes the head.
  const at = html.lastIndexOf('\n', head) + 1;
  const links = files.map((f) => `    <link rel="modulepreload" crossorigin href="${escapeAttribute(`${base}${f}`)}">\n`).join('');
  return `${html.slice(0, at)}${links}${html.slice(at)}`;
}

/**
 * The build step: checks that each module of the route table is still loaded with `import()` (a
 * renamed or moved module fails the build rather than preloading nothing), and writes
 * `pages/<key>.html` for each page.
 */
export function routePreloads(): Plugin {
  let root = process.cwd();
  let base = '/';
  return {
    name: 'cockpit-route-preloads',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const html = bundle['index.html'];
      if (!html || html.type !== 'asset') return this.error('route preloads: the build has no index.html');
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      // What index.html loads already: the entry, the app chunk it preloads, and their imports.
      const loaded = withImports(
        chunks,
        chunks.filter((c) => c.isEntry || c.name === 'app').map((c) => c.fileName),
      );
      for (const [key, route] of Object.entries(ROUTE_TABLE)) {
        const ids = route.modules.map((m) => resolve(root, m));
        const stale = ids.filter((id) => (this.getModuleInfo(id)?.dynamicImporters.length ?? 0) === 0);
        if (stale.length > 0) {
          this.error(`route preloads: the route table's "${key}" names ${stale.join(', ')}, which the app does not load with import()`);
        }
        let files: string[];
        try {
          files = filesFor(chunks, ids, loaded);
        } catch (error) {
          return this.error(`route preloads, "${key}": ${(error as Error).message}`);
        }
        this.emitFile({ type: 'asset', fileName: `${PAGES_HTML_DIR}/${key}.html`, source: withPreloads(String(html.source), files, base) });
      }
    },
  };
}
