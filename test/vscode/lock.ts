/**
 * One real-VS-Code run at a time per checkout: the .vsix smoke test rebuilds extension/dist (`npm run
 * package`) while a part's code-server would load it, and two code-servers beside each other only slow each
 * other down. vitest runs test files in parallel where it has the cores, so the VS Code files take this lock
 * (a directory, created atomically, holding its owner's pid) and wait for it to be free: a condition, re-checked
 * when the lock folder changes, with a short backstop; a lock whose owner died is taken over.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `lock` could be taken now (a lock of a dead process is removed first). */
function tryTake(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    let owner = 0;
    try {
      owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    } catch {
      return false; // just created: its owner is writing its pid
    }
    if (owner && !alive(owner)) rmSync(lock, { recursive: true, force: true });
    return false;
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  return true;
}

/** Runs `fn` holding the VS Code lock of the checkout at `root`. */
export async function exclusive<T>(root: string, fn: () => T): Promise<T> {
  const key = createHash('sha256').update(root).digest('hex').slice(0, 12);
  const lock = join(tmpdir(), `cors-guard-vscode-${key}.lock`);
  while (!tryTake(lock)) {
    await new Promise<void>((resolve) => {
      let watcher: ReturnType<typeof watch> | undefined;
      const done = () => {
        clearTimeout(timer);
        watcher?.close();
        resolve();
      };
      const timer = setTimeout(done, 1000);
      try {
        watcher = watch(tmpdir(), (_, name) => {
          if (name === null || name.startsWith(`cors-guard-vscode-${key}`)) done();
        });
      } catch {
        // no watcher here: the backstop re-checks
      }
    });
  }
  try {
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
