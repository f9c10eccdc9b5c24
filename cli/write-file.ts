/**
 * Writing the CLI's output file so that a failure or a race never loses anything:
 *
 *  - without --force (`writeNew`): the bytes go to a temporary file in the same folder, which is then
 *    hard-linked to the target name. `link` fails with EEXIST when the name exists, atomically, so a file
 *    created by someone else at any moment before (even while the workbook was being generated) is never
 *    replaced; and the target appears complete or not at all. Where the file system has no hard links
 *    (FAT, some network shares), the target is created exclusively (`wx`, also atomic no-clobber) and
 *    written in place, and removed again if the write fails (it is ours: we created it).
 *  - with --force (`replace`): the temporary file gets the replaced file's permission bits, then is renamed
 *    over it (atomic on POSIX file systems), so the old workbook stays whole until the new one is.
 *
 * The temporary file is always removed, whatever fails (a full disk half-way through the write included).
 * Never replaced, even with --force: anything that is not a regular file (a device, a pipe, a folder, a symbolic
 * link: renaming over a link would replace the link, not what it points to), and the command's own input (the
 * same file by device and inode, so also through links). File-system calls are injectable for the tests.
 */
import * as nodeFs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { couldNotWrite, noSuchFolder, outputExists, outputIsInput, outputNotRegular } from './messages';

export type WriteFs = Pick<
  typeof nodeFs,
  | 'writeFileSync'
  | 'linkSync'
  | 'renameSync'
  | 'rmSync'
  | 'statSync'
  | 'chmodSync'
  | 'openSync'
  | 'writeSync'
  | 'closeSync'
  | 'lstatSync'
>;

/** The target exists and is not a regular file: never replaced. */
export class NotRegular extends Error {}

/** What a file that is not a regular file is, in words. */
export function fileKind(st: nodeFs.Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** The target already exists (without --force). */
export class TargetExists extends Error {
  readonly code = 'EEXIST';
}

/** A fresh temporary name beside `target` (same folder, so link and rename never cross file systems). */
function tempName(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException | null)?.code;

/** Writes `bytes` to `target` only if no file has that name; throws TargetExists otherwise. */
export function writeNew(target: string, bytes: Uint8Array, fs: WriteFs = nodeFs): void {
  const tmp = tempName(target);
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx', mode: 0o666 });
    fs.linkSync(tmp, target);
  } catch (e) {
    if (code(e) === 'EEXIST') throw new TargetExists(`${target} already exists`);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code(e) ?? '')) throw e;
    writeExclusive(target, bytes, fs); // no hard links here
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Creates `target` exclusively and writes it; a failed write removes the half-written file (ours). */
function writeExclusive(target: string, bytes: Uint8Array, fs: WriteFs): void {
  let fd: number;
  try {
    fd = fs.openSync(target, 'wx', 0o666);
  } catch (e) {
    if (code(e) === 'EEXIST') throw new TargetExists(`${target} already exists`);
    throw e;
  }
  try {
    let done = 0;
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    fs.closeSync(fd);
  } catch (e) {
    try {
      fs.closeSync(fd);
    } catch {
      // already closed
    }
    fs.rmSync(target, { force: true });
    throw e;
  }
}

/** Replaces `target` (or creates it) atomically, keeping the replaced file's permission bits. */
export function replace(target: string, bytes: Uint8Array, fs: WriteFs = nodeFs): void {
  let mode: number | undefined;
  try {
    const st = fs.lstatSync(target);
    if (!st.isFile()) throw new NotRegular(outputNotRegular(target, fileKind(st)));
    mode = st.mode & 0o7777;
  } catch (e) {
    if (code(e) !== 'ENOENT') throw e;
  }
  const tmp = tempName(target);
  try {
    fs.writeFileSync(tmp, bytes, { flag: 'wx', mode: 0o666 });
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Why `out` (relative to `cwd`) cannot be written, before any work is done: it is the input being read (`input`,
 * compared by device and inode, so also through links), it exists and is not a regular file (even with `force`),
 * it exists and `force` is off, or its folder does not exist. The write itself stays atomic and no-clobber
 * (writeNew, replace); this only answers early.
 */
export function outTargetProblem(
  cwd: string,
  out: string,
  force: boolean,
  input?: string,
  fs: Pick<typeof nodeFs, 'existsSync' | 'lstatSync' | 'statSync'> = nodeFs,
): string | undefined {
  const target = path.resolve(cwd, out);
  const here = fs.lstatSync(target, { throwIfNoEntry: false });
  if (here) {
    const [a, b] = [fs.statSync(target, { throwIfNoEntry: false }), input ? fs.statSync(input) : undefined];
    if (a && b && a.dev === b.dev && a.ino === b.ino) return outputIsInput(out, input!);
    if (!here.isFile()) return outputNotRegular(out, fileKind(here));
    if (!force) return outputExists(out);
  }
  if (!fs.existsSync(path.dirname(target))) return noSuchFolder(path.dirname(out));
  return undefined;
}

/** What a failed write says, for either command: appeared meanwhile, not a regular file, or the system's reason. */
export function writeFailureText(e: unknown, out: string, what: 'document' | 'workbook'): string {
  if (e instanceof TargetExists) return outputExists(out, what);
  if (e instanceof NotRegular) return e.message;
  return couldNotWrite(out, e);
}
