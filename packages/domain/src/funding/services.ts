/**
 * The services publicly funded travel is planned and costed as. A trip request's service follows
 * from its purpose (and, for post-16, its funder); the mixing policy names services. Version
 * 2026-1: the services of the DfT Total Transport pilots and the Cambridgeshire papers, with
 * community transport as a service of its own.
 */
export const SERVICES_VERSION = "2026-1";

export const SERVICES = [
  "mainstream-school",
  "send-school",
  "post-16",
  "send-post-16",
  "adult-day-service",
  "nepts-outpatient",
  "nepts-gp",
  "nepts-dialysis",
  "drt",
  "community-transport",
] as const;
export type Service = (typeof SERVICES)[number];

export function isService(value: string): value is Service {
  return (SERVICES as readonly string[]).includes(value);
}
