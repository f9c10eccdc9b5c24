/**
 * The release manifest: a copy of the development manifest.xml (which stays as it is for npm run start:excel)
 * whose every URL, AppDomain and resource points at the release's base address, and whose `<Version>` is
 * package.json's in Office's four-number form. Every URL of the development manifest is under DEV_ORIGIN
 * (test/bundle/manifest.test.ts); the release checks refuse any address left outside the base.
 */

/** Where the development manifest points: scripts/serve-excel.ts serves dist/excel-addin there. */
export const DEV_ORIGIN = 'https://localhost:3000';

const DEV_COMMENT = /<!--[\s\S]*?-->\s*/;

export function releaseManifest(devXml: string, base: string, origin: string, officeVersion: string): string {
  const note = `<!-- Released for ${base} (version ${officeVersion}) by npm run release: do not edit by hand, run it again. -->\n`;
  return devXml
    .replace(DEV_COMMENT, note)
    .split(`${DEV_ORIGIN}/`)
    .join(base)
    .replace(/<AppDomain>[^<]*<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${officeVersion}</Version>`);
}

/** The text of the first `<Version>` element (the add-in's own; requirement sets use attributes). */
export function manifestVersion(xml: string): string {
  return /<Version>([^<]*)<\/Version>/.exec(xml)?.[1] ?? '';
}
