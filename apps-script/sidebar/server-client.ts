/**
 * A typed client for google.script.run (after enuchi's `GASClient<typeof serverFunctions>`): `server.insertTemplate(id,
 * options)` returns a Promise of what the server function returns, and the compiler checks the name, the arguments
 * and the result against the server functions' own types. Apps Script runs the call on the server and hands back
 * the result as JSON, or an Error (withFailureHandler).
 * Docs: https://developers.google.com/apps-script/guides/html/reference/run
 */
import type { Async } from '../../shared/panel/panel-api';

/** The parts of google.script.run this client uses: handlers, then the server function by name. */
export interface GoogleScriptRun {
  withSuccessHandler(f: (v: unknown) => void): GoogleScriptRun;
  withFailureHandler(f: (e: Error) => void): GoogleScriptRun;
  [fn: string]: unknown;
}

/**
 * A client for the server functions of type `Server`. `run` gives google.script.run (undefined outside Sheets: every
 * call then rejects). Calls are made by name through a Proxy, so the client needs no list of names to keep in step.
 */
export function serverClient<Server extends object>(run: () => GoogleScriptRun | undefined): Async<Server> {
  const call =
    (fn: string) =>
    (...args: unknown[]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const runner = run();
        if (!runner) return reject(new Error('Not running inside Google Sheets'));
        const ready = runner.withSuccessHandler(resolve).withFailureHandler(reject);
        (ready[fn] as (...a: unknown[]) => void)(...args);
      });
  return new Proxy({} as Async<Server>, {
    // "then" stays undefined so the client is never mistaken for a promise.
    get: (_target, name) => (typeof name === 'string' && name !== 'then' ? call(name) : undefined),
  });
}
