/** A fake of the sidebar's `google.script.run`, backed by a function that plays the Apps Script server. */
type Runner = Record<string, unknown>;

/** Apps Script passes arguments and results as JSON: no Dates, functions or prototypes survive. */
const json = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** google.script.run backed by `server` (async, JSON in and out, success/failure handlers, like Apps Script). */
export function fakeScriptRun(server: (fn: string, args: unknown[]) => unknown): { script: { run: Runner } } {
  const make = (ok?: (v: unknown) => void, fail?: (e: Error) => void): Runner =>
    new Proxy({} as Runner, {
      get: (_t, prop) => {
        if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => make(f, fail);
        if (prop === 'withFailureHandler') return (f: (e: Error) => void) => make(ok, f);
        if (typeof prop !== 'string') return undefined;
        return (...args: unknown[]) =>
          setImmediate(() => {
            try {
              ok?.(json(server(prop, json(args)) ?? null));
            } catch (e) {
              fail?.(new Error((e as Error).message));
            }
          });
      },
    });
  return { script: { run: make() } };
}
