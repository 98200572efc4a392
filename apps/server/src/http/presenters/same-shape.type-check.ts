import type { Same, SameShape } from "./same-shape";

// The checks themselves must be able to fail: these pairs differ and must answer false.
const _extraField: SameShape<{ a: number }, { a: number; b: string }> = false;
const _retyped: SameShape<{ a: number }, { a: string }> = false;
const _readonly: Same<{ readonly a: number }, { a: number }> = false;
const _equal: SameShape<{ a: number; b?: string }, { a: number; b?: string }> = true;

export const sameShapeChecks = [_extraField, _retyped, _readonly, _equal];
