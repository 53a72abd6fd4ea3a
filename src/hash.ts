import * as crypto from 'node:crypto'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

/** Dockerfiles larger than this are refused: they are almost certainly not Dockerfiles. */
export const MAX_DOCKERFILE_BYTES = 1024 * 1024

/** Files up to this size are read whole into one shared buffer (larger ones are streamed by their readers). */
export const READ_WHOLE_BYTES = 1024 * 1024
let shared: Buffer | undefined

/**
 * Reads an open file that fstat says has `size` bytes into a buffer shared by every caller, valid
 * until the next call: one read for a small file, without a second fstat or a read of 0 bytes. A
 * file that grew meanwhile comes back longer than `size` (up to one byte past READ_WHOLE_BYTES).
 */
export function readOpenFile(fd: number, size: number): Buffer {
  shared ??= Buffer.allocUnsafe(READ_WHOLE_BYTES + 1)
  const buffer = shared
  let length = 0
  for (let n = -1; n !== 0 && length < size && length < buffer.length; length += n) {
    n = readSync(fd, buffer, length, buffer.length - length, null)
  }
  return buffer.subarray(0, length)
}

/** sha256 in hex; the one-shot crypto.hash (Node 21.7+) is faster than a Hash object for small inputs. */
export function sha256Hex(data: string | Uint8Array): string {
  return typeof crypto.hash === 'function' ? crypto.hash('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex')
}

/**
 * Reads one Dockerfile (at most MAX_DOCKERFILE_BYTES) and returns its sha256 in hex. Synchronous:
 * for a thousand small files, the file-handle promises cost more than the reads.
 */
export function hashDockerfile(
  file: string,
  displayPath: string,
  /** Given the bytes (valid during the call) and the file's mode, for a reader that needs them too. */
  onRead?: (data: Uint8Array, mode: number) => void,
): { sha256: string; text: string } {
  let fd: number
  try {
    fd = openSync(file, 'r')
  } catch (error) {
    throw new Error(`cannot read the Dockerfile '${displayPath}'`, { cause: error })
  }
  try {
    const info = fstatSync(fd)
    if (!info.isFile()) throw new Error(`'${displayPath}' is not a regular file`)
    if (info.size > MAX_DOCKERFILE_BYTES) {
      throw new Error(`the Dockerfile '${displayPath}' has ${info.size} bytes, more than the ${MAX_DOCKERFILE_BYTES} a Dockerfile may have`)
    }
    const data = readOpenFile(fd, info.size)
    if (data.length > MAX_DOCKERFILE_BYTES) {
      throw new Error(`the Dockerfile '${displayPath}' grew to more than the ${MAX_DOCKERFILE_BYTES} bytes a Dockerfile may have`)
    }
    onRead?.(data, info.mode)
    const text = data.toString('utf8')
    // Asked of the string: Buffer.includes goes through JavaScript, a thousand times over on a large repository.
    if (text.includes('\0')) throw new Error(`the Dockerfile '${displayPath}' contains NUL bytes: it is not a text file`)
    return { sha256: sha256Hex(data), text }
  } finally {
    closeSync(fd)
  }
}
