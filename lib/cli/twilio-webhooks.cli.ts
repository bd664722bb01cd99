import { CliUsageError, EXIT_FAILED, EXIT_USAGE, type CliIo } from './cli-io.js';
import { MAIN_HELP } from './cli.help.js';
import { runLifecycle } from './lifecycle.command.js';
import { runSimulate } from './simulate.command.js';

/**
 * The `twilio-webhooks` command line, runnable in-process: returns the exit code instead of
 * exiting, and does its input and output through `io`.
 *
 * @publicApi
 * @example
 * const code = await main(['simulate', 'inbound-message', '--url', url, '--token', token], io);
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(MAIN_HELP);
      return command === undefined ? EXIT_USAGE : 0;
    }
    if (command === 'simulate') {
      const [kind, ...args] = rest;
      if (kind === 'message-lifecycle' || kind === 'call-lifecycle')
        return await runLifecycle(kind, args, io);
      if (kind === undefined || kind.startsWith('-')) return await runSimulate(undefined, rest, io);
      return await runSimulate(kind, args, io);
    }
    if (command === 'routes') {
      // Loaded on demand: Nest itself is only needed to read an app's routes.
      const { runRoutes } = await import('./routes.command.js');
      return await runRoutes(rest, io);
    }
    throw new CliUsageError(`Unknown command "${command}".`, '');
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CliUsageError) {
    io.err(`twilio-webhooks: ${error.message}`);
    io.err(`Run "twilio-webhooks ${error.command ? `${error.command} ` : ''}--help" for usage.`);
    return EXIT_USAGE;
  }
  // parseArgs reports unknown options and missing values with a code.
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('ERR_PARSE_ARGS')) {
    io.err(`twilio-webhooks: ${(error as Error).message}`);
    io.err('Run "twilio-webhooks <command> --help" for usage.');
    return EXIT_USAGE;
  }
  io.err(`twilio-webhooks: ${(error as Error)?.stack ?? String(error)}`);
  return EXIT_FAILED;
}

export { processIo, type CliIo } from './cli-io.js';
