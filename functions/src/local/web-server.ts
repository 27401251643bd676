/** Serves the h5 build and tells it where the API is (injected into index.html). */
import http from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export function createWebServer(root: string, apiBase: string) {
  const indexFile = path.join(root, 'index.html');
  const index = () =>
    readFileSync(indexFile, 'utf8').replace(
      '<head>',
      `<head><script>window.__GRIDLINK_API_BASE__=${JSON.stringify(apiBase)}</script>`,
    );
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (url.pathname !== '/' && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
      });
      createReadStream(file).pipe(res);
      return;
    }
    if (!existsSync(indexFile))
      return void res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('h5 尚未构建：npm run build:web');
    res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' }).end(index());
  });
}
