/**
 * DrawingML text and shape properties shared by the chart parts: rich text (titles, quadrant
 * names), text properties (fonts of axes, legend and labels), fills and lines. Element order follows
 * ECMA-376 Part 1, §20.1 (DrawingML main: CT_TextBody, CT_TextCharacterProperties, CT_ShapeProperties).
 */
import { el, text, type Xml } from './xml';

/** The charts' font: the sans-serif the sheets use (Arial; LibreOffice draws it with Liberation Sans). */
export const CHART_FONT = 'Arial';
export const TEXT_COLOR = '#333333';

export interface TextStyle {
  /** Points. */
  size: number;
  bold?: boolean;
  color?: string;
}

const hex = (color: string): string => color.replace('#', '').toUpperCase();

export const solidFill = (color: string): Xml => el('a:solidFill', {}, el('a:srgbClr', { val: hex(color) }));

/** A line: width in points, colour or none, dashed or solid. */
export function line(color: string | undefined, widthPt = 0.75, dash?: 'dash'): Xml {
  return el(
    'a:ln',
    color ? { w: Math.round(widthPt * 12700) } : {},
    color ? solidFill(color) : el('a:noFill'),
    dash && el('a:prstDash', { val: dash }),
  );
}

/** c:spPr — a fill (or none) and a line (or none). */
export function shapeProps(fill: string | undefined, outline: Xml = line(undefined)): Xml {
  return el('c:spPr', {}, fill ? solidFill(fill) : el('a:noFill'), outline);
}

/** Run properties: size in hundredths of a point, bold, colour, font. */
export function runProps(tag: 'a:rPr' | 'a:defRPr', s: TextStyle): Xml {
  return el(
    tag,
    { ...(tag === 'a:rPr' ? { lang: 'en-US' } : {}), sz: Math.round(s.size * 100), b: s.bold ?? false },
    solidFill(s.color ?? TEXT_COLOR),
    el('a:latin', { typeface: CHART_FONT }),
    el('a:cs', { typeface: CHART_FONT }),
  );
}

/** Body properties: vertical titles are rotated a quarter turn. */
const bodyProps = (rotated: boolean): Xml => el('a:bodyPr', rotated ? { rot: -5400000, vert: 'horz' } : {});

/** c:txPr — how generated text (tick labels, legend, value labels) is drawn. */
export function textProps(s: TextStyle): Xml {
  return el(
    'c:txPr',
    {},
    bodyProps(false),
    el('a:lstStyle'),
    el('a:p', {}, el('a:pPr', {}, runProps('a:defRPr', s)), el('a:endParaRPr', { lang: 'en-US' })),
  );
}

/** c:rich — fixed text, one paragraph per line. */
export function richText(lines: string[], s: TextStyle, rotated = false): Xml {
  return el(
    'c:rich',
    {},
    bodyProps(rotated),
    el('a:lstStyle'),
    lines.map((l) =>
      el(
        'a:p',
        {},
        el('a:pPr', {}, runProps('a:defRPr', s)),
        el('a:r', {}, runProps('a:rPr', s), el('a:t', {}, text(l))),
      ),
    ),
  );
}

/** c:title — a chart or axis title. */
export function title(t: string, s: TextStyle, rotated = false): Xml {
  return el('c:title', {}, el('c:tx', {}, richText([t], s, rotated)), el('c:overlay', { val: false }));
}

/**
 * c:rich holding one field that Excel fills with the label cell's text ("Value From Cells",
 * MS-ODRAWXML c15 extension): `[CELLRANGE]` is the placeholder Excel itself writes.
 */
export function cellRangeField(id: string, s: TextStyle): Xml {
  return el(
    'c:rich',
    {},
    bodyProps(false),
    el('a:lstStyle'),
    el(
      'a:p',
      {},
      el('a:fld', { id, type: 'CELLRANGE' }, runProps('a:rPr', s), el('a:pPr'), el('a:t', {}, text('[CELLRANGE]'))),
      el('a:endParaRPr', { lang: 'en-US' }),
    ),
  );
}

/**
 * c:title linked to a cell (CT_Tx's c:strRef, §21.2.2.215): Excel shows the cell's current text; the cache
 * holds it as written, for readers that draw from the cache (LibreOffice). Styled by c:txPr.
 */
export function linkedTitle(ref: string, cache: string, s: TextStyle): Xml {
  const cached = el('c:strCache', {}, el('c:ptCount', { val: 1 }), el('c:pt', { idx: 0 }, el('c:v', {}, text(cache))));
  return el(
    'c:title',
    {},
    el('c:tx', {}, el('c:strRef', {}, el('c:f', {}, text(ref)), cached)),
    el('c:overlay', { val: false }),
    textProps(s),
  );
}
