import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { LIMITS, LimitError } from '../common/limits.js'
import { showBytes } from '../common/repo-file.js'

/**
 * The files of the commit kaniko clones, as `git ls-tree -r -z --full-tree <commit>` lists them: each
 * with its mode and object id, without reading a file. The index is not read: an earlier step of the
 * job may have staged something else (`git add`, `git rm --cached`), and the build sees the commit.
 */

export interface TreeEntry {
  /** Path relative to the folder the tree was read for (POSIX). */
  readonly path: string
  /** Git's mode: 0o100644, 0o100755, 0o120000 (symlink) or 0o160000 (submodule). */
  readonly mode: number
  /** The object id's bytes, one character each (latin1). */
  readonly oid: string
}

/** The hash a repository names its objects with. */
export type ObjectFormat = 'sha1' | 'sha256'

/** Where git runs for a repository: its folder, and the folder its search for `.git` stops below. */
export interface GitPlace {
  readonly cwd: string
  readonly ceiling: string
}

export interface CommitTree {
  /** Entries under the folder, sorted by path (JavaScript string order). */
  readonly entries: readonly TreeEntry[]
  readonly objectFormat: ObjectFormat
  /** Where git reads the objects the entries name. */
  readonly place: GitPlace
}

export type TreeResult = { readonly tree: CommitTree } | { readonly reason: string; readonly objectFormat: ObjectFormat }

/** Git's object id of a blob, as raw bytes in a latin1 string (the form the entries hold). */
export function blobId(format: ObjectFormat, data: Uint8Array): string {
  return createHash(format).update(`blob ${data.length}\u0000`).update(data).digest('binary')
}

/**
 * Runs git in the repository that holds `place.cwd`. The search for it stops at the workspace: a
 * repository around it (a home folder kept in git, on a self-hosted runner) is not the checkout,
 * and neither is one that GIT_DIR names. git must not fetch (a partial clone) or ask for a password.
 */
export function runGit(place: GitPlace, args: readonly string[], maxBuffer: number): Buffer {
  const { GIT_DIR: _dir, GIT_WORK_TREE: _tree, GIT_COMMON_DIR: _common, ...env } = process.env
  return execFileSync('git', args, {
    cwd: place.cwd,
    maxBuffer,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
    env: { ...env, GIT_CEILING_DIRECTORIES: place.ceiling, GIT_NO_LAZY_FETCH: '1', GIT_TERMINAL_PROMPT: '0' },
  })
}

/** git's own words about a failure, its first line: for a reason in the log. */
function gitSays(error: unknown): string {
  const first = (error as { stderr?: Buffer }).stderr?.toString('utf8').trim().split('\n')[0]
  return first || (error as Error).message
}

/**
 * Lists the files of `commit` in the repository that holds `folder` (its top at or below
 * `boundary`, which defaults to `folder`), keeping those under `folder`. When they cannot be listed
 * (no git, no checkout, the commit not fetched), says why, with the repository's object format.
 * A listing over `listBytes` fails the run.
 */
export function readCommitTree(
  folder: string,
  commit: string,
  boundary: string = folder,
  listBytes: number = LIMITS.commitListBytes,
): TreeResult {
  const place = { cwd: path.resolve(folder), ceiling: path.dirname(path.resolve(boundary)) }
  let facts: string[]
  try {
    facts = runGit(place, ['rev-parse', '--show-object-format', '--show-prefix', '--verify', '--quiet', `${commit}^{commit}`], 64 * 1024)
      .toString('utf8')
      .split('\n')
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { status?: number | null; stdout?: Buffer }
    if (failure.code === 'ENOENT') return { reason: 'git is not installed', objectFormat: 'sha1' }
    // Exit 1 with --verify --quiet: the repository is there, the commit is not.
    if (failure.status === 1) {
      return { reason: `the commit ${commit} is not in the checkout`, objectFormat: formatOf(failure.stdout?.toString('utf8') ?? '') }
    }
    return { reason: `the workspace is not a git checkout (${gitSays(error)})`, objectFormat: 'sha1' }
  }
  const objectFormat = formatOf(facts[0] ?? '')
  const prefix = facts[1] ?? ''
  let listing: Buffer
  try {
    listing = runGit(place, ['ls-tree', '-r', '-z', '--full-tree', facts[2] ?? commit], listBytes)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOBUFS') {
      throw new LimitError(
        `the list of the files of the commit (git ls-tree) has more than ${showBytes(listBytes)} bytes: expected fewer files, or hash: dockerfile`,
      )
    }
    return { reason: `git ls-tree cannot list the commit ${commit} (${gitSays(error)})`, objectFormat }
  }
  return { tree: { entries: parseTree(listing, objectFormat, prefix), objectFormat, place } }
}

function formatOf(line: string): ObjectFormat {
  return line.split('\n')[0]?.trim() === 'sha256' ? 'sha256' : 'sha1'
}

/** Hex digits by character code, for ids: -1 for any other. */
const HEX = new Int8Array(128).fill(-1)
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = i

/**
 * Parses `<mode> SP <type> SP <id> TAB <path> NUL` records, keeping those whose path starts with
 * `prefix` (relative to it). One latin1 string for the whole output: paths and ids are cut from it
 * without a call per entry.
 */
function parseTree(buf: Buffer, objectFormat: ObjectFormat, prefix: string): TreeEntry[] {
  const text = buf.toString('latin1')
  const ascii = !/[^\0-\x7f]/.test(text)
  const hexLength = objectFormat === 'sha256' ? 64 : 40
  const codes: number[] = new Array(hexLength / 2)
  const entries: TreeEntry[] = []
  for (let at = 0; at < text.length; ) {
    const start = at
    const nul = text.indexOf('\0', start)
    const space = text.indexOf(' ', start)
    const tab = text.indexOf('\t', start)
    const idAt = tab - hexLength
    if (nul === -1 || space === -1 || tab === -1 || tab > nul || text.charCodeAt(idAt - 1) !== 32) {
      throw new Error(`git ls-tree printed a record that is not an entry at byte ${start}`)
    }
    at = nul + 1
    const name = ascii ? text.slice(tab + 1, nul) : buf.toString('utf8', tab + 1, nul)
    if (prefix !== '' && !name.startsWith(prefix)) continue
    for (let j = 0; j < codes.length; j++) {
      const high = HEX[text.charCodeAt(idAt + 2 * j)] ?? -1
      const low = HEX[text.charCodeAt(idAt + 2 * j + 1)] ?? -1
      if (high < 0 || low < 0) throw new Error(`git ls-tree printed an object id that is not ${objectFormat} at byte ${start}`)
      codes[j] = (high << 4) | low
    }
    entries.push({
      path: prefix === '' ? name : name.slice(prefix.length),
      mode: Number.parseInt(text.slice(start, space), 8),
      oid: String.fromCharCode(...codes),
    })
  }
  return sortByPath(entries)
}

/** Git sorts by bytes; ASCII paths are then already in string order, and others are sorted here. */
function sortByPath(entries: TreeEntry[]): TreeEntry[] {
  for (let i = 1; i < entries.length; i++) {
    if ((entries[i - 1] as TreeEntry).path > (entries[i] as TreeEntry).path) {
      return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    }
  }
  return entries
}

/** The position of the first entry whose path is not below `path` in string order (binary search). */
export function lowerBound(entries: readonly TreeEntry[], path: string): number {
  let lo = 0
  let hi = entries.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((entries[mid] as TreeEntry).path < path) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The object format of the repository holding `folder` (searched up to `boundary`), SHA-1 when
 * there is none: the working-tree walk computes the same object ids as the commit's.
 */
export function gitObjectFormat(folder: string, boundary: string = folder): ObjectFormat {
  try {
    const place = { cwd: path.resolve(folder), ceiling: path.dirname(path.resolve(boundary)) }
    return formatOf(runGit(place, ['rev-parse', '--show-object-format'], 64 * 1024).toString('utf8'))
  } catch {
    return 'sha1'
  }
}
