import * as crypto from 'node:crypto'

/** sha256 in hex; the one-shot crypto.hash (Node 21.7+) is faster than a Hash object for small inputs. */
export function sha256Hex(data: string | Uint8Array): string {
  return typeof crypto.hash === 'function' ? crypto.hash('sha256', data, 'hex') : crypto.createHash('sha256').update(data).digest('hex')
}
