import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPreviousManifest } from '../../src/manifest/previous.js'
import { renderIn } from '../support/render.js'
import { type Tree, tempTrees } from '../support/repo.js'

const { tree: repo } = tempTrees()
const FILES: Tree = {
  'services/api/Dockerfile': 'FROM alpine:3.20\n',
  'services/web/Dockerfile': 'FROM nginx:1.27\n',
  'jobs/db/migrate.dockerfile': 'FROM postgres:17\n',
  'sp ace/"quoted"/Dockerfile': 'FROM alpine:3.20\n',
}
const INPUTS = { dockerfiles: 'Dockerfile\n*.dockerfile' }

async function rendered(inputs: Record<string, string> = {}) {
  const dir = repo(FILES)
  const outcome = await renderIn(dir, { ...INPUTS, ...inputs })
  return { outcome, text: readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8') }
}

describe('readPreviousManifest', () => {
  it('reads back every image of a manifest this action wrote, with each Pod text for reuse', async () => {
    const { outcome, text } = await rendered()
    const previous = await readPreviousManifest(text)
    expect(previous.verified).toBeDefined()
    expect([...previous.images.keys()].sort()).toEqual(outcome.images.map((i) => i.dockerfile).sort())
    for (const image of outcome.images) {
      const read = previous.images.get(image.dockerfile)
      expect(read?.name).toBe(image.name)
      expect(read?.pod).toBe(image.pod)
      expect(read?.sha256).toBe(image.sha256)
      expect(read?.commit).toMatch(/^[0-9a-f]{40}$/)
      expect(read?.renderKey).toMatch(/^[0-9a-f]{32}$/)
      // The kept text is exactly the Pod's document in the file.
      expect(text).toContain(`\n---\n${read?.text}`)
      expect(read?.text?.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n')).toBe(true)
    }
  })

  it('reads the same images as the YAML parser does', async () => {
    const { text } = await rendered()
    const fast = await readPreviousManifest(text)
    // Without the header the file is not the action's own, so it goes through the YAML parser.
    const parsed = await readPreviousManifest(text.split('\n').slice(3).join('\n'))
    const strip = (m: typeof fast) => [...m.images.values()].map(({ text: _t, renderKey: _k, ...rest }) => rest)
    expect(strip(fast)).toEqual(strip(parsed))
    expect(strip(fast)).toHaveLength(Object.keys(FILES).length)
  })

  it('looks for a field in its own Pod only: a Pod without a commit does not take the next one', async () => {
    const { text } = await rendered()
    const first = text.indexOf('    kaniko-gitops/commit: ')
    const edited = text.slice(0, first) + text.slice(text.indexOf('\n', first) + 1)
    const previous = await readPreviousManifest(edited)
    // The digest no longer holds: nothing is kept for reuse, and one image has no commit.
    expect(previous.verified).toBeUndefined()
    const commits = [...previous.images.values()].map((i) => i.commit)
    expect(commits.filter((c) => c === '')).toHaveLength(1)
    expect(commits.filter((c) => /^[0-9a-f]{40}$/.test(c))).toHaveLength(Object.keys(FILES).length - 1)
  })

  it('reads Pods of the local context, which carry no commit', async () => {
    const { text } = await rendered({ context: 'local', 'local-path': '/srv/repo' })
    const previous = await readPreviousManifest(text)
    expect(previous.verified).toBeDefined()
    expect([...previous.images.values()].map((i) => i.commit)).toEqual(Object.keys(FILES).map(() => ''))
  })
})
