import { readFileSync } from 'node:fs'

/** The shell scripts the Pod's containers run, from templates/ (ncc copies them next to the bundle). */
export interface Scripts {
  readonly check: string
  readonly build: string
}

let cached: Scripts | undefined

export function loadScripts(): Scripts {
  cached ??= {
    check: readFileSync(new URL('../../templates/check-image.sh', import.meta.url), 'utf8'),
    build: readFileSync(new URL('../../templates/build.sh', import.meta.url), 'utf8'),
  }
  return cached
}
