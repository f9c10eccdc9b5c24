/**
 * devserver/static-files.ts, the one static-file handler of `npm start` (preview/server.ts) and
 * `npm run serve:excel` (scripts/serve-excel.ts), run with each server's own site settings over real
 * HTTP on 127.0.0.1. Reads are made to fail the ways they fail in real life — the file deleted between a
 * directory listing and the read (a rebuild), "too many open files" (EMFILE, under the macOS default
 * `ulimit -n` 256), an I/O error before and after the first byte, a client that goes away — and every time
 * the server answers (404, 500 or a cut connection) and then serves the next request normally.
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { Readable } from 'stream';
import { staticFiles, type StaticFs, type StaticSite } from '../../devserver/static-files';
import { PREVIEW_CSP, PREVIEW_HEADER_CSP, previewSite, serve } from '../../preview/server';
import { excelSite, TASKPANE_CSP } from '../../scripts/serve-excel';

const REPO = path.resolve(__dirname, '../..');

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, method: string, urlPath: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A GET whose connection may be cut: resolves with what arrived and whether the response completed. */
function fetchRaw(port: number, urlPath: string): Promise<{ status?: number; complete: boolean }> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => resolve({ status: res.statusCode, complete: res.complete }));
      res.on('error', () => resolve({ status: res.statusCode, complete: false }));
      res.on('aborted', () => resolve({ status: res.statusCode, complete: false }));
    });
    req.on('error', () => resolve({ complete: false }));
  });
}

function errno(code: string, message: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: ${message}`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

/** node's fs, with the next call of one method replaced by `fault` (once). */
class FaultyFs implements StaticFs {
  private faults = new Map<keyof StaticFs, (...args: never[]) => unknown>();
  inject<K extends keyof StaticFs>(method: K, fault: StaticFs[K]): void {
    this.faults.set(method, fault as (...args: never[]) => unknown);
  }
  private take<K extends keyof StaticFs>(method: K): StaticFs[K] | undefined {
    const f = this.faults.get(method);
    this.faults.delete(method);
    return f as StaticFs[K] | undefined;
  }
  open: StaticFs['open'] = (file, flags, cb) => (this.take('open') ?? fs.open)(file, flags, cb);
  fstat: StaticFs['fstat'] = (fd, cb) => (this.take('fstat') ?? fs.fstat)(fd, cb);
  close: StaticFs['close'] = (fd, cb) => (this.take('close') ?? fs.close)(fd, cb);
  createReadStream: StaticFs['createReadStream'] = (file, options) =>
    (this.take('createReadStream') ?? (fs.createReadStream as unknown as StaticFs['createReadStream']))(file, options);
}

const openFds = (): number => (fs.existsSync('/proc/self/fd') ? fs.readdirSync('/proc/self/fd').length : 0);

describe.each([
  ['npm start (preview)', previewSite, PREVIEW_HEADER_CSP],
  ['npm run serve:excel', excelSite, TASKPANE_CSP],
] as const)('%s', (_name, site, csp) => {
  let dir: string;
  let root: string;
  let server: http.Server;
  let port: number;
  let faulty: FaultyFs;
  let logged: string[];
  let settings: StaticSite;
  const big = 'x'.repeat(4 * 1024 * 1024);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-static-'));
    root = path.join(dir, 'site');
    fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the served folder');
    settings = site(root);
    fs.writeFileSync(path.join(root, settings.index), '<!doctype html><title>index</title>');
    fs.writeFileSync(path.join(root, 'app.js'), 'console.log(1);');
    fs.writeFileSync(path.join(root, 'big.js'), big);
    faulty = new FaultyFs();
    logged = [];
    server = http.createServer(staticFiles({ ...settings, fs: faulty, log: (m) => logged.push(m) }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The server is still up and serving: the index page, whole. */
  async function stillServes(): Promise<void> {
    const r = await request(port, 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.body).toContain('<title>index</title>');
  }

  test('GET and HEAD: the file with its type, length, the site CSP, nosniff and no-store', async () => {
    const r = await request(port, 'GET', '/app.js');
    expect(r).toMatchObject({ status: 200, body: 'console.log(1);' });
    expect(r.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'content-length': '15',
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    });
    const h = await request(port, 'HEAD', '/app.js');
    expect(h).toMatchObject({ status: 200, body: '' });
    expect(h.headers['content-length']).toBe('15');
    expect(h.headers['content-security-policy']).toBe(csp);
    await stillServes();
    expect((await request(port, 'GET', '/big.js')).body).toBe(big);
  });

  test.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    '%s: 405 with Allow: GET, HEAD (and the headers)',
    async (m) => {
      const r = await request(port, m, '/app.js');
      expect(r.status).toBe(405);
      expect(r.headers.allow).toBe('GET, HEAD');
      expect(r.headers['content-security-policy']).toBe(csp);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  test('a malformed escape is 400; leaving the folder, a folder or a missing file is 404', async () => {
    for (const bad of ['/%E0%A4%A', '/%', '/a%00b'])
      expect([bad, (await request(port, 'GET', bad)).status]).toEqual([bad, 400]);
    for (const p of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/sub%2f..%2f..%2fsecret.txt',
      '/sub',
      '/sub/',
      '/nope.js',
    ]) {
      const r = await request(port, 'GET', p);
      expect([p, r.status]).toEqual([p, 404]);
      expect(r.body).not.toContain('outside the served folder');
      expect(r.headers['content-security-policy']).toBe(csp);
    }
    await stillServes();
  });

  test('a file deleted between the listing and the read (a rebuild): 404, and the server stays up', async () => {
    const file = path.join(root, 'gone.js');
    fs.writeFileSync(file, 'soon gone');
    expect(fs.readdirSync(root)).toContain('gone.js'); // the listing
    faulty.inject('open', (f, flags, cb) => {
      fs.unlinkSync(file); // … deleted before the read
      fs.open(f, flags, cb);
    });
    expect((await request(port, 'GET', '/gone.js')).status).toBe(404);
    await stillServes();
  });

  test('a file deleted after it was opened is still sent whole (one descriptor from check to send)', async () => {
    const file = path.join(root, 'going.js');
    fs.writeFileSync(file, 'still here');
    faulty.inject('fstat', (fd, cb) => {
      fs.unlinkSync(file);
      fs.fstat(fd, cb);
    });
    expect(await request(port, 'GET', '/going.js')).toMatchObject({ status: 200, body: 'still here' });
  });

  test('too many open files (EMFILE): 500 saying so, logged, and the server stays up', async () => {
    faulty.inject('open', (_f, _flags, cb) => cb(errno('EMFILE', 'too many open files, open'), -1));
    const r = await request(port, 'GET', '/app.js');
    expect(r.status).toBe(500);
    expect(r.body).toBe('Could not read the file (EMFILE).\n');
    expect(r.headers['content-security-policy']).toBe(csp);
    expect(logged.some((m) => m.includes('EMFILE'))).toBe(true);
    await stillServes();
  });

  test('an I/O error before the first byte is a clean 500 (not a half-sent file); after it, a cut connection', async () => {
    faulty.inject('fstat', (_fd, cb) => cb(errno('EIO', 'i/o error, fstat'), undefined as unknown as fs.Stats));
    expect((await request(port, 'GET', '/app.js')).status).toBe(500);
    faulty.inject('createReadStream', (_file, options) => {
      fs.closeSync(options.fd);
      return new Readable({
        read() {
          this.destroy(errno('EIO', 'i/o error, read'));
        },
      });
    });
    const early = await request(port, 'GET', '/app.js');
    expect(early.status).toBe(500);
    expect(early.headers['content-length']).toBe(String(Buffer.byteLength(early.body)));
    faulty.inject('createReadStream', (_file, options) => {
      fs.closeSync(options.fd);
      let sent = false;
      return new Readable({
        read() {
          if (!sent) {
            sent = true;
            this.push('x'.repeat(1000));
          } else setImmediate(() => this.destroy(errno('EIO', 'i/o error, read')));
        },
      });
    });
    const late = await fetchRaw(port, '/big.js');
    expect(late).toMatchObject({ status: 200, complete: false });
    await stillServes();
  });

  test('clients that go away mid-download leave no open file behind', async () => {
    const before = openFds();
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve) => {
        const req = http.get({ host: '127.0.0.1', port, path: '/big.js' }, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', () => resolve());
      });
    }
    await stillServes();
    await new Promise((r) => setTimeout(r, 200));
    expect(openFds()).toBeLessThanOrEqual(before + 2);
  });
});

test('each server sends the same policy as its page’s own meta tag (they differ: office.js comes from Microsoft’s CDN)', () => {
  const meta = (file: string): string =>
    /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(fs.readFileSync(path.join(REPO, file), 'utf8'))![1];
  expect(PREVIEW_CSP).toBe(meta('preview/page/index.html'));
  expect(TASKPANE_CSP).toBe(meta('excel-addin/src/taskpane/taskpane.html'));
  expect(TASKPANE_CSP).toContain('https://appsforoffice.microsoft.com');
  expect(PREVIEW_CSP).not.toContain('https:');
});

test('npm start’s own server (preview/server.ts serve) uses the handler: 405 for POST, 400 for a bad escape', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-preview-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<title>p</title>');
  const { server, url } = await serve(0, dir);
  try {
    const port = Number(new URL(url).port);
    expect((await request(port, 'GET', '/')).headers['content-security-policy']).toBe(PREVIEW_HEADER_CSP);
    expect((await request(port, 'POST', '/')).status).toBe(405);
    expect((await request(port, 'GET', '/%E0%A4%A')).status).toBe(400);
  } finally {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** A GET with a chosen Host header (what a DNS-rebinding page's requests carry). */
function requestAs(port: number, host: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'GET', path: '/', headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('npm start answers only to its loopback names (Host header) and forbids framing', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-preview-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<title>p</title>');
  const { server, url } = await serve(0, dir);
  try {
    const port = Number(new URL(url).port);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const ok = await requestAs(port, host);
      expect([host, ok.status]).toEqual([host, 200]);
      expect(ok.headers['x-frame-options']).toBe('DENY');
      expect(ok.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    }
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      `localhost.evil.example:${port}`,
    ]) {
      const refused = await requestAs(port, host);
      expect([host, refused.status]).toEqual([host, 421]);
      expect(refused.body).toBe(
        `Misdirected request: this preview answers only at 127.0.0.1, localhost or [::1] with its port (the request named "${host}").\n`,
      );
      expect(refused.body).not.toContain('<title>');
      expect(refused.headers['x-frame-options']).toBe('DENY');
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
