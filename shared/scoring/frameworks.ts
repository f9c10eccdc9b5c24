/** Common prioritization frameworks: RICE, ICE and WSJF. Inputs are checked by the registry; these are the formulas. */

/**
 * Confidence as a fraction: values up to 1 are fractions (0.8 = 80%), values above 1 are percentages (80 → 0.8).
 * So 1 means 100%, not 1%. Valid inputs run from 0 to 100.
 */
export function confidenceFraction(confidence: number): number {
  return confidence > 1 ? confidence / 100 : confidence;
}

/** RICE impact scale (Intercom): 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal. */
export const RICE_IMPACT_MIN = 0.25;
export const RICE_IMPACT_MAX = 3;

/** RICE = Reach × Impact × Confidence ÷ Effort (confidence as a fraction or a percentage, effort > 0). */
export function riceScore(reach: number, impact: number, confidence: number, effort: number): number {
  return (reach * impact * confidenceFraction(confidence)) / effort;
}

export type IceMode = 'product' | 'average';

/** ICE: Impact, Confidence and Ease, each 1–10; multiplied (1–1000, the default) or averaged (1–10). */
export function iceScore(impact: number, confidence: number, ease: number, mode: IceMode = 'product'): number {
  return mode === 'average' ? (impact + confidence + ease) / 3 : impact * confidence * ease;
}

/** WSJF (SAFe) = Cost of Delay ÷ Job Size, Cost of Delay = Business Value + Time Criticality + Risk Reduction / Opportunity Enablement. */
export function wsjf(businessValue: number, timeCriticality: number, riskReduction: number, jobSize: number): number {
  return (businessValue + timeCriticality + riskReduction) / jobSize;
}
