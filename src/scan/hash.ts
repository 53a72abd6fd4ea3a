import { closeSync } from 'node:fs'
import { LIMITS } from '../common/limits.js'
import { type FileKind, openRepoFile, readOpenFile } from '../common/repo-file.js'
import { sha256Hex } from '../common/sha256.js'

/** Dockerfiles larger than this are refused: they are almost certainly not Dockerfiles. */
export const MAX_DOCKERFILE_BYTES = LIMITS.dockerfileBytes

export const DOCKERFILE: FileKind = { the: 'the Dockerfile', a: 'a Dockerfile', limit: MAX_DOCKERFILE_BYTES }

/**
 * Reads one Dockerfile, `root`/`file` (at most MAX_DOCKERFILE_BYTES, through the repository's one
 * reader), and returns its sha256 in hex. Synchronous: for a thousand small files, the file-handle
 * promises cost more than the reads.
 */
export function hashDockerfile(
  root: string,
  file: string,
  /** Given the bytes (valid during the call) and the file's mode, for a reader that needs them too. */
  onRead?: (data: Uint8Array, mode: number) => void,
): { sha256: string; text: string; bytes: number } {
  // `file` is the relative path the walk built under `root` with `/`: joined the same way, without normalising.
  const opened = openRepoFile(`${root}/${file}`, file, DOCKERFILE, root)
  // Discovery found it a moment ago: gone now is an error, not a Dockerfile less.
  if (opened === undefined) throw new Error(`cannot read the Dockerfile '${file}': it is gone`)
  try {
    const data = readOpenFile(opened.fd, opened.info.size)
    if (data.length > MAX_DOCKERFILE_BYTES) {
      throw new Error(`the Dockerfile '${file}' grew to more than the ${MAX_DOCKERFILE_BYTES} bytes a Dockerfile may have`)
    }
    onRead?.(data, opened.info.mode)
    const text = data.toString('utf8')
    // Asked of the string: Buffer.includes goes through JavaScript, a thousand times over on a large repository.
    if (text.includes('\0')) throw new Error(`the Dockerfile '${file}' contains NUL bytes: it is not a text file`)
    return { sha256: sha256Hex(data), text, bytes: data.length }
  } finally {
    closeSync(opened.fd)
  }
}
