/**
 * A recording fake of Excel's `CustomFunctions` runtime global, typed against
 * @types/custom-functions-runtime, for loading the built functions bundle in a Node vm.
 */
export class FakeCustomFunctionsError implements CustomFunctions.Error {
  readonly type = 'CustomFunctionsError';
  constructor(
    public code: CustomFunctions.ErrorCode,
    public message?: string,
  ) {}
}

/** The codes as Office defines them (the enum's values are the error texts). */
export const FAKE_ERROR_CODE = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as unknown as typeof CustomFunctions.ErrorCode;

export type AssociatedFunction = (...args: unknown[]) => unknown;

export interface CustomFunctionsFake {
  associate: typeof CustomFunctions.associate;
  Error: typeof FakeCustomFunctionsError;
  ErrorCode: typeof CustomFunctions.ErrorCode;
  /** id → function, as associate() recorded them. */
  registered: Map<string, AssociatedFunction>;
  /** Every associate call, in order. */
  calls: string[];
}

export function createCustomFunctionsFake(): CustomFunctionsFake {
  const registered = new Map<string, AssociatedFunction>();
  const calls: string[] = [];
  const associate = ((idOrMap: string | { [key: string]: AssociatedFunction }, fn?: AssociatedFunction): void => {
    if (typeof idOrMap === 'string') {
      calls.push(idOrMap);
      registered.set(idOrMap, fn!);
    } else {
      for (const [id, f] of Object.entries(idOrMap)) {
        calls.push(id);
        registered.set(id, f);
      }
    }
  }) as typeof CustomFunctions.associate;
  return { associate, Error: FakeCustomFunctionsError, ErrorCode: FAKE_ERROR_CODE, registered, calls };
}

// ---------------------------------------------------------------------------------------------
// Empty cells of a range argument (kept apart from the runtime fake above).

/**
 * How the host hands an empty cell inside a range argument to a custom function. `blank`: newer builds and Excel
 * on the web. `zero`: Excel desktop builds before a fix pass 0 for each empty cell of a range (office-js#4702 "Custom
 * function receives 0 instead of empty for blank cells", #5262, #1951; Microsoft's answer there suggests
 * `CustomFunctions.Invocation.parameterAddresses` to tell them apart). A single omitted argument is null in both.
 */
export type EmptyCells = 'blank' | 'zero';

/** The value the host passes for an empty cell of a range argument in this mode. */
export function emptyRangeCell(mode: EmptyCells): '' | 0 {
  return mode === 'zero' ? 0 : '';
}
