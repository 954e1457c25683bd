import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);

export interface StaticFile {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  /** Vite's content-hashed assets never change under the same name. */
  immutable: boolean;
  etag: string;
}

/**
 * Loads the built app into memory once, with gzip and brotli versions of text files, so each
 * request is a map lookup. Keys are URL paths (`/assets/index-abc123.js`).
 */
export function loadStaticFiles(distDir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const ext = extname(name).toLowerCase();
      const body = readFileSync(path);
      const urlPath = '/' + relative(distDir, path).split(sep).join('/');
      const file: StaticFile = {
        type: TYPES[ext] ?? 'application/octet-stream',
        body,
        immutable: urlPath.startsWith('/assets/') && /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(name),
        etag: `"${body.length.toString(16)}-${hash(body)}"`,
      };
      if (COMPRESSIBLE.has(ext) && body.length > 512) {
        file.gzip = gzipSync(body, { level: 9 });
        file.br = brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } });
      }
      files.set(urlPath, file);
    }
  };
  walk(distDir);
  return files;
}

function hash(buf: Buffer): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < buf.length; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return (h >>> 0).toString(16);
}
