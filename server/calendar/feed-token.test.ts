import { describe, expect, it } from 'vitest';
import { checkFeedToken, deriveFeedTokenKey, makeFeedToken, redactFeedToken } from './feed-token.ts';

const key = deriveFeedTokenKey('a-session-secret-of-at-least-32-characters');

describe('calendar feed tokens', () => {
  it('opens the feed of the owner it was made for, and says for whom', () => {
    const token = makeFeedToken(key, 'sub|ana@acme', 'OWNER1');
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(checkFeedToken(key, token, 'OWNER1')).toEqual({ valid: true, sub: 'sub|ana@acme' });
    expect(makeFeedToken(key, 'sub|ana@acme', 'OWNER1')).toBe(token);
  });

  it('refuses another owner, another user, another secret, and anything changed', () => {
    const token = makeFeedToken(key, 'ana', 'OWNER1');
    const [, mac] = token.split('.');
    const mismatch = /does not match this owner's feed/;
    expect(checkFeedToken(key, token, 'OWNER2')).toMatchObject({ valid: false, reason: expect.stringMatching(mismatch) });
    expect(checkFeedToken(key, `${Buffer.from('bob').toString('base64url')}.${mac}`, 'OWNER1')).toMatchObject({ valid: false });
    const other = deriveFeedTokenKey('another-session-secret-of-32-characters-or-more');
    expect(checkFeedToken(other, token, 'OWNER1')).toMatchObject({ valid: false, reason: expect.stringMatching(mismatch) });
    for (const bad of ['', 'x', token.slice(0, -1), `${token}A`, `.${mac}`, `${token}.x`, token.replace('.', '')]) {
      expect(checkFeedToken(key, bad, 'OWNER1').valid, bad).toBe(false);
    }
  });

  it('keeps the key out of logs and JSON', () => {
    expect(JSON.stringify(key)).toBe('{}');
    expect(Object.keys(key)).toEqual([]);
  });

  it('cuts the token out of a URL for the log', () => {
    expect(redactFeedToken('/calendar.ics?owner=A&token=abc.def&x=1')).toBe('/calendar.ics?owner=A&token=[redacted]&x=1');
    expect(redactFeedToken('/calendar.ics?token=abc')).toBe('/calendar.ics?token=[redacted]');
    expect(redactFeedToken('/board?q=token')).toBe('/board?q=token');
  });
});
