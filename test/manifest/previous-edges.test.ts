import { describe, expect, it } from 'vitest'
import { readPreviousManifest } from '../../src/manifest/previous.js'
import { DIGEST_PREFIX, MANIFEST_HEADER } from '../../src/manifest/yaml.js'

describe('readPreviousManifest on files cut short', () => {
  const own = `${MANIFEST_HEADER}\n${DIGEST_PREFIX}`
  it.each([
    ['the header alone', own],
    ['a digest without its line end', `${own}${'a'.repeat(64)}`],
    ['a digest and a cut inputs line', `${own}${'a'.repeat(64)}\n# inp`],
    ['a digest and an inputs line without its line end', `${own}${'a'.repeat(64)}\n# inputs: sha256:${'b'.repeat(64)}`],
    ['a cut document line', `${own}${'a'.repeat(64)}\n--`],
  ])('%s: read, not verified, nothing thrown', async (_name, text) => {
    for (const content of [text, Buffer.from(text)]) {
      const previous = await readPreviousManifest(content)
      expect(previous.verified).toBeUndefined()
      expect(previous.images.size).toBe(0)
      expect(previous.text).toBe(text)
    }
  })
})
