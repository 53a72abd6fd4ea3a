import { randomBytes } from 'node:crypto'
import { lstat, mkdir, open, readdir, realpath, rename, unlink } from 'node:fs/promises'
import path from 'node:path'

/**
 * Writes a file so that readers see either the old or the new content, never a part: the bytes go
 * to a temporary file in the same folder, are flushed, and the temporary file is renamed over the
 * target.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true })
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  const handle = await open(temp, 'wx', 0o644)
  try {
    await handle.writeFile(content)
    await handle.sync()
    await handle.close()
    await rename(temp, file)
  } catch (error) {
    await handle.close().catch(() => undefined)
    await unlink(temp).catch(() => undefined)
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
  for (const name of await readdir(path.dirname(file)).catch(() => [] as string[])) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) await unlink(path.join(path.dirname(file), name)).catch(() => undefined)
  }
}

/**
 * Makes sure `file` lies inside `root` once symlinks are resolved: its deepest existing folder must
 * resolve inside `root`, and the file itself must not be a symlink. Returns a reason, or undefined.
 */
export async function explainPathEscape(root: string, file: string): Promise<string | undefined> {
  const realRoot = await realpath(root)
  const info = await lstat(file).catch(() => undefined)
  if (info?.isSymbolicLink()) return 'it is a symlink'
  if (info && !info.isFile()) return 'it exists and is not a regular file'
  let dir = path.dirname(file)
  for (;;) {
    const resolved = await realpath(dir).catch(() => undefined)
    if (resolved !== undefined) {
      const rel = path.relative(realRoot, resolved)
      return rel.startsWith('..') || path.isAbsolute(rel) ? `its folder resolves to '${resolved}', outside the repository` : undefined
    }
    const parent = path.dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}
