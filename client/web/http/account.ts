/** Who is asking: the signed-in account the session hook put on the request, and the role checks pages make. */
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../domain/org.js';
import type { Account } from '../../../store/credentials.js';
import { WebError } from '../errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    account: Account | null;
    sessionToken: string | null;
  }
}

/** Requires a signed-in account (the protected scope's hook already redirected anonymous GETs). */
export function accountOf(request: FastifyRequest): Account {
  if (!request.account) throw new WebError(401, 'Bạn cần đăng nhập.', 'not signed in');
  return request.account;
}

export function requireRole(request: FastifyRequest, roles: readonly string[]): Account {
  const account = accountOf(request);
  if (!account.user.roles.some((r) => roles.includes(r))) {
    throw new WebError(
      403,
      'Bạn không có quyền xem trang này.',
      `roles ${account.user.roles.join(',')} not in ${roles.join(',')}`,
    );
  }
  return account;
}

export const has = (account: Account, ...roles: Role[]) => account.user.roles.some((r) => roles.includes(r));
