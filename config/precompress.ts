/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy next to each text file of a build, at the
 * highest levels, once at build time; the team server sends them as they are (@fastify/static's
 * `preCompressed`), so no request pays for compression.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map', '.webmanifest']);
/** Smaller files gain nothing. */
const MIN_BYTES = 512;

export function precompressDir(dir: string): number {
  let written = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      written += precompressDir(path);
      continue;
    }
    if (!COMPRESSIBLE.has(extname(name).toLowerCase())) continue;
    const body = readFileSync(path);
    if (body.length < MIN_BYTES) continue;
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    );
    written++;
  }
  return written;
}

/** The Vite plugin: precompresses the output folder after each production build. */
export function precompressPlugin(): Plugin {
  let outDir = 'dist';
  return {
    name: 'cockpit-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
