import type { TestApp } from './app';

/**
 * A browser without JavaScript, for the portal: keeps its cookies, reads the CSRF token from the last
 * page it loaded, posts forms as `application/x-www-form-urlencoded` and does not follow redirects
 * (tests look at them).
 */
export const portalClient = (app: TestApp) => {
  const cookies = new Map<string, string>();
  let lastPage = '';
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const keepCookies = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name);
      else cookies.set(name, value);
    }
  };
  const request = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${app.baseUrl}${path}`, {
      redirect: 'manual',
      ...init,
      headers: { cookie: cookieHeader(), 'accept-language': 'en', ...(init.headers as Record<string, string>) },
    });
    keepCookies(response);
    const body = await response.text();
    if ((response.headers.get('content-type') ?? '').startsWith('text/html')) lastPage = body;
    return { status: response.status, headers: response.headers, body, location: response.headers.get('location') };
  };
  return {
    cookies,
    get: (path: string, headers: Record<string, string> = {}) => request(path, { headers }),
    /** Posts a form with the CSRF token of the last page loaded unless the fields bring their own. */
    post: (path: string, fields: Record<string, string | string[]>) => {
      const csrf = /name="csrf" value="([^"]+)"/.exec(lastPage)?.[1] ?? '';
      const form = new URLSearchParams();
      for (const [name, value] of Object.entries({ csrf, ...fields })) {
        for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
      }
      return request(path, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    },
  };
};

/** A portal client already signed in as the person, through the sign-in form. */
export const signedInPortalClient = async (app: TestApp, person: { email: string; password: string }) => {
  const browser = portalClient(app);
  await browser.get('/en/sign-in');
  const answer = await browser.post('/en/sign-in', { identifier: person.email, password: person.password, returnTo: '/' });
  if (answer.status !== 303) throw new Error(`Signing in as ${person.email} answered ${answer.status}`);
  return browser;
};
