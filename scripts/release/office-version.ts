/**
 * Office's form of our version: the manifest's `<Version>` is up to four numbers of at most five digits
 * (OfficeAppManifestV1_1.xsd, type "Version": `([0-9]{1,5})(\.[0-9]{1,5}){0,3}`); package.json's major.minor.patch
 * becomes major.minor.patch.0. A pre-release or build part has no Office form: undefined.
 */
export function officeVersion(version: string): string | undefined {
  return /^\d{1,5}\.\d{1,5}\.\d{1,5}$/.test(version) ? `${version}.0` : undefined;
}
