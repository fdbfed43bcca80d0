import fs from 'fs';
import path from 'path';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` while holding a lock that other jest workers see (a directory: making one is atomic), so that
 * work both engines' suites may start at once (building the admin panel, making a template database) is
 * done once. A lock older than `staleAfterMs` was left by a run that was killed, and is taken over.
 */
export const withFileLock = async <T>(lock: string, staleAfterMs: number, work: () => Promise<T> | T): Promise<T> => {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const heldSince = fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - heldSince > staleAfterMs) fs.rmSync(lock, { recursive: true, force: true });
      else await pause(500);
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
};
