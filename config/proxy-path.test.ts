import { describe, expect, it } from 'vitest';
import { apiPathFor, upstreamUrl } from './proxy-path.ts';

describe('the /v1 proxy only forwards plain API paths', () => {
  it.each([
    ['/v1/tasks', '/tasks'],
    ['/v1/tasks/search', '/tasks/search'],
    ['/v1/tasks/1T00ABC', '/tasks/1T00ABC'],
    ['/v1/tasks/a%20b', '/tasks/a%20b'],
    ['/v1/playbooks?x=1', '/playbooks?x=1'],
  ])('%s -> %s', (target, path) => {
    expect(apiPathFor(target)).toBe(path);
  });

  it.each([
    '/v2/tasks',
    '/v1',
    '/v1/',
    '/assets/app.js',
    '/v1/../admin',
    '/v1/tasks/../../admin',
    '/v1/%2e%2e/admin',
    '/v1/%2E%2E/admin',
    '/v1/.%2e/admin',
    '/v1/tasks/%2f..%2fadmin',
    '/v1/tasks%2F..%2F..%2Fadmin',
    '/v1/tasks/%5c..%5cadmin',
    '/v1/tasks/%252e%252e',
    '/v1//evil.example.com/x',
    '/v1/tasks\\..\\admin',
    '/v1/./tasks',
    'http://evil.example.com/v1/tasks',
    '//evil.example.com/v1/tasks',
    '/v1/tasks/%ZZ',
    '/v1/tasks/a\u0000b',
    '/v1/tasks/a b',
  ])('rejects %s', (target) => {
    expect(apiPathFor(target)).toBeNull();
  });

  it('builds upstream URLs on the configured host and base path only', () => {
    expect(upstreamUrl('https://acme.gainsightcloud.com/v1', '/tasks/1').href).toBe('https://acme.gainsightcloud.com/v1/tasks/1');
    expect(upstreamUrl('http://127.0.0.1:4010/v1/', '/tasks/search?a=1').href).toBe('http://127.0.0.1:4010/v1/tasks/search?a=1');
    const tricky = upstreamUrl('https://acme.gainsightcloud.com/v1', '/@evil.example.com/x');
    expect(tricky.host).toBe('acme.gainsightcloud.com');
  });
});
