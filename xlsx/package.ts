/**
 * Phase 3 of the .xlsx charts: adds the chart parts to the package ExcelJS wrote (ExcelJS has no
 * charts). For each sheet with charts: `xl/charts/chartN.xml`, `xl/drawings/drawingN.xml` and its
 * relationships, the sheet's relationship to the drawing and its `<drawing r:id>` element (in the
 * position CT_Worksheet requires), and the content-type overrides (ECMA-376 Part 2, §10.1.2.2). Also
 * writes each sheet's print names (`_xlnm.Print_Area`, `_xlnm.Print_Titles`, Part 1 §18.2.6).
 *
 * Works on the zip with JSZip (ExcelJS's own zip library) in Node and in the browser.
 */
import JSZip from 'jszip';
import type { FileChart } from './chart-model';
import { chartPart } from './chart-xml';
import { USER_SHAPES, userShapesPart } from './chart-shapes-xml';
import { CONTENT_TYPE, REL, drawingPart, relationship, relsPart } from './drawing-xml';
import { el, escapeXml, text, type Xml } from './xml';

export interface SheetParts {
  /** The sheet's name as the workbook lists it. */
  sheet: string;
  charts: FileChart[];
  /** Absolute sheet-qualified ranges to print (`'Roadmap'!$A$1:$H$17`), in page order. */
  printArea: string[];
  /** Rows repeated at the top of every printed page (`'Roadmap'!$1:$1`). */
  printTitles?: string;
}

interface SheetEntry {
  name: string;
  /** 0-based position in the workbook (a defined name's localSheetId). */
  index: number;
  /** Zip path, e.g. `xl/worksheets/sheet7.xml`. */
  path: string;
}

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
};

async function read(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`The workbook package has no ${path}`);
  return f.async('string');
}

/** The sheets in workbook order with the part each one is stored in. */
async function sheetEntries(zip: JSZip): Promise<SheetEntry[]> {
  const workbook = await read(zip, 'xl/workbook.xml');
  const rels = await read(zip, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) targets.set(attr(m[0], 'Id')!, attr(m[0], 'Target')!);
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m, index) => {
    const target = targets.get(attr(m[0], 'r:id') ?? '');
    if (!target) throw new Error(`Sheet "${attr(m[0], 'name')}" has no part in the workbook relationships`);
    return { name: attr(m[0], 'name')!, index, path: target.startsWith('/') ? target.slice(1) : `xl/${target}` };
  });
}

/** Elements that follow `<drawing>` in CT_Worksheet (ECMA-376 Part 1, §18.3.1.99). */
const AFTER_DRAWING = [
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

/** The root's children: name and offset of each start tag (nested elements such as a cfRule's extLst are skipped). */
export function topLevelChildren(xml: string): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g)) {
    const [, close, name, empty] = m;
    if (close) depth--;
    else {
      if (depth === 1) out.push({ name, at: m.index! });
      if (!empty) depth++;
    }
  }
  return out;
}

/** Adds `<drawing r:id>` to a worksheet part, before the children CT_Worksheet puts after it. */
export function insertDrawing(sheetXml: string, relId: string): string {
  const tag = `<drawing r:id="${escapeXml(relId)}"/>`;
  const next = topLevelChildren(sheetXml).find((c) => AFTER_DRAWING.includes(c.name));
  const pos = next ? next.at : sheetXml.lastIndexOf('</worksheet>');
  if (pos < 0) throw new Error('Not a worksheet part: no </worksheet>');
  return `${sheetXml.slice(0, pos)}${tag}${sheetXml.slice(pos)}`;
}

/**
 * Puts ExcelJS's `<legacyDrawing>` (the cell notes' drawing) where CT_Worksheet has it: right after `<drawing>`,
 * before `tableParts` and `extLst`. ExcelJS writes it last, after `extLst`, which breaks the schema's order (a sheet
 * with both notes and extended validations or formats).
 */
export function placeLegacyDrawing(sheetXml: string): string {
  const m = /<legacyDrawing\b[^>]*\/>/.exec(sheetXml);
  if (!m) return sheetXml;
  const without = sheetXml.slice(0, m.index) + sheetXml.slice(m.index + m[0].length);
  const next = topLevelChildren(without).find((c) => AFTER_DRAWING.slice(1).includes(c.name));
  const pos = next ? next.at : without.lastIndexOf('</worksheet>');
  return `${without.slice(0, pos)}${m[0]}${without.slice(pos)}`;
}

/** Adds a relationship to a relationships part (creating it), returning the new Id. */
async function addRelationship(zip: JSZip, relsPath: string, type: string, target: string): Promise<string> {
  const existing = zip.file(relsPath) ? await read(zip, relsPath) : undefined;
  const ids = existing ? [...existing.matchAll(/\bId="rId(\d+)"/g)].map((m) => Number(m[1])) : [];
  const id = `rId${ids.reduce((m, x) => Math.max(m, x), 0) + 1}`;
  zip.file(
    relsPath,
    existing
      ? existing.replace('</Relationships>', `${relationship({ id, type, target })}</Relationships>`)
      : relsPart([{ id, type, target }]),
  );
  return id;
}

function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Part numbers handed out so far (drawings: sheet drawings and chart text boxes share the folder). */
interface Numbering {
  drawings: number;
  charts: number;
}

/** A part added to the package, with its content type. */
interface Added {
  path: string;
  type: string;
}

/** Writes one chart part (and its text boxes, if any); the chart comes first in the list. */
function addChart(zip: JSZip, c: FileChart, n: Numbering): Added[] {
  const chart = { path: `xl/charts/chart${++n.charts}.xml`, type: CONTENT_TYPE.chart };
  zip.file(chart.path, chartPart(c));
  if (c.captions.length === 0) return [chart];
  const shapes = { path: `xl/drawings/drawing${++n.drawings}.xml`, type: USER_SHAPES.contentType };
  zip.file(shapes.path, userShapesPart(c.captions));
  // chartPart links its user shapes as rId1.
  zip.file(
    relsPathOf(chart.path),
    relsPart([{ id: 'rId1', type: USER_SHAPES.rel, target: `../${shapes.path.slice(3)}` }]),
  );
  return [chart, shapes];
}

/** Writes one sheet's charts and the drawing that places them. */
async function addDrawing(zip: JSZip, sheet: SheetEntry, charts: FileChart[], n: Numbering): Promise<Added[]> {
  const drawing = { path: `xl/drawings/drawing${++n.drawings}.xml`, type: CONTENT_TYPE.drawing };
  const written = charts.map((c) => addChart(zip, c, n));
  zip.file(drawing.path, drawingPart(charts));
  zip.file(
    relsPathOf(drawing.path),
    relsPart(written.map((p, i) => ({ id: `rId${i + 1}`, type: REL.chart, target: `../${p[0].path.slice(3)}` }))),
  );
  const relId = await addRelationship(zip, relsPathOf(sheet.path), REL.drawing, `../${drawing.path.slice(3)}`);
  zip.file(sheet.path, insertDrawing(await read(zip, sheet.path), relId));
  return [drawing, ...written.flat()];
}

async function addContentTypes(zip: JSZip, parts: Added[]): Promise<void> {
  const path = '[Content_Types].xml';
  const overrides = parts.map((p) => el('Override', { PartName: `/${p.path}`, ContentType: p.type })).join('');
  zip.file(path, (await read(zip, path)).replace('</Types>', `${overrides}</Types>`));
}

/** A sheet's print names: its print area (several ranges) and the rows repeated on each page. */
export interface PrintNames {
  /** 0-based position of the sheet (the names' localSheetId). */
  index: number;
  area: string[];
  titles?: string;
}

const BUILTIN_PRINT_NAME = /<definedName\b[^>]*name="_xlnm\.Print_(Area|Titles)"[^>]*>[^<]*<\/definedName>/g;

/**
 * Writes each sheet's `_xlnm.Print_Area` (all its ranges in one name) and `_xlnm.Print_Titles`,
 * replacing any ExcelJS wrote: ExcelJS writes one name per range (a duplicate name to Excel) and
 * leaves an apostrophe in a sheet name unescaped (`'What We're Not Doing'!$1:$1`).
 */
export function setPrintNames(workbookXml: string, sheets: PrintNames[]): string {
  let xml = workbookXml.replace(BUILTIN_PRINT_NAME, '');
  const names: Xml[] = sheets.flatMap((s) => [
    ...(s.area.length > 0
      ? [el('definedName', { name: '_xlnm.Print_Area', localSheetId: s.index }, text(s.area.join(',')))]
      : []),
    ...(s.titles ? [el('definedName', { name: '_xlnm.Print_Titles', localSheetId: s.index }, text(s.titles))] : []),
  ]);
  if (names.length === 0) return xml;
  if (xml.includes('<definedNames/>')) xml = xml.replace('<definedNames/>', '<definedNames></definedNames>');
  if (xml.includes('</definedNames>')) return xml.replace('</definedNames>', `${names.join('')}</definedNames>`);
  const at = xml.search(/<(calcPr|oleSize|customWorkbookViews|pivotCaches|extLst)[\s>/]/);
  const pos = at >= 0 ? at : xml.lastIndexOf('</workbook>');
  return `${xml.slice(0, pos)}<definedNames>${names.join('')}</definedNames>${xml.slice(pos)}`;
}

/**
 * Makes the workbook's default font (the Normal style, font 0 of styles.xml) the sheets' font. ExcelJS
 * always writes Calibri 11; where Calibri is missing (LibreOffice on Linux) a wider fallback changes
 * every column's width, since widths count the default font's digits.
 */
export function setDefaultFont(stylesXml: string, font: { name: string; size: number }): string {
  const fonts = stylesXml.indexOf('<fonts');
  const start = stylesXml.indexOf('<font>', fonts);
  const end = stylesXml.indexOf('</font>', start);
  if (fonts < 0 || start < 0 || end < 0) throw new Error('styles.xml has no default font');
  const normal = el(
    'font',
    {},
    el('sz', { val: font.size }),
    el('color', { theme: 1 }),
    el('name', { val: font.name }),
    el('family', { val: 2 }),
  );
  return `${stylesXml.slice(0, start)}${normal}${stylesXml.slice(end + '</font>'.length)}`;
}

/** The package ExcelJS wrote, with every sheet's charts and print area added. */
export async function addParts(
  bytes: Uint8Array | ArrayBuffer,
  sheets: SheetParts[],
  defaultFont: { name: string; size: number },
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file('xl/styles.xml', setDefaultFont(await read(zip, 'xl/styles.xml'), defaultFont));
  const entries = await sheetEntries(zip);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const entry = (name: string): SheetEntry => {
    const e = byName.get(name);
    if (!e) throw new Error(`The workbook has no sheet "${name}"`);
    return e;
  };
  for (const e of entries) zip.file(e.path, placeLegacyDrawing(await read(zip, e.path)));
  const added: Added[] = [];
  const n: Numbering = { drawings: 0, charts: 0 };
  for (const s of sheets.filter((x) => x.charts.length > 0))
    for (const a of await addDrawing(zip, entry(s.sheet), s.charts, n)) added.push(a);
  if (added.length > 0) await addContentTypes(zip, added);
  const names = sheets.map((s) => ({ index: entry(s.sheet).index, area: s.printArea, titles: s.printTitles }));
  zip.file('xl/workbook.xml', setPrintNames(await read(zip, 'xl/workbook.xml'), names));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
