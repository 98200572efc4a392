import { type Command, type CommandEntry, EXIT, UsageError } from "./command";
import { COMMANDS } from "./commands";

function printHelp(out: NodeJS.WriteStream = process.stdout): void {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  out.write(
    `tt — Total Transport command line\n\nUsage: tt <command> [options]\n\nCommands:\n${lines.join("\n")}\n\n` +
      "Run `tt <command> --help` for a command's options.\n",
  );
}

async function runCommand(entry: CommandEntry, argv: string[]): Promise<number> {
  const command = await entry.load();
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${command.usage.trim()}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(argv);
  } catch (error) {
    return reportError(command, error);
  }
}

async function reportError(command: Command, error: unknown): Promise<number> {
  if (error instanceof UsageError) {
    process.stderr.write(`tt ${command.name}: ${error.message}\n\n${command.usage.trim()}\n`);
    return EXIT.usage;
  }
  // Loaded here, not at start: `tt --help` loads no package.
  const { isAppError } = await import("@tt/app");
  if (isAppError(error)) {
    process.stderr.write(`tt ${command.name}: ${error.message}\n`);
    for (const issue of error.details) {
      const where = [issue.row ? `row ${issue.row}` : "", issue.path].filter(Boolean).join(", ");
      process.stderr.write(`  ${where}: ${issue.message}\n`);
    }
    return error.code === "validation-failed" ? EXIT.invalidInput : EXIT.failure;
  }
  process.stderr.write(
    `tt ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  return EXIT.failure;
}

/** Runs `tt` with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    printHelp(name ? process.stdout : process.stderr);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`tt: unknown command "${name}"\n\n`);
    printHelp(process.stderr);
    return EXIT.usage;
  }
  return runCommand(command, rest);
}
