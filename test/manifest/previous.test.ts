import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type IConfigMap, nameDocument } from '../../src/manifest/pod.js'
import { readPreviousManifest } from '../../src/manifest/previous.js'
import { sameDocuments, serializeManifest } from '../../src/manifest/yaml.js'
import { renderIn } from '../support/render.js'
import { type Tree, tempTrees } from '../support/repo.js'

const { tree: repo } = tempTrees()
const FILES: Tree = {
  'services/api/Dockerfile': 'FROM alpine:3.20\n',
  'services/web/Dockerfile': 'FROM nginx:1.27\n',
  'jobs/db/migrate.dockerfile': 'FROM postgres:17\n',
  'sp ace/"quoted"/Dockerfile': 'FROM alpine:3.20\n',
  // Beyond ASCII: the reader finds fields in latin1 text and decodes such values again as UTF-8.
  'dienste/straße/Dockerfile': 'FROM alpine:3.20\n',
  'サービス/Dockerfile': 'FROM alpine:3.21\n',
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

describe('readPreviousManifest, given the bytes of the file', () => {
  it('reads the same as from its text, and checks the digest on the bytes', async () => {
    const { text } = await rendered()
    const fromBytes = await readPreviousManifest(Buffer.from(text))
    const fromText = await readPreviousManifest(text)
    expect(fromBytes.text).toBe(text)
    expect(fromBytes.verified?.documents).toEqual(fromText.verified?.documents)
    expect([...fromBytes.images.entries()]).toEqual([...fromText.images.entries()])
  })

  it('does not take bytes that are not UTF-8 as its own, even under a digest that holds for them', async () => {
    const { text } = await rendered()
    const at = text.indexOf('\n---\n') + 1
    const bad = Buffer.from(text.slice(at).replace('apiVersion: v1', 'apiVersion: v1 #X'))
    bad[bad.indexOf('#X') + 1] = 0xff
    const digest = createHash('sha256').update(bad).digest('hex')
    const file = Buffer.concat([Buffer.from(`${text.slice(0, text.indexOf('sha256:') + 7)}${digest}\n`), bad])
    const previous = await readPreviousManifest(file)
    expect(previous.verified).toBeUndefined()
    expect([...previous.images.values()].every((image) => image.text === undefined)).toBe(true)
  })

  it('does not take a body that does not start with a document line as its own', async () => {
    const { text } = await rendered()
    const at = text.indexOf('\n---\n') + 1
    const body = text.slice(at + 4)
    const digest = createHash('sha256').update(body).digest('hex')
    const previous = await readPreviousManifest(`${text.slice(0, text.indexOf('sha256:') + 7)}${digest}\n${body}`)
    expect(previous.verified).toBeUndefined()
  })
})

describe('serializeManifest and sameDocuments', () => {
  it('tell the documents of the file read from others, and write the same documents as the same bytes', async () => {
    const { text } = await rendered()
    const previous = await readPreviousManifest(Buffer.from(text))
    const documents = (previous.verified?.documents ?? []).map((doc, i) => ({ name: `d${i}`, text: doc }))
    expect(documents.length).toBe(Object.keys(FILES).length + 1)
    expect(sameDocuments(documents, previous)).toBe(true)
    expect(sameDocuments(documents.slice(0, -1), previous)).toBe(false)
    expect(sameDocuments([...documents.slice(0, -1), { name: 'x', text: `${documents.at(-1)?.text}# edit\n` }], previous)).toBe(false)
    // A file that was not verified has no documents to be the same as.
    expect(sameDocuments(documents, { verified: undefined })).toBe(false)
    // The same documents, written anew with the same inputs key, are the same bytes.
    expect(previous.verified?.inputs).toMatch(/^[0-9a-f]{64}$/)
    expect(serializeManifest(documents, previous.verified?.inputs)).toBe(text)
    expect(serializeManifest(documents.slice(0, -1), previous.verified?.inputs)).not.toBe(text)
  })

  it('never meet a document with a `---` line of its own: the emitter indents or quotes every such text', () => {
    const line = fc.constantFrom('---', '--- x', '...', '', 'a: b', '- x', '# c')
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.array(line, { maxLength: 3 }), (lines, keyParts) => {
        const text = lines.join('\n')
        const map: IConfigMap = {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: '', labels: { [keyParts.join('') || 'k']: text.slice(0, 20) } },
          data: { [keyParts.join('\n') || 'script']: text, plain: `${text}\n` },
        }
        const doc = nameDocument(map, 'scripts')
        expect(doc.text.includes('\n---\n')).toBe(false)
      }),
    )
  })
})

describe('readPreviousManifest on an edited file', () => {
  it('reads a value written beyond ASCII (the action escapes it, a hand edit may not) as UTF-8', async () => {
    const { text } = await rendered()
    // The action writes every character beyond ASCII escaped: the file is ASCII.
    expect(/[^\p{ASCII}]/u.test(text)).toBe(false)
    const edited = text.replace(
      'kaniko-gitops/dockerfile: "dienste/stra\\u00dfe/Dockerfile"',
      'kaniko-gitops/dockerfile: dienste/straße/Dockerfile',
    )
    expect(edited).not.toBe(text)
    const previous = await readPreviousManifest(Buffer.from(edited))
    expect(previous.verified).toBeUndefined()
    expect(previous.images.get('dienste/straße/Dockerfile')?.name).toBe('stra-e')
  })
})
