import { sha256Hex } from './sha256.js'

// Kubernetes' name rules, and the image names made to fit them.

/** Longest image name; leaves room for the Pod name's `-<10 hex>` suffix within 63 characters. */
export const MAX_IMAGE_NAME_LENGTH = 52

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value)
}

/**
 * Turns any text into DNS-1123 label characters: lower case, accents dropped, every other run of
 * characters outside [a-z0-9] folded into one '-', no '-' at either end. May return ''.
 */
export function normalizeName(raw: string): string {
  // Only text beyond ASCII has accents to drop (most paths are ASCII, and normalize() is not free).
  const ascii = !/[^\p{ASCII}]/u.test(raw)
  return (ascii ? raw : raw.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

export function shortHash(text: string, length: number): string {
  return sha256Hex(text).slice(0, length)
}

/** Cuts a name to `max` characters, keeping it unique with a hash of the whole name. */
export function limitName(name: string, max: number = MAX_IMAGE_NAME_LENGTH): string {
  if (name.length <= max) return name
  const suffix = shortHash(name, 6)
  const head = name.slice(0, max - suffix.length - 1).replace(/-+$/, '')
  return `${head}-${suffix}`
}
