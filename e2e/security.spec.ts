import { connect } from 'node:net';
import { test, expect } from './fixtures.ts';
import { E2E } from './env.ts';

/** Sends a request target exactly as written (browsers and fetch normalise `..`). */
function raw(baseUrl: string, target: string): Promise<{ status: number; text: string }> {
  const { port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () =>
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
    );
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => resolve({ status: Number(data.split(' ')[1]), text: data }));
    socket.on('error', reject);
  });
}

test('the production server serves the app under its Content Security Policy with no violation', async ({ page, axe }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });
  const response = await page.goto(`${E2E.prodUrl}/board`);
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Not Started' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playbooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Playbooks' })).toBeVisible();
  await axe('production /playbooks');
  expect(violations).toEqual([]);
});

for (const [label, url] of [
  ['preview (Vite) proxy', () => E2E.appUrl],
  ['production proxy', () => E2E.prodUrl],
] as const) {
  test(`the ${label} forwards only plain /v1 paths`, async () => {
    const ok = await raw(url(), '/v1/playbooks');
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('"result":true');
    // The sandbox's fault-control route answers with its settings ("latencyMs") only when reached.
    for (const target of [
      '/v1/../__sandbox/faults',
      '/v1/%2e%2e/__sandbox/faults',
      '/v1/tasks%2F..%2F..%2F__sandbox%2Ffaults',
      '/v1//127.0.0.1:1/x',
      '/__sandbox/faults',
    ]) {
      const res = await raw(url(), target);
      expect(res.text, target).not.toContain('latencyMs');
      expect(res.text, target).not.toContain(E2E.accessKey);
    }
  });
}
