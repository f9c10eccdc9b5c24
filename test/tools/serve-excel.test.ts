/** The https dev server for sideloading: real TLS on loopback with a throwaway certificate, serving dist/excel-addin only. */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { resolveRequestPath } from '../../devserver/static-files';
import { TASKPANE_CSP } from '../../scripts/serve-excel';
import { testNeeding } from '../harness/tools';

const ROOT = path.resolve(__dirname, '../..');

test('paths never leave the served folder; a malformed escape is a bad request', () => {
  const root = '/srv/addin';
  const file = (url: string) => resolveRequestPath(url, root, 'taskpane.html');
  expect(file('/')).toEqual({ file: '/srv/addin/taskpane.html' });
  expect(file('/functions.json?v=1')).toEqual({ file: '/srv/addin/functions.json' });
  expect(file('/../secret')).toEqual({ file: '/srv/addin/secret' }); // URL parsing keeps it at the root
  expect(file('/%2e%2e/%2e%2e/etc/passwd')).toEqual({ file: '/srv/addin/etc/passwd' });
  expect(file('/a%2f..%2f..%2f..%2fetc%2fpasswd')).toMatchObject({ status: 404 });
  expect(file('/%E0%A4%A')).toMatchObject({ status: 400 });
  expect(file('/a%00b')).toMatchObject({ status: 400 });
});

testNeeding('openssl')('serves the built task pane and functions.json over https on the manifest port', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-cert-'));
  const cert = path.join(dir, 'c.crt');
  const key = path.join(dir, 'c.key');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
    ],
    { stdio: 'ignore' },
  );
  const port = 39000 + (process.pid % 1000);
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/serve-excel.ts')],
    {
      env: { ...process.env, PORT: String(port), TST_CERT: cert, TST_KEY: key },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('server did not start')), 15000);
      child.stdout!.on(
        'data',
        (d: Buffer) => d.toString().includes('https://localhost') && (clearTimeout(t), resolve()),
      );
      child.on('exit', (c) => reject(new Error(`server exited ${c}`)));
    });
    const get = (p: string): Promise<{ status: number; type: string; csp: string; body: string }> =>
      new Promise((resolve, reject) => {
        https
          .get({ host: 'localhost', port, path: p, ca: fs.readFileSync(cert) }, (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () =>
              resolve({
                status: res.statusCode!,
                type: String(res.headers['content-type']),
                csp: String(res.headers['content-security-policy']),
                body,
              }),
            );
          })
          .on('error', reject);
      });
    const pane = await get('/taskpane.html');
    expect(pane.status).toBe(200);
    expect(pane.type).toMatch(/text\/html/);
    expect(pane.body).toContain('functions.js');
    expect(pane.csp).toBe(TASKPANE_CSP);
    const meta = await get('/functions.json');
    expect(JSON.parse(meta.body).functions.length).toBeGreaterThan(10);
    expect((await get('/../package.json')).status).toBe(404);
    expect((await get('/%E0%A4%A')).status).toBe(400); // a malformed URL does not crash the server
    expect((await get('/taskpane.html')).status).toBe(200);
  } finally {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
