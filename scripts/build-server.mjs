// Compiles the team server to dist-server/ (tsconfig.server.json) and copies the API contract
// next to it, which the built-in sandbox reads when it is the backend.
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
rmSync('dist-server', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.server.json'], { stdio: 'inherit' });
cpSync('openapi', 'dist-server/openapi', { recursive: true });
console.log('team server compiled to dist-server/ (npm run serve)');
