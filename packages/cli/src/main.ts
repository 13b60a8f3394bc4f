import { isAppError } from '@huawu/core';
import { Command, CommanderError } from 'commander';
import { registerAdminCommands } from './commands/admin.commands.js';
import { registerAuditCommands } from './commands/audit.commands.js';
import { registerIntakeCommands } from './commands/intake.commands.js';
import { registerKbCommands } from './commands/kb.commands.js';
import { registerServeCommands } from './commands/serve.commands.js';
import { registerSweepCommands } from './commands/sweep.commands.js';
import { EXIT, EXIT_CODE, ExitWith } from './exit-codes.js';

export function buildProgram(): Command {
  const program = new Command('huawu')
    .description('Huawu 话务 — 政务服务热线平台 (12345 government-service hotline platform)')
    .option(
      '-d, --database <url>',
      'SQLite file or postgres:// URL (env HUAWU_DATABASE_URL, default ./data/huawu.db)',
    )
    .exitOverride()
    .showHelpAfterError()
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 internal error, 2 usage, 3 invalid input, 4 not found, 5 conflict, 6 permission denied, 7 audit chain broken.',
    );
  registerServeCommands(program);
  registerAdminCommands(program);
  registerKbCommands(program);
  registerIntakeCommands(program);
  registerSweepCommands(program);
  registerAuditCommands(program);
  return program;
}

/** Runs the CLI and returns the exit code; errors are printed, never thrown. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ExitWith) return error.code;
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isAppError(error)) {
      console.error(`错误 [${error.code}]: ${error.message}`);
      for (const issue of error.issues ?? []) console.error(`  - ${issue.field}: ${issue.message}`);
      return EXIT_CODE[error.code];
    }
    console.error(`内部错误: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.internal;
  }
}
