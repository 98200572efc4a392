/**
 * A contract view as the app holds it: every array and property readonly, all the way down. App
 * types are readonly, the contract's inferred types are not (Hono wants mutable JSON), so a
 * presenter's compile-time check compares `SameShape<AppType, ReadonlyView<ContractView>>`.
 */
export type ReadonlyView<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyView<U>[]
  : T extends object
    ? { readonly [K in keyof T]: ReadonlyView<T[K]> }
    : T;
