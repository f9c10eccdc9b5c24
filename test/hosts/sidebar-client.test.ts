/**
 * The sidebar's typed google.script.run client (apps-script/sidebar/server-client.ts) over the real server functions
 * (apps-script/src/sidebar-functions.ts) on the Sheets fake: what the panel gets back, errors as rejections, and
 * (the `@ts-expect-error` lines, checked by `npm run typecheck`) calls the compiler refuses.
 */
import { SIDEBAR_FUNCTIONS, type SidebarFunctions } from '../../apps-script/src/sidebar-functions';
import { SERVER_GLOBALS } from '../../apps-script/src/globals';
import { serverClient, type GoogleScriptRun } from '../../apps-script/sidebar/server-client';
import { TEMPLATES } from '../../shared/templates/index';
import { fakeScriptRun } from '../fakes/script-run';
import { createSheetsFake, installSheetsGlobals, type SheetsFake } from '../fakes/sheets';

/** google.script.run whose server is the real sidebar functions, running on `fake` (JSON in and out, async). */
function clientOn(fake: SheetsFake) {
  const run = fakeScriptRun((fn, args) => {
    const restore = installSheetsGlobals(fake);
    try {
      return (SIDEBAR_FUNCTIONS[fn as keyof SidebarFunctions] as (...a: unknown[]) => unknown)(...args);
    } finally {
      restore();
    }
  });
  return serverClient<SidebarFunctions>(() => run.script.run as unknown as GoogleScriptRun);
}

test('each call resolves with what the server function returned, as JSON', async () => {
  const fake = createSheetsFake(['Sheet1']);
  const server = clientOn(fake);
  expect(await server.listTemplates()).toEqual(JSON.parse(JSON.stringify(TEMPLATES)));
  const report = await server.insertTemplate('roadmap', { example: true });
  expect(report.sheets).toEqual(['Roadmap']);
  expect(report.message).toMatch(/^Inserted Roadmap as the new sheet "Roadmap"/);
  expect(fake.ss.getSheetByName('Roadmap')).not.toBeNull();
});

test('a server error rejects with its message; nothing else is called', async () => {
  const server = clientOn(createSheetsFake(['Sheet1']));
  await expect(server.insertTemplate('nope', { example: false })).rejects.toThrow(
    'There is no template "nope". Choose one from the list.',
  );
  await expect(server.insertChartFromSelection('impactEffortMatrix')).rejects.toThrow(/^Select your table first/);
});

test('outside Google Sheets every call rejects instead of throwing', async () => {
  const server = serverClient<SidebarFunctions>(() => undefined);
  await expect(server.listTemplates()).rejects.toThrow('Not running inside Google Sheets');
  // Never mistaken for a promise (await on the client itself returns it as is).
  expect((server as unknown as { then?: unknown }).then).toBeUndefined();
});

test('every sidebar function has a top-level stub Apps Script can call', () => {
  const stubs = new Set(SERVER_GLOBALS.map((g) => g.name));
  for (const name of Object.keys(SIDEBAR_FUNCTIONS)) expect(stubs.has(name)).toBe(true);
});

test('the compiler checks names, arguments and results against the server functions', () => {
  const server = serverClient<SidebarFunctions>(() => undefined);
  const unused = (p: Promise<unknown>) => p.catch(() => undefined);
  // @ts-expect-error no such server function
  expect(() => server.insertTemplates).toBeDefined();
  // @ts-expect-error the id is a text
  unused(server.insertTemplate(7, { example: true }));
  // @ts-expect-error options are { example: boolean }
  unused(server.insertTemplate('roadmap', { example: 'yes' }));
  // @ts-expect-error a chart kind from the catalogue
  unused(server.insertChartFromSelection());
  unused(
    server.insertTemplate('roadmap', { example: true }).then((r) => {
      // @ts-expect-error the report's sheets are a list of names
      const n: number = r.sheets;
      return n;
    }),
  );
});
