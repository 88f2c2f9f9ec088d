/**
 * Sessions: a random token in an HttpOnly, SameSite=Lax cookie; only its SHA-256 is stored (web_sessions), with a
 * sliding expiry. `readSession` runs for every request (public pages show who is signed in too); `requireSignIn`
 * is the hook of the protected scope only, so a page is public by being registered outside that scope, not by a
 * list of paths.
 */
import type { onRequestAsyncHookHandler } from 'fastify';
import type { SqlDatabase } from '../../../store/sql.js';
import { loadAccount, touchSession } from '../../../store/credentials.js';
import { WebError } from '../errors.js';

export const SESSION_COOKIE = 'tdkt_sid';

/** Puts the session's account (if the cookie names a live session) on the request, and slides its expiry. */
export function readSession(db: SqlDatabase, ttlSeconds: number): onRequestAsyncHookHandler {
  return async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const session = await touchSession(db, token, ttlSeconds);
    if (session) {
      request.account = await loadAccount(db, session.userId);
      request.sessionToken = token;
    }
  };
}

/** Anonymous page views go to the sign-in page (and come back after it); anything else is a 401. */
export const requireSignIn: onRequestAsyncHookHandler = async (request, reply) => {
  if (request.account) return;
  if (request.method === 'GET' || request.method === 'HEAD') {
    const pathname = request.url.split('?')[0] ?? '/';
    return reply.redirect(`/dang-nhap${pathname === '/' ? '' : `?next=${encodeURIComponent(request.url)}`}`, 303);
  }
  throw new WebError(401, 'Bạn cần đăng nhập.', 'not signed in');
};
