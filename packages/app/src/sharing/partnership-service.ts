import { partnershipInputSchema } from "@tt/domain";
import type { StoredPartnership, UnitOfWorkOf } from "../ports";
import { type Actor, AppError, authorise, notFound, parseInput } from "../shared";

export type PartnershipUnitOfWork = UnitOfWorkOf<"sharing" | "identity">;

/**
 * Partnerships: joint bodies (Transport for Cambridgeshire) whose users sign in to the
 * partnership's own organisation and reach members' data only through agreements.
 */
export class PartnershipService {
  constructor(private readonly unitOfWork: PartnershipUnitOfWork) {}

  /** Installation set-up (`tt partnership add`, the demo): the organisation and its members. */
  async create(input: unknown): Promise<StoredPartnership> {
    const checked = parseInput(partnershipInputSchema, input, "partnership");
    return this.unitOfWork.transaction(async (repos) => {
      const issues: { path: string; message: string }[] = [];
      for (const [i, id] of checked.members.entries()) {
        const member = await repos.identity.findOrganisation(id);
        if (!member)
          issues.push({ path: `members.${i}`, message: `no organisation with id ${id}` });
        else if (member.kind === "partnership") {
          issues.push({ path: `members.${i}`, message: `${member.name} is a partnership itself` });
        }
      }
      if (issues.length > 0) {
        throw new AppError("validation-failed", "The partnership is not valid.", issues);
      }
      const organisation = await repos.identity.createOrganisation({
        name: checked.name,
        kind: "partnership",
      });
      return repos.sharing.createPartnership(
        organisation.id,
        checked.mixingPolicy,
        checked.members,
      );
    });
  }

  /**
   * The partnership the actor signs in to, or else those the actor's organisation is a member of
   * (none for an organisation in no partnership).
   */
  async list(actor: Actor): Promise<StoredPartnership[]> {
    authorise(actor, "organisation", "read");
    const { sharing } = this.unitOfWork.repositories;
    const own = await sharing.findPartnership(actor.organisationId);
    return own ? [own] : sharing.listMemberships(actor.organisationId);
  }

  /** The partnership the actor signs in to; not found for users of other organisations. */
  async get(actor: Actor): Promise<StoredPartnership> {
    authorise(actor, "organisation", "read");
    const found = await this.unitOfWork.repositories.sharing.findPartnership(actor.organisationId);
    if (!found) throw notFound("partnership", actor.organisationId);
    return found;
  }
}
