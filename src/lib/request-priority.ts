/**
 * How the app tells the team server that nobody is waiting for a call (a prefetch, the pickers'
 * suggestions): the server sends such calls after writes and after reads people wait for, and
 * keeps part of the tenant's budget free of them. Shared by the app (src/api/client.ts) and the
 * server (server/proxy/api-proxy.ts).
 */
export const PRIORITY_HEADER = 'X-Cockpit-Priority';
export const BACKGROUND_PRIORITY = 'background';
