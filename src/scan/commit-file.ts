import { execFileSync } from 'node:child_process'
import { readlinkSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { type FileKind, isInside, readRepoFile, tooLarge } from '../common/repo-file.js'
import { blobId, type GitIndex, type IndexEntry, lowerBound } from './git-index.js'

/** Symlinks a path of the commit may go through, Linux's own limit. */
const MAX_LINKS = 40

/** A symlink's target, in the commit: a path, at most as long as the system's. */
const SYMLINK: FileKind = { the: 'the symlink', a: 'a symlink', limit: 4096 }

const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFLNK = 0o120000

function entryAt(index: GitIndex, file: string): IndexEntry | undefined {
  const entry = index.entries[lowerBound(index.entries, file)]
  return entry?.path === file ? entry : undefined
}

/**
 * Reads `name` (relative to `root`, the folder the index was read for) as the commit has it, the
 * way kaniko's clone will: the index says whether it is there and what it is, and the content is
 * the commit's object. A symlink in the commit is followed while it stays below `root` (a link that
 * leaves it is an error, as in the working tree); one that leads nowhere means no file, as Docker
 * reads a missing `.dockerignore`. Returns undefined when the commit has no such file.
 */
export function readCommitFile(root: string, index: GitIndex, name: string, kind: FileKind): Buffer | undefined {
  const todo = name.split('/')
  const done: string[] = []
  let links = 0
  while (todo.length > 0) {
    const part = todo.shift() as string
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (done.length === 0) throw leadsOut(kind, name)
      done.pop()
      continue
    }
    done.push(part)
    const entry = entryAt(index, done.join('/'))
    // A folder (the index lists files only), or nothing.
    if (entry === undefined) continue
    const type = entry.mode & S_IFMT
    if (type === S_IFLNK) {
      if (++links > MAX_LINKS) throw new Error(`cannot read ${kind.the} '${name}': it is a symlink loop in the commit`)
      const target = objectOf(root, index, entry, SYMLINK).toString('utf8')
      if (target.startsWith('/')) throw leadsOut(kind, name)
      done.pop()
      todo.unshift(...target.split('/'))
      continue
    }
    // A file where the path goes on as a folder: nothing there.
    if (todo.some((p) => p !== '' && p !== '.')) return undefined
    if (type !== S_IFREG) throw new Error(`cannot read ${kind.the} '${name}': it is a submodule in the commit, not a regular file`)
    return objectOf(root, index, entry, kind)
  }
  const folder = done.join('/')
  if (folder !== '' && index.entries[lowerBound(index.entries, `${folder}/`)]?.path.startsWith(`${folder}/`)) {
    throw new Error(`cannot read ${kind.the} '${name}': it is a folder in the commit, not a regular file`)
  }
  return undefined
}

function leadsOut(kind: FileKind, name: string): Error {
  return new Error(`cannot read ${kind.the} '${name}': it is a symlink that leads out of the repository, and nothing outside it is read`)
}

/**
 * The content of an entry's object: the checkout's own file (or link) when its git object id is the
 * entry's, which is the case after a checkout and costs no process; else `git cat-file`.
 */
function objectOf(root: string, index: GitIndex, entry: IndexEntry, kind: FileKind): Buffer {
  const file = path.join(root, ...entry.path.split('/'))
  try {
    // The reader checks the file itself; its folders must lead nowhere else either (the commit's
    // folder may be a symlink in the working tree).
    if (isInside(realpathSync.native(root), realpathSync.native(path.dirname(file)))) {
      const data =
        (entry.mode & S_IFMT) === S_IFLNK ? readlinkSync(file, { encoding: 'buffer' }) : readRepoFile(file, entry.path, kind, root)
      if (data !== undefined && blobId(index.objectFormat, data) === entry.oid) return data
    }
  } catch {
    // Changed, replaced, too large or unreadable in the working tree: the commit's object decides.
  }
  return catFile(index, entry, kind)
}

/** `git cat-file blob`, reading at most the kind's limit. */
function catFile(index: GitIndex, entry: IndexEntry, kind: FileKind): Buffer {
  const oid = Buffer.from(entry.oid, 'latin1').toString('hex')
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', index.gitDir, ...args], {
      maxBuffer: kind.limit,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
      // The index names the object: git has it, and must not fetch it (a partial clone).
      env: { ...process.env, GIT_NO_LAZY_FETCH: '1', GIT_TERMINAL_PROMPT: '0' },
    })
  try {
    return git('cat-file', 'blob', oid)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOBUFS') {
      const size = Number(git('cat-file', '-s', oid).toString().trim())
      throw tooLarge(kind, entry.path, size)
    }
    throw new Error(`cannot read ${kind.the} '${entry.path}' from the commit (git cat-file blob ${oid})`, { cause: error })
  }
}
