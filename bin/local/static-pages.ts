// The web pages (web/, built by Vite into dist/web) served next to the API by `npm start`:
// GET/HEAD `/`, `/employer`, `/coordinator`, `/phone`, `/escort` and `/assets/*`. Everything else is left to the
// API (false). HTML is revalidated on every load; assets carry a content hash in their names, so they
// are cached for a year. Without a build, the page routes say how to make one. Every answer carries the
// security headers CloudFront sends deployed (web/security-headers.ts).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageSecurityHeaders, type PagePolicyOptions } from '../../web/security-headers.js';

const ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

/** Page route → its HTML file under dist/web (Vite's multi-page output). */
const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/employer': 'employer/index.html',
  '/coordinator': 'coordinator/index.html',
  '/phone': 'phone/index.html',
  '/escort': 'escort/index.html',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>网页尚未构建 · Pages not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40em; margin: 3em auto; padding: 0 1em; line-height: 1.6">
<h1>网页尚未构建</h1>
<p>请先运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建），然后刷新本页。API 不受影响。</p>
<p lang="en">The web pages have not been built yet: run <code>npm run build:web</code> (<code>npm start</code> does it for you), then reload. The API works meanwhile.</p>
</body></html>`;

/** Serves the request if it is a page or an asset; false hands it to the API. */
export async function servePage(req: IncomingMessage, res: ServerResponse, policy: PagePolicyOptions = {}): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = pathOf(req.url);
  if (pathname === undefined) return false;
  const security = pageSecurityHeaders(policy);

  const page = PAGES[pathname] ?? PAGES[pathname.replace(/\/+$/, '')];
  if (page) {
    const file = join(ROOT, page);
    if (!(await isFile(file))) {
      send(res, req, 503, security, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' }, NOT_BUILT);
      return true;
    }
    await sendFile(req, res, file, 'no-cache', security);
    return true;
  }

  if (pathname.startsWith('/assets/')) {
    const file = normalize(join(ROOT, pathname));
    // No way out of dist/web (`..`, encoded or not, is normalised away before this check).
    if (!file.startsWith(join(ROOT, 'assets') + sep) || !(await isFile(file))) {
      send(res, req, 404, security, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, 'Not found');
      return true;
    }
    await sendFile(req, res, file, 'public, max-age=31536000, immutable', security);
    return true;
  }
  return false;
}

function pathOf(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, cacheControl: string, security: Record<string, string>): Promise<void> {
  const info = await stat(file);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = {
    'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    etag,
    'last-modified': info.mtime.toUTCString(),
  };
  if (req.headers['if-none-match'] === etag) {
    send(res, req, 304, security, headers);
    return;
  }
  res.writeHead(200, { ...security, ...headers, 'content-length': String(info.size) });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

function send(res: ServerResponse, req: IncomingMessage, status: number, security: Record<string, string>, headers: Record<string, string>, body = ''): void {
  res.writeHead(status, { ...security, ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
