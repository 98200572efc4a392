import { type RetentionInput, retentionInputSchema } from "@tt/domain";
import type { JobKind, JobService } from "../jobs";
import type { Clock } from "../ports";
import { type Actor, authorise, parseInput } from "../shared";
import { retentionJob } from "./retention-job";

/**
 * The retention schedule, run per organisation as a job (`retentionJob`): administrators start
 * it (a dry run unless told otherwise); auditors and administrators read its report at
 * `/api/jobs/{id}`.
 */
export class RetentionService {
  private readonly kind: JobKind<RetentionInput>;

  constructor(
    private readonly jobs: JobService,
    clock: Clock,
  ) {
    this.kind = retentionJob(clock);
    jobs.register(this.kind);
  }

  async start(actor: Actor, input: unknown): Promise<{ jobId: string }> {
    authorise(actor, "subject-rights", "write");
    const checked = parseInput(retentionInputSchema, input ?? {}, "retention run");
    return this.jobs.start(actor, this.kind, { dryRun: checked.dryRun, months: checked.months });
  }
}
