import { chmodSync, chownSync, lstatSync, readdirSync } from 'node:fs'
import path from 'node:path'

/** The `nobody` user and group of Debian. */
const NOBODY = 65534

const isRoot = () => process.getuid?.() === 0

/**
 * Makes the folder `locked` (under `dir`) unreadable, and the rest of `dir` the unprivileged user's,
 * so that `asUnprivileged` can read and write it all but `locked`. As root, a folder with mode 000 is
 * still readable: the tree goes to `nobody`, whom `asUnprivileged` becomes.
 */
export function lockFolder(dir: string, locked: string): void {
  if (isRoot()) chownTree(dir)
  chmodSync(path.join(dir, ...locked.split('/')), 0)
}

/** Restores what `lockFolder` took away, so that the tree can be removed. */
export function unlockFolder(dir: string, locked: string): void {
  chmodSync(path.join(dir, ...locked.split('/')), 0o755)
}

function chownTree(dir: string): void {
  chownSync(dir, NOBODY, NOBODY)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) chownTree(file)
    else if (!lstatSync(file).isSymbolicLink()) chownSync(file, NOBODY, NOBODY)
  }
}

/**
 * Runs `fn` as an unprivileged user: as root, with the effective user and group `nobody` (which drops
 * the capabilities that let root read any folder), restored afterwards; otherwise as it is. The test
 * file's process is its own (vitest's forks pool), and its tests run one after the other.
 */
export async function asUnprivileged<T>(fn: () => Promise<T>): Promise<T> {
  if (!isRoot()) return fn()
  if (!process.seteuid || !process.setegid) throw new Error('asUnprivileged needs process.seteuid: run the tests in forks, not threads')
  process.setegid(NOBODY)
  process.seteuid(NOBODY)
  try {
    return await fn()
  } finally {
    process.seteuid(0)
    process.setegid(0)
  }
}
