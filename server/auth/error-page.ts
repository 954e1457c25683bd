/** The small HTML page shown when signing in fails: escaped text and a way to try again, never a stack trace. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface ErrorPage {
  title: string;
  /** Plain text; escaped here. */
  message: string;
  /** A same-origin path, e.g. `/auth/login?returnTo=%2Fboard`. */
  retryHref: string;
  /** The link's text; "Try again" by default. */
  linkText?: string;
}

export function renderErrorPage({ title, message, retryHref, linkText = 'Try again' }: ErrorPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} · Cockpit Board</title>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p><a href="${escapeHtml(retryHref)}">${escapeHtml(linkText)}</a></p>
</main>
</body>
</html>
`;
}
