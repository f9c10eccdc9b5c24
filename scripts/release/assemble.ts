/**
 * Writes a release from the built bundles (dist/, npm run build): `excel/` (the task pane, functions, icons,
 * functions.json, the support and privacy pages, and the manifest for the base address), `sheets/` (Code.js,
 * Sidebar.html linking the hosted support and privacy pages, appsscript.json, the .claspignore whitelist), and
 * `SHA256SUMS` (sha256sum's format, paths from the release folder). Only the rewrite depends on the address, so
 * one build serves any number of releases.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { releaseManifest } from './manifest';
import * as msg from './messages';

export interface ReleaseTarget {
  /** The built bundles: dist/ with excel-addin/ and apps-script/. */
  dist: string;
  /** The repository root (the .claspignore whitelist is copied from there). */
  root: string;
  /** The folder to write (created; must not exist). */
  out: string;
  base: string;
  origin: string;
  officeVersion: string;
}

/** Every file under `dir`, as paths relative to it with "/" separators, sorted. */
export function filesUnder(dir: string): string[] {
  const walk = (rel: string): string[] =>
    fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
      const child = rel ? `${rel}/${e.name}` : e.name;
      return e.isDirectory() ? walk(child) : [child];
    });
  return walk('').sort();
}

export const SHEETS_FILES = ['Code.js', 'Sidebar.html', 'appsscript.json'] as const;

export function assembleRelease(t: ReleaseTarget): void {
  const excelDist = path.join(t.dist, 'excel-addin');
  const sheetsDist = path.join(t.dist, 'apps-script');
  for (const f of ['excel-addin/manifest.xml', 'excel-addin/taskpane.html', 'apps-script/Code.js'])
    if (!fs.existsSync(path.join(t.dist, f))) throw new Error(msg.notBuilt(`dist/${f}`));
  const excel = path.join(t.out, 'excel');
  const sheets = path.join(t.out, 'sheets');
  fs.mkdirSync(excel, { recursive: true });
  fs.mkdirSync(sheets, { recursive: true });
  fs.cpSync(excelDist, excel, { recursive: true });
  const devManifest = fs.readFileSync(path.join(excelDist, 'manifest.xml'), 'utf8');
  fs.writeFileSync(path.join(excel, 'manifest.xml'), releaseManifest(devManifest, t.base, t.origin, t.officeVersion));
  const notices = fs.readdirSync(sheetsDist).filter((f) => f.startsWith('third-party-notices.'));
  for (const f of ['Code.js', 'appsscript.json', ...notices])
    fs.copyFileSync(path.join(sheetsDist, f), path.join(sheets, f));
  fs.copyFileSync(path.join(t.root, '.claspignore'), path.join(sheets, '.claspignore'));
  const sidebar = fs.readFileSync(path.join(sheetsDist, 'Sidebar.html'), 'utf8');
  fs.writeFileSync(path.join(sheets, 'Sidebar.html'), withPagesBase(sidebar, t.base));
  fs.writeFileSync(path.join(t.out, 'SHA256SUMS'), sha256Sums(t.out));
}

const PAGES_MARKER = '<div id="app" data-pages="">';

/** The sidebar with the release's address in its one empty pages attribute (apps-script/sidebar/sidebar.html). */
export function withPagesBase(html: string, base: string): string {
  const parts = html.split(PAGES_MARKER);
  if (parts.length !== 2) throw new Error(msg.sidebarMarker(parts.length - 1));
  return parts.join(`<div id="app" data-pages="${base}">`);
}

/** `<sha256>  <path>` for every file of the release but SHA256SUMS itself, as `sha256sum -c` reads it. */
export function sha256Sums(out: string): string {
  return filesUnder(out)
    .filter((f) => f !== 'SHA256SUMS')
    .map(
      (f) =>
        `${createHash('sha256')
          .update(fs.readFileSync(path.join(out, f)))
          .digest('hex')}  ${f}\n`,
    )
    .join('');
}
