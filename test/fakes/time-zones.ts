/**
 * Wall-clock time in a named IANA zone, computed with Intl (explicit zones: independent of the Node
 * process's TZ). Used by the Sheets fake to hand dates over as Sheets does and to implement
 * `Utilities.formatDate(date, timeZone, format)`.
 *
 * Sheets documents that a custom function's date argument is a JS Date for the cell's date-time in the
 * spreadsheet's time zone (the spreadsheet's "Time zone" setting; Custom functions guide, "Data
 * types": "Dates … become Date objects"; the instant is that wall-clock time in the spreadsheet zone).
 */

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The wall-clock fields of an instant in zone `tz`. */
export function wallClock(d: Date, tz: string): Wall {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(d)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** Offset of zone `tz` from UTC at instant `t`, in ms (Auckland in January: +13 h). */
function offsetAt(t: number, tz: string): number {
  const w = wallClock(new Date(t), tz);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(t / 1000) * 1000;
}

/** The instant at which the wall clock in `tz` shows y-m-d h:mi (month 1–12). */
export function zonedInstant(y: number, m: number, d: number, tz: string, h = 0, mi = 0): Date {
  const guess = Date.UTC(y, m - 1, d, h, mi);
  let t = guess - offsetAt(guess, tz);
  t = guess - offsetAt(t, tz); // once more across a DST change
  return new Date(t);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `Utilities.formatDate` for the patterns the add-in uses: yyyy, MM, dd, HH, mm, ss and literal text. */
export function formatInZone(d: Date, tz: string, pattern: string): string {
  const w = wallClock(d, tz);
  const fields: Record<string, string> = {
    yyyy: pad(w.year, 4),
    MM: pad(w.month),
    dd: pad(w.day),
    HH: pad(w.hour),
    mm: pad(w.minute),
    ss: pad(w.second),
  };
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss/g, (k) => fields[k]);
}
