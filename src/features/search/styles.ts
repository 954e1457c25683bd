/** Class names shared by the search page's controls. */
export const INPUT =
  'rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-900 aria-invalid:border-red-600 disabled:bg-slate-100';
export const LABEL = 'block text-xs font-medium text-slate-700';
export const BUTTON =
  'rounded border border-slate-400 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-60';
export const PRIMARY_BUTTON =
  'rounded bg-blue-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:cursor-not-allowed disabled:opacity-60';
export const LINK = 'font-medium text-blue-800 underline hover:text-blue-950';
