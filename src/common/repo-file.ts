import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs'
import path from 'node:path'
import { LimitError } from './limits.js'

/**
 * The one way a file of the repository is read. In `diff` mode the repository is a pull request's,
 * and every name in it is its author's choice: a file is never read through a symlink that leaves
 * the repository, never as a folder, device, FIFO or socket, and never past its kind's size limit.
 */

/** A kind of file the action reads, for its errors: `the ignore file`, `an ignore file`, and its limit. */
export interface FileKind {
  readonly the: string
  readonly a: string
  /** The most bytes a file of this kind may have. */
  readonly limit: number
}

/** Files up to this size are read whole into one shared buffer (larger ones are streamed by their readers). */
export const READ_WHOLE_BYTES = 1024 * 1024
let shared: Buffer | undefined

// O_NOFOLLOW: a final symlink fails the open (ELOOP) instead of being followed, and is resolved on
// purpose below. O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer; fstat
// then refuses it. Regular files read the same with it.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

export interface OpenFile {
  readonly fd: number
  readonly info: Stats
}

/** `1048576 (1 MiB)`: a limit as a message shows it. */
export function showBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 ** 3, 'GiB'],
    [1024 ** 2, 'MiB'],
    [1024, 'KiB'],
  ]
  const unit = units.find(([size]) => bytes >= size && bytes % size === 0)
  return unit ? `${bytes} (${bytes / unit[0]} ${unit[1]})` : String(bytes)
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a FIFO'
  if (info.isSocket()) return 'a socket'
  if (info.isCharacterDevice()) return 'a character device'
  if (info.isBlockDevice()) return 'a block device'
  return 'not a regular file'
}

/** Is `real` (a resolved path) `realRoot` or below it? */
export function isInside(realRoot: string, real: string): boolean {
  const rel = path.relative(realRoot, real)
  return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel)
}

/**
 * Opens `file` (below `root`; `name` is its repository-relative path, for errors) as a regular file
 * of at most `kind.limit` bytes: one open and one fstat, as a plain read would. A symlink is followed
 * only when it resolves inside `root`. The folders on the way are not checked here: the callers
 * build paths from folders a walk found (which never follows a symlinked folder), or check them
 * first (the config file, the manifest). Returns undefined when there is no such file (a symlink
 * that leads nowhere included), and throws an error naming the file otherwise.
 */
export function openRepoFile(file: string, name: string, kind: FileKind, root: string): OpenFile | undefined {
  let fd: number
  try {
    fd = openSync(file, OPEN_FLAGS)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    if (code !== 'ELOOP') throw new Error(`cannot read ${kind.the} '${name}'`, { cause: error })
    const real = resolveInside(file, name, kind, root)
    if (real === undefined) return undefined
    try {
      fd = openSync(real, OPEN_FLAGS)
    } catch (again) {
      throw new Error(`cannot read ${kind.the} '${name}'`, { cause: again })
    }
  }
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) throw new Error(`cannot read ${kind.the} '${name}': it is ${kindOf(info)}, not a regular file`)
    if (info.size > kind.limit) throw tooLarge(kind, name, info.size)
    return { fd, info }
  } catch (error) {
    closeSync(fd)
    throw error
  }
}

/** Where the symlink `file` leads, when that is inside `root`; undefined when it leads nowhere. */
function resolveInside(file: string, name: string, kind: FileKind, root: string): string | undefined {
  let real: string
  try {
    real = realpathSync.native(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error(`cannot read ${kind.the} '${name}': it is a symlink that cannot be resolved`, { cause: error })
  }
  if (!isInside(realpathSync.native(root), real)) {
    throw new Error(`cannot read ${kind.the} '${name}': it is a symlink that leads out of the repository, and nothing outside it is read`)
  }
  return real
}

export function tooLarge(kind: FileKind, name: string, size: number): Error {
  return new LimitError(`${kind.the} '${name}' has ${size} bytes, more than the ${showBytes(kind.limit)} ${kind.a} may have`)
}

/**
 * Reads an open file that fstat says has `size` bytes into a buffer shared by every caller, valid
 * until the next call: one read for a small file, without a second fstat or a read of 0 bytes. A
 * file that grew meanwhile comes back longer than `size` (up to one byte past READ_WHOLE_BYTES).
 */
export function readOpenFile(fd: number, size: number): Buffer {
  shared ??= Buffer.allocUnsafe(READ_WHOLE_BYTES + 1)
  return readInto(fd, size, shared)
}

function readInto(fd: number, size: number, buffer: Buffer): Buffer {
  let length = 0
  for (let n = -1; n !== 0 && length < size && length < buffer.length; length += n) {
    n = readSync(fd, buffer, length, buffer.length - length, null)
  }
  return buffer.subarray(0, length)
}

/**
 * Reads a whole file of the repository (see openRepoFile) into a buffer of its own, or returns
 * undefined when there is none. Reads at most the size fstat gave (within the limit) and one byte
 * more, to tell a file that changed meanwhile.
 */
export function readRepoFile(file: string, name: string, kind: FileKind, root: string): Buffer | undefined {
  const opened = openRepoFile(file, name, kind, root)
  if (opened === undefined) return undefined
  try {
    const size = opened.info.size
    const own = size >= READ_WHOLE_BYTES
    const data = own ? readInto(opened.fd, size, Buffer.allocUnsafe(size + 1)) : readOpenFile(opened.fd, size)
    if (data.length !== size) throw new Error(`cannot read ${kind.the} '${name}': it changed while it was read`)
    return own ? data : Buffer.from(data)
  } finally {
    closeSync(opened.fd)
  }
}
