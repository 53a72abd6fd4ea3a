import { createHash } from 'node:crypto'
import { lstatSync, readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Reads git's index (`.git/index`): the list of the files the checkout holds, each with its mode and
 * object id. After a checkout the index is the commit's tree, so it says what kaniko's git context
 * will build without reading a single file. Formats 2, 3 and 4 are read, with SHA-1 or SHA-256 ids;
 * an index git would need more to interpret (split, sparse, or with unmerged entries) is refused with
 * a reason, and the caller reads the working tree instead.
 */

export interface IndexEntry {
  /** Path relative to the folder the index was read for (POSIX). */
  readonly path: string
  /** Git's mode: 0o100644, 0o100755, 0o120000 (symlink) or 0o160000 (submodule). */
  readonly mode: number
  /** The object id's bytes, one character each (latin1). */
  readonly oid: string
}

/** The hash a repository names its objects with. */
export type ObjectFormat = 'sha1' | 'sha256'

export interface GitIndex {
  /** Entries under the folder, sorted by path (JavaScript string order). */
  readonly entries: readonly IndexEntry[]
  readonly objectFormat: ObjectFormat
  /** The repository's git dir, where the objects the entries name are read from. */
  readonly gitDir: string
}

/** Git's object id of a blob, as raw bytes in a latin1 string (the form the index holds). */
export function blobId(format: ObjectFormat, data: Uint8Array): string {
  return createHash(format).update(`blob ${data.length}\u0000`).update(data).digest('binary')
}

export type IndexResult = { readonly index: GitIndex } | { readonly reason: string }

/**
 * Where the repository holding `folder` keeps its files: its top folder, git dir and common dir. The
 * search goes up from `folder` to `boundary` and no further: a repository around the workspace (a
 * home folder kept in git, on a self-hosted runner) is not the checkout.
 */
function findGitDir(folder: string, boundary: string): { top: string; gitDir: string; commonDir: string } | undefined {
  let dir = path.resolve(folder)
  const stop = path.resolve(boundary)
  for (;;) {
    const dotGit = path.join(dir, '.git')
    const info = lstatSync(dotGit, { throwIfNoEntry: false })
    if (info?.isDirectory()) return { top: dir, gitDir: dotGit, commonDir: dotGit }
    if (info?.isFile()) {
      // A worktree or a submodule: `.git` is a file that names the git dir.
      const match = /^gitdir: (.+)$/m.exec(readFileSync(dotGit, 'utf8'))
      if (!match?.[1]) return undefined
      const gitDir = path.resolve(dir, match[1].trim())
      const common = (() => {
        try {
          return path.resolve(gitDir, readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim())
        } catch {
          return gitDir
        }
      })()
      return { top: dir, gitDir, commonDir: common }
    }
    const parent = path.dirname(dir)
    if (parent === dir || dir === stop) return undefined
    dir = parent
  }
}

const S_IFMT = 0o170000
const S_IFDIR = 0o040000

/**
 * Reads the index of the repository that holds `folder` (its top at or below `boundary`, which
 * defaults to `folder`), keeping the entries under `folder`.
 */
export function readGitIndex(folder: string, boundary: string = folder): IndexResult {
  const repo = findGitDir(folder, boundary)
  if (!repo) return { reason: 'the workspace is not a git checkout' }
  const objectFormat = objectFormatOf(repo.commonDir)
  let buf: Buffer
  try {
    buf = readFileSync(path.join(repo.gitDir, 'index'))
  } catch {
    return { reason: 'the repository has no index' }
  }
  const prefixPath = path.relative(repo.top, path.resolve(folder)).split(path.sep).join('/')
  const prefix = prefixPath === '' ? '' : `${prefixPath}/`
  try {
    return { index: { entries: parseIndex(buf, objectFormat, prefix), objectFormat, gitDir: repo.gitDir } }
  } catch (error) {
    return { reason: (error as Error).message }
  }
}

/**
 * The object format of the repository holding `folder` (searched up to `boundary`), SHA-1 when
 * there is none: the working-tree walk computes the same object ids as the index holds.
 */
export function gitObjectFormat(folder: string, boundary: string = folder): ObjectFormat {
  const repo = findGitDir(folder, boundary)
  return repo ? objectFormatOf(repo.commonDir) : 'sha1'
}

function objectFormatOf(commonDir: string): ObjectFormat {
  try {
    return /^\s*objectformat\s*=\s*sha256\s*$/im.test(readFileSync(path.join(commonDir, 'config'), 'utf8')) ? 'sha256' : 'sha1'
  } catch {
    // No config: the defaults.
    return 'sha1'
  }
}

/** Parses an index file; throws with the reason when it cannot be used. */
function parseIndex(buf: Buffer, objectFormat: ObjectFormat, prefix = ''): IndexEntry[] {
  const oidLength = objectFormat === 'sha256' ? 32 : 20
  if (buf.length < 12 + oidLength || buf.toString('latin1', 0, 4) !== 'DIRC') throw new Error('the index is not a git index')
  // The file ends with a hash of the rest (all zeros with index.skipHash): a damaged index is refused.
  const trailer = buf.subarray(buf.length - oidLength)
  if (trailer.some((byte) => byte !== 0)) {
    const actual = createHash(objectFormat)
      .update(buf.subarray(0, buf.length - oidLength))
      .digest()
    if (!actual.equals(trailer)) throw new Error('the index is damaged (its checksum does not match)')
  }
  const version = buf.readUInt32BE(4)
  if (version < 2 || version > 4) throw new Error(`the index has version ${version}, not 2, 3 or 4`)
  const count = buf.readUInt32BE(8)
  // One string for the whole file: paths and ids are cut from it without a call per entry.
  const text = buf.toString('latin1')
  const end = buf.length - oidLength
  const flagsAt = 40 + oidLength
  const entries: IndexEntry[] = []
  let off = 12
  // Version 4 strips bytes of the previous path: its bytes are kept, so a name that is not UTF-8 strips right.
  let previousBytes = Buffer.alloc(0)
  for (let i = 0; i < count; i++) {
    const start = off
    if (start + flagsAt + 2 > end) throw new Error('the index is truncated')
    const mode =
      (buf[start + 24] as number) * 0x1000000 +
      (((buf[start + 25] as number) << 16) | ((buf[start + 26] as number) << 8) | (buf[start + 27] as number))
    const flags = ((buf[start + flagsAt] as number) << 8) | (buf[start + flagsAt + 1] as number)
    let p = start + flagsAt + 2
    let extended = 0
    if (flags & 0x4000) {
      if (version < 3) throw new Error('the index is damaged (extended flags in version 2)')
      extended = ((buf[p] as number) << 8) | (buf[p + 1] as number)
      p += 2
    }
    if ((flags >> 12) & 3) throw new Error('the index has unmerged entries (a merge in progress)')
    if ((mode & S_IFMT) === S_IFDIR) throw new Error('the index is sparse')
    let name: string
    if (version === 4) {
      // The path is the previous one less N bytes, then the bytes up to NUL (N in git's varint).
      let byte = buf[p++] as number
      let strip = byte & 127
      while (byte & 128) {
        byte = buf[p++] as number
        strip = ((strip + 1) << 7) | (byte & 127)
      }
      const nul = buf.indexOf(0, p)
      if (nul === -1 || nul > end) throw new Error('the index is truncated')
      if (strip > previousBytes.length) throw new Error('the index is damaged (a path prefix longer than the previous path)')
      const bytes = Buffer.concat([previousBytes.subarray(0, previousBytes.length - strip), buf.subarray(p, nul)])
      name = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
      previousBytes = bytes
      off = nul + 1
    } else {
      let length = flags & 0xfff
      if (length === 0xfff) {
        const nul = buf.indexOf(0, p + length)
        if (nul === -1 || nul > end) throw new Error('the index is truncated')
        length = nul - p
      }
      if (p + length > end) throw new Error('the index is truncated')
      name = decode(buf, text, p, p + length)
      // Entries are padded with 1 to 8 NUL bytes to a multiple of 8.
      off = start + ((p + length - start + 8) & ~7)
    }
    // Intent-to-add entries (`git add -N`) are in no commit.
    if (extended & 0x2000) continue
    if (prefix !== '' && !name.startsWith(prefix)) continue
    entries.push({ path: prefix === '' ? name : name.slice(prefix.length), mode, oid: text.slice(start + 40, start + 40 + oidLength) })
  }
  // Extensions: a split index keeps most entries in another file, a sparse one folds folders.
  while (off + 8 <= end) {
    const signature = text.slice(off, off + 4)
    if (signature === 'link') throw new Error('the index is split (core.splitIndex)')
    if (signature === 'sdir') throw new Error('the index is sparse')
    off += 8 + buf.readUInt32BE(off + 4)
  }
  return sortByPath(entries)
}

function isAscii(bytes: Buffer): boolean {
  for (let j = 0; j < bytes.length; j++) if ((bytes[j] as number) > 127) return false
  return true
}

/** A path's bytes as a string: cut from the latin1 text when ASCII (the usual case), else UTF-8. */
function decode(buf: Buffer, text: string, from: number, to: number): string {
  for (let j = from; j < to; j++) if ((buf[j] as number) > 127) return buf.toString('utf8', from, to)
  return text.slice(from, to)
}

/** Git sorts by bytes; ASCII paths are then already in string order, and others are sorted here. */
function sortByPath(entries: IndexEntry[]): IndexEntry[] {
  for (let i = 1; i < entries.length; i++) {
    if ((entries[i - 1] as IndexEntry).path > (entries[i] as IndexEntry).path) {
      return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    }
  }
  return entries
}

/** The position of the first entry whose path is not below `path` in string order (binary search). */
export function lowerBound(entries: readonly IndexEntry[], path: string): number {
  let lo = 0
  let hi = entries.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((entries[mid] as IndexEntry).path < path) lo = mid + 1
    else hi = mid
  }
  return lo
}
