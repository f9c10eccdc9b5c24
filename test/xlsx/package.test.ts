/**
 * The package the writer produces, checked offline the way Excel checks it when it opens a file:
 * every part's children in schema order (schema-order.ts, from ECMA-376), every relationship's target
 * present, every part with a content type (ECMA-376 Part 2, Open Packaging Conventions), each chart
 * placed by exactly one drawing and each drawing by exactly one sheet.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { defaultTemplateIds } from '../../cli/catalog';
import { compileTemplate } from '../../shared/templates';
import { modelFromPlans } from '../../xlsx/model';
import { writeXlsx } from '../../xlsx/writer';
import { orderViolations, parseTree } from './schema-order';

let zip: JSZip;
const text = (p: string): Promise<string> => zip.file(p)!.async('string');
const parts = (re: RegExp): string[] => Object.keys(zip.files).filter((p) => re.test(p) && !zip.files[p].dir);

beforeAll(async () => {
  const model = modelFromPlans(defaultTemplateIds().map((id) => compileTemplate(id, { example: true })));
  zip = await JSZip.loadAsync(await writeXlsx(ExcelJS, model));
});

test('twelve chart parts (six, and six metric trends); seven drawing parts: one per sheet with charts, and the matrix’s text boxes', () => {
  expect(parts(/^xl\/charts\/chart\d+\.xml$/)).toHaveLength(6 + 6);
  expect(parts(/^xl\/drawings\/drawing\d+\.xml$/)).toHaveLength(7);
});

test('every chart, drawing, sheet and workbook part lists its children in schema order', async () => {
  const checked = parts(/^xl\/(charts|drawings|worksheets)\/[^/]+\.xml$|^xl\/workbook\.xml$/);
  expect(checked.length).toBeGreaterThan(20);
  const violations: string[] = [];
  for (const p of checked) violations.push(...orderViolations(parseTree(await text(p))).map((v) => `${p}: ${v}`));
  expect(violations).toEqual([]);
});

test('the order check finds a chart written out of order (it can fail)', () => {
  const bad =
    '<c:chartSpace><c:chart><c:plotArea><c:barChart><c:barDir val="bar"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val/><c:cat/></c:ser></c:barChart></c:plotArea><c:plotVisOnly val="0"/><c:legend/></c:chart></c:chartSpace>';
  expect(orderViolations(parseTree(bad))).toEqual([
    '#document/c:chartSpace/c:chart: <c:legend> after <c:plotVisOnly>',
    '#document/c:chartSpace/c:chart/c:plotArea/c:barChart/c:ser: <c:cat> after <c:val>',
  ]);
});

/** Relationships of every .rels part, with targets resolved to zip paths. */
async function relationships(): Promise<{ from: string; type: string; target: string }[]> {
  const out: { from: string; type: string; target: string }[] = [];
  for (const rels of parts(/\.rels$/)) {
    const dir = rels.replace(/_rels\/[^/]+$/, '');
    for (const m of (await text(rels)).matchAll(/<Relationship\b[^>]*Type="([^"]+)"[^>]*Target="([^"]+)"/g)) {
      const segments = `${dir}${m[2]}`.split('/');
      const resolved: string[] = [];
      for (const s of segments) {
        if (s === '..') resolved.pop();
        else if (s !== '.' && s !== '') resolved.push(s);
      }
      out.push({ from: rels, type: m[1].split('/').pop()!, target: resolved.join('/') });
    }
  }
  return out;
}

test('every relationship points at a part of the package; every part has a content type', async () => {
  const rels = await relationships();
  expect(rels.filter((r) => !zip.file(r.target)).map((r) => `${r.from} → ${r.target}`)).toEqual([]);
  const types = await text('[Content_Types].xml');
  const overrides = new Set([...types.matchAll(/PartName="\/([^"]+)"/g)].map((m) => m[1]));
  const defaults = new Set([...types.matchAll(/<Default Extension="([^"]+)"/g)].map((m) => m[1]));
  const untyped = parts(/./).filter(
    (p) => p !== '[Content_Types].xml' && !overrides.has(p) && !defaults.has(p.split('.').pop()!),
  );
  expect(untyped).toEqual([]);
  // Chart and drawing parts are not plain XML: each has its own override.
  for (const p of parts(/^xl\/(charts|drawings)\/[^/]+\.xml$/)) expect(overrides.has(p)).toBe(true);
});

test('each chart is placed by one drawing, each drawing by one sheet, the text boxes by their chart', async () => {
  const rels = await relationships();
  const count = (type: string, target: string): number =>
    rels.filter((r) => r.type === type && r.target === target).length;
  for (const c of parts(/^xl\/charts\/chart\d+\.xml$/)) expect(count('chart', c)).toBe(1);
  const sheetDrawings = rels.filter((r) => r.type === 'drawing');
  expect(sheetDrawings).toHaveLength(6);
  expect(new Set(sheetDrawings.map((r) => r.from)).size).toBe(6);
  const shapes = rels.filter((r) => r.type === 'chartUserShapes');
  expect(shapes).toHaveLength(1);
  expect(await text(shapes[0].target)).toContain('Do Now');
});
