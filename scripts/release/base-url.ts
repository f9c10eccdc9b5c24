/**
 * The address a release is served from: any HTTPS origin and path, written as the base of every URL of the
 * release manifest (scripts/release/manifest.ts) and of the Sheets sidebar's links to the support and privacy pages.
 * Refused, with a sentence from messages.ts, before anything is built or written.
 */
import * as msg from './messages';

export type BaseUrl = { base: string; origin: string } | { problem: string };

const LOCAL_HOSTS = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i;

/** The normalised base (ending in "/") and its origin, or why the text is refused. */
export function parseBaseUrl(text: string | undefined): BaseUrl {
  if (text === undefined || text.trim() === '') return { problem: msg.missingBaseUrl() };
  const raw = text.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) && !/^https:/i.test(raw)) return { problem: msg.notHttps(raw) };
  if (!/^https:\/\/[^/]/i.test(raw)) return { problem: msg.malformedUrl(raw) };
  if (/[?#]/.test(raw)) return { problem: msg.queryOrFragment(raw) };
  if (/[\s"'<>&\\]/.test(raw)) return { problem: msg.unsafeUrlCharacters(raw) };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: msg.malformedUrl(raw) };
  }
  if (url.username || url.password) return { problem: msg.credentialsInUrl(raw) };
  if (!url.hostname || /\.\.|^\.|\.$/.test(url.hostname)) return { problem: msg.malformedUrl(raw) };
  if (LOCAL_HOSTS.test(url.hostname)) return { problem: msg.localUrl(raw) };
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return { base: `${url.origin}${path}`, origin: url.origin };
}
