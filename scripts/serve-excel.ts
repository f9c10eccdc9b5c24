/**
 * `npm run serve:excel`: serves dist/excel-addin on https://localhost:3000 (the URLs in manifest.xml),
 * for sideloading the add-in into Excel. Uses the certificate that `npx office-addin-dev-certs install`
 * creates and trusts (~/.office-addin-dev-certs/localhost.crt and .key), or TST_CERT / TST_KEY.
 * Node's https module only: no extra server dependency, nothing served outside dist/excel-addin.
 */
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../dist/excel-addin');
const PORT = Number(process.env.PORT ?? 3000);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
};

/** Maps a URL path to a file under ROOT, or undefined when it would leave ROOT. */
export function fileFor(urlPath: string, root = ROOT): string | undefined {
  let clean: string;
  try {
    clean = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined; // malformed escapes ("/%E0%A4%A") are not a file of ours
  }
  const file = path.resolve(root, `.${clean === '/' ? '/taskpane.html' : clean}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

function certificate(): { cert: Buffer; key: Buffer } {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const cert = process.env.TST_CERT ?? path.join(dir, 'localhost.crt');
  const key = process.env.TST_KEY ?? path.join(dir, 'localhost.key');
  if (!fs.existsSync(cert) || !fs.existsSync(key)) {
    throw new Error(
      `No HTTPS certificate at ${cert}. Run \`npx office-addin-dev-certs install\` once (it creates and trusts one), or set TST_CERT and TST_KEY.`,
    );
  }
  return { cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

function main(): void {
  if (!fs.existsSync(path.join(ROOT, 'taskpane.html')))
    throw new Error('dist/excel-addin is missing: run `npm run build:excel` first.');
  const server = https.createServer(certificate(), (req, res) => {
    const file = fileFor(req.url ?? '/');
    if (!file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    fs.createReadStream(file).pipe(res);
  });
  server.listen(PORT, 'localhost', () =>
    console.log(`Excel add-in files: https://localhost:${PORT}/ (manifest: manifest.xml)`),
  );
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
