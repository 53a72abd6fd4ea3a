import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'

/**
 * Writes a file so that readers see either the old or the new content, never a part: the bytes go
 * to a temporary file in the same folder, are flushed, and the temporary file is renamed over the
 * target.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  // Synchronous calls: the action does one thing at a time, and node:fs/promises costs start-up time.
  mkdirSync(path.dirname(file), { recursive: true })
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const fd = openSync(temp, 'wx', 0o644)
  let open = true
  try {
    writeFileSync(fd, content)
    fsyncSync(fd)
    closeSync(fd)
    open = false
    renameSync(temp, file)
  } catch (error) {
    if (open) {
      try {
        closeSync(fd)
      } catch {
        // Already failing: the first error is the one to report.
      }
    }
    try {
      unlinkSync(temp)
    } catch {
      // Gone already, or never made.
    }
    throw error
  }
  await removeStaleTemporaries(file)
}

/**
 * A run killed between writing and renaming leaves its temporary file behind: the next run removes
 * it, whether or not it has anything to write.
 */
export async function removeStaleTemporaries(file: string): Promise<void> {
  const prefix = `.${path.basename(file)}.`
  let names: string[]
  try {
    names = readdirSync(path.dirname(file))
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue
    try {
      unlinkSync(path.join(path.dirname(file), name))
    } catch {
      // Removed meanwhile: nothing to do.
    }
  }
}

/**
 * Makes sure `file` lies inside `root` once symlinks are resolved: its deepest existing folder must
 * resolve inside `root`, and the file itself must not be a symlink. Returns a reason, or undefined.
 */
export async function explainPathEscape(root: string, file: string): Promise<string | undefined> {
  const realRoot = realpathSync(root)
  const info = (() => {
    try {
      return lstatSync(file)
    } catch {
      // Missing, or a parent is not a folder: the write reports that with its own error.
      return undefined
    }
  })()
  if (info?.isSymbolicLink()) return 'it is a symlink'
  if (info && !info.isFile()) return 'it exists and is not a regular file'
  let dir = path.dirname(file)
  for (;;) {
    const resolved = realpathOrUndefined(dir)
    if (resolved !== undefined) {
      const rel = path.relative(realRoot, resolved)
      return rel.startsWith('..') || path.isAbsolute(rel) ? `its folder resolves to '${resolved}', outside the repository` : undefined
    }
    // A link to a missing folder: the write would create the folder where the link leads.
    if (isSymlink(dir)) return `its folder '${path.relative(root, dir)}' is a symlink that leads nowhere`
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

function isSymlink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink()
  } catch {
    return false
  }
}

/** The path with symlinks resolved, or undefined when it does not resolve (missing, a loop, no access). */
export function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync(file)
  } catch {
    return undefined
  }
}
