/**
 * The entry. It holds neither React DOM nor the router: it starts the current page's code and
 * data at once (routes.ts), then loads the app (start.tsx), all in parallel, so nothing the first
 * page needs waits for the app's code to arrive and run first.
 */
import { createQueryClient } from './api/query-client.ts';
import { watchApiHealth } from './app/api-health.ts';
import { loadWithRetry } from './app/lazy-import.ts';
import { startRoute } from './app/routes.ts';
import { applyThemeChoice, readThemeChoice } from './lib/theme.ts';
import './index.css';

// The theme chosen in the header, before anything is drawn (none: the system's).
applyThemeChoice(readThemeChoice());

const queryClient = createQueryClient();
watchApiHealth(queryClient);
startRoute(queryClient, window.location.href);
void loadWithRetry(() => import('./app/start.tsx')).then(({ start }) => start(queryClient));
