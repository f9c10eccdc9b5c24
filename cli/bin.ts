/** Entry point of the `tech-strategy-toolkit` command (bin/tech-strategy-toolkit.js loads it through tsx). */
import ExcelJS from 'exceljs';
import { catalog } from './catalog';
import { run } from './main';
import { errorLine, unexpectedFailure } from './messages';

/**
 * Standard output closed by its reader (`document … --out - | head`): a normal end, as for any Unix filter: the
 * rest is dropped and the command ends with what it would have returned.
 */
function quietOnEpipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      process.stdout.destroy();
      return;
    }
    failed(e);
  });
}

/** Any failure nothing else reported: one clear line, exit code 1, never a stack trace. */
export function failed(e: unknown): void {
  try {
    process.stderr.write(errorLine(unexpectedFailure(e)));
  } finally {
    process.exit(1);
  }
}

export function main(argv: string[]): Promise<number> {
  quietOnEpipe();
  process.on('uncaughtException', failed);
  process.on('unhandledRejection', failed);
  return run(argv, catalog, ExcelJS, {
    out: (t) => {
      if (!process.stdout.destroyed) process.stdout.write(t);
    },
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  });
}
