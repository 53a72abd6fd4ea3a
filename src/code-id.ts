import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { sha256Hex } from './hash.js'

let cached: string | undefined

/** sha256 of the file of the running code (the bundle, once built). */
export function codeIdentity(): string {
  cached ??= sha256Hex(readFileSync(fileURLToPath(import.meta.url)))
  return cached
}
