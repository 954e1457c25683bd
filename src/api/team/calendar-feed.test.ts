import { afterEach, describe, expect, it, vi } from 'vitest';
import { getCalendarFeed } from './calendar-feed.ts';

function answer(body: unknown, status = 200) {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      asked.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
      return Response.json(body, { status });
    }),
  );
  return asked;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('getCalendarFeed', () => {
  it("asks the team server for the owner's address and gives it back", async () => {
    const asked = answer({ url: 'https://board.acme.example/calendar.ics?owner=U%201', personal: true });
    await expect(getCalendarFeed('U 1')).resolves.toEqual({ url: 'https://board.acme.example/calendar.ics?owner=U%201', personal: true });
    expect(asked).toEqual(['GET /api/calendar-feed?owner=U+1']);
  });

  it.each([{}, { url: 'javascript:alert(1)', personal: false }, { url: 'https://x', personal: 'yes' }, []])(
    'refuses an answer of another shape: %j',
    async (body) => {
      answer(body);
      await expect(getCalendarFeed('U1')).rejects.toMatchObject({
        errorDesc: "The team server answered with the calendar feed's address in a shape this app does not know.",
      });
    },
  );

  it("passes on the server's reason", async () => {
    answer({ result: false, errorCode: 'AUTH_401', errorDesc: 'Sign in to use Cockpit Board', requestId: 'r', data: null }, 401);
    await expect(getCalendarFeed('U1')).rejects.toMatchObject({ status: 401, errorCode: 'AUTH_401' });
  });
});
