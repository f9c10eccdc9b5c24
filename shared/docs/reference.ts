/**
 * Help texts generated from the registry: the Markdown reference (docs/functions.md), the
 * JSDoc for Apps Script stubs, and the plain data the sidebar / task pane render.
 */
import { REGISTRY } from '../functions';
import { signature } from '../functions/invoke';
import { isRangeParam, type FunctionSpec, type ParamSpec } from '../functions/spec';

export interface ParamDoc {
  name: string;
  description: string;
  optional: boolean;
  defaultText?: string;
  expects: string;
  takes: string;
}

export interface FunctionDoc {
  name: string;
  category: string;
  signature: string;
  summary: string;
  details: string[];
  params: ParamDoc[];
  result: string;
  examples: { formula: string; result: string; note?: string }[];
}

export function paramTakes(p: ParamSpec): string {
  if (isRangeParam(p)) return 'a range';
  return p.shape === 'single' ? 'a single cell' : 'a cell or a range';
}

export function paramExpects(p: ParamSpec): string {
  return isRangeParam(p) ? p.expects : p.type.expects;
}

/** `PRIORITY_SCORE(impact, urgency, effort, risk, [weights])`: the same parameter list the "is required" error shows. */
export function functionSignature(f: FunctionSpec): string {
  return `${f.name}${signature(f)}`;
}

export function describeFunction(f: FunctionSpec): FunctionDoc {
  return {
    name: f.name,
    category: f.category,
    signature: functionSignature(f),
    summary: f.summary,
    details: f.details ?? [],
    params: f.params.map((p) => ({
      name: p.name,
      description: p.description,
      optional: !!p.optional,
      defaultText: p.defaultText,
      expects: paramExpects(p),
      takes: paramTakes(p),
    })),
    result: f.result.description,
    examples: f.examples,
  };
}

export function functionDocs(registry: readonly FunctionSpec[] = REGISTRY): FunctionDoc[] {
  return registry.map(describeFunction);
}

/** JSDoc type for Apps Script autocomplete. */
function jsdocType(p: ParamSpec): string {
  const base = isRangeParam(p) ? p.docType : p.type.docType;
  const scalar = base === 'any' ? 'number|string' : base === 'date' ? 'Date|number' : base;
  if (isRangeParam(p)) return `Array<Array<${scalar}>>`;
  if (p.shape === 'single') return scalar;
  return `${scalar}|Array<Array<${scalar}>>`;
}

/** The JSDoc block Sheets reads for autocomplete (`@customfunction`). */
export function appsScriptJsDoc(f: FunctionSpec): string {
  const lines = [f.summary, ''];
  for (const p of f.params) {
    const name = p.optional ? `[${p.name}]` : p.name;
    lines.push(`@param {${jsdocType(p)}} ${name} ${p.description}`);
  }
  lines.push(`@return ${f.result.description}`);
  lines.push('@customfunction');
  return ['/**', ...lines.map((l) => (l ? ` * ${l}` : ' *')), ' */'].join('\n');
}

const HOST_ERRORS = [
  'Bad input never gives a silent wrong number. The message names the argument, the value and what is valid,',
  'for example `Impact must be a number from 1 to 10 (got "high")`.',
  '',
  "- **Excel** shows `#VALUE!` in the bad cell; the message is in the cell's error indicator. In a spilled range only the bad rows are errors.",
  '- **Google Sheets** cannot hold an error object inside a returned range. A single-cell result shows `#ERROR!` with the message on hover;',
  '  in a multi-cell result the bad row shows the text `#VALUE! <message>` and the other rows keep their values.',
  '- A row whose range inputs are all blank gives a blank result, so one formula can cover a column that is still being filled.',
  '- Ranges given to the same function must have the same size; a single cell is repeated against a range.',
];

const HOST_DATES = [
  'A date argument is a **calendar day**, the same day in both hosts; a time of day is dropped (`today` at 18:00 is that day).',
  '',
  '- **Excel** passes a date cell as a serial number (days since 1899-12-30, the time as the fraction); its whole part is the day.',
  "- **Google Sheets** passes a date cell as the moment of that day's midnight in the *spreadsheet's* time zone (File ▸ Settings ▸ Time zone),",
  "  while scripts run in the script's own zone. The functions read each date's day in the spreadsheet's time zone, so a spreadsheet",
  '  in Auckland (UTC+13) or Kiritimati (UTC+14) gets the same quarter and status as Excel for the same day.',
  "- The default `today` is the day in the spreadsheet's time zone in Sheets and in the computer's zone in Excel.",
  '- A text like `"2027-03-31"` is always that day; a serial number is read as in Excel.',
];

/** docs/functions.md, generated; a test keeps the committed file current. */
export function renderMarkdown(registry: readonly FunctionSpec[] = REGISTRY): string {
  const out: string[] = [
    '# Function reference',
    '',
    '<!-- Generated from the function registry (shared/functions) by `npm run docs`. Do not edit by hand. -->',
    '',
    'In Google Sheets type the name as shown (`=PRIORITY_SCORE(...)`); in Excel add the namespace (`=STRATEGY.PRIORITY_SCORE(...)`).',
    'Every argument takes a single cell or a range, unless it says otherwise: one formula serves a whole column.',
    '',
    'In the examples `{1, 2, 3}` is a row of values and `{1; 2; 3}` a column (in a locale that writes decimals with a comma, Sheets uses `\\` between columns).',
    'A result written `Q1; Q2; Q3` fills a column of three cells, and a result starting with `#VALUE!` is an error with that message.',
    '',
    '## Errors',
    '',
    ...HOST_ERRORS,
    '',
    '## Dates',
    '',
    ...HOST_DATES,
    '',
  ];
  const categories = [...new Set(registry.map((f) => f.category))];
  out.push('## Contents', '');
  for (const c of categories) {
    out.push(
      `- **${c}**: ${registry
        .filter((f) => f.category === c)
        .map((f) => `[${f.name}](#${f.name.toLowerCase()})`)
        .join(', ')}`,
    );
  }
  out.push('');
  for (const c of categories) {
    out.push(`## ${c}`, '');
    for (const f of registry.filter((x) => x.category === c)) {
      const d = describeFunction(f);
      out.push(`### ${f.name}`, '', '```', d.signature, '```', '', d.summary, '');
      for (const para of d.details) out.push(para, '');
      out.push('| Argument | Takes | Valid values | Description |', '|---|---|---|---|');
      for (const p of d.params) {
        const name = p.optional ? `${p.name} *(optional${p.defaultText ? `, default ${p.defaultText}` : ''})*` : p.name;
        out.push(
          `| ${name} | ${p.takes} | ${p.expects.replace(/\|/g, '\\|')} | ${p.description.replace(/\|/g, '\\|')} |`,
        );
      }
      out.push('', `**Returns:** ${d.result}`, '', '**Examples**', '');
      for (const e of d.examples)
        out.push(
          `- \`${e.formula}\` → ${e.result.startsWith('#') ? `\`${e.result}\`` : e.result}${e.note ? ` — ${e.note}` : ''}`,
        );
      out.push('');
    }
  }
  return out.join('\n');
}
