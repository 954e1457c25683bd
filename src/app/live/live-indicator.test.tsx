import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordRead, resetLiveStatus, setStreamState, setSyncStatus } from '../../api/live-status.ts';
import { formatClock } from './indicator-model.ts';
import { LiveIndicator, StaleDataBanner } from './live-indicator.tsx';

const SYNC_AT = '2026-12-01T10:05:00.000Z';
const at = formatClock(Date.parse(SYNC_AT));

afterEach(() => act(() => resetLiveStatus()));

const indicator = () => screen.getByRole('status', { name: 'Live updates' });

describe('LiveIndicator', () => {
  it('is a polite status region named "Live updates" that follows the stream and the sync', () => {
    act(() => setStreamState('connecting'));
    render(<LiveIndicator />);
    expect(indicator()).toHaveTextContent('Connecting to live updates…');
    act(() => {
      setStreamState('open');
      setSyncStatus({ state: 'syncing', lastSyncAt: null, pollSeconds: 10 });
    });
    expect(indicator()).toHaveTextContent('Syncing…');
    act(() => setSyncStatus({ state: 'live', lastSyncAt: SYNC_AT, pollSeconds: 10 }));
    expect(indicator()).toHaveTextContent(`Live · ${at}`);
    act(() => setSyncStatus({ state: 'stale', lastSyncAt: SYNC_AT, pollSeconds: 10, reason: 'Gainsight answered 503' }));
    expect(indicator()).toHaveTextContent(`Data as of ${at} · Gainsight answered 503`);
    act(() => setStreamState('reconnecting'));
    expect(indicator()).toHaveTextContent('Live updates off — reconnecting…');
    act(() => setStreamState('unavailable'));
    expect(indicator()).toHaveTextContent('Not live: updates on focus');
  });

  it('shows nothing before live updates start', () => {
    render(<LiveIndicator />);
    expect(screen.queryByRole('status', { name: 'Live updates' })).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('explains itself behind a keyboard-reachable button, closed again with Escape', async () => {
    const user = userEvent.setup();
    act(() => {
      setStreamState('open');
      setSyncStatus({ state: 'live', lastSyncAt: SYNC_AT, pollSeconds: 10 });
    });
    render(<LiveIndicator />);
    const about = screen.getByRole('button', { name: 'About live updates' });
    expect(about).toHaveAttribute('aria-expanded', 'false');
    await user.tab();
    expect(about).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(about).toHaveAttribute('aria-expanded', 'true');
    const panel = document.getElementById(about.getAttribute('aria-controls')!)!;
    expect(panel).toHaveTextContent(
      `Changes by your team show up as they happen; changes made in Gainsight within 10 seconds. Last checked with Gainsight at ${at}`,
    );
    await user.keyboard('{Escape}');
    expect(about).toHaveAttribute('aria-expanded', 'false');
    expect(document.getElementById(about.getAttribute('aria-controls')!)).toBeNull();
  });
});

describe('StaleDataBanner', () => {
  const mirrorRead = () =>
    recordRead(
      new Headers({
        'X-Cockpit-Source': 'mirror',
        'X-Cockpit-Data-As-Of': SYNC_AT,
        Date: new Date(Date.parse(SYNC_AT) + 5_000).toUTCString(),
      }),
    );

  it('says "Data as of HH:MM" when reads come from the mirror and the mirror is stale, and goes when it is live again', () => {
    act(() => {
      setStreamState('open');
      setSyncStatus({ state: 'live', lastSyncAt: SYNC_AT, pollSeconds: 10 });
      mirrorRead();
    });
    render(<StaleDataBanner />);
    const region = screen.getByRole('status');
    expect(region).toBeEmptyDOMElement();
    act(() => setSyncStatus({ state: 'stale', lastSyncAt: SYNC_AT, pollSeconds: 10, reason: 'Gainsight answered 503' }));
    expect(region).toHaveTextContent(`Data as of ${at} — Gainsight can't be reached right now; changes can't be saved`);
    act(() => setSyncStatus({ state: 'live', lastSyncAt: SYNC_AT, pollSeconds: 10 }));
    expect(region).toBeEmptyDOMElement();
  });

  it('says nothing for reads the tenant answered', () => {
    act(() => {
      setStreamState('open');
      setSyncStatus({ state: 'stale', lastSyncAt: SYNC_AT, pollSeconds: 10 });
      recordRead(new Headers({ 'X-Cockpit-Source': 'tenant' }));
    });
    render(<StaleDataBanner />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
