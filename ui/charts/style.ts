/** Look shared by every chart the Chart.js renderer draws, and the reader type it draws from. */

/** Reads the current values of an A1 range of the chart's sheet (rows of cells). */
export type CellReader = (a1: string) => unknown[][];

export const FONT = '"Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const GRID = '#d9d9d9';
export const TEXT = '#333333';
