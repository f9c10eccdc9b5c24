/**
 * The drawing part that places a sheet's charts (ECMA-376 Part 1, §20.5 "DrawingML - SpreadsheetML
 * Drawing": xdr:wsDr, xdr:oneCellAnchor, xdr:graphicFrame) and the relationship parts that link
 * sheet → drawing → charts (ECMA-376 Part 2, Open Packaging Conventions §9.3).
 *
 * A one-cell anchor keeps the chart's size when rows grow (wrapped text, taller headers) and moves it
 * with its top-left cell when rows or columns are inserted before it.
 */
import type { FileChart } from './chart-model';
import { NS as CHART_NS } from './chart-xml';
import { el, part, text, type Xml } from './xml';

export const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
};
export const CONTENT_TYPE = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** English Metric Units per pixel at 96 dpi (914400 per inch). */
export const EMU_PER_PX = 9525;

function anchor(c: FileChart, relId: string, shapeId: number): Xml {
  const { col, row, widthPx, heightPx } = c.anchor;
  const frame = el(
    'xdr:graphicFrame',
    { macro: '' },
    el(
      'xdr:nvGraphicFramePr',
      {},
      el('xdr:cNvPr', { id: shapeId, name: c.title, descr: c.altText }),
      el('xdr:cNvGraphicFramePr', {}, el('a:graphicFrameLocks', { noGrp: true })),
    ),
    el('xdr:xfrm', {}, el('a:off', { x: 0, y: 0 }), el('a:ext', { cx: 0, cy: 0 })),
    el(
      'a:graphic',
      {},
      el(
        'a:graphicData',
        { uri: CHART_NS.c },
        el('c:chart', { 'xmlns:c': CHART_NS.c, 'xmlns:r': CHART_NS.r, 'r:id': relId }),
      ),
    ),
  );
  return el(
    'xdr:oneCellAnchor',
    {},
    el(
      'xdr:from',
      {},
      el('xdr:col', {}, text(String(col))),
      el('xdr:colOff', {}, text('0')),
      el('xdr:row', {}, text(String(row))),
      el('xdr:rowOff', {}, text('0')),
    ),
    el('xdr:ext', { cx: widthPx * EMU_PER_PX, cy: heightPx * EMU_PER_PX }),
    frame,
    el('xdr:clientData'),
  );
}

/** `xl/drawings/drawingN.xml`: the sheet's charts, each linked by `rId1`, `rId2`… in order. */
export function drawingPart(charts: FileChart[]): string {
  return part(
    el(
      'xdr:wsDr',
      { 'xmlns:xdr': XDR, 'xmlns:a': CHART_NS.a },
      charts.map((c, i) => anchor(c, `rId${i + 1}`, i + 2)),
    ),
  );
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

/** A relationships part (`…/_rels/x.xml.rels`). */
export function relsPart(rels: Relationship[]): string {
  return part(
    el(
      'Relationships',
      { xmlns: PKG_RELS },
      rels.map((r) => el('Relationship', { Id: r.id, Type: r.type, Target: r.target })),
    ),
  );
}

/** One `<Relationship>` element, to append to a relationships part ExcelJS already wrote. */
export const relationship = (r: Relationship): Xml => el('Relationship', { Id: r.id, Type: r.type, Target: r.target });
