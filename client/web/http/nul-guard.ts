/**
 * Refuses a request that carries a NUL character (U+0000) anywhere in its address, query or body. No browser
 * form types one, and the SQL store cannot hold one: PostgreSQL refuses it in text, so a NUL reaching a directory
 * lookup (a person's id, a unit in the address) failed the page with a 500. Refused here once, for every route.
 */
import type { FastifyRequest } from 'fastify';
import { badRequest } from '../errors.js';

function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 4 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

export async function refuseNulCharacters(request: FastifyRequest): Promise<void> {
  if (hasNul(request.params) || hasNul(request.query) || hasNul(request.body))
    throw badRequest(
      'Nội dung gửi lên có ký tự không hợp lệ (ký tự rỗng). Vui lòng nhập lại.',
      'NUL character in request',
    );
}
