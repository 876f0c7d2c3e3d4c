/**
 * A browser's part of a single sign-on, without a browser: a cookie jar per host (cookies are
 * not kept apart by port, as in a browser) and redirects followed one by one, so that a test can
 * stop at the callback, replay it, or change it.
 */

export class CookieJar {
  readonly #byHost = new Map<string, Map<string, string>>();

  header(url: string): string {
    const jar = this.#byHost.get(new URL(url).hostname);
    return jar ? [...jar].map(([k, v]) => `${k}=${v}`).join('; ') : '';
  }

  take(url: string, res: Response): void {
    const host = new URL(url).hostname;
    const jar = this.#byHost.get(host) ?? new Map<string, string>();
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /max-age=0\b/i.test(a.trim())) || value === '';
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
    this.#byHost.set(host, jar);
  }
}

export interface Step {
  url: string;
  status: number;
  location: string | null;
  body: string;
}

export class SsoBrowser {
  readonly jar = new CookieJar();

  async request(
    url: string,
    init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  ): Promise<Step> {
    const cookie = this.jar.header(url);
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      body: init.body,
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...init.headers },
    });
    this.jar.take(url, res);
    const location = res.headers.get('location');
    return {
      url,
      status: res.status,
      location: location ? new URL(location, url).toString() : null,
      body: await res.text(),
    };
  }

  /** Follows redirects from `url` until a page answers, or until `stopAt` matches a URL about to be visited. */
  async follow(url: string, stopAt?: (next: string) => boolean): Promise<Step> {
    let step = await this.request(url);
    for (let hops = 0; step.location && hops < 20; hops++) {
      if (stopAt?.(step.location)) return step;
      step = await this.request(step.location);
    }
    return step;
  }

  /** Asks Jalon to start a single sign-on for this address; answers the identity provider's URL. */
  async startSso(
    jalon: string,
    email: string,
    paths = { callback: '/', error: '/sign-in' },
  ): Promise<string> {
    const step = await this.request(`${jalon}/api/auth/sign-in/sso`, {
      method: 'POST',
      headers: { origin: jalon, 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        callbackURL: `${jalon}${paths.callback}`,
        errorCallbackURL: `${jalon}${paths.error}`,
      }),
    });
    if (step.status !== 200) throw new Error(`sign-in/sso answered ${step.status}: ${step.body}`);
    return (JSON.parse(step.body) as { url: string }).url;
  }

  /**
   * From the identity provider's URL through its sign-in form as `email`, up to (not into)
   * Jalon's callback: answers the callback URL.
   */
  async signInAtIdp(idpUrl: string, email: string, isCallback: (url: string) => boolean): Promise<string> {
    const page = await this.follow(idpUrl, isCallback);
    if (page.location && isCallback(page.location)) return page.location;
    const action = /action="([^"]+)"/.exec(page.body)?.[1];
    if (!action) throw new Error(`no sign-in form at ${page.url}: ${page.status} ${page.body.slice(0, 200)}`);
    const submitted = await this.request(new URL(action.replaceAll('&#38;', '&'), page.url).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ login: email }).toString(),
    });
    if (!submitted.location)
      throw new Error(`the sign-in form answered ${submitted.status}: ${submitted.body}`);
    if (isCallback(submitted.location)) return submitted.location;
    const last = await this.follow(submitted.location, isCallback);
    if (!last.location || !isCallback(last.location))
      throw new Error(`the provider did not return to Jalon: ${last.status} ${last.body.slice(0, 300)}`);
    return last.location;
  }
}
