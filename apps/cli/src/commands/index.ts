import type { CommandEntry } from "../command";

/**
 * Every `tt` command, in the order `tt --help` lists them. Each command's module is imported only
 * when it runs (the bundle keeps it in its own chunk), so listing them loads no package.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "serve",
    summary: "serve the API and the web app",
    load: async () => (await import("./serve")).serveCommand,
  },
  {
    name: "worker",
    summary: "run day plans and analyses from the PostgreSQL job queue, beside tt serve",
    load: async () => (await import("./worker")).workerCommand,
  },
  {
    name: "demo",
    summary: "load the Cambridgeshire & Peterborough demo (if not loaded yet)",
    load: async () => (await import("./demo")).demoCommand,
  },
  {
    name: "import",
    summary: "load passengers, places, vehicles or trip requests from a CSV file (all or nothing)",
    load: async () => (await import("./import")).importCommand,
  },
  {
    name: "export",
    summary: "write passengers, places, vehicles or trip requests as a CSV file",
    load: async () => (await import("./export")).exportCommand,
  },
  {
    name: "solve",
    summary: "plan a problem file (JSON, Cordeau or Li & Lim format) and print the solution",
    load: async () => (await import("./solve")).solveCommand,
  },
  {
    name: "plan",
    summary: "plan a day's trip requests on the register's vehicles and store the plan",
    load: async () => (await import("./plan")).planCommand,
  },
  {
    name: "book",
    summary: "the booking desk: a trip's options on the day's operating plan, book one, cancel",
    load: async () => (await import("./book")).bookCommand,
  },
  {
    name: "analyse",
    summary: "silo versus pooled planning: savings, fair cost shares, overlap and CO2e",
    load: async () => (await import("./analyse")).analyseCommand,
  },
  {
    name: "assess",
    summary: "decide entitlement for a case file (one case or an array) and print the decisions",
    load: async () => (await import("./assess")).assessCommand,
  },
  {
    name: "audit",
    summary: "check each organisation's audit log: its hash chain, and the first broken link",
    load: async () => (await import("./audit")).auditCommand,
  },
  {
    name: "subject-access",
    summary: "export what every organisation holds about a person, and who has seen it",
    load: async () => (await import("./subject-access")).subjectAccessCommand,
  },
  {
    name: "organisation",
    summary: "add or list organisations (councils, NHS bodies, operators, community groups)",
    load: async () => (await import("./organisation")).organisationCommand,
  },
  {
    name: "partnership",
    summary: "add a partnership of member organisations (they share data only under agreements)",
    load: async () => (await import("./partnership")).partnershipCommand,
  },
  {
    name: "user",
    summary: "add or list user accounts of an organisation",
    load: async () => (await import("./user")).userCommand,
  },
];
