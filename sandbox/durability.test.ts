import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const KEY = 'durability-key';
const dir = mkdtempSync(join(tmpdir(), 'sandbox-durability-'));
const dbPath = join(dir, 'tasks.db');
const children: ChildProcess[] = [];

/** Starts the real command-line server and waits for the line with its URL. */
function startCli(extra: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'sandbox/cli.ts', '--port', '0', '--db', dbPath, '--access-key', KEY, '--tasks', '50', '--quiet', ...extra],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${err}`)));
  });
}

const headers = { accessKey: KEY, 'Content-Type': 'application/json' };

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('durability', () => {
  it('an answered write survives kill -9 of the server', async () => {
    const first = await startCli(['--reset']);
    const search = await fetch(`${first.url}/tasks/search`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ select: ['CTAId'], limit: 1 }),
    });
    const ctaId = ((await search.json()) as { data: { records: { CTAId: string }[] } }).data.records[0]!.CTAId;
    const created = await fetch(`${first.url}/tasks`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ Name: 'Survives a crash', CTAId: ctaId, DueDate: '2026-12-24' }),
    });
    expect(created.status).toBe(200);
    const task = ((await created.json()) as { data: { Gsid: string } }).data;
    const exited = new Promise((r) => first.child.once('exit', r));
    first.child.kill('SIGKILL');
    await exited;

    const second = await startCli();
    const back = await fetch(`${second.url}/tasks/${task.Gsid}`, { headers });
    expect(back.status).toBe(200);
    expect(((await back.json()) as { data: { Name: string; DueDate: string } }).data).toMatchObject({
      Name: 'Survives a crash',
      DueDate: '2026-12-24',
    });
    second.child.kill('SIGKILL');
  });
});
