/** The web layer's one error mapping: every refusal and failure becomes an error page in Vietnamese. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WebError } from '../errors.js';
import { renderPage } from '../render.js';

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const e = error as { statusCode?: number; code?: string; message?: string };
  let status = 500;
  let vi = 'Đã có lỗi trong hệ thống. Vui lòng thử lại sau.';
  if (error instanceof WebError) {
    status = error.status;
    vi = error.vi;
    request.log.warn({ status, en: error.en }, 'request refused');
  } else if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET') {
    status = 403;
    vi = 'Biểu mẫu đã hết hạn hoặc không hợp lệ (thiếu mã chống giả mạo). Vui lòng tải lại trang và thử lại.';
    request.log.warn({ code: e.code }, 'csrf check failed');
  } else if (e.statusCode === 429) {
    status = 429;
    vi = 'Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi một phút rồi thử lại.';
  } else if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    status = e.statusCode;
    vi = 'Yêu cầu không hợp lệ.';
  } else {
    request.log.error(error);
  }
  return renderPage(request, reply, 'error', { title: 'Không thực hiện được', message: vi, status }, status);
}

export function notFoundPage(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return renderPage(
    request,
    reply,
    'error',
    { title: 'Không tìm thấy', message: 'Trang không tồn tại.', status: 404 },
    404,
  );
}
