// An .xlsx answer: the HTTP API carries binary as base64 with isBase64Encoded (the local runner decodes
// it the same way), and the file name in Chinese as RFC 5987's filename*, an ASCII one beside it for
// old clients.
import type { HttpResult } from './middleware.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function xlsxResponse(file: Buffer, name: { chinese: string; ascii: string }): HttpResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.chinese)}`,
      'cache-control': 'no-store',
    },
    body: file.toString('base64'),
    isBase64Encoded: true,
  };
}
