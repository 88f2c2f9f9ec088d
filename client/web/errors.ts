/** The one error type of the web layer: an HTTP status, a Vietnamese message for the page, an English one for logs. */
export class WebError extends Error {
  constructor(
    readonly status: number,
    readonly vi: string,
    readonly en: string = vi,
  ) {
    super(en);
    this.name = 'WebError';
  }
}

export const notFound = (what = 'Trang') => new WebError(404, `${what} không tồn tại.`, 'not found');
export const forbidden = (vi = 'Bạn không có quyền xem trang này.', en = 'forbidden') => new WebError(403, vi, en);
export const badRequest = (vi: string, en = 'bad request') => new WebError(400, vi, en);
