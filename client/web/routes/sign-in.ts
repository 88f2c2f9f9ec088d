/**
 * Signing in and out. The sign-in page is public (registered outside the protected scope); signing out needs a
 * session, so it is registered inside it. Attempts are rate limited per address and account.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { checkCredentials, createSession, deleteSession } from '../../../store/credentials.js';
import { DEMO_LOGINS } from '../../../store/demo-data.js';
import type { RouteOptions } from '../http/deps.js';
import { parseForm, rawText } from '../http/form.js';
import { SESSION_COOKIE } from '../http/session.js';
import { renderPage } from '../render.js';

export interface SignInOptions extends RouteOptions {
  ttlSeconds: number;
  /** Sign-in attempts allowed per address and username in a window. */
  limit: { max: number; timeWindowMs: number };
  showDemoLogins: boolean;
  /** True while the living demo's year is being prepared (its inboxes fill in about a minute). */
  demoPreparing: () => boolean;
}

/** Only a path of this site: never `//host` or `/\host`, which browsers read as another site. */
function safeNext(next: string): string {
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

const nextQuery = parseForm(z.object({ next: rawText.transform(safeNext) }), 'sign-in query');
const signInForm = parseForm(
  z.object({
    username: rawText.transform((s) => s.slice(0, 100)),
    password: rawText.transform((s) => s.slice(0, 200)),
    next: rawText.transform(safeNext),
  }),
  'sign-in form',
);

const secureCookies = (options: RouteOptions) => options.deps.config.PUBLIC_URL.startsWith('https:');

export const signInRoutes: FastifyPluginAsync<SignInOptions> = async (app, options) => {
  const { db } = options.deps;
  const demoLogins = options.showDemoLogins ? DEMO_LOGINS : [];
  const secure = secureCookies(options);

  app.get('/dang-nhap', async (request, reply) => {
    const { next } = nextQuery(request.query);
    if (request.account) return reply.redirect(next, 303);
    return renderPage(request, reply, 'signin', {
      title: 'Đăng nhập',
      next,
      username: '',
      error: null,
      demoLogins,
      demoPreparing: demoLogins.length > 0 && options.demoPreparing(),
    });
  });

  app.post(
    '/dang-nhap',
    {
      config: {
        rateLimit: {
          max: options.limit.max,
          timeWindow: options.limit.timeWindowMs,
          hook: 'preHandler',
          // Per address and account: guessing one account's password is slowed; colleagues behind one NAT are not.
          keyGenerator: (request: FastifyRequest) =>
            `${request.ip}|${signInForm(request.body).username.trim().toLowerCase()}`,
        },
      },
    },
    async (request, reply) => {
      const { username, password, next } = signInForm(request.body);
      const user = username && password ? await checkCredentials(db, username, password) : null;
      if (!user) {
        request.log.warn({ username }, 'sign-in failed');
        return renderPage(
          request,
          reply,
          'signin',
          { title: 'Đăng nhập', next, username, error: 'Tên đăng nhập hoặc mật khẩu không đúng.', demoLogins },
          401,
        );
      }
      if (request.sessionToken) await deleteSession(db, request.sessionToken);
      const token = await createSession(db, user.id, options.ttlSeconds);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
      return reply.redirect(next, 303);
    },
  );
};

export const signOutRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  app.post('/dang-xuat', async (request, reply) => {
    if (request.sessionToken) await deleteSession(deps.db, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/dang-nhap', 303);
  });
};
