import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { apiProxy } from './proxy.ts';

describe('the dev/preview /v1 proxy', () => {
  const options = apiProxy('https://acme.gainsightcloud.com/v1', 'KEY')['/v1/']!;

  it('targets the configured base URL and rewrites only plain API paths', () => {
    expect(options.target).toBe('https://acme.gainsightcloud.com/v1');
    expect(options.changeOrigin).toBe(true);
    expect(options.rewrite!('/v1/tasks/search')).toBe('/tasks/search');
    expect(options.rewrite!('/v1/../admin')).toBe('/__rejected__');
  });

  it('refuses path tricks before proxying', () => {
    const bypass = (url: string) => options.bypass!({ url } as never, undefined, options);
    expect(bypass('/v1/tasks/1')).toBeUndefined();
    expect(bypass('/v1/%2e%2e/admin')).toBe(false);
    expect(bypass('/v1//evil.example.com/x')).toBe(false);
  });

  it('sets the key on the outgoing request and drops cookies and authorization', () => {
    const proxy = new EventEmitter();
    options.configure!(proxy as never, options);
    const headers = new Map<string, string>([
      ['cookie', 'sid=1'],
      ['authorization', 'Bearer x'],
      ['accesskey', 'forged'],
    ]);
    const proxyReq = {
      removeHeader: (name: string) => headers.delete(name.toLowerCase()),
      setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    };
    proxy.emit('proxyReq', proxyReq);
    expect(Object.fromEntries(headers)).toEqual({ accesskey: 'KEY' });
  });
});
