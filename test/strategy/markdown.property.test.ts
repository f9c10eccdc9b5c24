/**
 * Markdown from any cell text (shared/strategy/markdown.ts): whatever a user typed in a cell, the document keeps
 * its structure — one line per table row, the same cells per row, no heading, list, emphasis, code, link or HTML
 * the template does not write. Properties, not escape spellings, so a stricter escaping (issue #22) still passes:
 *  - no line break (LF, CR, CRLF: CommonMark's line endings, spec §2.1) inside an escaped value;
 *  - every character Markdown acts on (CommonMark §2.4 backslash escapes: # | * _ ` [ ] < > \ …) that the value
 *    holds is escaped, i.e. preceded by an unescaped backslash;
 *  - dropping the escapes gives back the text, line breaks read as spaces (nothing of the user's is lost).
 */
import fc from 'fast-check';
import { ymdToSerial } from '../../shared/core/args';
import { emptyData, type HistoryRow } from '../../shared/strategy/data';
import { esc, renderMarkdown } from '../../shared/strategy/markdown';
import { strategyDocument } from '../../shared/strategy/model';

/** The characters the document's layout depends on: tables, headings, emphasis, code, links, HTML, escapes. */
const ACTIVE = ['#', '|', '*', '_', '`', '[', ']', '<', '>', '\\'];
const LINE_BREAKS = ['\n', '\r', '\r\n'];

/** Cell text rich in what breaks Markdown: the active characters, line breaks, spaces, letters and other text. */
const cellText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...ACTIVE, ...LINE_BREAKS, ' ', '  ', 'a', 'Z', '1', '-', '+', '=', '!', '~', '&', 'é', '·'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 24 },
  )
  .map((parts) => parts.join(''));

/** The positions of characters not preceded by an escaping backslash, with the escapes removed. */
function readEscaped(md: string): { unescaped: string[]; text: string } {
  const unescaped: string[] = [];
  let text = '';
  for (let i = 0; i < md.length; i++) {
    if (md[i] === '\\' && i + 1 < md.length) {
      text += md[++i];
      continue;
    }
    unescaped.push(md[i]);
    text += md[i];
  }
  return { unescaped, text };
}

/** The cells of a table row, split at pipes that are not escaped. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\' && i + 1 < line.length) {
      cur += line[i] + line[++i];
    } else if (line[i] === '|') {
      out.push(cur);
      cur = '';
    } else cur += line[i];
  }
  out.push(cur);
  return out.slice(1, -1); // the row starts and ends with a pipe
}

describe('a value escaped for Markdown', () => {
  test('holds no line break', () => {
    fc.assert(fc.property(cellText, (s) => !/[\r\n]/.test(esc(s))));
  });

  test('escapes every character Markdown acts on', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const { unescaped } = readEscaped(esc(s));
        expect(unescaped.filter((c) => ACTIVE.includes(c))).toEqual([]);
      }),
    );
  });

  test('keeps the text: without its escapes it reads as typed, line breaks as spaces', () => {
    fc.assert(
      fc.property(cellText, (s) => {
        expect(readEscaped(esc(s)).text).toBe(s.replace(/\r\n|\r|\n/g, ' ').trim());
      }),
    );
  });

  test('the exact text of escapes a reader left undecoded, control characters, entities and list markers', () => {
    const cases: [string, string][] = [
      ['Faster_x000D_Delivery', 'Faster Delivery'], // Excel's stored CR: a space
      ['tab_x0009_and_x000a_lf', 'tab and lf'], // lower-case hex too
      ['vt_x000B_ff_x000C_end', 'vt ff end'],
      ['bel_x0007_esc_x001B_del_x007F_', 'belescdel'], // other control escapes: removed
      ['bell\x07 ring', 'bell ring'],
      ['&amp; &#10; &#x23;', '\\&amp; &\\#10; &\\#x23;'], // would be read as entities (the # is escaped first)
      ['AT&T & co; R&D', 'AT&T & co; R&D'], // not entities: left alone
      ['- item', '\\- item'],
      ['+', '\\+'],
      ['a - b + c', 'a - b + c'], // only a leading marker starts a list
      ['-5 %', '-5 %'],
    ];
    for (const [typed, shown] of cases) expect(esc(typed)).toBe(shown);
  });

  test('examples a user types: a heading, a list, a pipe, a line break', () => {
    for (const s of ['# Not a heading', '* not a list', 'a | b', 'one\ntwo', 'one\rtwo', '<b>x</b>', '[x](y)']) {
      const e = esc(s);
      expect(e).not.toMatch(/[\r\n]/);
      expect(readEscaped(e).unescaped.filter((c) => ACTIVE.includes(c))).toEqual([]);
    }
  });
});

describe('the strategy document from any cell text', () => {
  const OCT = ymdToSerial(2026, 10, 1);
  const NOV = ymdToSerial(2026, 11, 1);
  const doc = (name: string, shown: string): string => {
    const history: HistoryRow[] = [
      { date: OCT, kind: 'Metric', name, value: 1, shown },
      { date: NOV, kind: 'Metric', name, value: 2, shown },
    ];
    return renderMarkdown(strategyDocument({ ...emptyData(), history }, ymdToSerial(2026, 12, 1)));
  };
  const baseline = doc('Uptime', '99%');

  test('keeps one line per table row and five cells in every row of the change table', () => {
    fc.assert(
      fc.property(cellText, cellText, (name, shown) => {
        fc.pre(/[^\s]/.test(name));
        const md = doc(name, shown);
        expect(md.split('\n').length).toBe(baseline.split('\n').length);
        const section = md.slice(md.indexOf('### Change Since'), md.indexOf('## Organization'));
        const rows = section.split('\n').filter((l) => l.startsWith('|'));
        expect(rows).toHaveLength(3); // header, rule, the metric
        for (const r of rows) expect(cells(r)).toHaveLength(5);
        const metric = cells(rows[2]);
        expect(readEscaped(metric[1]).unescaped.filter((c) => ACTIVE.includes(c))).toEqual([]);
        const spaced = (t: string): string => t.replace(/\s+/g, ' ').trim(); // the document collapses runs of spaces
        expect(spaced(readEscaped(metric[1]).text)).toBe(spaced(name));
      }),
    );
  });
});
