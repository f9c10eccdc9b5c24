/** The panel's own sentences about what happened on the user's side (downloads, the clipboard). */

export const COPIED_MARKDOWN = 'Copied the strategy document as Markdown.';
/** The Clipboard API and execCommand both refused (Office on the web blocks the Clipboard API: office-js#1991, #2513). */
export const COPY_BY_HAND =
  'Not copied: this panel may not use the clipboard. The text below is selected: copy it (Ctrl+C or ⌘C).';
export const DOWNLOADED_MARKDOWN = 'Downloaded strategy.md.';
/** Where the host does nothing with a download link (Office on Mac: office-js#3385, #6468). */
export const NO_DOWNLOAD_HERE =
  'Not downloaded: Office on this platform does not save files from a task pane. The text below is selected: copy it (Ctrl+C or ⌘C) and paste it into a file named strategy.md.';
export const REFRESH_CHARTS_HELP =
  'The charts as the cells are now: the roadmap chart widens to every quarter an item touches and lists only the themes in use; in Excel the matrix places its names again. Adding planned projects and recording a snapshot do this too.';
