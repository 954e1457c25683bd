import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { WriteRecord } from './api-proxy.ts';
import { auditLineOf } from './write-audit.ts';

const time = new Date('2026-12-02T10:00:00.000Z');
const ana = { sub: '00u1', name: 'Ana Souza', email: 'ana@acme.com' };

function record(patch: Partial<WriteRecord> & { user?: FastifyRequest['user'] }): WriteRecord {
  const { user = ana, ...rest } = patch;
  return {
    request: { id: 'req-7', user } as FastifyRequest,
    method: 'PUT',
    apiPath: '/tasks/T-42',
    operation: 'tasks.update',
    body: Buffer.from(JSON.stringify({ Name: 'Kickoff', Status: 'Completed', DueDate: '2026-12-24' })),
    status: 200,
    errorCode: null,
    answer: Buffer.from(JSON.stringify({ result: true, errorCode: null, data: { Gsid: 'T-42' } })),
    previous: undefined,
    ...rest,
  };
}

describe('auditLineOf', () => {
  it('makes the line of an update from the signed-in user, the path below /v1 and the previous task', () => {
    const line = auditLineOf(
      record({ apiPath: '/tasks/T-42?x=1', previous: { Name: 'Kickoff', Status: 'Not Started', DueDate: '2026-12-24' } }),
      time,
    );
    expect(line).toEqual({
      time: '2026-12-02T10:00:00.000Z',
      user: 'ana@acme.com',
      sub: '00u1',
      method: 'PUT',
      path: '/v1/tasks/T-42',
      taskId: 'T-42',
      fields: ['Status'],
      status: 200,
      errorCode: null,
      requestId: 'req-7',
    });
  });

  it('lists every field sent when the previous task is unknown, and says anonymous without sign-in', () => {
    const line = auditLineOf(record({ previous: null, user: null }), time);
    expect(line).toMatchObject({ user: 'anonymous', sub: null, fields: ['DueDate', 'Name', 'Status'] });
  });

  it("takes a create's task id from the answer and the proxy's own error code when there is no answer", () => {
    const created = auditLineOf(
      record({
        method: 'POST',
        apiPath: '/tasks',
        operation: 'tasks.create',
        answer: Buffer.from('{"result":true,"data":{"Gsid":"T-9"}}'),
      }),
      time,
    );
    expect(created).toMatchObject({ method: 'POST', path: '/v1/tasks', taskId: 'T-9' });
    const refused = auditLineOf(record({ status: 429, errorCode: 'GS_APIG_1429', answer: undefined }), time);
    expect(refused).toMatchObject({ status: 429, errorCode: 'GS_APIG_1429', taskId: 'T-42' });
    const upstream = auditLineOf(
      record({ status: 400, errorCode: 'GS_TASK_400', answer: Buffer.from('{"result":false,"errorCode":"GS_TASK_400"}') }),
      time,
    );
    expect(upstream.errorCode).toBe('GS_TASK_400');
  });

  it('copes with a body or answer that is not JSON', () => {
    const line = auditLineOf(record({ body: Buffer.from('not json'), answer: Buffer.from('<html>') }), time);
    expect(line).toMatchObject({ fields: [], taskId: 'T-42', errorCode: null });
  });
});
