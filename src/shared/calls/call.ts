import type { z } from 'zod';

/** Declares one call: its input schema and (as a phantom type) its output. */
export function call<I extends z.ZodType, O>(input: I): { input: I; output: O } {
  return { input, output: undefined as unknown as O };
}
