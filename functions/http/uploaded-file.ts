// A file uploaded as the request body, as bytes. The HTTP API hands a Lambda binary bodies (any type but
// text/*, JSON, XML, JavaScript) base64 with isBase64Encoded, and text bodies already decoded as UTF-8;
// the local runner does the same. A GBK file sent as text/csv has lost its Chinese by then, so the pages
// upload files as application/octet-stream, and a text body that was not UTF-8 is refused with the fix.
import { ValidationError } from '#domain/errors.js';
import type { HttpEvent } from './middleware.js';

export function uploadedFile(event: HttpEvent): Buffer {
  const raw = typeof event.body === 'string' ? event.body : '';
  if (raw === '') throw new ValidationError('请上传文件', [{ path: '(body)', message: '请求体为空' }]);
  if (event.isBase64Encoded) return Buffer.from(raw, 'base64');
  // U+FFFD: bytes that were not UTF-8, replaced when the body was read as text.
  if (raw.includes('\uFFFD')) {
    throw new ValidationError('文件不是 UTF-8 编码，按文本上传时已损坏', [
      { path: '(body)', message: '请按原文件上传（content-type: application/octet-stream），GBK 编码的 CSV 和 .xlsx 都可以' },
    ]);
  }
  return Buffer.from(raw, 'utf8');
}
