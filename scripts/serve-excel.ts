/**
 * `npm run serve:excel`: serves dist/excel-addin on https://localhost:3000 (the URLs in manifest.xml),
 * for sideloading the add-in into Excel. Uses the certificate that `npx office-addin-dev-certs install`
 * creates and trusts (~/.office-addin-dev-certs/localhost.crt and .key), or TST_CERT / TST_KEY.
 * Node's https module and devserver/static-files.ts (the handler `npm start` uses too): no extra server
 * dependency, nothing served outside dist/excel-addin, GET and HEAD only.
 */
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { staticFiles, type StaticSite } from '../devserver/static-files';

const ROOT = path.resolve(__dirname, '../dist/excel-addin');
const PORT = Number(process.env.PORT ?? 3000);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The task pane's own policy (excel-addin/src/taskpane/taskpane.html meta tag), also sent as a header with every
 * file. It differs from the preview's (preview/server.ts PREVIEW_CSP) on purpose: Office requires the task pane
 * to load office.js from Microsoft's CDN (https://appsforoffice.microsoft.com), which the preview never loads;
 * the preview makes blob: URLs (the .xlsx download) and also closes object-src and base-uri.
 */
export const TASKPANE_CSP =
  "script-src 'self' https://appsforoffice.microsoft.com 'unsafe-eval'; object-src 'none'; base-uri 'self'";

/** What `npm run serve:excel` serves, with devserver/static-files.ts. */
export function excelSite(root = ROOT): StaticSite {
  return { root, index: 'taskpane.html', csp: TASKPANE_CSP, types: TYPES };
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
  const server = https.createServer(certificate(), staticFiles(excelSite()));
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
