/**
 * `document` on hostile input (issue #22): each file is made here, at test time, and read by the real command in
 * a child process with a 600 MB heap (`--max-old-space-size=600`), which must end within 10 s of CPU time with a
 * clear message or a correct document, the documented exit code, no stack trace, and a peak resident size under
 * 600 MB (the child reports its own `maxRSS` and CPU time; CPU time, not the wall clock, so that other work on the
 * machine does not decide the result: the wall clock is only bounded by the 60 s timeout). The reading limits are also checked in-process, each named in its message.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MAX_INPUT_BYTES, readRegularFile } from '../../cli/input-file';
import { readWorkbookFile } from '../../cli/read-workbook';
import { READ_LIMITS } from '../../cli/xlsx-read';
import { colName, hostileXlsx, themesSheet, type HostileSheet } from './hostile-xlsx';

const REPO = path.join(__dirname, '..', '..');
const BIN = path.join(REPO, 'bin', 'tech-strategy-toolkit.js');
const SECONDS = 10;
const MB = 1024 * 1024;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-untrusted-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  ms: number;
  cpuMs: number;
  maxRssMb: number;
}

/** Runs the CLI in a child with a 600 MB heap; the child appends `usage:<peak RSS kB>:<CPU µs>` to stderr. */
function runCli(args: string[]): Ran {
  const probe =
    "process.on('exit',()=>{const u=process.resourceUsage();" +
    "require('fs').writeSync(2,'\\nusage:'+u.maxRSS+':'+(u.userCPUTime+u.systemCPUTime)+'\\n')});" +
    `process.argv.splice(1,0,'cli');require(${JSON.stringify(BIN)});`;
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--max-old-space-size=600', '-e', probe, ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 256 * MB,
  });
  const ms = Date.now() - started;
  const m = /\nusage:(\d+):(\d+)\n$/.exec(r.stderr ?? '');
  return {
    code: r.status,
    signal: r.signal,
    out: r.stdout ?? '',
    err: (r.stderr ?? '').replace(/\nusage:\d+:\d+\n$/, ''),
    ms,
    cpuMs: m ? Number(m[2]) / 1000 : NaN,
    maxRssMb: m ? Number(m[1]) / 1024 : NaN,
  };
}

async function write(name: string, sheets: HostileSheet[], workbookExtra?: string): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await hostileXlsx(sheets, workbookExtra));
  return file;
}

/** Bounded, no abort, no stack trace, the expected exit code. */
function expectBounded(r: Ran, code: number): void {
  expect(r.signal).toBeNull();
  expect(r.err).not.toMatch(/\n\s+at |RangeError|TypeError|heap out of memory/);
  expect(r.code).toBe(code);
  expect(r.cpuMs).toBeLessThan(SECONDS * 1000);
  expect(r.maxRssMb).toBeLessThan(600);
  if (process.env.SHOW_COSTS)
    process.stdout.write(`${Math.round(r.cpuMs)} ms CPU, ${Math.round(r.ms)} ms, ${Math.round(r.maxRssMb)} MB\n`);
}

const themes = [['Faster Checkout', 'Revenue', 'New API', 'p95 < 1s', '12 months', 'Ann']];

test('a number in column XFD on 5,000 rows: a clear message naming the column limit', async () => {
  const extra = Array.from({ length: 5000 }, (_x, i) => `<row r="${i + 3}"><c r="XFD${i + 3}"><v>1</v></c></row>`);
  const file = await write('xfd.xlsx', [{ ...themesSheet(themes), extraRowsXml: extra.join('') }]);
  expect(fs.statSync(file).size).toBeLessThan(64 * 1024);
  const r = runCli(['document', file, '--out', '-']);
  expectBounded(r, 1);
  expect(r.err).toBe(
    `Error: could not read ${file} as an .xlsx workbook: more than 1,024 columns in sheet "Strategic Themes" (the most the document command reads)\n`,
  );
}, 60_000);

test('whole-sheet merges, defined names and data validations: read past, the document is correct', async () => {
  const whole = 'A1:XFD1048576';
  const afterData =
    `<mergeCells count="1"><mergeCell ref="${whole}"/></mergeCells>` +
    `<dataValidations count="1"><dataValidation type="list" sqref="${whole}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`;
  const names =
    `<definedNames><definedName name="Everything">'Strategic Themes'!$A:$XFD</definedName>` +
    `<definedName name="_xlnm.Print_Area" localSheetId="0">'Strategic Themes'!$A$1:$XFD$1048576</definedName></definedNames>`;
  const file = await write('whole-sheet.xlsx', [{ ...themesSheet(themes), afterData }], names);
  expect(fs.statSync(file).size).toBeLessThan(4 * 1024);
  const r = runCli(['document', file, '--out', '-']);
  expectBounded(r, 0);
  expect(r.out).toContain('### Theme 1: Faster Checkout');
  expect(r.out).toContain('- **Owner**: Ann');
}, 60_000);

test('a FIFO and /dev/zero are refused before any read (exit 1, said)', () => {
  const fifo = path.join(dir, 'pipe.xlsx');
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status === 0) {
    const r = runCli(['document', fifo, '--out', '-']);
    expectBounded(r, 1);
    expect(r.err).toBe(
      `Error: ${fifo} is a named pipe (FIFO), not a regular file: give the path of an .xlsx workbook file.\n`,
    );
  }
  const zero = runCli(['document', '/dev/zero', '--out', '-']);
  expectBounded(zero, 1);
  expect(zero.err).toBe('Error: /dev/zero is a device, not a regular file: give the path of an .xlsx workbook file.\n');
}, 60_000);

test('40,000 themes and 40,000 roadmap rows that match no theme: linear, the whole document', async () => {
  const n = 40_000;
  const themeRows = Array.from({ length: n }, (_x, i) => [`Theme ${i}`, 'driver', '', '', '', `Owner ${i % 50}`]);
  const roadmap: HostileSheet = {
    name: 'Roadmap',
    rows: [
      ['Initiative', 'Theme', 'Quarter', 'Owner', 'Start', 'End', 'Status'],
      ...Array.from({ length: n }, (_x, i) => [`Initiative ${i}`, `Other ${i}`, 'Q1', 'Bo', '', '', 'Planned']),
    ],
  };
  const file = await write('many.xlsx', [themesSheet(themeRows), roadmap]);
  const r = runCli(['document', file, '--out', '-']);
  expectBounded(r, 0);
  expect(r.out).toContain(`### Theme ${n}: Theme ${n - 1}`);
  expect(r.out).toContain(`| Initiative ${n - 1} | Other ${n - 1} | Bo | Planned |`);
}, 60_000);

test('a deadline of 1e10 (far out of range): the document says it is no date, no RangeError', async () => {
  const context: HostileSheet = {
    name: 'Business Context',
    rows: [
      ['Section', 'Item', 'Detail', 'Deadline', 'Owner', 'Served by Theme'],
      ['Objective', 'Grow revenue', 'by 20%', 1e10, 'Cy', 'Faster Checkout'],
      ['Constraint', 'Budget', 'flat', -1e12, 'Di', ''],
    ],
    dateColumns: [3],
  };
  const file = await write('far-date.xlsx', [themesSheet(themes), context]);
  const r = runCli(['document', file, '--out', '-']);
  expectBounded(r, 0);
  expect(r.out).toContain('- Grow revenue — by 20% (by 10000000000 (not a date: dates run from year 1 to 9999))');
  expect(r.out).toContain('- Budget — flat (by -1000000000000 (not a date: dates run from year 1 to 9999))');
}, 60_000);

test('--out naming the input (itself, or a link to it) is refused even with --force: the workbook untouched', async () => {
  const file = await write('self.xlsx', [themesSheet(themes)]);
  const before = fs.readFileSync(file);
  fs.symlinkSync(file, path.join(dir, 'self-link.md'));
  for (const out of ['self.xlsx', 'self-link.md']) {
    const r = runCli(['document', 'self.xlsx', '--out', out, '--force']);
    expectBounded(r, 1);
    expect(r.err).toBe(
      `Error: --out ${out} is the workbook being read (${file}); nothing was written. Choose another --out.\n`,
    );
  }
  expect(fs.readFileSync(file).equals(before)).toBe(true);
}, 60_000);

test('--out - into a pipe its reader closed (EPIPE): a normal end, exit 0, nothing on standard error', async () => {
  const rows = Array.from({ length: 3000 }, (_x, i) => [
    `Theme ${i}`,
    'a driver long enough to fill a pipe',
    '',
    '',
    '',
    'Ann',
  ]);
  const file = await write('big.xlsx', [themesSheet(rows)]);
  const child = spawn(process.execPath, [BIN, 'document', file, '--out', '-'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy()); // the reader goes away after the first chunk
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  expect(err).toBe('');
  expect(code).toBe(0);
}, 60_000);

describe('the reading limits, each named in its message', () => {
  const read = async (name: string, sheets: HostileSheet[], extra?: string): Promise<string> => {
    const file = await write(name, sheets, extra);
    return readWorkbookFile(file).then(
      () => 'read',
      (e: Error) => e.message,
    );
  };

  test('a file over the size limit is refused by its size, before it is read (the limit named)', () => {
    const file = path.join(dir, 'big-file.xlsx');
    fs.writeFileSync(file, Buffer.alloc(2048));
    expect(() => readRegularFile(file, 'big-file.xlsx', 1024 * 1024 * 0.001)).toThrow(
      'big-file.xlsx is larger than 0.001 MB, the largest workbook the document command reads.',
    );
    expect(MAX_INPUT_BYTES).toBe(100 * 1024 * 1024);
    expect(() => readRegularFile(file, 'big-file.xlsx')).not.toThrow();
  });

  test('a row beyond Excel’s last row', async () => {
    const extra = `<row r="${READ_LIMITS.rows + 1}"><c r="A${READ_LIMITS.rows + 1}"><v>1</v></c></row>`;
    expect(await read('rows.xlsx', [{ ...themesSheet(themes), extraRowsXml: extra }])).toBe(
      'more than 1,048,576 rows in sheet "Strategic Themes" (the most the document command reads)',
    );
  });

  test('a cell longer than 32,767 characters', async () => {
    expect(await read('text.xlsx', [themesSheet([['x'.repeat(READ_LIMITS.text + 1)]])])).toBe(
      'more than 32,767 characters in a cell in sheet "Strategic Themes", row 2 (the most the document command reads)',
    );
  });

  test('a document type declaration (entity expansion) is refused, not expanded', async () => {
    const laughs = {
      xml: '<c r="{ref}" t="inlineStr"><is><t>&lol9;</t></is></c>',
    };
    const file = path.join(dir, 'laughs.xlsx');
    const bytes = await hostileXlsx([themesSheet([[laughs as unknown as string]])]);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(bytes);
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const dtd =
      '<!DOCTYPE worksheet [<!ENTITY lol "lol">' +
      Array.from({ length: 9 }, (_x, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
      ']>';
    zip.file('xl/worksheets/sheet1.xml', sheet.replace('?>\n', `?>\n${dtd}`));
    fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    await expect(readWorkbookFile(file)).rejects.toThrow(
      'xl/worksheets/sheet1.xml holds a document type declaration (<!DOCTYPE>), which no spreadsheet writes; it is not read',
    );
  });

  test('columns: the last one read is AMJ (1,024); cells right of it refuse the sheet', async () => {
    const at = (c: number): string => `<row r="3"><c r="${colName(c)}3"><v>7</v></c></row>`;
    expect(await read('col-ok.xlsx', [{ ...themesSheet(themes), extraRowsXml: at(READ_LIMITS.columns) }])).toBe('read');
    expect(
      await read('col-over.xlsx', [{ ...themesSheet(themes), extraRowsXml: at(READ_LIMITS.columns + 1) }]),
    ).toMatch(/^more than 1,024 columns in sheet "Strategic Themes"/);
  });
});
