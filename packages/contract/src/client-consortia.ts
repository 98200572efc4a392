import type { z } from "@hono/zod-openapi";
import type { delegationChangeSchema, delegationInputSchema } from "./domain";
import type {
  DelegationPresented,
  DelegationSpendPresented,
  UnmetDemandPresented,
} from "./routes/delegations";

type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const at = (id: string) => encodeURIComponent(id);

/** What a council delegates: the consortium, the financial year, the budget in pence, the area. */
export type DelegationBody = z.input<typeof delegationInputSchema>;
/** A change of a delegation's budget, area or both. */
export type DelegationChangeBody = z.input<typeof delegationChangeSchema>;

/** Local consortia: delegated budgets and areas, spend against them, unmet demand. */
export function consortiaClientMethods(call: Call) {
  return {
    /** Budgets and areas your council delegated (`made`) or your consortium received. */
    delegations: async (side: "made" | "received") =>
      (await call<{ items: DelegationPresented[] }>("GET", `/api/delegations?side=${side}`)).items,
    /** Delegates a budget and an area to a local consortium (a council's commissioners). */
    delegate: (body: DelegationBody) => call<DelegationPresented>("POST", "/api/delegations", body),
    /** Changes a delegation's budget or area (the council that made it). */
    changeDelegation: (id: string, body: DelegationChangeBody) =>
      call<DelegationPresented>("PUT", `/api/delegations/${at(id)}`, body),
    /** The consortium accepts or declines a proposed delegation. */
    answerDelegation: (id: string, answer: "accept" | "decline") =>
      call<DelegationPresented>("POST", `/api/delegations/${at(id)}/answer`, { answer }),
    /** The council withdraws a proposed or accepted delegation. */
    withdrawDelegation: (id: string) =>
      call<DelegationPresented>("POST", `/api/delegations/${at(id)}/withdrawal`),
    /** The budget, what the consortium's signed contracts commit in the year, what remains. */
    delegationSpend: (id: string) =>
      call<DelegationSpendPresented>("GET", `/api/delegations/${at(id)}/spend`),
    /** The register of unmet demand: parish needs surveys' rows. */
    unmetDemand: async () =>
      (await call<{ items: UnmetDemandPresented[] }>("GET", "/api/unmet-demand")).items,
  };
}
