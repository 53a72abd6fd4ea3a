import * as crypto from 'node:crypto'
import {
  closeSync,
  createReadStream,
  type Dirent,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  readSync,
} from 'node:fs'
import path from 'node:path'
import dockerignore, { type Ignore } from '@balena/dockerignore'
import { sha256Hex } from './hash.js'

// A CommonJS module whose typings declare a default export: at run time the default import is the factory.
const ignore = dockerignore as unknown as () => Ignore

/** What the hash of a build context covered. */
export interface ContextHash {
  /** sha256 over every file's path, kind, mode and content (or link target), in path order. */
  readonly sha256: string
  readonly files: number
  /** The ignore file applied, repository-relative ('' when none). */
  readonly ignoreFile: string
}

/** Files up to this size are read in one go into one reused buffer; larger ones are streamed. */
const READ_WHOLE_BYTES = 1024 * 1024
const buffer = Buffer.allocUnsafe(READ_WHOLE_BYTES)

const sha256 = sha256Hex

/**
 * Hashes build contexts the way Docker sends them: every file of the context folder that its
 * `.dockerignore` (or `<Dockerfile>.dockerignore`, which wins) does not exclude, with Docker's own
 * ignore semantics (@balena/dockerignore). Paths, the executable bit, contents and symlink targets
 * enter the hash in path order; symlinks are hashed as links and never followed, so nothing outside
 * the context is read. `.git` folders are left out: a checkout and kaniko's clone differ there.
 * A file is read once per run, however many contexts include it.
 */
export class ContextHasher {
  private readonly contents = new Map<string, string | Promise<string>>()

  /**
   * @param root the repository folder that context paths are relative to
   * @param generated repository-relative files this action writes (the manifest): never part of a
   *   context, or every render would change the hash it is made from
   */
  constructor(
    private readonly root: string,
    private readonly generated: ReadonlySet<string> = new Set(),
  ) {}

  async hash(contextDir: string, dockerfile: string): Promise<ContextHash> {
    const absContext = path.join(this.root, ...contextDir.split('/').filter(Boolean))
    const ignoreFile = [`${dockerfile}.dockerignore`, contextDir ? `${contextDir}/.dockerignore` : '.dockerignore'].find((f) =>
      existsSync(path.join(this.root, ...f.split('/'))),
    )
    const rules = ignoreFile ? readFileSync(path.join(this.root, ...ignoreFile.split('/')), 'utf8') : ''
    const ig: Ignore = ignore().add(rules.split(/\r?\n/))
    const hasRules = rules.split(/\r?\n/).some((line) => line.trim() !== '' && !line.trim().startsWith('#'))
    const ignored = (rel: string) => hasRules && ig.ignores(rel)
    // Without '!' rules an ignored folder holds nothing that counts: no need to enter it.
    const canReinclude = /^\s*!/m.test(rules)

    const entries: { rel: string; line: string | Promise<string> }[] = []
    const walk = (dir: string, rel: string): void => {
      let items: Dirent[]
      try {
        items = readdirSync(dir, { withFileTypes: true })
      } catch (error) {
        throw new Error(`cannot list the folder '${path.posix.join(contextDir, rel) || '.'}' of a build context`, { cause: error })
      }
      for (const item of items) {
        const itemRel = rel ? `${rel}/${item.name}` : item.name
        const abs = `${dir}/${item.name}`
        if (item.isDirectory()) {
          if (item.name === '.git') continue
          if (!canReinclude && ignored(itemRel)) continue
          walk(abs, itemRel)
        } else if (item.isSymbolicLink()) {
          if (!ignored(itemRel)) entries.push({ rel: itemRel, line: `l\u0000${readlinkSync(abs)}` })
        } else if (item.isFile()) {
          if (this.generated.has(contextDir ? `${contextDir}/${itemRel}` : itemRel)) continue
          if (!ignored(itemRel)) entries.push({ rel: itemRel, line: this.fileLine(abs) })
        }
      }
    }
    walk(absContext, '')
    entries.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
    const digest = crypto.createHash('sha256')
    for (const entry of entries) digest.update(`${entry.rel}\u0000${await entry.line}\n`)
    return { sha256: digest.digest('hex'), files: entries.length, ignoreFile: ignoreFile ?? '' }
  }

  /**
   * `f`, the executable bit and the content hash of a regular file; each file is read once. Small
   * files are read with one open, fstat, read and close into a shared buffer, without a Promise.
   */
  private fileLine(abs: string): string | Promise<string> {
    let line = this.contents.get(abs)
    if (line === undefined) {
      line = hashFile(abs)
      this.contents.set(abs, line)
    }
    return line
  }
}

function fileLine(executable: boolean, sha: string): string {
  return `f\u0000${executable ? '755' : '644'}\u0000${sha}`
}

function hashFile(abs: string): string | Promise<string> {
  const fd = openSync(abs, 'r')
  let streamed = false
  try {
    const info = fstatSync(fd)
    const executable = (info.mode & 0o111) !== 0
    if (info.size <= READ_WHOLE_BYTES) {
      let length = 0
      for (let n = 1; n > 0 && length < READ_WHOLE_BYTES; length += n) n = readSync(fd, buffer, length, READ_WHOLE_BYTES - length, null)
      if (length < READ_WHOLE_BYTES || readSync(fd, Buffer.alloc(1), 0, 1, null) === 0) {
        return fileLine(executable, sha256(buffer.subarray(0, length)))
      }
    }
    // Large (or grown while reading): streamed, so memory does not grow with the file.
    streamed = true
    const digest = crypto.createHash('sha256')
    return (async () => {
      try {
        for await (const chunk of createReadStream('', { fd, autoClose: false, highWaterMark: 1024 * 1024, start: 0 }))
          digest.update(chunk as Buffer)
      } finally {
        closeSync(fd)
      }
      return fileLine(executable, digest.digest('hex'))
    })()
  } finally {
    if (!streamed) closeSync(fd)
  }
}
