import { readFileSync } from 'node:fs'

import type { Scripts } from '../manifest/pod.js'

let cached: Scripts | undefined

/** The scripts from templates/ (ncc copies them next to the bundle). */
export function loadScripts(): Scripts {
  cached ??= {
    check: readFileSync(new URL('../../templates/check-image.sh', import.meta.url), 'utf8'),
    build: readFileSync(new URL('../../templates/build.sh', import.meta.url), 'utf8'),
    setup: readFileSync(new URL('../../templates/setup.sh', import.meta.url), 'utf8'),
    index: readFileSync(new URL('../../templates/index.sh', import.meta.url), 'utf8'),
  }
  return cached
}
