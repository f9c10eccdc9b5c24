/**
 * Child order of the OOXML elements the writer produces, transcribed from the schemas of ECMA-376
 * Part 1 (5th ed.): dml-chart.xsd (§21.2: CT_ChartSpace, CT_Chart, CT_PlotArea, CT_BarChart, CT_BarSer,
 * CT_ScatterSer, CT_RadarSer, CT_DLbls, CT_DLbl, CT_CatAx, CT_ValAx, CT_Legend…), dml-main.xsd (§20.1:
 * CT_TextBody, CT_TextParagraph, CT_ShapeProperties, CT_LineProperties), dml-spreadsheetDrawing.xsd
 * (§20.5) and sml.xsd (§18.3.1.99 CT_Worksheet, §18.2.27 CT_Workbook). Excel refuses a part whose
 * children are out of order (LibreOffice and openpyxl do not mind), so this is checked offline.
 *
 * Each entry lists the element's children as slots in schema order; a slot of several names is a
 * choice. Only order and membership are checked (not how many times a child occurs).
 */
const FILL = ['a:noFill', 'a:solidFill', 'a:gradFill', 'a:blipFill', 'a:pattFill', 'a:grpFill'];
const TEXT_BODY = [['a:bodyPr'], ['a:lstStyle'], ['a:p']];
const SHAPE_PROPS = [
  ['a:xfrm'],
  ['a:custGeom', 'a:prstGeom'],
  FILL,
  ['a:ln'],
  ['a:effectLst', 'a:effectDag'],
  ['a:scene3d'],
  ['a:sp3d'],
  ['a:extLst'],
];
const RUN_PROPS = [
  ['a:ln'],
  FILL,
  ['a:effectLst', 'a:effectDag'],
  ['a:highlight'],
  ['a:uLnTx', 'a:uLn'],
  ['a:uFillTx', 'a:uFill'],
  ['a:latin'],
  ['a:ea'],
  ['a:cs'],
  ['a:sym'],
  ['a:hlinkClick'],
  ['a:hlinkMouseOver'],
  ['a:rtl'],
  ['a:extLst'],
];
const DATA_REF = [['c:f'], ['c:numCache', 'c:strCache'], ['c:extLst']];
const SHOW = [
  'c:showLegendKey',
  'c:showVal',
  'c:showCatName',
  'c:showSerName',
  'c:showPercent',
  'c:showBubbleSize',
].map((n) => [n]);
const AXIS_HEAD = [
  ['c:axId'],
  ['c:scaling'],
  ['c:delete'],
  ['c:axPos'],
  ['c:majorGridlines'],
  ['c:minorGridlines'],
  ['c:title'],
  ['c:numFmt'],
  ['c:majorTickMark'],
  ['c:minorTickMark'],
  ['c:tickLblPos'],
  ['c:spPr'],
  ['c:txPr'],
  ['c:crossAx'],
  ['c:crosses', 'c:crossesAt'],
];
const CHART_GROUPS = [
  'c:areaChart',
  'c:area3DChart',
  'c:lineChart',
  'c:line3DChart',
  'c:stockChart',
  'c:radarChart',
  'c:scatterChart',
  'c:pieChart',
  'c:pie3DChart',
  'c:doughnutChart',
  'c:barChart',
  'c:bar3DChart',
  'c:ofPieChart',
  'c:surfaceChart',
  'c:surface3DChart',
  'c:bubbleChart',
];

// prettier-ignore
export const SEQUENCES: Record<string, string[][]> = {
  'c:chartSpace': [['c:date1904'], ['c:lang'], ['c:roundedCorners'], ['mc:AlternateContent'], ['c:style'], ['c:clrMapOvr'], ['c:pivotSource'], ['c:protection'], ['c:chart'], ['c:spPr'], ['c:txPr'], ['c:externalData'], ['c:printSettings'], ['c:userShapes'], ['c:extLst']],
  'c:chart': [['c:title'], ['c:autoTitleDeleted'], ['c:pivotFmts'], ['c:view3D'], ['c:floor'], ['c:sideWall'], ['c:backWall'], ['c:plotArea'], ['c:legend'], ['c:plotVisOnly'], ['c:dispBlanksAs'], ['c:showDLblsOverMax'], ['c:extLst']],
  'c:plotArea': [['c:layout'], CHART_GROUPS, ['c:valAx', 'c:catAx', 'c:dateAx', 'c:serAx'], ['c:dTable'], ['c:spPr'], ['c:extLst']],
  'c:layout': [['c:manualLayout'], ['c:extLst']],
  'c:manualLayout': [['c:layoutTarget'], ['c:xMode'], ['c:yMode'], ['c:wMode'], ['c:hMode'], ['c:x'], ['c:y'], ['c:w'], ['c:h'], ['c:extLst']],
  'c:barChart': [['c:barDir'], ['c:grouping'], ['c:varyColors'], ['c:ser'], ['c:dLbls'], ['c:gapWidth'], ['c:overlap'], ['c:serLines'], ['c:axId'], ['c:extLst']],
  'c:scatterChart': [['c:scatterStyle'], ['c:varyColors'], ['c:ser'], ['c:dLbls'], ['c:axId'], ['c:extLst']],
  'c:radarChart': [['c:radarStyle'], ['c:varyColors'], ['c:ser'], ['c:dLbls'], ['c:axId'], ['c:extLst']],
  'c:barChart/c:ser': [['c:idx'], ['c:order'], ['c:tx'], ['c:spPr'], ['c:invertIfNegative'], ['c:pictureOptions'], ['c:dPt'], ['c:dLbls'], ['c:trendline'], ['c:errBars'], ['c:cat'], ['c:val'], ['c:shape'], ['c:extLst']],
  'c:scatterChart/c:ser': [['c:idx'], ['c:order'], ['c:tx'], ['c:spPr'], ['c:marker'], ['c:dPt'], ['c:dLbls'], ['c:trendline'], ['c:errBars'], ['c:xVal'], ['c:yVal'], ['c:smooth'], ['c:extLst']],
  'c:radarChart/c:ser': [['c:idx'], ['c:order'], ['c:tx'], ['c:spPr'], ['c:marker'], ['c:dPt'], ['c:dLbls'], ['c:cat'], ['c:val'], ['c:extLst']],
  'c:ser/c:tx': [['c:strRef', 'c:v']],
  'c:dLbls': [['c:dLbl'], ['c:delete'], ['c:numFmt'], ['c:spPr'], ['c:txPr'], ['c:dLblPos'], ...SHOW, ['c:separator'], ['c:showLeaderLines'], ['c:leaderLines'], ['c:extLst']],
  'c:dLbl': [['c:idx'], ['c:delete'], ['c:layout'], ['c:tx'], ['c:numFmt'], ['c:spPr'], ['c:txPr'], ['c:dLblPos'], ...SHOW, ['c:separator'], ['c:extLst']],
  'c:dLbl/c:tx': [['c:strRef', 'c:rich']],
  'c:title/c:tx': [['c:strRef', 'c:rich']],
  'c:marker': [['c:symbol'], ['c:size'], ['c:spPr'], ['c:extLst']],
  'c:cat': [['c:multiLvlStrRef', 'c:numRef', 'c:numLit', 'c:strRef', 'c:strLit']],
  'c:xVal': [['c:multiLvlStrRef', 'c:numRef', 'c:numLit', 'c:strRef', 'c:strLit']],
  'c:val': [['c:numRef', 'c:numLit']],
  'c:yVal': [['c:numRef', 'c:numLit']],
  'c:numRef': DATA_REF,
  'c:strRef': DATA_REF,
  'c:catAx': [...AXIS_HEAD, ['c:auto'], ['c:lblAlgn'], ['c:lblOffset'], ['c:tickLblSkip'], ['c:tickMarkSkip'], ['c:noMultiLvlLbl'], ['c:extLst']],
  'c:valAx': [...AXIS_HEAD, ['c:crossBetween'], ['c:majorUnit'], ['c:minorUnit'], ['c:dispUnits'], ['c:extLst']],
  'c:scaling': [['c:logBase'], ['c:orientation'], ['c:max'], ['c:min'], ['c:extLst']],
  'c:majorGridlines': [['c:spPr']],
  'c:title': [['c:tx'], ['c:layout'], ['c:overlay'], ['c:spPr'], ['c:txPr'], ['c:extLst']],
  'c:legend': [['c:legendPos'], ['c:legendEntry'], ['c:layout'], ['c:overlay'], ['c:spPr'], ['c:txPr'], ['c:extLst']],
  'c:legendEntry': [['c:idx'], ['c:delete', 'c:txPr'], ['c:extLst']],
  'c:rich': TEXT_BODY,
  'c:txPr': TEXT_BODY,
  'cdr:txBody': TEXT_BODY,
  'a:p': [['a:pPr'], ['a:r', 'a:br', 'a:fld'], ['a:endParaRPr']],
  'a:pPr': [['a:lnSpc'], ['a:spcBef'], ['a:spcAft'], ['a:buClrTx', 'a:buClr'], ['a:buSzTx', 'a:buSzPct', 'a:buSzPts'], ['a:buFontTx', 'a:buFont'], ['a:buNone', 'a:buAutoNum', 'a:buChar', 'a:buBlip'], ['a:tabLst'], ['a:defRPr'], ['a:extLst']],
  'a:r': [['a:rPr'], ['a:t']],
  'a:fld': [['a:rPr'], ['a:pPr'], ['a:t']],
  'a:rPr': RUN_PROPS,
  'a:defRPr': RUN_PROPS,
  'c:spPr': SHAPE_PROPS,
  'cdr:spPr': SHAPE_PROPS,
  'a:ln': [FILL, ['a:prstDash', 'a:custDash'], ['a:round', 'a:bevel', 'a:miter'], ['a:headEnd'], ['a:tailEnd'], ['a:extLst']],
  'xdr:oneCellAnchor': [['xdr:from'], ['xdr:ext'], ['xdr:sp', 'xdr:grpSp', 'xdr:graphicFrame', 'xdr:cxnSp', 'xdr:pic', 'xdr:contentPart'], ['xdr:clientData']],
  'xdr:from': [['xdr:col'], ['xdr:colOff'], ['xdr:row'], ['xdr:rowOff']],
  'xdr:graphicFrame': [['xdr:nvGraphicFramePr'], ['xdr:xfrm'], ['a:graphic'], ['xdr:extLst']],
  'xdr:nvGraphicFramePr': [['xdr:cNvPr'], ['xdr:cNvGraphicFramePr']],
  'cdr:relSizeAnchor': [['cdr:from'], ['cdr:to'], ['cdr:sp', 'cdr:grpSp', 'cdr:graphicFrame', 'cdr:cxnSp', 'cdr:pic']],
  'cdr:sp': [['cdr:nvSpPr'], ['cdr:spPr'], ['cdr:style'], ['cdr:txBody']],
  worksheet: ['sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'].map((n) => [n]),
  workbook: ['fileVersion', 'fileSharing', 'workbookPr', 'mc:AlternateContent', 'xr:revisionPtr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'].map((n) => [n]),
};

export interface XmlNode {
  name: string;
  children: XmlNode[];
}

/** A minimal XML tree (element names only) of well-formed markup; throws on mismatched tags. */
export function parseTree(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', children: [] };
  const stack: XmlNode[] = [root];
  for (const m of xml
    .replace(/<\?[\s\S]*?\?>/g, '')
    .matchAll(/<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+="[^"]*")*)\s*(\/?)>/g)) {
    const [, close, name, , empty] = m;
    if (close) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const node: XmlNode = { name, children: [] };
    stack[stack.length - 1].children.push(node);
    if (!empty) stack.push(node);
  }
  if (stack.length !== 1) throw new Error(`Unclosed <${stack[stack.length - 1].name}>`);
  return root;
}

/** Every child-order violation in a tree: "path: <child> after <previous>" or "unexpected <child>". */
export function orderViolations(node: XmlNode, path = ''): string[] {
  const here = path ? `${path}/${node.name}` : node.name;
  const parent = path.split('/').pop() ?? '';
  const seq = SEQUENCES[`${parent}/${node.name}`] ?? SEQUENCES[node.name];
  const out: string[] = [];
  if (seq) {
    let slot = 0;
    let previous = '';
    for (const child of node.children) {
      const at = seq.findIndex((s) => s.includes(child.name));
      if (at < 0) out.push(`${here}: unexpected <${child.name}>`);
      else if (at < slot) out.push(`${here}: <${child.name}> after <${previous}>`);
      else slot = at;
      previous = child.name;
    }
  }
  for (const child of node.children) out.push(...orderViolations(child, here));
  return out;
}
