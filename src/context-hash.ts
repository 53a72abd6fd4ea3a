import * as crypto from 'node:crypto'
import { closeSync, createReadStream, type Dirent, existsSync, fstatSync, openSync, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import path from 'node:path'
import dockerignore, { type Ignore } from '@balena/dockerignore'
import { type GitIndex, type IndexEntry, lowerBound, type ObjectFormat } from './git-index.js'
import { READ_WHOLE_BYTES, readOpenFile, sha256Hex } from './hash.js'

// A CommonJS module whose typings declare a default export: at run time the default import is the factory.
const ignore = dockerignore as unknown as () => Ignore

/** What the hash of a build context covered. */
export interface ContextHash {
  /** sha256 over every file's path, kind, mode and object id, in path order. */
  readonly sha256: string
  readonly files: number
  /** The ignore file applied, repository-relative ('' when none). */
  readonly ignoreFile: string
}

/** Git's object id of a blob, as raw bytes in a latin1 string (the form the index holds). */
function blobId(format: ObjectFormat, data: Uint8Array): string {
  return crypto.createHash(format).update(`blob ${data.length}\u0000`).update(data).digest('binary')
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
 * With a git index (the `git` context), the files are those of the commit, which is what kaniko
 * clones and builds: paths, modes and ids come from the index, and no file is read. Without one, the
 * working tree is walked: symlinks are hashed as links and never followed, `.git` folders are left
 * out, and each file is read once per run however many contexts include it. A clean checkout gives
 * the same hash either way.
 */
export class ContextHasher {
  private readonly contents = new Map<string, string | Promise<string>>()
  private readonly format: ObjectFormat

  /**
   * @param root the repository folder that context paths are relative to
   * @param generated repository-relative files this action writes (the manifest): never part of a
   *   context, or every render would change the hash it is made from
   * @param index the git index of `root`, when the contexts are the commit's files
   * @param format the repository's object format, for the ids the working-tree walk computes
   */
  constructor(
    private readonly root: string,
    private readonly generated: ReadonlySet<string> = new Set(),
    private readonly index?: GitIndex,
    format: ObjectFormat = index?.objectFormat ?? 'sha1',
  ) {
    this.format = format
  }

  /** Where the files come from, for the log and the annotation. */
  get source(): 'commit' | 'working tree' {
    return this.index ? 'commit' : 'working tree'
  }

  /**
   * A file of the working tree read elsewhere (a Dockerfile, for its own hash): its line is kept, so
   * the walk of its context does not read it again. Nothing to keep with an index, which reads no file.
   */
  knownFile(file: string, data: Uint8Array, mode: number): void {
    if (this.index) return
    // The path the walk builds for it (see walk), so that the walk finds it.
    const abs = `${path.join(this.root)}/${file}`
    if (!this.contents.has(abs)) this.contents.set(abs, line.file((mode & 0o100) !== 0, blobId(this.format, data)))
  }

  /** Whether the commit holds `file` (repository-relative); undefined without an index. */
  commits(file: string): boolean | undefined {
    if (!this.index) return undefined
    return this.index.entries[lowerBound(this.index.entries, file)]?.path === file
  }

  async hash(contextDir: string, dockerfile: string): Promise<ContextHash> {
    const ignoreFile = [`${dockerfile}.dockerignore`, contextDir ? `${contextDir}/.dockerignore` : '.dockerignore'].find((f) =>
      existsSync(path.join(this.root, ...f.split('/'))),
    )
    const rules = ignoreFile ? readFileSync(path.join(this.root, ...ignoreFile.split('/')), 'utf8') : ''
    const ig: Ignore = ignore().add(rules.split(/\r?\n/))
    const hasRules = rules.split(/\r?\n/).some((l) => l.trim() !== '' && !l.trim().startsWith('#'))
    const ignored = (rel: string) => hasRules && ig.ignores(rel)
    // Without '!' rules an ignored folder holds nothing that counts: no need to enter it.
    const canReinclude = /^\s*!/m.test(rules)
    const filter: ContextFilter = { ignored, canReinclude, generated: this.generated, contextDir, dockerfile }
    const entries = this.index ? fromIndex(this.index, filter) : this.walk(filter)
    entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
    // One string hashed once: an update call per file cost more than the hashing.
    const lines: string[] = []
    for (const entry of entries) lines.push(`${entry.rel}\u0000${typeof entry.line === 'string' ? entry.line : await entry.line}\n`)
    return { sha256: sha256Hex(lines.join('')), files: entries.length, ignoreFile: ignoreFile ?? '' }
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
    const walk = (dir: string, rel: string): void => {
      let items: Dirent[]
      try {
        items = readdirSync(dir, { withFileTypes: true })
      } catch (error) {
        throw unreadable('folder', rel, error)
      }
      for (const item of items) {
        const itemRel = rel ? `${rel}/${item.name}` : item.name
        const abs = `${dir}/${item.name}`
        if (item.isDirectory()) {
          if (item.name === '.git') continue
          if (!canReinclude && ignored(itemRel)) continue
          walk(abs, itemRel)
        } else if (item.isSymbolicLink()) {
          if (!ignored(itemRel))
            entries.push({ rel: itemRel, line: line.link(blobId(this.format, readlinkSync(abs, { encoding: 'buffer' }))) })
        } else if (item.isFile()) {
          if (this.generated.has(contextDir ? `${contextDir}/${itemRel}` : itemRel)) continue
          if (ignored(itemRel)) continue
          try {
            entries.push({ rel: itemRel, line: this.fileLine(abs) })
          } catch (error) {
            throw unreadable('file', itemRel, error)
          }
        }
      }
    }
    walk(path.join(this.root, ...contextDir.split('/').filter(Boolean)), '')
    return entries
  }

  /**
   * The line of a regular file of the working tree; each file is read once. Small files are read
   * with one open, fstat, read and close into a shared buffer, without a Promise.
   */
  private fileLine(abs: string): string | Promise<string> {
    let cached = this.contents.get(abs)
    if (cached === undefined) {
      cached = hashFile(abs, this.format)
      this.contents.set(abs, cached)
    }
    return cached
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
}

/**
 * The context's files in the index. The same rules as the walk: a file counts unless it is ignored,
 * or (without '!' rules) one of its folders is.
 */
function fromIndex(index: GitIndex, filter: ContextFilter): Entry[] {
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
  const all = index.entries
  // Paths under one folder are contiguous in sorted order: find the first, then read while they match.
  for (let i = lowerBound(all, prefix); i < all.length; i++) {
    const entry = all[i] as IndexEntry
    if (!entry.path.startsWith(prefix)) break
    const rel = entry.path.slice(prefix.length)
    if (generated.has(entry.path)) continue
    if (ignored(rel) || (!canReinclude && insideIgnoredFolder(rel))) continue
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

function hashFile(abs: string, format: ObjectFormat): string | Promise<string> {
  const fd = openSync(abs, 'r')
  let streamed = false
  try {
    const info = fstatSync(fd)
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
