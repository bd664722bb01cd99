/**
 * Everything the CLI touches outside itself, so that `main()` runs in-process in tests.
 * @publicApi
 */
export interface CliIo {
  /** Writes a line to standard output. */
  out(line: string): void;
  /** Writes a line to standard error. */
  err(line: string): void;
  /** Rewrites the current progress line (a terminal); `undefined` prints one line per step. */
  progress?(line: string): void;
  /** Environment variables (`TWILIO_AUTH_TOKEN`, `TWILIO_WEBHOOK_PUBLIC_URL`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The HTTP client: the global `fetch`. */
  readonly fetch: typeof fetch;
  /** Directory that relative paths start from. */
  readonly cwd: string;
  /** Loads the user's module file for `routes`. */
  importModule?(specifier: string): Promise<Record<string, unknown>>;
  /** Random numbers in [0, 1) for `--shuffle` without `--seed`. */
  random?(): number;
}

/** The real process: stdout, stderr, a live progress line on terminals. */
export function processIo(): CliIo {
  const tty = process.stdout.isTTY === true;
  let progressShown = false;
  const endProgress = () => {
    if (progressShown) process.stdout.write('\n');
    progressShown = false;
  };
  return {
    out: (line) => {
      endProgress();
      process.stdout.write(`${line}\n`);
    },
    err: (line) => {
      endProgress();
      process.stderr.write(`${line}\n`);
    },
    progress: tty
      ? (line) => {
          progressShown = true;
          process.stdout.write(`\r\x1b[K${line}`);
        }
      : undefined,
    env: process.env,
    fetch: globalThis.fetch,
    cwd: process.cwd(),
  };
}

/** A usage error: printed with a pointer to `--help`, exit code 2. */
export class CliUsageError extends Error {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
