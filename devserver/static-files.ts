/**
 * The one static-file handler of the two development servers: `npm start` (preview/server.ts, http on
 * 127.0.0.1) and `npm run serve:excel` (scripts/serve-excel.ts, https on localhost:3000). Node's own
 * modules only.
 *
 *  - GET and HEAD only: any other method gets 405 with `Allow: GET, HEAD`.
 *  - The path is percent-decoded once; a malformed escape ("/%E0%A4%A") or a NUL byte gets 400; a path
 *    that would leave the served folder ("/../x", "/%2e%2e/x") gets 404, like a missing file.
 *  - The file is opened ONCE (no exists/stat/open race): what is checked (a regular file) is what is
 *    sent, from the same descriptor. A file deleted before it is opened is a 404; every other failure
 *    (EMFILE "too many open files", EACCES, EIO, a read error mid-way) is a 500 when nothing was sent yet,
 *    or a cut connection when it was. The handler never throws: the server stays up.
 *  - Every answer, errors included, carries the site's Content-Security-Policy, `X-Content-Type-Options:
 *    nosniff` and `Cache-Control: no-store` (these are development servers: always the latest build).
 */
import * as nodeFs from 'fs';
import type { IncomingMessage, ServerResponse } from 'http';
import * as path from 'path';
import type { Readable } from 'stream';

/** The file-system calls the handler makes (tests pass failing ones). */
export interface StaticFs {
  open(file: string, flags: 'r', callback: (err: NodeJS.ErrnoException | null, fd: number) => void): void;
  fstat(fd: number, callback: (err: NodeJS.ErrnoException | null, stats: nodeFs.Stats) => void): void;
  close(fd: number, callback: (err: NodeJS.ErrnoException | null) => void): void;
  createReadStream(file: string | null, options: { fd: number; autoClose: boolean }): Readable;
}

export interface StaticSite {
  /** The folder served (absolute); nothing outside it is ever read. */
  root: string;
  /** The file answered for "/". */
  index: string;
  /** The Content-Security-Policy header sent with every answer (the same policy as the pages' own meta tag). */
  csp: string;
  /** Content types by extension (lower case, with the dot). */
  types: Record<string, string>;
  /** More headers sent with every answer (the preview's X-Frame-Options). */
  headers?: Record<string, string>;
  /** File-system calls (default: node's fs). */
  fs?: StaticFs;
  /** Where failures are reported (default: console.error). */
  log?: (message: string) => void;
}

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** A request path → the file it names under `root`, or why not: 400 for a bad escape, 404 for outside the folder. */
export function resolveRequestPath(
  url: string,
  root: string,
  index: string,
): { file: string } | { status: 400 | 404; reason: string } {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return { status: 400, reason: 'Bad request: the path has a malformed %-escape.' };
  }
  if (pathname.includes('\0')) return { status: 400, reason: 'Bad request: the path contains a NUL character.' };
  const file = path.resolve(root, `.${pathname === '/' ? `/${index}` : pathname}`);
  if (!file.startsWith(root + path.sep)) return { status: 404, reason: 'Not found' };
  return { file };
}

/** A request handler serving `site.root`. */
export function staticFiles(site: StaticSite): RequestHandler {
  const fs = site.fs ?? (nodeFs as unknown as StaticFs);
  const log = site.log ?? ((m: string) => console.error(m));
  const common = {
    'Content-Security-Policy': site.csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...site.headers,
  };
  const plain = (res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    for (const name of res.getHeaderNames()) res.removeHeader(name); // a file's type and length set before a failed read
    const body = `${text}\n`;
    const length = String(Buffer.byteLength(body));
    res.writeHead(status, {
      ...common,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': length,
      ...extra,
    });
    res.end(body);
  };
  return (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        plain(res, 405, `Method ${req.method} not allowed: this server only reads files.`, { Allow: 'GET, HEAD' });
        return;
      }
      const target = resolveRequestPath(req.url ?? '/', site.root, site.index);
      if ('status' in target) {
        plain(res, target.status, target.reason);
        return;
      }
      sendFile(target.file, req, res, { fs, log, common, plain, types: site.types });
    } catch (e) {
      log(`static files: ${req.method} ${req.url}: ${e instanceof Error ? e.message : String(e)}`);
      plain(res, 500, 'Internal server error');
    }
  };
}

interface SendContext {
  fs: StaticFs;
  log: (message: string) => void;
  common: Record<string, string>;
  plain: (res: ServerResponse, status: number, text: string, extra?: Record<string, string>) => void;
  types: Record<string, string>;
}

/** Not-there errors (404); anything else reading a file is the server's problem (500). */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']);

function failed(c: SendContext, req: IncomingMessage, res: ServerResponse, e: NodeJS.ErrnoException): void {
  if (e.code && MISSING.has(e.code)) {
    c.plain(res, 404, 'Not found');
    return;
  }
  c.log(`static files: ${req.method} ${req.url}: ${e.code ?? ''} ${e.message}`);
  c.plain(res, 500, `Could not read the file${e.code ? ` (${e.code})` : ''}.`);
}

/** Opens once, checks it is a regular file, streams it from the same descriptor; closes it on every path. */
function sendFile(file: string, req: IncomingMessage, res: ServerResponse, c: SendContext): void {
  c.fs.open(file, 'r', (openErr, fd) => {
    if (openErr) return failed(c, req, res, openErr);
    const close = (): void => c.fs.close(fd, () => undefined);
    c.fs.fstat(fd, (statErr, stats) => {
      if (statErr) {
        close();
        return failed(c, req, res, statErr);
      }
      if (!stats.isFile()) {
        close();
        c.plain(res, 404, 'Not found');
        return;
      }
      const headers = {
        ...c.common,
        'Content-Type': c.types[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': String(stats.size),
      };
      if (req.method === 'HEAD') {
        close();
        res.writeHead(200, headers).end();
        return;
      }
      stream(c, req, res, fd, headers);
    });
  });
}

function stream(c: SendContext, req: IncomingMessage, res: ServerResponse, fd: number, headers: object): void {
  let body: Readable;
  try {
    body = c.fs.createReadStream(null, { fd, autoClose: true });
  } catch (e) {
    c.fs.close(fd, () => undefined);
    failed(c, req, res, e as NodeJS.ErrnoException);
    return;
  }
  // Headers go out with the first chunk: a read that fails before it still gets a clean 500.
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v as string);
  res.statusCode = 200;
  body.on('error', (e: NodeJS.ErrnoException) => {
    body.destroy();
    failed(c, req, res, e);
  });
  res.on('close', () => body.destroy()); // the client went away: stop reading, release the descriptor
  body.pipe(res);
}
