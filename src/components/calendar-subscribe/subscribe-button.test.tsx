import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import type { CalendarFeedAnswer } from '../../lib/calendar-feed.ts';
import { SubscribeButton } from './subscribe-button.tsx';

const OWNER = '1U00ANA0000000000000000000000000000A';
const ADDRESS: CalendarFeedAnswer = { url: `https://board.acme.example/calendar.ics?owner=${OWNER}&token=YW5h.abc`, personal: true };

let queryClient: QueryClient;
let asked: string[];

/** The team server: `GET /api/calendar-feed` answers `answer` (a Response, or the address as JSON). */
function serve(answer: () => Response = () => Response.json(ADDRESS)) {
  asked = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      asked.push(`${url.pathname}${url.search}`);
      return url.pathname === '/api/calendar-feed' ? answer() : new Response('unexpected', { status: 500 });
    }),
  );
}

function renderButton(ownerName: string | null = 'Ana Souza') {
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <SubscribeButton ownerId={OWNER} ownerName={ownerName} />
    </QueryClientProvider>,
  );
  return user;
}

const open = async (user: ReturnType<typeof userEvent.setup>) => {
  await user.click(screen.getByRole('button', { name: 'Subscribe to calendar' }));
  return screen.findByRole('dialog', { name: 'Subscribe to calendar' });
};

beforeEach(() => {
  queryClient = createQueryClient();
});

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

describe('Subscribe to calendar', () => {
  it("asks nothing until opened, then shows the owner's feed address read-only, with how to add it", async () => {
    serve();
    const user = renderButton();
    expect(asked).toEqual([]);
    const dialog = await open(user);
    expect(dialog).toHaveAccessibleDescription(/The open tasks of Ana Souza, each on its due date/);
    const field = await within(dialog).findByRole('textbox', { name: 'Calendar address' });
    expect(field).toHaveValue(ADDRESS.url);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveAccessibleDescription(/holds your personal key/);
    expect(asked).toEqual([`/api/calendar-feed?owner=${OWNER}`]);
    expect(within(dialog).getByText(/From URL/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Subscribe from web/)).toBeInTheDocument();
  });

  it('copies the address and says so', async () => {
    serve();
    const user = renderButton();
    const dialog = await open(user);
    await within(dialog).findByRole('textbox', { name: 'Calendar address' });
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent('Copied the address.');
    expect(await navigator.clipboard.readText()).toBe(ADDRESS.url);
  });

  it('says why copying failed and leaves the address selected for the keyboard', async () => {
    serve();
    const user = renderButton();
    const dialog = await open(user);
    const field = await within(dialog).findByRole<HTMLInputElement>('textbox', { name: 'Calendar address' });
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    await user.click(within(dialog).getByRole('button', { name: 'Copy' }));
    expect(await within(dialog).findByRole('status')).toHaveTextContent(
      'Could not copy (Write permission denied.). The address is selected: copy it with Ctrl+C (⌘C on a Mac).',
    );
    expect(field).toHaveFocus();
    expect([field.selectionStart, field.selectionEnd]).toEqual([0, ADDRESS.url.length]);
  });

  it("says the team server's reason when the address cannot be had, and tries again on request", async () => {
    let fail = true;
    serve(() =>
      fail
        ? Response.json(
            { result: false, errorCode: 'TEAM_400', errorDesc: 'The owner id is 65 characters long.', requestId: 'r1', data: null },
            { status: 400 },
          )
        : Response.json({ ...ADDRESS, personal: false }),
    );
    const user = renderButton(null);
    const dialog = await open(user);
    expect(dialog).toHaveAccessibleDescription(new RegExp(`The open tasks of owner ${OWNER}`));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The owner id is 65 characters long.');
    fail = false;
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }));
    const field = await within(dialog).findByRole('textbox', { name: 'Calendar address' });
    expect(field).not.toHaveAccessibleDescription(/personal key/);
  });

  it('says when the server has no calendar feed', async () => {
    serve(() => new Response('<!doctype html><title>board</title>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const user = renderButton();
    const dialog = await open(user);
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('This server does not offer a calendar feed');
  });

  it('closes with Close or Escape and gives the focus back to the button', async () => {
    serve();
    const user = renderButton();
    const button = screen.getByRole('button', { name: 'Subscribe to calendar' });
    let dialog = await open(user);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(button).toHaveFocus();
    dialog = await open(user);
    await within(dialog).findByRole('textbox', { name: 'Calendar address' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(button).toHaveFocus();
    // Read once: opening again asks the server nothing more.
    expect(asked).toHaveLength(1);
  });
});
