/**
 * The entry. It holds no page code and not the router: it starts the current page's code and
 * data at once (routes.ts), then loads the app (start.tsx), all in parallel, so nothing the first
 * page needs waits for the app's code to arrive and run first.
 */
import { createQueryClient } from './api/query-client.ts';
import { watchApiHealth } from './app/api-health.ts';
import { loadWithRetry } from './components/lazy-load.ts';
import { startRoute } from './app/routes.ts';
import { keepEarlyKeys } from './lib/shortcuts/early-keys.ts';
import { applyThemeChoice, readThemeChoice } from './lib/theme.ts';
import './index.css';
// Preact's DevTools see the app when they are there (the benchmark's render counts stand in for them).
import 'preact/devtools';

// The theme chosen in the header, before anything is drawn (none: the system's).
applyThemeChoice(readThemeChoice());
// A shortcut pressed before the shortcuts' code has come is acted on when it comes.
keepEarlyKeys();

const queryClient = createQueryClient();
watchApiHealth(queryClient);
const started = startRoute(queryClient, window.location.href);
// The app's code runs once the page's requests are on their way (at once when the entry starts
// them itself): evaluated first, it would hold back a request whose code comes in a chunk. A
// chunk slow to come holds the app back half a second at most.
const APP_WAITS_MS = 500;
void Promise.race([started?.dataAsked, new Promise((resolve) => setTimeout(resolve, APP_WAITS_MS))])
  .then(() => loadWithRetry(() => import('./app/start.tsx')))
  .then(({ start }) => start(queryClient));
