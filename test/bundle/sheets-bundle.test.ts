/** The built Google Sheets bundle (dist/apps-script/Code.js) loaded in a vm, as Apps Script would run it. */
import * as fs from 'fs';
import * as path from 'path';
import { REGISTRY } from '../../shared/functions';
import { DIST, loadSheetsBundle, readDist } from '../harness/bundles';
import { createSheetsFake } from '../fakes/sheets';

describe('Code.js custom functions', () => {
  const bundle = loadSheetsBundle();

  test('PRIORITY_SCORE(9, 8, 5, 6) returns 17.5 (the seed formula; the guide prints 28)', () => {
    expect(bundle.call('PRIORITY_SCORE', 9, 8, 5, 6)).toBe(17.5);
  });

  test('a 3-row range call returns a 3×1 array, one score per row', () => {
    const out = bundle.call('PRIORITY_SCORE', [[9], [7], [4]], [[8], [5], [3]], [[5], [8], [7]], [[6], [4], [5]]);
    expect(out).toEqual([[17.5], [11], [2.5]]);
  });

  test('a text impact throws an Error whose message names Impact and the value', () => {
    expect(() => bundle.call('PRIORITY_SCORE', 'high', 8, 5, 6)).toThrow(
      'Impact must be a number from 1 to 10 (got "high")',
    );
  });

  test('in a range call only the bad row carries the error text; others keep their values', () => {
    const out = bundle.call('PRIORITY_SCORE', [[9], [11], ['']], [[8], [5], ['']], [[5], [8], ['']], [[6], [4], ['']]);
    expect(out).toEqual([[17.5], ['#VALUE! Impact must be a number from 1 to 10 (got 11)'], ['']]);
  });

  test('every registry function is a top-level function with @customfunction JSDoc and its parameter names', () => {
    for (const f of REGISTRY) {
      const params = f.params.map((p) => p.name).join(', ');
      const re = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*function ${f.name}\\(${params}\\)`);
      const m = re.exec(bundle.code);
      expect(m).not.toBeNull();
      const doc = m![1];
      expect(doc).toContain('@customfunction');
      for (const p of f.params) expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${p.name}\\]? \\S`));
      expect(bundle.has(f.name)).toBe(true);
    }
  });

  test('Code.js is not minified and uses no eval', () => {
    expect(bundle.code).not.toMatch(/\beval\(/);
    expect(bundle.code).not.toMatch(/new Function\(/);
    expect(bundle.code.split('\n').length).toBeGreaterThan(100);
  });
});

describe('Code.js menu', () => {
  test('onOpen adds the Tech Strategy add-on menu with the function reference', () => {
    const fake = createSheetsFake();
    const bundle = loadSheetsBundle({ SpreadsheetApp: fake.globals.SpreadsheetApp });
    bundle.call('onOpen', { authMode: 'LIMITED' });
    expect(fake.ui.menus).toHaveLength(1);
    const menu = fake.ui.menus[0];
    expect(menu.addedToUi).toBe(true);
    const handlers = JSON.stringify(menu.items);
    expect(handlers).toContain('"fn":"showFunctionReference"');
    // every menu handler is a top-level function of Code.js
    const walk = (items: typeof menu.items): string[] =>
      items.flatMap((i) => ('fn' in i ? [i.fn] : 'submenu' in i ? walk(i.submenu.items) : []));
    for (const fn of walk(menu.items)) expect(bundle.has(fn)).toBe(true);
  });
});

describe('dist/apps-script is ready for clasp push', () => {
  test('appsscript.json: V8 and only the two minimal scopes', () => {
    const manifest = JSON.parse(readDist('apps-script/appsscript.json'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
  });

  test('Sidebar.html inlines its script and loads nothing remote', () => {
    const html = readDist('apps-script/Sidebar.html');
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect(fs.existsSync(path.join(DIST, 'apps-script/sidebar.js'))).toBe(false);
  });

  test('.clasp.json example and .claspignore point clasp at dist/apps-script only', () => {
    const clasp = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../.clasp.json.example'), 'utf8'));
    expect(clasp.rootDir).toBe('dist/apps-script');
    const ignore = fs.readFileSync(path.resolve(__dirname, '../../.claspignore'), 'utf8');
    expect(ignore).toMatch(/^\*\*\/\*\*$/m);
    expect(ignore).toMatch(/^!appsscript\.json$/m);
  });
});
