import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AuditConfigError, buildAuditLine, createAuditWriter, isAuditedWrite, resolveAuditLog, type AuditLine } from './audit.ts';

const time = new Date('2026-12-02T10:00:00.000Z');
const ana = { sub: 'okta|00u1', email: 'ana@acme.com' };

describe('buildAuditLine', () => {
  it('records an update: user, method, path without query, task id, field names, status', () => {
    const line = buildAuditLine({
      time,
      user: ana,
      method: 'put',
      path: '/v1/tasks/T-42?x=1',
      body: { Status: 'Completed', DueDate: '2026-12-24', Description: 'secret customer text' },
      status: 200,
      response: { result: true, errorCode: null, data: { Gsid: 'T-42' } },
      requestId: 'req-1',
    });
    expect(line).toEqual({
      time: '2026-12-02T10:00:00.000Z',
      user: 'ana@acme.com',
      sub: 'okta|00u1',
      method: 'PUT',
      path: '/v1/tasks/T-42',
      taskId: 'T-42',
      fields: ['Description', 'DueDate', 'Status'],
      status: 200,
      errorCode: null,
      requestId: 'req-1',
    });
    expect(JSON.stringify(line)).not.toContain('secret customer text');
  });

  it('lists only the fields that change when the previous task is given', () => {
    const line = buildAuditLine({
      time,
      user: ana,
      method: 'PUT',
      path: '/v1/tasks/T-42',
      body: { Gsid: 'T-42', Name: 'Call', Status: 'Completed', Tags: ['a', 'b'], Meta: { b: 1, a: 2 } },
      previous: { Gsid: 'T-42', Name: 'Call', Status: 'In Progress', Tags: ['a', 'b'], Meta: { a: 2, b: 1 } },
      status: 200,
    });
    expect(line.fields).toEqual(['Status']);
  });

  it('takes a created task id from the answer, and the upstream error code', () => {
    expect(
      buildAuditLine({
        time,
        user: ana,
        method: 'POST',
        path: '/v1/tasks',
        body: { Name: 'x', CTAId: 'C1' },
        status: 200,
        response: { result: true, data: { Gsid: 'T-9' } },
      }),
    ).toMatchObject({
      taskId: 'T-9',
      fields: ['CTAId', 'Name'],
      errorCode: null,
    });
    expect(
      buildAuditLine({
        time,
        user: ana,
        method: 'POST',
        path: '/v1/tasks',
        body: { Name: 'x' },
        status: 400,
        response: { result: false, errorCode: 'COCKPIT_5101', errorDesc: 'bad', data: null },
      }),
    ).toMatchObject({ taskId: null, status: 400, errorCode: 'COCKPIT_5101' });
  });

  it('decodes the task id from the path', () => {
    expect(buildAuditLine({ time, user: ana, method: 'PUT', path: '/v1/tasks/T%2042', body: {}, status: 200 }).taskId).toBe('T 42');
  });

  it('writes anonymous without a user, and the subject when there is no email', () => {
    expect(buildAuditLine({ time, user: null, method: 'POST', path: '/v1/tasks', body: null, status: 502 })).toMatchObject({
      user: 'anonymous',
      sub: null,
      fields: [],
    });
    expect(buildAuditLine({ time, user: { sub: 'u-7', email: null }, method: 'POST', path: '/v1/tasks', body: {}, status: 200 }).user).toBe(
      'u-7',
    );
  });

  it('caps the field list of an oversized body', () => {
    const body = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`F${String(i).padStart(3, '0')}`, i]));
    const line = buildAuditLine({ time, user: ana, method: 'PUT', path: '/v1/tasks/T-1', body, status: 200 });
    expect(line.fields).toHaveLength(100);
    expect(line.fieldsTruncated).toBe(true);
  });

  it('knows which requests are audited writes', () => {
    expect(isAuditedWrite('POST', '/v1/tasks')).toBe(true);
    expect(isAuditedWrite('PUT', '/v1/tasks/T-1')).toBe(true);
    expect(isAuditedWrite('DELETE', '/v1/tasks/T-1')).toBe(true);
    expect(isAuditedWrite('POST', '/v1/tasks/search?limit=5')).toBe(false);
    expect(isAuditedWrite('GET', '/v1/tasks/T-1')).toBe(false);
  });
});

describe('audit writer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'audit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const line = (n: number): AuditLine =>
    buildAuditLine({ time, user: ana, method: 'PUT', path: `/v1/tasks/T-${n}`, body: { Status: 'x' }, status: 200 });
  const logger = () => ({ info: vi.fn(), error: vi.fn() });

  it('appends one JSON line per write to AUDIT_LOG, keeping what was there', () => {
    const file = join(dir, 'audit.jsonl');
    const first = createAuditWriter({ file, logger: logger() });
    first.write(line(1));
    first.close();
    const second = createAuditWriter({ file, logger: logger() });
    second.write(line(2));
    second.write(line(3));
    second.close();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as AuditLine).taskId)).toEqual(['T-1', 'T-2', 'T-3']);
  });

  it('logs through the logger without AUDIT_LOG', () => {
    const log = logger();
    createAuditWriter({ file: null, logger: log }).write(line(4));
    expect(log.info).toHaveBeenCalledWith({ audit: expect.objectContaining({ taskId: 'T-4' }) }, 'audit');
  });

  it("takes Fastify's logger: one JSON log line with the audit record", async () => {
    const lines: string[] = [];
    const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString()), done()) });
    const app = Fastify({ logger: { stream } });
    createAuditWriter({ file: null, logger: app.log }).write(line(5));
    await app.close();
    const record = JSON.parse(lines.find((l) => l.includes('"audit"'))!) as { level: number; msg: string; audit: AuditLine };
    expect(record).toMatchObject({ level: 30, msg: 'audit', audit: { taskId: 'T-5', user: 'ana@acme.com' } });
  });

  it('stops start-up when the file cannot be opened, naming AUDIT_LOG', () => {
    expect(() => createAuditWriter({ file: join(dir, 'missing', 'dir', 'audit.jsonl'), logger: logger() })).toThrow(AuditConfigError);
    expect(() => createAuditWriter({ file: join(dir, 'missing', 'dir', 'audit.jsonl'), logger: logger() })).toThrow(
      /^AUDIT_LOG=.* cannot be opened for appending \(ENOENT\)/,
    );
  });

  it('reads AUDIT_LOG from the environment', () => {
    expect(resolveAuditLog({})).toBeNull();
    expect(resolveAuditLog({ AUDIT_LOG: ' /var/log/audit.jsonl ' })).toBe('/var/log/audit.jsonl');
    expect(() => resolveAuditLog({ AUDIT_LOG: '' })).toThrow(/^AUDIT_LOG is empty/);
  });
});
