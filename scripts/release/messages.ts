/**
 * Every sentence `npm run release` and `npm version` write, and every problem the release checks report, built in
 * one place (as cli/messages.ts does for the command line). A problem names what is wrong, where, and what to do.
 */

export const USAGE = [
  'Usage: npm run release -- --base-url https://host.example/path/ [--out folder] [--skip-build]',
  '',
  '  --base-url    the HTTPS address the Excel add-in is served from (dist/release/excel/ goes there)',
  '  --out         where to write the release (default: dist/release)',
  '  --skip-build  use the bundles already in dist/ (npm run build) instead of building them again',
].join('\n');

// ---------------------------------------------------------------------------------------------
// The command line

export const usageError = (text: string): string => `Error: ${text}\n\n${USAGE}\n`;
export const errorLine = (text: string): string => `Error: ${text}\n`;
export const unknownOption = (flag: string): string => `Unknown option "${flag}".`;
export const needsValue = (flag: string): string => `${flag} needs a value.`;
export const missingBaseUrl = (): string =>
  'Give the address the add-in will be served from: --base-url https://host.example/path/';

// ---------------------------------------------------------------------------------------------
// The base address (nothing is built or written when it is refused)

const ADDRESS_SHAPE = 'an https:// address such as https://strategy.example.org/addin/';

export const notHttps = (url: string): string =>
  `The base URL must use HTTPS (got "${url}"): Office loads add-ins only over HTTPS; give ${ADDRESS_SHAPE}.`;
export const malformedUrl = (url: string): string =>
  `The base URL is not a valid address (got "${url}"): give ${ADDRESS_SHAPE}.`;
export const queryOrFragment = (url: string): string =>
  `The base URL must not have a query (?…) or a fragment (#…) (got "${url}"): every file's address is the base followed by its name; give ${ADDRESS_SHAPE}.`;
export const credentialsInUrl = (url: string): string =>
  `The base URL must not hold a user name or password (got "${url}"): give ${ADDRESS_SHAPE}.`;
export const localUrl = (url: string): string =>
  `The base URL names this machine (got "${url}"): a team cannot reach it; for development use npm run start:excel, for a release give ${ADDRESS_SHAPE}.`;
export const unsafeUrlCharacters = (url: string): string =>
  `The base URL holds a character that cannot stand in a manifest address (got "${url}": a quote, <, >, & or a space); give ${ADDRESS_SHAPE}.`;

// ---------------------------------------------------------------------------------------------
// Versions

export const notOfficeVersion = (version: string): string =>
  `package.json's version "${version}" cannot be an Office add-in version: Office needs up to four numbers of at most 5 digits (major.minor.patch becomes major.minor.patch.0); use a version such as 1.2.0, without a pre-release or build part.`;
export const versionMoved = (version: string, files: string[]): string =>
  `Version ${version} written to ${files.join(', ')}.`;

// ---------------------------------------------------------------------------------------------
// Building and writing

export const buildFailed = (status: number | null): string =>
  `npm run build failed (exit code ${status ?? 'none'}): nothing was written; fix the build first.`;
export const notBuilt = (file: string): string =>
  `${file} is missing: run npm run build first (or leave out --skip-build).`;
export const sidebarMarker = (count: number): string =>
  `Sidebar.html must hold <div id="app" data-pages=""> exactly once (found ${count}): apps-script/sidebar/sidebar.html lost it.`;
export const checksFailed = (count: number, out: string): string =>
  `The release failed ${count === 1 ? '1 check' : `${count} checks`}; nothing was written to ${out}:`;
export const written = (out: string, base: string): string =>
  [
    `Release written to ${out} for ${base}, every check passed:`,
    `  excel/   publish this folder's contents at ${base} (IT installs excel/manifest.xml)`,
    '  sheets/  Code.js, Sidebar.html and appsscript.json for clasp push (docs/deploy-sheets.md)',
    '  SHA256SUMS  the hash of every file (sha256sum -c SHA256SUMS)',
  ].join('\n');

// ---------------------------------------------------------------------------------------------
// The release checks (scripts/release/checks.ts): each names the file and what a store would refuse

export const xmllintMissing = (): string =>
  'xmllint is not installed, so the manifest cannot be checked against the Office schemas: install libxml2-utils (bash scripts/setup-system.sh).';
export const schemaInvalid = (file: string, output: string): string =>
  `${file} is not valid against the Office add-in schemas: ${output.trim()}`;
export const urlOutsideBase = (url: string, base: string): string =>
  `The manifest names ${url}, which is not under the release's address ${base}.`;
export const urlWithoutFile = (url: string, file: string): string =>
  `The manifest names ${url}, but the release has no file ${file}.`;
export const wrongAppDomains = (found: string[], expected: string): string =>
  `The manifest's AppDomains are ${found.length ? found.join(', ') : 'none'}; the release needs exactly ${expected}.`;
export const wrongSupportUrl = (found: string, expected: string): string =>
  `The manifest's SupportUrl is ${found || 'missing'}; it must be the support page ${expected}.`;
export const devPathFound = (file: string, what: string, line: number): string =>
  `${file} line ${line} holds ${what}, which exists only on a developer's machine.`;
export const notPng = (url: string): string => `The icon ${url} is not a PNG file.`;
export const iconSize = (url: string, declared: number, width: number, height: number): string =>
  `The icon ${url} is declared ${declared}×${declared} pixels but is ${width}×${height}.`;
export const versionMismatch = (where: string, found: string, expected: string): string =>
  `${where} says version ${found || '(none)'}, but package.json says ${expected}.`;
export const missingFile = (file: string): string => `The release has no ${file}.`;
export const wrongScopes = (found: string[], expected: string[]): string =>
  `sheets/appsscript.json asks for the scopes ${found.join(', ') || '(none)'}; the add-on's appsscript.json asks for ${expected.join(', ')}.`;
export const sidebarPages = (found: string, expected: string): string =>
  `sheets/Sidebar.html links its support and privacy pages at "${found}"; they are at ${expected}.`;
export const privacyOmits = (what: string): string =>
  `excel/privacy.html does not name ${what}: the privacy statement must say what the add-in is allowed to do.`;
export const privacyNamesOther = (scope: string): string =>
  `excel/privacy.html names the scope ${scope}, which appsscript.json does not ask for.`;
export const networkApi = (file: string, api: string): string =>
  `${file} uses ${api}, but the privacy statement says the add-in sends nothing anywhere and keeps nothing in the browser.`;
export const sumsMismatch = (detail: string): string => `SHA256SUMS does not match the release: ${detail}.`;
