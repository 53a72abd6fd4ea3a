import * as crypto from 'node:crypto'
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'

/** Dockerfiles larger than this are refused: they are almost certainly not Dockerfiles. */
export const MAX_DOCKERFILE_BYTES = 1024 * 1024
const buffer = Buffer.allocUnsafe(MAX_DOCKERFILE_BYTES + 1)

/** sha256 in hex; the one-shot crypto.hash (Node 21.7+) is faster than a Hash object for small inputs. */
export function sha256Hex(data: string | Uint8Array): string {
  return typeof crypto.hash === 'function' ? crypto.hash('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex')
}

/**
 * Reads one Dockerfile (at most MAX_DOCKERFILE_BYTES) and returns its sha256 in hex. Synchronous:
 * for a thousand small files, the file-handle promises cost more than the reads.
 */
export function hashDockerfile(file: string, displayPath: string): { sha256: string; text: string } {
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
    // Into one reused buffer, until the size fstat gave (or the end): no second fstat, no read of 0 bytes.
    let length = 0
    for (let n = -1; n !== 0 && length < info.size; length += n) n = readSync(fd, buffer, length, buffer.length - length, null)
    if (length > MAX_DOCKERFILE_BYTES) {
      throw new Error(`the Dockerfile '${displayPath}' grew to more than the ${MAX_DOCKERFILE_BYTES} bytes a Dockerfile may have`)
    }
    const data = buffer.subarray(0, length)
    if (data.includes(0)) throw new Error(`the Dockerfile '${displayPath}' contains NUL bytes: it is not a text file`)
    return { sha256: sha256Hex(data), text: data.toString('utf8') }
  } finally {
    closeSync(fd)
  }
}
