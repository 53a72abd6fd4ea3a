import * as crypto from 'node:crypto'
import { closeSync, createReadStream, readlinkSync } from 'node:fs'
import path from 'node:path'
import { count, LIMITS, LimitError, type Limits } from '../common/limits.js'
import { type FileKind, openRepoFile, READ_WHOLE_BYTES, readOpenFile, readRepoFile, showBytes } from '../common/repo-file.js'
import { sha256Hex } from '../common/sha256.js'
import { readCommitFile } from './commit-file.js'
import { type DockerIgnore, parseDockerignore } from './dockerignore.js'
import { blobId, type CommitTree, lowerBound, type ObjectFormat, type TreeEntry } from './git-tree.js'
import { childPath, type WalkCalls, walkTree } from './walk.js'

const IGNORE_FILE: FileKind = { the: 'the ignore file', a: 'an ignore file', limit: LIMITS.ignoreFileBytes }
/** A file of a context: any size (large ones are streamed), within the run's total. */
const CONTEXT_FILE: FileKind = { the: 'the file', a: 'a file', limit: Number.MAX_SAFE_INTEGER }

/** What the hash of a build context covered. */
export interface ContextHash {
  /** sha256 over every file's path, kind, mode and object id, in path order. */
  readonly sha256: string
  readonly files: number
  /** The ignore file applied, repository-relative ('' when none). */
  readonly ignoreFile: string
}

/**
 * One context entry as it enters the hash. Both sources write the same line for the same file: the
 * kind, git's mode (644 or 755, from the owner's executable bit, as git records it) and git's object
 * id of the content or of the link's target.
 */
const line = {
  file: (executable: boolean, oid: string) => `f\u0000${executable ? '755' : '644'}\u0000${oid}`,
  link: (oid: string) => `l\u0000${oid}`,
  submodule: (oid: string) => `s\u0000${oid}`,
}

/**
 * Hashes build contexts: every file of the context folder that its `.dockerignore` (or
 * `<Dockerfile>.dockerignore`, which wins) does not exclude, with Docker's own ignore semantics
 * (@balena/dockerignore). Paths, the executable bit and git object ids (of contents, of symlink
 * targets) enter the hash in path order.
 *
 * With the commit's tree (the `git` context), the files are those of the commit, which is what
 * kaniko clones and builds: paths, modes and ids come from `git ls-tree`, and no file is read. Without it, the
 * working tree is walked: symlinks are hashed as links and never followed, `.git` folders are left
 * out, and each file is read once per run however many contexts include it. A clean checkout gives
 * the same hash either way.
 */
export class ContextHasher {
  private readonly contents = new Map<string, string | Promise<string>>()
  private readonly format: ObjectFormat
  /** Parsed ignore files, by their text: contexts often share one. */
  private readonly parsed = new Map<string, DockerIgnore>()
  /** What this run has used of its limits. */
  private readonly used = { files: 0, steps: 0, bytes: 0 }

  /**
   * @param root the repository folder that context paths are relative to
   * @param generated repository-relative files this action writes (the manifest): never part of a
   *   context, or every render would change the hash it is made from
   * @param tree the commit's files under `root`, when the contexts are the commit's files
   * @param format the repository's object format, for the ids the working-tree walk computes
   * @param limits the bounds of a run (see limits.ts)
   */
  constructor(
    private readonly root: string,
    private readonly generated: ReadonlySet<string> = new Set(),
    private readonly tree?: CommitTree,
    format: ObjectFormat = tree?.objectFormat ?? 'sha1',
    private readonly limits: Limits = LIMITS,
  ) {
    this.format = format
  }

  /** Where the files come from, for the log and the annotation. */
  get source(): 'commit' | 'working tree' {
    return this.tree ? 'commit' : 'working tree'
  }

  /**
   * A file of the working tree read elsewhere (a Dockerfile, for its own hash): its line is kept, so
   * the walk of its context does not read it again. Nothing to keep with the commit's tree, which reads no file.
   */
  knownFile(file: string, data: Uint8Array, mode: number): void {
    if (this.tree) return
    // The path the walk builds for it (see walk), so that the walk finds it.
    const abs = `${path.join(this.root)}/${file}`
    if (!this.contents.has(abs)) this.contents.set(abs, line.file((mode & 0o100) !== 0, blobId(this.format, data)))
  }

  /** Whether the commit holds `file` (repository-relative); undefined without the commit's tree. */
  commits(file: string): boolean | undefined {
    if (!this.tree) return undefined
    return this.tree.entries[lowerBound(this.tree.entries, file)]?.path === file
  }

  async hash(contextDir: string, dockerfile: string): Promise<ContextHash> {
    const found = this.ignoreFile(contextDir, dockerfile)
    const rules = found?.text ?? ''
    const ruleLines = rules.split(/\r?\n/)
    const ig = this.parseIgnore(found?.name ?? '', ruleLines)
    const hasRules = ruleLines.some((l) => l.trim() !== '' && !l.trim().startsWith('#'))
    const ignored = (rel: string) => {
      if (!hasRules) return false
      // Counted before the work, as its bound: the path, then its folders.
      this.used.steps += ig.cost(rel)
      if (this.used.steps > this.limits.ignoreSteps) {
        throw new LimitError(
          `matching the paths of the build contexts against their ignore rules takes more than ${count(this.limits.ignoreSteps)} steps in all (a character of a path against a rule is one, a character past ASCII up to 17; the context of '${dockerfile}' reached it, with the ${ig.rules} rules of '${found?.name}'): expected fewer; use fewer rules, smaller contexts, or hash: dockerfile`,
        )
      }
      return ig.ignores(rel)
    }
    // Without '!' rules an ignored folder holds nothing that counts: no need to enter it.
    const canReinclude = /^\s*!/m.test(rules)
    const countFiles = (n: number) => this.countFiles(n, dockerfile)
    const filter: ContextFilter = { ignored, canReinclude, generated: this.generated, contextDir, dockerfile, count: countFiles }
    const entries = this.tree ? fromTree(this.tree, filter) : this.walk(filter)
    entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
    // One string hashed once: an update call per file cost more than the hashing.
    const lines: string[] = []
    for (const entry of entries) lines.push(`${entry.rel}\u0000${typeof entry.line === 'string' ? entry.line : await entry.line}\n`)
    return { sha256: sha256Hex(lines.join('')), files: entries.length, ignoreFile: found?.name ?? '' }
  }

  private countFiles(n: number, dockerfile: string): void {
    this.used.files += n
    if (this.used.files > this.limits.contextFiles) {
      throw new LimitError(
        `the build contexts hold more than ${count(this.limits.contextFiles)} files in all (the context of '${dockerfile}' reached it; a file in two contexts counts twice): expected fewer; exclude files in .dockerignore, choose smaller contexts, or use hash: dockerfile`,
      )
    }
  }

  /**
   * The ignore file that applies: `<Dockerfile>.dockerignore`, else the context's `.dockerignore`.
   * With the commit's tree they are the commit's, as kaniko's clone has them; else the working tree's.
   */
  private ignoreFile(contextDir: string, dockerfile: string): { name: string; text: string } | undefined {
    for (const name of [`${dockerfile}.dockerignore`, contextDir ? `${contextDir}/.dockerignore` : '.dockerignore']) {
      const data = this.tree
        ? readCommitFile(this.root, this.tree, name, IGNORE_FILE)
        : readRepoFile(path.join(this.root, ...name.split('/')), name, IGNORE_FILE, this.root)
      if (data !== undefined) return { name, text: data.toString('utf8') }
    }
    return undefined
  }

  private parseIgnore(name: string, lines: readonly string[]): DockerIgnore {
    const key = lines.join('\n')
    let ig = this.parsed.get(key)
    if (ig !== undefined) return ig
    // Counted before parsing: each rule costs a little memory.
    const rules = lines.filter((l) => !l.startsWith('#') && l.trim() !== '').length
    if (rules > this.limits.ignoreRules) {
      throw new LimitError(
        `the ignore file '${name}' has ${count(rules)} rules, more than the ${count(this.limits.ignoreRules)} an ignore file may have`,
      )
    }
    try {
      ig = parseDockerignore(lines)
    } catch (error) {
      throw new Error(`the ignore file '${name}' has a rule Docker refuses too: ${(error as Error).message}`, {
        cause: (error as Error).cause,
      })
    }
    this.parsed.set(key, ig)
    return ig
  }

  /**
   * The context's files in the working tree. A folder or file that cannot be read fails the run: the
   * tag would not cover it, and so would not change when it does.
   */
  private walk(filter: ContextFilter): Entry[] {
    const { contextDir, ignored, canReinclude } = filter
    const entries: Entry[] = []
    const unreadable = (kind: 'folder' | 'file', rel: string, error: unknown): Error => {
      const where = path.posix.join(contextDir, rel) || '.'
      // The cause (`EACCES: permission denied, scandir …`) follows this message in the log.
      return new Error(
        `cannot read the ${kind} '${where}' of the build context of '${filter.dockerfile}' (the tag covers every file of the context: make it readable by the runner, or exclude it in ${contextDir ? `${contextDir}/` : ''}.dockerignore)`,
        { cause: error },
      )
    }
    const calls: WalkCalls<undefined> = {
      tooDeep: (rel) =>
        new LimitError(
          `the folder '${path.posix.join(contextDir, rel)}' of the build context of '${filter.dockerfile}' is more than ${this.limits.depth} folders deep: expected at most ${this.limits.depth}; exclude it in .dockerignore`,
        ),
      unlistable: (rel, error) => {
        throw unreadable('folder', rel, error)
      },
      listed: (_dir, _rel, items) => {
        filter.count(items.length)
      },
      // Without '!' rules an ignored folder holds nothing that counts: no need to enter it.
      enter: (rel, name) => canReinclude || !ignored(childPath(rel, name)),
      symlink: (dir, rel, name) => {
        const itemRel = childPath(rel, name)
        if (!ignored(itemRel))
          entries.push({ rel: itemRel, line: line.link(blobId(this.format, readlinkSync(`${dir}/${name}`, { encoding: 'buffer' }))) })
      },
      file: (dir, rel, name) => {
        const itemRel = childPath(rel, name)
        if (this.generated.has(contextDir ? `${contextDir}/${itemRel}` : itemRel) || ignored(itemRel)) return
        try {
          entries.push({ rel: itemRel, line: this.fileLine(`${dir}/${name}`, path.posix.join(contextDir, itemRel)) })
        } catch (error) {
          if (error instanceof LimitError) throw error
          throw unreadable('file', itemRel, error)
        }
      },
    }
    const top = path.join(this.root, ...contextDir.split('/').filter(Boolean))
    walkTree(top, calls, { depth: contextDir === '' ? 0 : contextDir.split('/').length, maxDepth: this.limits.depth, state: undefined })
    return entries
  }

  /**
   * The line of a regular file of the working tree; each file is read once. Small files are read
   * with one open, fstat, read and close into a shared buffer, without a Promise.
   */
  private fileLine(abs: string, name: string): string | Promise<string> {
    let cached = this.contents.get(abs)
    if (cached === undefined) {
      cached = hashFile(abs, name, this.root, this.format, (bytes) => this.countBytes(bytes, name))
      this.contents.set(abs, cached)
    }
    return cached
  }

  private countBytes(bytes: number, name: string): void {
    this.used.bytes += bytes
    if (this.used.bytes > this.limits.contextBytes) {
      throw new LimitError(
        `the files of the build contexts have more than ${showBytes(this.limits.contextBytes)} bytes in all ('${name}' reached it): expected fewer; exclude large files in .dockerignore, or use hash: dockerfile`,
      )
    }
  }
}

interface Entry {
  readonly rel: string
  readonly line: string | Promise<string>
}

interface ContextFilter {
  readonly contextDir: string
  /** The Dockerfile whose context this is, for errors. */
  readonly dockerfile: string
  readonly ignored: (rel: string) => boolean
  readonly canReinclude: boolean
  readonly generated: ReadonlySet<string>
  /** Counts files (and folders) against the run's limit; throws past it. */
  readonly count: (n: number) => void
}

/**
 * The context's files in the commit. The same rules as the walk: a file counts unless it is ignored,
 * or (without '!' rules) one of its folders is.
 */
function fromTree(tree: CommitTree, filter: ContextFilter): Entry[] {
  const { contextDir, ignored, canReinclude, generated } = filter
  const prefix = contextDir === '' ? '' : `${contextDir}/`
  const entries: Entry[] = []
  const folderIgnored = new Map<string, boolean>()
  const insideIgnoredFolder = (rel: string): boolean => {
    const slash = rel.lastIndexOf('/')
    if (slash === -1) return false
    const folder = rel.slice(0, slash)
    let known = folderIgnored.get(folder)
    if (known === undefined) {
      known = insideIgnoredFolder(folder) || ignored(folder)
      folderIgnored.set(folder, known)
    }
    return known
  }
  const all = tree.entries
  // Paths under one folder are contiguous in sorted order, from `prefix` to below `prefix` with its
  // slash made the next character ('0'): counted before any work.
  const first = lowerBound(all, prefix)
  filter.count((prefix === '' ? all.length : lowerBound(all, `${prefix.slice(0, -1)}0`)) - first)
  for (let i = first; i < all.length; i++) {
    const entry = all[i] as TreeEntry
    if (!entry.path.startsWith(prefix)) break
    const rel = entry.path.slice(prefix.length)
    if (generated.has(entry.path)) continue
    // The folder first: its answer is kept, and a file in an ignored folder costs no rule check.
    if ((!canReinclude && insideIgnoredFolder(rel)) || ignored(rel)) continue
    const kind = entry.mode & 0o170000
    entries.push({
      rel,
      line:
        kind === 0o120000
          ? line.link(entry.oid)
          : kind === 0o160000
            ? line.submodule(entry.oid)
            : line.file((entry.mode & 0o100) !== 0, entry.oid),
    })
  }
  return entries
}

function hashFile(
  abs: string,
  name: string,
  root: string,
  format: ObjectFormat,
  countBytes: (n: number) => void,
): string | Promise<string> {
  // A file the walk listed as a regular file: opened without following a link, and fstat'd again.
  const opened = openRepoFile(abs, name, CONTEXT_FILE, root)
  if (opened === undefined) throw new Error(`the file '${name}' is gone`)
  const { fd, info } = opened
  let streamed = false
  try {
    countBytes(info.size)
    const executable = (info.mode & 0o100) !== 0
    if (info.size <= READ_WHOLE_BYTES) {
      const data = readOpenFile(fd, info.size)
      if (data.length === info.size) return line.file(executable, blobId(format, data))
    }
    // Large (or changed while reading): streamed, so memory does not grow with the file. The blob
    // header needs the size first, so the file is read once for its size and once for the id.
    streamed = true
    return (async () => {
      try {
        let size = 0
        for await (const chunk of createReadStream('', { fd, autoClose: false, highWaterMark: 1024 * 1024, start: 0 }))
          size += (chunk as Buffer).length
        const digest = crypto.createHash(format).update(`blob ${size}\u0000`)
        let read = 0
        for await (const chunk of createReadStream('', { fd, autoClose: false, highWaterMark: 1024 * 1024, start: 0 })) {
          digest.update(chunk as Buffer)
          read += (chunk as Buffer).length
        }
        if (read !== size) throw new Error(`the file '${abs}' changed while it was hashed`)
        return line.file(executable, digest.digest('binary'))
      } finally {
        closeSync(fd)
      }
    })()
  } finally {
    if (!streamed) closeSync(fd)
  }
}
