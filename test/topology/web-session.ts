/**
 * A person at the web process over real HTTP (not fastify.inject): keeps the session cookie, signs in through the
 * form with its CSRF token, and reads pages, so the topology test sees the web process as a browser does.
 */
export class WebSession {
  private cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  private keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const i = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }

  private headers(): Record<string, string> {
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  async get(pathname: string): Promise<{ status: number; body: string }> {
    const response = await fetch(`${this.baseUrl}${pathname}`, { headers: this.headers(), redirect: 'manual' });
    this.keep(response);
    return { status: response.status, body: await response.text() };
  }

  async signIn(username: string, password: string): Promise<void> {
    const form = await this.get('/dang-nhap');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    const response = await fetch(`${this.baseUrl}/dang-nhap`, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, username, password, next: '/' }).toString(),
      redirect: 'manual',
    });
    this.keep(response);
    await response.body?.cancel();
    if (response.status !== 303) throw new Error(`sign-in of ${username} answered ${response.status}`);
  }
}
