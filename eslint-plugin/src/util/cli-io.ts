/**
 * Where a `cors-guard` command writes and the folder it runs in. The bin gives the process's own; a caller
 * in the same process (a test, a tool) gives its own and reads what was written, with the exit code
 * returned rather than set.
 */
export interface CliIo {
  /** Standard output. */
  readonly stdout: (text: string) => void;
  /** Standard error. */
  readonly stderr: (text: string) => void;
  /** The working directory: paths, `--cwd` and report file names are relative to it. */
  readonly cwd: string;
}

/** The process's own streams and working directory (what the bin runs with). */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
  };
}

/** `io` with anything it leaves out taken from the process. */
export function ioOf(io: Partial<CliIo> = {}): CliIo {
  const base = processIo();
  return { stdout: io.stdout ?? base.stdout, stderr: io.stderr ?? base.stderr, cwd: io.cwd ?? base.cwd };
}
