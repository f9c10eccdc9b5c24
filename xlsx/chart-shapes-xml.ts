/**
 * Text boxes drawn inside a chart (the impact/effort quadrant names): the chart's user shapes part
 * (ECMA-376 Part 1, §21.3 "DrawingML - Chart Drawings": c:userShapes holding cdr:relSizeAnchor shapes
 * placed in fractions of the chart's size), linked from the chart space by `c:userShapes r:id`. They
 * move and scale with the chart; Excel and LibreOffice (oox ChartDrawingFragment) both draw them.
 */
import type { FileCaption } from './chart-model';
import { NS } from './chart-xml';
import { runProps } from './chart-text';
import { el, part, text, type Xml } from './xml';

const CDR = 'http://schemas.openxmlformats.org/drawingml/2006/chartDrawing';
export const USER_SHAPES = {
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartUserShapes',
  contentType: 'application/vnd.openxmlformats-officedocument.drawingml.chartshapes+xml',
};

const point = (tag: string, x: number, y: number): Xml =>
  el(tag, {}, el('cdr:x', {}, text(x.toFixed(4))), el('cdr:y', {}, text(y.toFixed(4))));

function textBox(c: FileCaption, id: number): Xml {
  const paragraph = (line: string): Xml =>
    el(
      'a:p',
      {},
      el('a:pPr', { algn: c.align }),
      el('a:r', {}, runProps('a:rPr', { size: 9, bold: true, color: c.color }), el('a:t', {}, text(line))),
    );
  return el(
    'cdr:sp',
    { macro: '', textlink: '' },
    el(
      'cdr:nvSpPr',
      {},
      el('cdr:cNvPr', { id, name: `Caption: ${c.lines.join(' ')}` }),
      el('cdr:cNvSpPr', { txBox: true }),
    ),
    el(
      'cdr:spPr',
      {},
      el('a:xfrm', {}, el('a:off', { x: 0, y: 0 }), el('a:ext', { cx: 0, cy: 0 })),
      el('a:prstGeom', { prst: 'rect' }, el('a:avLst')),
      el('a:noFill'),
      el('a:ln', {}, el('a:noFill')),
    ),
    el(
      'cdr:txBody',
      {},
      el('a:bodyPr', { wrap: 'none', lIns: 0, tIns: 0, rIns: 0, bIns: 0, anchor: 't' }),
      el('a:lstStyle'),
      c.lines.map(paragraph),
    ),
  );
}

/** The user shapes part of a chart with captions. */
export function userShapesPart(captions: FileCaption[]): string {
  return part(
    el(
      'c:userShapes',
      { 'xmlns:c': NS.c, 'xmlns:a': NS.a, 'xmlns:cdr': CDR },
      captions.map((c, i) =>
        el(
          'cdr:relSizeAnchor',
          {},
          point('cdr:from', c.box.x, c.box.y),
          point('cdr:to', c.box.x + c.box.w, c.box.y + c.box.h),
          textBox(c, i + 2),
        ),
      ),
    ),
  );
}
