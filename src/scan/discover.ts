import { type Dirent, realpathSync, statSync } from 'node:fs'
import path from 'node:path'
import { hasControlCharacter, inert } from '../common/inert.js'
import { count, LIMITS, LimitError, type Limits } from '../common/limits.js'
import { type FileKind, readRepoFile } from '../common/repo-file.js'
import { type CompiledPatterns, compilePatterns } from './glob.js'
import { childPath, type WalkCalls, walkTree } from './walk.js'

/** Folders never searched, whatever the patterns say. */
export const PRUNED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules'])

export interface Discovery {
  /** Repository-relative POSIX paths of the Dockerfiles found, sorted. */
  readonly paths: string[]
  /** Things the user should know about (a symlink leading out of the repository, for one). */
  readonly warnings: string[]
  /** Matching files left out as no Dockerfile (a backup, an ignore file, the manifest), for the log. */
  readonly notes: string[]
}

export interface DiscoverOptions {
  /** Repository-relative files this action writes (the manifest): never a Dockerfile, whatever the patterns. */
  readonly generated?: ReadonlySet<string>
  /** The bounds of a run (see limits.ts). */
  readonly limits?: Pick<Limits, 'dockerfiles' | 'searchedEntries' | 'depth'>
}

/**
 * Names that a pattern such as `Dockerfile.*` or `**` matches but that are never Dockerfiles: ignore
 * files (`Dockerfile.dockerignore`), documents, editor, merge and patch leftovers, and temporary
 * files (a write killed before its rename leaves `.manifest.yaml.<hex>.tmp`).
 */
const NOT_A_DOCKERFILE = /(?:\.(?:dockerignore|md|txt|orig|bak|rej|tmp|sw[a-p])|~)$/i

const GITMODULES: FileKind = { the: 'the file', a: 'a .gitmodules file', limit: LIMITS.gitmodulesBytes }

/** Why a listing failure is skipped rather than fatal: the runner may not read the folder (another user's data volume). */
const UNLISTABLE = new Set(['EACCES', 'EPERM'])

/**
 * Walks `root`, never entering PRUNED_FOLDERS nor following symlinked folders, and returns the files
 * that match `patterns`. A matching symlink is kept only when it resolves to a file inside `root`.
 * Files inside another git repository below `root` (a submodule, which kaniko's git context does
 * not clone) and folders the runner cannot list are skipped with a warning.
 */
export async function discoverDockerfiles(root: string, patterns: readonly string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const limits = options.limits ?? LIMITS
  const walk = new Walk(compilePatterns(patterns), options.generated ?? new Set(), limits)
  let realRoot: string
  try {
    realRoot = realpathSync(root)
  } catch (error) {
    throw new Error(`cannot read the repository folder '${root}'`, { cause: error })
  }
  walkTree(root, walk, { depth: 0, maxDepth: limits.depth, state: '' })
  const { found, warnings, notes } = walk
  // Symlinks count: each is resolved to be checked.
  if (found.length + walk.symlinks.length > limits.dockerfiles) {
    throw new LimitError(
      `${count(found.length + walk.symlinks.length)} files match the 'dockerfiles' patterns, more than the ${count(limits.dockerfiles)} Dockerfiles a run may have: expected at most ${count(limits.dockerfiles)}; narrow 'dockerfiles' or 'path'`,
    )
  }
  for (const relPath of walk.symlinks) {
    const problem = await checkSymlink(path.join(root, ...relPath.split('/')), realRoot)
    if (problem) warnings.push(`skipped '${inert(relPath)}': ${problem}`)
    else found.push(relPath)
  }
  for (const [submodule, files] of walk.inSubmodules) {
    warnings.push(
      `skipped ${files.length} Dockerfile(s) in '${inert(submodule)}', a git submodule (or another repository inside this one): kaniko's git context does not clone submodules, so they cannot be built from here: ${files.sort().map(inert).join(', ')}`,
    )
  }
  found.sort()
  warnings.sort()
  return { paths: found, warnings, notes }
}

/**
 * What the search decides on its walk of the tree. The state of a folder is the submodule it is in
 * ('' for none).
 */
class Walk implements WalkCalls<string> {
  readonly found: string[] = []
  readonly warnings: string[] = []
  readonly notes: string[] = []
  /** Matching symlinks, checked after the walk. */
  readonly symlinks: string[] = []
  /** Matching files inside submodules, by submodule folder. */
  readonly inSubmodules = new Map<string, string[]>()
  private submodulePaths: ReadonlySet<string> = new Set()
  private entries = 0

  constructor(
    private readonly matcher: CompiledPatterns,
    private readonly generated: ReadonlySet<string>,
    private readonly limits: Pick<Limits, 'searchedEntries' | 'depth'>,
  ) {}

  tooDeep(rel: string): Error {
    return new LimitError(
      `the folder '${rel}' is more than ${this.limits.depth} folders below 'path': expected at most ${this.limits.depth} (the search for Dockerfiles does not go deeper)`,
    )
  }

  /** The root must be listed; a folder below it that the runner may not list is skipped with a warning. */
  unlistable(rel: string, error: unknown): void {
    const code = (error as NodeJS.ErrnoException).code ?? ''
    if (rel !== '' && UNLISTABLE.has(code)) {
      this.warnings.push(`skipped the folder '${inert(rel)}': it cannot be listed (${code}), so a Dockerfile in it would not be found`)
      return
    }
    throw new Error(`cannot list the folder '${rel || '.'}'`, { cause: error })
  }

  /** Counts the entries against the limit, and tells whether the folder is a submodule. */
  listed(dir: string, rel: string, entries: readonly Dirent[], outer: string): string {
    this.entries += entries.length
    if (this.entries > this.limits.searchedEntries) {
      throw new LimitError(
        `the search for Dockerfiles listed more than ${count(this.limits.searchedEntries)} files and folders (up to '${rel || '.'}'), more than a run may list: expected fewer; narrow 'path' (node_modules and .git are never searched)`,
      )
    }
    if (rel === '') this.submodulePaths = readGitmodules(dir, entries)
    // A `.git` below the root is another repository (a submodule): kaniko's git context does not clone it.
    const inner = rel !== '' && outer === '' && (this.submodulePaths.has(rel) || entries.some((entry) => entry.name === '.git'))
    return inner ? rel : outer
  }

  enter(rel: string, name: string): boolean {
    return !PRUNED_FOLDERS.has(name) && !this.badName(name, rel)
  }

  file(_dir: string, rel: string, name: string, submodule: string): void {
    if (this.matcher.matchesIn(rel, name) && !this.badName(name, rel)) this.keep(childPath(rel, name), name, submodule)
  }

  /** A matching symlink is checked after the walk; in a submodule, or named as no Dockerfile, it is only noted. */
  symlink(_dir: string, rel: string, name: string, submodule: string): void {
    if (!this.matcher.matchesIn(rel, name) || this.badName(name, rel)) return
    if (submodule !== '' || NOT_A_DOCKERFILE.test(name)) this.keep(childPath(rel, name), name, submodule)
    else this.symlinks.push(childPath(rel, name))
  }

  /** A matching file: a Dockerfile, unless its name or place says otherwise. */
  private keep(relPath: string, name: string, submodule: string): void {
    if (NOT_A_DOCKERFILE.test(name)) this.notes.push(`left out '${inert(relPath)}': its name says it is not a Dockerfile`)
    else if (this.generated.has(relPath)) this.notes.push(`left out '${inert(relPath)}': it is the manifest this action writes`)
    else if (submodule === '') this.found.push(relPath)
    else {
      const files = this.inSubmodules.get(submodule)
      if (files) files.push(relPath)
      else this.inSubmodules.set(submodule, [relPath])
    }
  }

  /**
   * A name that is not UTF-8 comes back with U+FFFD in it and cannot be opened by that name. A name
   * with a control character (a newline, for one) is no image's, and would break the lines of the
   * log, the summary and the comment. Only the folders entered and the files that match are asked.
   */
  private badName(name: string, rel: string): boolean {
    const problem = name.includes('\uFFFD')
      ? 'its name is not valid UTF-8'
      : hasControlCharacter(name)
        ? 'its name has a control character or a line separator'
        : undefined
    if (problem === undefined) return false
    this.warnings.push(`skipped '${inert(childPath(rel, name))}': ${problem}`)
    return true
  }
}

/**
 * The folders `.gitmodules` at the root declares as submodules: one that is not checked out has no
 * `.git` to tell it by. Read only when the root has the file.
 */
function readGitmodules(root: string, entries: readonly Dirent[]): ReadonlySet<string> {
  if (!entries.some((entry) => entry.name === '.gitmodules' && entry.isFile())) return new Set()
  let text: string
  try {
    text = readRepoFile(`${root}/.gitmodules`, '.gitmodules', GITMODULES, root)?.toString('utf8') ?? ''
  } catch (error) {
    if (error instanceof LimitError) throw error
    // Unreadable: the `.git` of each checked-out submodule still tells it.
    return new Set()
  }
  const paths = new Set<string>()
  for (const match of text.matchAll(/^\s*path\s*=\s*(.*?)\s*$/gm)) {
    const value = (match[1] ?? '').replace(/^"(.*)"$/, '$1').replace(/\/+$/, '')
    if (value !== '') paths.add(value)
  }
  return paths
}

async function checkSymlink(file: string, realRoot: string): Promise<string | undefined> {
  let target: string
  try {
    target = realpathSync(file)
  } catch {
    return 'it is a broken symlink (or a symlink loop)'
  }
  const rel = path.relative(realRoot, target)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return 'it is a symlink to a file outside the repository, which is never read'
  const info = statSync(target)
  return info.isFile() ? undefined : 'it is a symlink to something that is not a file'
}
