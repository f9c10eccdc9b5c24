/** Sentences the preview page shows about keeping the work (preview/page/autosave.ts). */

export const restoredWork = 'Your work from the last visit was restored from this browser’s storage.';
export const notSaved = (reason: string): string =>
  `Your changes could not be kept in this browser’s storage (${reason}): download the .xlsx to keep them.`;
