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
