import { readlinkSync, realpathSync } from 'node:fs'
import path from 'node:path'
import { type FileKind, isInside, readRepoFile, tooLarge } from '../common/repo-file.js'
import { blobId, type CommitTree, lowerBound, runGit, type TreeEntry } from './git-tree.js'

/** Symlinks a path of the commit may go through, Linux's own limit. */
const MAX_LINKS = 40

/** A symlink's target, in the commit: a path, at most as long as the system's. */
const SYMLINK: FileKind = { the: 'the symlink', a: 'a symlink', limit: 4096 }

const S_IFMT = 0o170000
const S_IFREG = 0o100000
const S_IFLNK = 0o120000

function entryAt(tree: CommitTree, file: string): TreeEntry | undefined {
  const entry = tree.entries[lowerBound(tree.entries, file)]
  return entry?.path === file ? entry : undefined
}

/**
 * Reads `name` (relative to `root`, the folder the tree was listed for) as the commit has it, the
 * way kaniko's clone will: the tree says whether it is there and what it is, and the content is
 * the commit's object. A symlink in the commit is followed while it stays below `root` (a link that
 * leaves it is an error, as in the working tree); one that leads nowhere means no file, as Docker
 * reads a missing `.dockerignore`. Returns undefined when the commit has no such file.
 */
export function readCommitFile(root: string, tree: CommitTree, name: string, kind: FileKind): Buffer | undefined {
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
    const entry = entryAt(tree, done.join('/'))
    // A folder (the listing has files only), or nothing.
    if (entry === undefined) continue
    const type = entry.mode & S_IFMT
    if (type === S_IFLNK) {
      if (++links > MAX_LINKS) throw new Error(`cannot read ${kind.the} '${name}': it is a symlink loop in the commit`)
      const target = objectOf(root, tree, entry, SYMLINK).toString('utf8')
      if (target.startsWith('/')) throw leadsOut(kind, name)
      done.pop()
      todo.unshift(...target.split('/'))
      continue
    }
    // A file where the path goes on as a folder: nothing there.
    if (todo.some((p) => p !== '' && p !== '.')) return undefined
    if (type !== S_IFREG) throw new Error(`cannot read ${kind.the} '${name}': it is a submodule in the commit, not a regular file`)
    return objectOf(root, tree, entry, kind)
  }
  const folder = done.join('/')
  if (folder !== '' && tree.entries[lowerBound(tree.entries, `${folder}/`)]?.path.startsWith(`${folder}/`)) {
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
function objectOf(root: string, tree: CommitTree, entry: TreeEntry, kind: FileKind): Buffer {
  const file = path.join(root, ...entry.path.split('/'))
  try {
    // The reader checks the file itself; its folders must lead nowhere else either (the commit's
    // folder may be a symlink in the working tree).
    if (isInside(realpathSync.native(root), realpathSync.native(path.dirname(file)))) {
      const data =
        (entry.mode & S_IFMT) === S_IFLNK ? readlinkSync(file, { encoding: 'buffer' }) : readRepoFile(file, entry.path, kind, root)
      if (data !== undefined && blobId(tree.objectFormat, data) === entry.oid) return data
    }
  } catch {
    // Changed, replaced, too large or unreadable in the working tree: the commit's object decides.
  }
  return catFile(tree, entry, kind)
}

/** `git cat-file blob`, reading at most the kind's limit. */
function catFile(tree: CommitTree, entry: TreeEntry, kind: FileKind): Buffer {
  const oid = Buffer.from(entry.oid, 'latin1').toString('hex')
  try {
    return runGit(tree.place, ['cat-file', 'blob', oid], kind.limit)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOBUFS') {
      const size = Number(runGit(tree.place, ['cat-file', '-s', oid], 64).toString().trim())
      throw tooLarge(kind, entry.path, size)
    }
    throw new Error(`cannot read ${kind.the} '${entry.path}' from the commit (git cat-file blob ${oid})`, { cause: error })
  }
}
