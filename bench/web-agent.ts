/**
 * A signed-in user of the web server over real HTTP (loopback): keeps cookies like a browser, signs in
 * through the form with its CSRF token, and reads what the bench needs from a list page (rows, next page).
 */
import { DEMO_PASSWORD } from '../store/credentials.js';

export class WebAgent {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async get(path: string): Promise<{ status: number; body: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { cookie: this.cookieHeader() },
      redirect: 'manual',
    });
    this.keep(response);
    return { status: response.status, body: await response.text() };
  }

  static async signIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<WebAgent> {
    const agent = new WebAgent(baseUrl);
    const form = await agent.get('/dang-nhap');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1];
    if (!csrf) throw new Error('the sign-in page has no CSRF token');
    const response = await fetch(`${baseUrl}/dang-nhap`, {
      method: 'POST',
      headers: { cookie: agent.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, username, password, next: '/' }).toString(),
      redirect: 'manual',
    });
    agent.keep(response);
    await response.arrayBuffer();
    if (response.status !== 303 || !agent.cookies.has('tdkt_sid')) {
      throw new Error(`sign-in of ${username} failed: HTTP ${response.status}`);
    }
    return agent;
  }
}

/** Case rows of a list page (the shared case table links every row to its case; cells carry a data-label). */
export function caseRows(html: string): number {
  return html.match(/<td[^>]*><a href="\/ho-so\//g)?.length ?? 0;
}

/** The case id of a list page's first row (links are /ho-so/<encoded id>), or null on an empty page. */
export function firstCaseId(html: string): string | null {
  const encoded = /<td[^>]*><a href="\/ho-so\/([^"]+)"/.exec(html)?.[1];
  return encoded ? decodeURIComponent(unescapeHtml(encoded)) : null;
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The "next page" link of a list page, unescaped, or null on the last page. */
export function nextPageLink(html: string): string | null {
  const href = /<a rel="next" href="([^"]+)"/.exec(html)?.[1];
  return href ? unescapeHtml(href) : null;
}
