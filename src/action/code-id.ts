import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sha256Hex } from '../common/sha256.js'

let cached: string | undefined

/**
 * sha256 of the file of the running code (the bundle, once built): a manifest rendered by other code
 * is rendered again. Should the file not be readable, a value no other run has: never the same key.
 */
export function codeIdentity(): string {
  if (cached === undefined) {
    try {
      cached = sha256Hex(readFileSync(fileURLToPath(import.meta.url)))
    } catch {
      cached = sha256Hex(`unreadable code ${process.pid} ${Date.now()} ${Math.random()}`)
    }
  }
  return cached
}
