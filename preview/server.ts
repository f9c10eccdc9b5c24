/**
 * `npm start`: builds the preview page (webpack, preview/webpack.config.js) and serves it on
 * 127.0.0.1 at a free port, printing the address. Dependency-free static server (node:http and
 * devserver/static-files.ts), bound to the loopback interface only, serving dist/preview/ and nothing else.
 *
 *   npm start                 build, serve on a free port
 *   npm start -- --port 8080  a fixed port
 *   npm start -- --no-build   serve the last build
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import { staticFiles, type StaticSite } from '../devserver/static-files';
import { misdirected } from './server-messages';

const ROOT = path.resolve(__dirname, '..');
export const DIST = path.join(ROOT, 'dist', 'preview');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Runs the preview's webpack build in this process, into dist/preview or another folder. */
export function build(outDir = DIST): Promise<number> {
  const started = Date.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configs = require(path.join(ROOT, 'preview', 'webpack.config.js'))({});
  configs[0].output.path = outDir;
  return new Promise((resolve, reject) => {
    webpack(configs, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ colors: false, all: false, errors: true })));
      resolve(Date.now() - started);
    });
  });
}

/** The page's own policy (preview/page/index.html meta tag), also sent as a header with every file. */
export const PREVIEW_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * The policy sent as a header: the page's own, plus `frame-ancestors 'none'` (no other site may frame the preview;
 * CSP ignores frame-ancestors in a meta tag, so only the header can say it), with `X-Frame-Options: DENY` for
 * browsers that predate it.
 */
export const PREVIEW_HEADER_CSP = `${PREVIEW_CSP}; frame-ancestors 'none'`;

/** What `npm start` serves, with devserver/static-files.ts. */
export function previewSite(dir = DIST): StaticSite {
  return {
    root: dir,
    index: 'index.html',
    csp: PREVIEW_HEADER_CSP,
    types: TYPES,
    headers: { 'X-Frame-Options': 'DENY' },
  };
}

/** The names the preview answers to: the loopback addresses, with the port it listens on. */
export function loopbackHost(host: string | undefined, port: number): boolean {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  const h = (host ?? '').toLowerCase();
  return names.some((n) => h === `${n}:${port}` || (port === 80 && h === n));
}

/**
 * Answers only requests addressed to a loopback name (the Host header): a page elsewhere that points its own name
 * at 127.0.0.1 (DNS rebinding) gets 421 and never the preview's files.
 */
export function loopbackOnly(handler: http.RequestListener, port: () => number): http.RequestListener {
  return (req, res) => {
    if (loopbackHost(req.headers.host, port())) return handler(req, res);
    const body = `${misdirected(req.headers.host)}\n`;
    res.writeHead(421, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      'Content-Security-Policy': PREVIEW_HEADER_CSP,
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
}

/** Serves dist/preview on 127.0.0.1; resolves with the server and its URL. */
export function serve(port = 0, dir = DIST): Promise<{ server: http.Server; url: string }> {
  let listening = port;
  const server = http.createServer(loopbackOnly(staticFiles(previewSite(dir)), () => listening));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      listening = (server.address() as AddressInfo).port;
      resolve({ server, url: `http://127.0.0.1:${listening}/` });
    });
  });
}

async function main(argv: string[]): Promise<void> {
  const portAt = argv.indexOf('--port');
  const port = portAt >= 0 ? Number(argv[portAt + 1]) : Number(process.env.PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a port number (got ${argv[portAt + 1]})`);
  if (!argv.includes('--no-build')) {
    process.stdout.write('Building the preview…\n');
    const ms = await build();
    process.stdout.write(`Built dist/preview in ${(ms / 1000).toFixed(1)} s.\n`);
  } else if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error('dist/preview is missing: run without --no-build');
  }
  const { url } = await serve(port);
  process.stdout.write(`\nTech Strategy Toolkit preview: ${url}\n(open it in your browser; Ctrl+C stops the server)\n`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    process.stderr.write(`Error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
