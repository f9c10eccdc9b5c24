/**
 * Reading the `document` command's input file in bounded time and memory: only a regular file (a FIFO would
 * block forever, a device such as /dev/zero never ends) and at most MAX_INPUT_BYTES. The path is checked with
 * stat, then opened without blocking (O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer)
 * and checked again with fstat on the opened descriptor, so a file swapped in between is caught too; the read
 * stops at the size limit even if the file grows meanwhile.
 */
import * as fs from 'fs';
import { inputNotRegular, inputTooLarge } from './messages';

/** The largest workbook file `document` reads (bytes). */
export const MAX_INPUT_BYTES = 100 * 1024 * 1024;

/** A refusal of the input file itself (not a regular file, too large): said as is. */
export class InputRefused extends Error {}

function kind(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function check(st: fs.Stats, shown: string, limit: number): void {
  if (!st.isFile()) throw new InputRefused(inputNotRegular(shown, kind(st)));
  if (st.size > limit) throw new InputRefused(inputTooLarge(shown, limit));
}

/** The whole file at `file` (shown to the user as `shown`), if it is a regular file of at most `limit` bytes. */
export function readRegularFile(file: string, shown: string, limit = MAX_INPUT_BYTES): Buffer {
  check(fs.statSync(file), shown, limit);
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = fs.fstatSync(fd);
    check(st, shown, limit);
    const buf = Buffer.alloc(Math.min(st.size, limit) + 1);
    let got = 0;
    for (;;) {
      const n = fs.readSync(fd, buf, got, buf.length - got, null);
      if (n === 0) break;
      got += n;
      if (got === buf.length) throw new InputRefused(inputTooLarge(shown, limit));
    }
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}

/** The identity of a file (device and inode), following links; undefined when it does not exist. */
export function fileIdentity(file: string): { dev: number; ino: number } | undefined {
  try {
    const st = fs.statSync(file);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return undefined;
  }
}
