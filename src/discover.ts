import { opendir, realpath, stat } from 'node:fs/promises'
import path from 'node:path'
import { compilePatterns } from './glob.js'

/** Folders never searched, whatever the patterns say. */
export const PRUNED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules'])

export interface Discovery {
  /** Repository-relative POSIX paths of the Dockerfiles found, sorted. */
  readonly paths: string[]
  /** Things the user should know about (a symlink leading out of the repository, for one). */
  readonly warnings: string[]
}

/**
 * Walks `root`, never entering PRUNED_FOLDERS nor following symlinked folders, and returns the files
 * that match `patterns`. A matching symlink is kept only when it resolves to a file inside `root`.
 */
export async function discoverDockerfiles(root: string, patterns: readonly string[]): Promise<Discovery> {
  const matcher = compilePatterns(patterns)
  const realRoot = await realpath(root).catch((error: unknown) => {
    throw new Error(`cannot read the repository folder '${root}'`, { cause: error })
  })
  const found: string[] = []
  const warnings: string[] = []

  async function walk(dir: string, rel: string): Promise<void> {
    const handle = await opendir(dir).catch((error: unknown) => {
      throw new Error(`cannot list the folder '${rel || '.'}'`, { cause: error })
    })
    const subfolders: Promise<void>[] = []
    for await (const entry of handle) {
      const relPath = rel ? `${rel}/${entry.name}` : entry.name
      if (entry.isDirectory()) {
        if (!PRUNED_FOLDERS.has(entry.name)) subfolders.push(walk(path.join(dir, entry.name), relPath))
      } else if (entry.isFile()) {
        if (matcher.matches(relPath)) found.push(relPath)
      } else if (entry.isSymbolicLink() && matcher.matches(relPath)) {
        const problem = await checkSymlink(path.join(dir, entry.name), realRoot)
        if (problem) warnings.push(`skipped '${relPath}': ${problem}`)
        else found.push(relPath)
      }
    }
    await Promise.all(subfolders)
  }

  await walk(root, '')
  found.sort()
  warnings.sort()
  return { paths: found, warnings }
}

async function checkSymlink(file: string, realRoot: string): Promise<string | undefined> {
  let target: string
  try {
    target = await realpath(file)
  } catch {
    return 'it is a broken symlink (or a symlink loop)'
  }
  const rel = path.relative(realRoot, target)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return 'it is a symlink to a file outside the repository, which is never read'
  const info = await stat(target)
  return info.isFile() ? undefined : 'it is a symlink to something that is not a file'
}
