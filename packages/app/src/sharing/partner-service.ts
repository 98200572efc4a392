import type { Agreement, DataItem, OrganisationKind, Passenger, SharingPurpose } from "@tt/domain";
import { SHARING_PURPOSES } from "@tt/domain";
import type { Clock, Page, UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise } from "../shared";
import { sharedPassengersCsv } from "./passenger-csv";
import { pseudonymOf, type SharedPassenger, sharePassenger } from "./passenger-view";
import { pseudonymKeyOf, requireAgreement, type SharedAccess } from "./sharing-gate";

/** What reading partners' data uses: agreements, organisations, their passengers, audit logs. */
export type PartnerUnitOfWork = UnitOfWorkOf<"sharing" | "identity" | "passengers" | "audit">;

/** An organisation that shares data with the actor's, and the active agreements it does so under. */
export interface Partner {
  readonly organisationId: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly agreements: readonly Pick<
    Agreement,
    "id" | "reference" | "title" | "purposes" | "dataItems" | "endDate"
  >[];
}

/** A page of a partner's passengers, and the agreement it was read under. */
export interface SharedPassengerPage extends Page<SharedPassenger> {
  readonly agreement: Pick<Agreement, "id" | "reference">;
  readonly dataItems: DataItem[];
}

/** A purpose from the versioned list, or a validation error naming the list. */
export function parsePurpose(purpose: string | undefined): SharingPurpose {
  const found = SHARING_PURPOSES.find((p) => p === purpose);
  if (found) return found;
  throw new AppError("validation-failed", "Say why you are reaching a partner's data.", [
    { path: "purpose", message: `expected one of ${SHARING_PURPOSES.join(", ")}` },
  ]);
}

/**
 * A purpose the partner's passenger list may be read for: not operating runs, which reach only
 * the passengers of the runs a crew drives, through the driver's app (`grantedRunsOf`).
 */
function parseListPurpose(purpose: string | undefined): SharingPurpose {
  const parsed = parsePurpose(purpose);
  if (parsed !== "operating-runs") return parsed;
  throw new AppError(
    "validation-failed",
    "An agreement for operating runs shows a crew the passengers of the runs it drives, in the driver's app; it does not open the partner's passenger list.",
    [{ path: "purpose", message: "operating-runs does not list a partner's passengers" }],
  );
}

/**
 * Reads across organisations: only through an active agreement that covers the purpose, only the
 * data items it covers (`sharePassenger`), and every read is written to the providing
 * organisation's audit log naming the agreement. Without an agreement the partner is not found.
 */
export class PartnerService {
  constructor(
    private readonly unitOfWork: PartnerUnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** The organisations sharing with the actor's today, by name. */
  async listPartners(actor: Actor): Promise<Partner[]> {
    authorise(actor, "organisation", "read");
    const repos = this.unitOfWork.repositories;
    const today = this.clock.now().toISOString().slice(0, 10);
    const agreements = (await repos.sharing.listAgreements(actor.organisationId)).filter(
      (a) =>
        a.status === "active" &&
        a.recipients.includes(actor.organisationId) &&
        a.startDate <= today &&
        today <= a.endDate,
    );
    const providers = [...new Set(agreements.flatMap((a) => a.providers))];
    const partners: Partner[] = [];
    for (const id of providers) {
      const organisation = await repos.identity.findOrganisation(id);
      if (!organisation || id === actor.organisationId) continue;
      const under = agreements.filter((a) => a.providers.includes(id));
      partners.push({
        organisationId: id,
        name: organisation.name,
        kind: organisation.kind,
        agreements: under.map(({ id, reference, title, purposes, dataItems, endDate }) => ({
          id,
          reference,
          title,
          purposes,
          dataItems,
          endDate,
        })),
      });
    }
    return partners.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** A page of the partner's passengers as the agreement lets the actor see them. */
  async listPassengers(
    actor: Actor,
    provider: string,
    query: { purpose?: string; offset: number; limit: number; search?: string | undefined },
  ): Promise<SharedPassengerPage> {
    authorise(actor, "passengers", "read");
    const purpose = parseListPurpose(query.purpose);
    return this.unitOfWork.transaction(async (repos) => {
      let total = 0;
      const { search, offset, limit } = query;
      const read = async (access: SharedAccess) => {
        // A search matches names and references: only where the agreement shares identity, and
        // never for analysis, whose view is pseudonymised. Addresses only with home-location.
        if (search && (purpose === "analysis" || !access.items.has("identity"))) {
          throw searchNeedsIdentity(access);
        }
        const narrowSearch = !access.items.has("home-location");
        const page = await repos.passengers.list(provider, {
          offset,
          limit,
          ...(search ? { search, narrowSearch } : {}),
        });
        total = page.total;
        return page.items;
      };
      const { access, shared } = await this.shareRead(
        repos,
        actor,
        { provider, purpose },
        {
          action: "list",
          read,
        },
      );
      return {
        items: shared,
        total,
        agreement: { id: access.agreement.id, reference: access.agreement.reference },
        dataItems: [...access.items],
      };
    });
  }

  /**
   * Every passenger of the partner as CSV, in the same view as `listPassengers`
   * (`sharedPassengersCsv`: the columns of the covered data items only); the export is written to
   * the partner's audit log naming the agreement.
   */
  async exportPassengers(
    actor: Actor,
    provider: string,
    query: { purpose?: string },
  ): Promise<{ csv: string; agreement: string; rows: number }> {
    authorise(actor, "passengers", "read");
    const purpose = parseListPurpose(query.purpose);
    return this.unitOfWork.transaction(async (repos) => {
      const read = () => everyPassenger(repos, provider);
      const { access, shared } = await this.shareRead(
        repos,
        actor,
        { provider, purpose },
        {
          action: "export",
          read,
        },
      );
      // By pseudonym, not in the register's order: the rows cannot be matched to another view's.
      if (purpose === "analysis") shared.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      const csv = sharedPassengersCsv(shared, access.items, purpose === "analysis");
      return { csv, agreement: access.agreement.reference, rows: shared.length };
    });
  }

  /**
   * A read of the partner's passengers through the agreement for the purpose: the passengers
   * `read` answers, written to the partner's audit log, each in the view the agreement allows.
   */
  private async shareRead(
    repos: PartnerUnitOfWork["repositories"],
    actor: Actor,
    reach: { provider: string; purpose: SharingPurpose },
    how: {
      action: "list" | "export";
      read: (access: SharedAccess) => Promise<readonly Passenger[]>;
    },
  ): Promise<{ access: SharedAccess; shared: SharedPassenger[] }> {
    const { provider, purpose } = reach;
    const access = await requireAgreement(repos, this.clock, actor, provider, purpose);
    const key = await pseudonymKeyOf(repos, access);
    const passengers = await how.read(access);
    await recordPartnerRead(repos, actor, access, {
      resource: "passengers",
      action: how.action,
      ids: passengers.map((p) => p.id),
    });
    const pseudonyms =
      purpose === "analysis"
        ? await pseudonymsOfReferences(repos, access, key, passengers)
        : undefined;
    return { access, shared: passengers.map((p) => sharePassenger(p, access, key, pseudonyms)) };
  }
}

function searchNeedsIdentity(access: SharedAccess): AppError {
  return new AppError(
    "validation-failed",
    `Agreement ${access.agreement.reference} does not share identity for ${access.purpose} (or the purpose is analysis, whose passengers are pseudonymised), so its passengers cannot be searched by name or reference.`,
    [{ path: "search", message: "not allowed without identity" }],
  );
}

/** The most passengers one export holds: a county's register, with room to spare. */
export const MAX_PARTNER_EXPORT_ROWS = 200_000;

/** Every passenger of the organisation, in keyset pages; refuses a register above the bound. */
async function everyPassenger(
  repos: PartnerUnitOfWork["repositories"],
  organisationId: string,
): Promise<Passenger[]> {
  const out: Passenger[] = [];
  let after: string | undefined;
  do {
    const page = await repos.passengers.listAfter(organisationId, {
      limit: 1000,
      ...(after === undefined ? {} : { after }),
    });
    out.push(...page.items);
    after = page.next;
    if (out.length > MAX_PARTNER_EXPORT_ROWS) {
      throw new AppError(
        "validation-failed",
        `The partner holds more than ${MAX_PARTNER_EXPORT_ROWS} passengers: read them in pages.`,
        [{ path: "organisationId", message: "too many passengers for one export" }],
      );
    }
  } while (after !== undefined);
  return out;
}

/** Reference → pseudonym of the passengers these may not travel with (for a pseudonymised view). */
async function pseudonymsOfReferences(
  repos: PartnerUnitOfWork["repositories"],
  access: SharedAccess,
  key: string,
  passengers: readonly Passenger[],
): Promise<Map<string, string>> {
  const references = [...new Set(passengers.flatMap((p) => p.needs.mayNotTravelWith))];
  if (references.length === 0) return new Map();
  const others = await repos.passengers.findByReferences(access.provider, references);
  return new Map(others.map((o) => [o.reference, pseudonymOf(key, o.id)]));
}

/**
 * Writes a read (or a write, for booking) across organisations to the provider's audit log: who (the actor's user and
 * organisation), what, why, and the agreement it went through.
 */
export async function recordPartnerRead(
  repos: UnitOfWorkOf<"audit">["repositories"],
  actor: Actor,
  access: SharedAccess,
  read: {
    resource: string;
    action: "read" | "list" | "export" | "create" | "update";
    ids: readonly string[];
  },
): Promise<void> {
  const { agreement } = access;
  await repos.audit.append({
    organisationId: access.provider,
    userId: actor.userId,
    action: read.action,
    resource: read.resource,
    resourceIds: read.ids,
    purpose: `${access.purpose} under agreement ${agreement.reference}${actor.purpose ? `: ${actor.purpose}` : ""}`,
    details: {
      agreementId: agreement.id,
      agreementReference: agreement.reference,
      recipient: actor.organisationId,
      sharingPurpose: access.purpose,
      dataItems: [...access.items],
    },
  });
}
