import { createHash } from 'node:crypto'
import { open } from 'node:fs/promises'

/** Dockerfiles larger than this are refused: they are almost certainly not Dockerfiles. */
export const MAX_DOCKERFILE_BYTES = 1024 * 1024

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Reads one Dockerfile (at most MAX_DOCKERFILE_BYTES) and returns its sha256 in hex. */
export async function hashDockerfile(file: string, displayPath: string): Promise<string> {
  let handle: Awaited<ReturnType<typeof open>>
  try {
    handle = await open(file, 'r')
  } catch (error) {
    throw new Error(`cannot read the Dockerfile '${displayPath}'`, { cause: error })
  }
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw new Error(`'${displayPath}' is not a regular file`)
    if (info.size > MAX_DOCKERFILE_BYTES) {
      throw new Error(`the Dockerfile '${displayPath}' has ${info.size} bytes, more than the ${MAX_DOCKERFILE_BYTES} a Dockerfile may have`)
    }
    const data = await handle.readFile()
    if (data.includes(0)) throw new Error(`the Dockerfile '${displayPath}' contains NUL bytes: it is not a text file`)
    return sha256Hex(data)
  } finally {
    await handle.close()
  }
}

/** Maps items through `fn` with at most `limit` calls under way, keeping the order of `items`. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  async function worker(): Promise<void> {
    while (next < items.length) {
      const index = next++
      results[index] = await fn(items[index] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
