// The web pages (web/, DESIGN §5): five HTML entry points (the fifth, /escort, is the bus escort's roll call) built by Vite into dist/web, which `npm start`
// serves next to the API (bin/local/static-pages.ts) and a deployment puts behind CloudFront.
//
// `npx vite` also runs a dev server on the pages with hot reload; it forwards the API routes to the local
// system (`npm start`, port 3000 unless API_PORT says otherwise).
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const web = resolve(import.meta.dirname, 'web');
const API_ROUTES = ['/labourers', '/vacancies', '/posts', '/matching', '/offers', '/stats', '/messages', '/phone-changes', '/audit', '/jobs', '/trips', '/counties', '/reports', '/broadcasts', '/sim', '/health', '/auth'];
const api = `http://localhost:${process.env.API_PORT ?? '3000'}`;

export default defineConfig({
  root: web,
  plugins: [pageRoutes()],
  base: '/',
  publicDir: false,
  // Keep Vite's cache out of web/ (and out of the way of concurrent builds).
  cacheDir: resolve(import.meta.dirname, 'node_modules/.vite-web'),
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // ECharts (loaded by the coordinator page after its figures) is one ~520 kB chunk, 176 kB gzipped.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      input: {
        index: resolve(web, 'index.html'),
        employer: resolve(web, 'employer/index.html'),
        coordinator: resolve(web, 'coordinator/index.html'),
        phone: resolve(web, 'phone/index.html'),
        escort: resolve(web, 'escort/index.html'),
      },
    },
  },
  server: {
    proxy: Object.fromEntries(API_ROUTES.map((route) => [route, api])),
  },
});

/** The dev server answers `/employer` as `npm start` does (Vite alone would fall back to `/`'s page). */
function pageRoutes(): Plugin {
  const pages = new Set(['/employer', '/coordinator', '/phone', '/escort']);
  return {
    name: 'chunfeng-page-routes',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [path = '', query] = (req.url ?? '').split('?');
        if (pages.has(path)) req.url = `${path}/${query === undefined ? '' : `?${query}`}`;
        next();
      });
    },
  };
}
