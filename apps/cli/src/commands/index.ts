import type { Command } from "../command";
import { analyseCommand } from "./analyse";
import { assessCommand } from "./assess";
import { demoCommand } from "./demo";
import { exportCommand } from "./export";
import { importCommand } from "./import";
import { organisationCommand } from "./organisation";
import { planCommand } from "./plan";
import { serveCommand } from "./serve";
import { solveCommand } from "./solve";
import { userCommand } from "./user";

/** Every `tt` command, in the order `tt --help` lists them. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  demoCommand,
  importCommand,
  exportCommand,
  solveCommand,
  planCommand,
  analyseCommand,
  assessCommand,
  organisationCommand,
  userCommand,
];
