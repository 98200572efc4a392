/** Why part of the register could not be planned as it stands: reported, never thrown. */
export const MAPPING_ISSUE_KINDS = [
  "missing-passenger",
  "missing-place",
  "missing-term-calendar",
  "bad-time",
  "ride-limit-raised",
  "no-route",
  "no-vehicles",
  "vehicle-held-back",
  "assistant-held-back",
] as const;
export type MappingIssueKind = (typeof MAPPING_ISSUE_KINDS)[number];

export interface MappingIssue {
  readonly kind: MappingIssueKind;
  readonly message: string;
  readonly tripRequestId?: string;
  readonly vehicleId?: string;
}
