import type { AuditEntry, AuditPerson } from "@tt/contract";

/** The agreement an entry names (a partner's read, a change of the agreement), if any. */
export function agreementOf(entry: AuditEntry): { id: string; reference: string } | undefined {
  const id = entry.details?.agreementId;
  const reference = entry.details?.agreementReference;
  if (typeof id !== "string") return undefined;
  return { id, reference: typeof reference === "string" ? reference : id };
}

const ACTIONS: Record<AuditEntry["action"], string> = {
  read: "Read",
  list: "Listed",
  create: "Created",
  update: "Changed",
  delete: "Deleted",
  import: "Imported",
  export: "Exported",
  erase: "Erased",
  publish: "Published",
};

export const actionText = (entry: AuditEntry) => ACTIONS[entry.action];

/** What was touched: "312 passengers", "1 agreement". */
export function recordsText(entry: AuditEntry): string {
  const count = entry.resourceIds.length;
  const resource = entry.resource.replaceAll("-", " ");
  const singular = resource.endsWith("s") ? resource.slice(0, -1) : resource;
  return `${count.toLocaleString("en-GB")} ${count === 1 ? singular : resource}`;
}

/** "24 November 2026, 09:05" in the United Kingdom's time. */
export function whenText(at: string): string {
  const date = new Date(at);
  if (Number.isNaN(date.getTime())) return at;
  return date.toLocaleString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "Europe/London",
  });
}

/** The person an entry names, from the page's people. */
export function personOf(entry: AuditEntry, people: readonly AuditPerson[]) {
  return entry.userId ? people.find((p) => p.id === entry.userId) : undefined;
}
