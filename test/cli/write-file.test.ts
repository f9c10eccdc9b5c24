/**
 * The CLI's writes (cli/write-file.ts, used by `tech-strategy-toolkit workbook`): without --force a file
 * that exists — even one created while the workbook was being generated — is never replaced, and the
 * target appears whole or not at all; with --force the replaced file keeps its permissions. No temporary
 * file is ever left behind, whatever fails. Never replaced, even with --force: links, devices, pipes, folders,
 * and the input of `document` (same device and inode).
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, type Catalog } from '../../cli/main';
import { spawnSync } from 'child_process';
import { outTargetProblem, replace, TargetExists, writeNew, type WriteFs } from '../../cli/write-file';
import { THEMES_PLAN } from './fixture-plans';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tst-write-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s));
const mode = (f: string): number => fs.statSync(f).mode & 0o777;

/** node's fs with some calls replaced. */
const fsWith = (over: Partial<WriteFs>): WriteFs => ({ ...(fs as unknown as WriteFs), ...over });

function errno(code: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

describe('writeNew (no --force): atomic and no-clobber', () => {
  test('writes a new file whole, and nothing else', () => {
    const target = path.join(dir, 'w.xlsx');
    writeNew(target, bytes('new'));
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['w.xlsx']);
  });

  test('an existing file is never replaced, and no temporary file is left', () => {
    const target = path.join(dir, 'w.xlsx');
    fs.writeFileSync(target, 'theirs');
    expect(() => writeNew(target, bytes('ours'))).toThrow(TargetExists);
    expect(fs.readFileSync(target, 'utf8')).toBe('theirs');
    expect(fs.readdirSync(dir)).toEqual(['w.xlsx']);
  });

  test('the name is claimed at the very end: a file created just before is kept (link fails, nothing replaced)', () => {
    const target = path.join(dir, 'w.xlsx');
    const racing = fsWith({
      linkSync: (a, b) => {
        fs.writeFileSync(target, 'theirs'); // another process, between our check and our write
        fs.linkSync(a, b);
      },
    });
    expect(() => writeNew(target, bytes('ours'), racing)).toThrow(TargetExists);
    expect(fs.readFileSync(target, 'utf8')).toBe('theirs');
    expect(fs.readdirSync(dir)).toEqual(['w.xlsx']);
  });

  test('without hard links (FAT, some shares) the target is created exclusively instead', () => {
    const target = path.join(dir, 'w.xlsx');
    const noLinks = fsWith({
      linkSync: () => {
        throw errno('EPERM');
      },
    });
    writeNew(target, bytes('ours'), noLinks);
    expect(fs.readFileSync(target, 'utf8')).toBe('ours');
    expect(fs.readdirSync(dir)).toEqual(['w.xlsx']);
    expect(() => writeNew(target, bytes('again'), noLinks)).toThrow(TargetExists);
    expect(fs.readFileSync(target, 'utf8')).toBe('ours');
  });

  test('without hard links, a write that fails half-way removes the half-written file (it was ours)', () => {
    const target = path.join(dir, 'w.xlsx');
    const full = fsWith({
      linkSync: () => {
        throw errno('ENOTSUP');
      },
      writeSync: () => {
        throw errno('ENOSPC');
      },
    });
    expect(() => writeNew(target, bytes('ours'), full)).toThrow(/ENOSPC/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  test('a full disk half-way through the temporary file: the half-written temporary file is removed', () => {
    const target = path.join(dir, 'w.xlsx');
    const full = fsWith({
      writeFileSync: (file, data, options) => {
        fs.writeFileSync(file, (data as Uint8Array).subarray(0, 2), options as fs.WriteFileOptions);
        throw errno('ENOSPC');
      },
    });
    expect(() => writeNew(target, bytes('ours'), full)).toThrow(/ENOSPC/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('what is never replaced, even with --force', () => {
  test('a symbolic link (to a regular file, or to /proc/self/fd/1): refused, the link and its target untouched', () => {
    const mine = path.join(dir, 'mine.txt');
    fs.writeFileSync(mine, 'mine');
    for (const [name, to] of [
      ['link.xlsx', mine],
      ['stdout.xlsx', '/proc/self/fd/1'],
    ]) {
      const link = path.join(dir, name);
      fs.symlinkSync(to, link);
      expect(() => replace(link, bytes('new'))).toThrow(`${link} is a symbolic link, not a regular file`);
      expect(fs.readlinkSync(link)).toBe(to);
      expect(outTargetProblem(dir, name, true)).toBe(
        `${name} is a symbolic link, not a regular file; it is never replaced, even with --force. Choose another --out.`,
      );
    }
    expect(fs.readFileSync(mine, 'utf8')).toBe('mine');
    expect(fs.readdirSync(dir).sort()).toEqual(['link.xlsx', 'mine.txt', 'stdout.xlsx']);
  });

  test('a device, a named pipe and a folder: refused by name and kind', () => {
    expect(() => replace('/dev/null', bytes('new'))).toThrow('/dev/null is a device, not a regular file');
    expect(outTargetProblem(dir, '/dev/null', true)).toMatch(
      /^\/dev\/null is a device, not a regular file; it is never replaced/,
    );
    fs.mkdirSync(path.join(dir, 'folder.xlsx'));
    expect(outTargetProblem(dir, 'folder.xlsx', true)).toMatch(/^folder.xlsx is a folder, not a regular file/);
    if (spawnSync('mkfifo', [path.join(dir, 'fifo.md')]).status === 0)
      expect(outTargetProblem(dir, 'fifo.md', true)).toMatch(/^fifo.md is a named pipe \(FIFO\), not a regular file/);
  });

  test('the input itself: the same file, through a symbolic link or a hard link (same device and inode)', () => {
    const input = path.join(dir, 'wb.xlsx');
    fs.writeFileSync(input, 'PK');
    fs.symlinkSync(input, path.join(dir, 'soft.xlsx'));
    fs.linkSync(input, path.join(dir, 'hard.xlsx'));
    for (const out of ['wb.xlsx', './wb.xlsx', 'soft.xlsx', 'hard.xlsx'])
      expect(outTargetProblem(dir, out, true, input)).toBe(
        `--out ${out} is the workbook being read (${input}); nothing was written. Choose another --out.`,
      );
    fs.writeFileSync(path.join(dir, 'other.md'), 'x');
    expect(outTargetProblem(dir, 'other.md', true, input)).toBeUndefined();
  });
});

describe('replace (--force): atomic, keeps the replaced file’s permissions', () => {
  test.each([0o600, 0o640, 0o755])('mode %o is kept', (m) => {
    const target = path.join(dir, 'w.xlsx');
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, m);
    replace(target, bytes('new'));
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(mode(target)).toBe(m);
    expect(fs.readdirSync(dir)).toEqual(['w.xlsx']);
  });

  test('a new file gets the usual mode for new files', () => {
    const target = path.join(dir, 'w.xlsx');
    const reference = path.join(dir, 'reference');
    fs.writeFileSync(reference, 'x');
    replace(target, bytes('new'));
    expect(mode(target)).toBe(mode(reference));
  });

  test('a failed rename leaves the old file whole and no temporary file', () => {
    const target = path.join(dir, 'w.xlsx');
    fs.writeFileSync(target, 'old');
    const failing = fsWith({
      renameSync: () => {
        throw errno('EIO');
      },
    });
    expect(() => replace(target, bytes('new'), failing)).toThrow(/EIO/);
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir)).toEqual(['w.xlsx']);
  });
});

describe('the workbook command', () => {
  const catalog = (during?: () => void): Catalog => ({
    templates: [{ id: 'themes', name: 'Themes', description: 'Strategic themes', sheets: ['Themes'] }],
    compile: () => {
      during?.();
      return THEMES_PLAN;
    },
    defaultIds: ['themes'],
  });
  async function cli(c: Catalog, ...argv: string[]): Promise<{ code: number; err: string }> {
    let err = '';
    const code = await run(argv, c, ExcelJS, { out: () => undefined, err: (t) => (err += t), cwd: dir });
    return { code, err };
  }

  test('a file created while the workbook is generated is kept: exit 1, its content untouched', async () => {
    const target = path.join(dir, 'w.xlsx');
    const r = await cli(
      catalog(() => fs.writeFileSync(target, 'saved by someone else meanwhile')),
      'workbook',
      '--out',
      'w.xlsx',
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain(
      'w.xlsx already exists (it appeared while the workbook was being written); nothing was written',
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('saved by someone else meanwhile');
    expect(fs.readdirSync(dir)).toEqual(['w.xlsx']);
  });

  test('--force replaces the workbook and keeps its permissions (a private 600 file stays private)', async () => {
    const target = path.join(dir, 'w.xlsx');
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, 0o600);
    const r = await cli(catalog(), 'workbook', '--out', 'w.xlsx', '--force');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(target).subarray(0, 2).toString()).toBe('PK');
    expect(mode(target)).toBe(0o600);
  });
});
