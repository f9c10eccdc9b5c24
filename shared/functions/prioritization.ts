/** Registry entries for prioritization functions. */
import { numberArg } from '../core/args';
import { asVector, shapeText, type Grid } from '../core/grid';
import { CellError, showValue } from '../core/values';
import { DEFAULT_PRIORITY_WEIGHTS, priorityScore, SCALE_MAX, SCALE_MIN, type PriorityWeights } from '../scoring/priority';
import type { FunctionSpec } from './spec';

const scale = numberArg({ min: SCALE_MIN, max: SCALE_MAX });

function readWeights(grid: Grid, label: string): PriorityWeights | CellError {
  const v = asVector(grid);
  if (!v || v.length !== 4) return new CellError(`${label} must be 4 numbers in a 1×4 or 4×1 range (got ${shapeText(grid)})`);
  const names = ['impact', 'urgency', 'effort', 'risk'] as const;
  const w = { ...DEFAULT_PRIORITY_WEIGHTS };
  for (let i = 0; i < 4; i++) {
    const x = v[i];
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) {
      return new CellError(`${label} for ${names[i]} must be a number of at least 0 (got ${showValue(x)})`);
    }
    w[names[i]] = x;
  }
  return w;
}

export const PRIORITY_SCORE: FunctionSpec = {
  name: 'PRIORITY_SCORE',
  category: 'Prioritization',
  summary: 'Priority score of a project: (Impact × 2) + Urgency − (Effort × 0.5) − Risk.',
  details: [
    'Each input is a 1–10 scale (1 low, 10 high). Effort and risk are subtracted, so a cheaper, safer project ranks higher.',
    'With the default weights the score runs from −12 (impact 1, urgency 1, effort 10, risk 10) to 28.5 (10, 10, 1, 1).',
    'Give `weights` as four numbers (a 1×4 or 4×1 range) to replace 2, 1, 0.5 and 1; effort and risk stay subtracted.',
  ],
  params: [
    { name: 'impact', label: 'Impact', description: 'Business impact, 1 (low) to 10 (high): a cell or a column.', type: scale },
    { name: 'urgency', label: 'Urgency', description: 'Urgency, 1 (low) to 10 (high): a cell or a column.', type: scale },
    { name: 'effort', label: 'Effort', description: 'Effort, 1 (low) to 10 (high), subtracted: a cell or a column.', type: scale },
    { name: 'risk', label: 'Risk', description: 'Risk, 1 (low) to 10 (high), subtracted: a cell or a column.', type: scale },
    {
      name: 'weights',
      label: 'Weights',
      description: 'Optional weights for impact, urgency, effort and risk (a 1×4 or 4×1 range); default 2, 1, 0.5, 1.',
      optional: true,
      shape: 'range',
      expects: '4 numbers of at least 0 in a 1×4 or 4×1 range',
      docType: 'number',
      read: readWeights,
      default: DEFAULT_PRIORITY_WEIGHTS,
      defaultText: '2, 1, 0.5, 1',
    },
  ],
  result: { description: 'The priority score, one per row; higher means do it sooner.', type: 'number' },
  examples: [
    { formula: '=PRIORITY_SCORE(9, 8, 5, 6)', result: '17.5', note: 'SSO in the seed guide (the guide prints 28; the formula gives 17.5).' },
    { formula: '=PRIORITY_SCORE(C2:C20, D2:D20, E2:E20, F2:F20)', result: 'one score per row; blank rows stay blank' },
    { formula: '=PRIORITY_SCORE(9, 8, 5, 6, {3, 1, 1, 1})', result: '24', note: 'custom weights 3, 1, 1, 1' },
  ],
  each: ([impact, urgency, effort, risk, weights]: never[]) =>
    priorityScore(impact as number, urgency as number, effort as number, risk as number, weights as PriorityWeights),
};

export const PRIORITIZATION_FUNCTIONS: FunctionSpec[] = [PRIORITY_SCORE];
