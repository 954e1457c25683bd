/**
 * A minimal "browser" for sign-in tests: fetch with manual redirects and a cookie jar per origin
 * (host and port; cookie paths are ignored, which only ever sends more cookies, never fewer).
 * It can sign in through the test provider's development login page. Test code only.
 */

export interface Hop {
  url: string;
  response: Response;
  body: string;
}

export class TestBrowser {
  readonly #jars = new Map<string, Map<string, string>>();
  /** Every Set-Cookie header seen, in order, with the URL that sent it. */
  readonly setCookies: { url: string; header: string }[] = [];

  cookies(origin: string): Map<string, string> {
    let jar = this.#jars.get(origin);
    if (!jar) this.#jars.set(origin, (jar = new Map()));
    return jar;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.cookies(origin).get(name);
  }

  setCookie(origin: string, name: string, value: string | undefined): void {
    if (value === undefined) this.cookies(origin).delete(name);
    else this.cookies(origin).set(name, value);
  }

  /** One request, no redirect following; cookies sent and stored. */
  async request(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Hop> {
    const { origin } = new URL(url);
    const jar = this.cookies(origin);
    const headers: Record<string, string> = { ...init.headers };
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(url, { method: init.method ?? 'GET', headers, body: init.body, redirect: 'manual' });
    for (const header of response.headers.getSetCookie()) {
      this.setCookies.push({ url, header });
      const [pair = '', ...attributes] = header.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    return { url, response, body: await response.text() };
  }

  /** GET and follow redirects (up to `maxHops`); returns every hop, the last one being the page. */
  async follow(url: string, maxHops = 10, stopAt?: (url: string) => boolean): Promise<Hop[]> {
    const hops: Hop[] = [];
    let next: string | null = url;
    while (next !== null && hops.length < maxHops) {
      if (hops.length > 0 && stopAt?.(next)) break;
      const hop = await this.request(next);
      hops.push(hop);
      const location = hop.response.headers.get('location');
      next = hop.response.status >= 300 && hop.response.status < 400 && location ? new URL(location, next).href : null;
    }
    return hops;
  }

  /**
   * Starts at `url` (e.g. the app's /auth/login?returnTo=...), signs in at the provider's login
   * page as `login`, confirms consent if asked, and follows the redirects back. `stopAt` stops
   * before requesting a matching URL (to keep the callback URL for a replay); the URL is then
   * the last hop's Location.
   */
  async signIn(url: string, login: string, stopAt?: (url: string) => boolean): Promise<Hop[]> {
    const hops = await this.follow(url, 10, stopAt);
    for (let round = 0; round < 4; round++) {
      const last = hops.at(-1)!;
      const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[\s\S]*?name="prompt" value="(login|consent)"/.exec(last.body);
      if (last.response.status !== 200 || !form) break;
      const fields = new URLSearchParams({ prompt: form[2]! });
      if (form[2] === 'login') {
        fields.set('login', login);
        fields.set('password', 'any');
      }
      const posted = await this.request(new URL(form[1]!, last.url).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: fields.toString(),
      });
      hops.push(posted);
      const location = posted.response.headers.get('location');
      if (!location) break;
      hops.push(...(await this.follow(new URL(location, posted.url).href, 10, stopAt)));
    }
    return hops;
  }
}

/** The URL the last hop redirects to, resolved. */
export function locationOf(hop: Hop): string | null {
  const location = hop.response.headers.get('location');
  return location ? new URL(location, hop.url).href : null;
}
