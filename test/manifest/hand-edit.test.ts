import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadScripts } from '../../src/action/scripts.js'
import { buildScriptsConfigMap, nameDocument, nameOfText } from '../../src/manifest/pod.js'
import { readPreviousManifest } from '../../src/manifest/previous.js'
import { DIGEST_PREFIX } from '../../src/manifest/yaml.js'
import { renderIn } from '../support/render.js'
import { type Tree, tempTrees } from '../support/repo.js'

// A hand edit that makes the `# digest:` line again: the file then passes for the action's own, and
// only the check of each document against its name (a hash of its text) tells the edit apart.

const SHA_B = 'b'.repeat(40)
const { tree: repo } = tempTrees()
const FILES: Tree = {
  'services/api/Dockerfile': 'FROM alpine:3.20\n',
  'services/web/Dockerfile': 'FROM nginx:1.27\n',
  'services/worker/Dockerfile': 'FROM python:3.13-slim\n',
}
const manifestPath = (dir: string) => path.join(dir, 'deploy/manifest.yaml')
const manifestOf = (dir: string) => readFileSync(manifestPath(dir), 'utf8')
const withoutInputsLine = (text: string) => text.replace(/^# inputs: sha256:[0-9a-f]{64}\n/m, '')

/** The file with its documents edited by `edit` and the digest line made again, as a careful hand edit would. */
function redigested(text: string, edit: (documents: string[]) => string[]): string {
  const bodyAt = text.indexOf('\n---\n') + 1
  const documents = text.slice(bodyAt + 4).split('\n---\n')
  const last = documents.length - 1
  documents[last] = (documents[last] as string).replace(/\n$/, '')
  const body = `---\n${edit(documents).join('\n---\n')}\n`
  const digest = createHash('sha256').update(body).digest('hex')
  return (
    text
      .slice(0, bodyAt)
      .replace(new RegExp(`^${DIGEST_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9a-f]{64}$`, 'm'), `${DIGEST_PREFIX}${digest}`) + body
  )
}

const isPod = (doc: string, name: string) =>
  doc.startsWith('apiVersion: v1\nkind: Pod\n') && doc.includes(`app.kubernetes.io/name: ${name}\n`)
const privileged = (documents: string[]) =>
  documents.map((doc) => (isPod(doc, 'api') ? doc.replace('privileged: false', 'privileged: true') : doc))

describe('a hand-edited manifest whose digest was made again', () => {
  it('passes the digest check, so the edits below are found by the names alone', async () => {
    const dir = repo(FILES)
    await renderIn(dir)
    const edited = redigested(manifestOf(dir), privileged)
    expect(edited).toContain('privileged: true')
    const previous = await readPreviousManifest(edited)
    // The edited Pod has no text to reuse, the others do; the file as a whole is not the action's own.
    expect(previous.verified).toBeUndefined()
    expect(previous.images.get('services/api/Dockerfile')?.text).toBeUndefined()
    expect(previous.images.get('services/web/Dockerfile')?.text).toBeDefined()
    // Made again without an edit, the file is the action's own.
    expect((await readPreviousManifest(redigested(manifestOf(dir), (d) => d))).verified?.names).toHaveLength(4)
  })

  it('does not keep an edited Pod under its old name: the steady state with the same inputs line renders it anew', async () => {
    const dir = repo(FILES)
    await renderIn(dir)
    const clean = manifestOf(dir)
    writeFileSync(manifestPath(dir), redigested(clean, privileged))
    const run = await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
    expect(run.sameInputs).toBe(false)
    expect(run.images).toHaveLength(3)
    expect(run.reused).toBe(2)
    expect(run.changed).toBe(true)
    expect(manifestOf(dir)).toBe(clean)
  })

  it('does not reuse an edited Pod whose render key still matches (no inputs line)', async () => {
    const dir = repo(FILES)
    await renderIn(dir)
    const clean = withoutInputsLine(manifestOf(dir))
    writeFileSync(manifestPath(dir), redigested(clean, privileged))
    const run = await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
    expect(run.images).toHaveLength(3)
    expect(run.reused).toBe(2)
    expect(run.changed).toBe(true)
    expect(manifestOf(dir)).not.toContain('privileged: true')
    expect(withoutInputsLine(manifestOf(dir))).toBe(clean)
  })

  it('undoes an edit that renamed the Pod: its name is the image name and the hash of its text', async () => {
    const dir = repo(FILES)
    await renderIn(dir)
    const clean = manifestOf(dir)
    const renamed = (documents: string[]) =>
      documents.map((doc) => (isPod(doc, 'api') ? doc.replace(/\n {2}name: api-/, '\n  name: app-') : doc))
    writeFileSync(manifestPath(dir), redigested(clean, renamed))
    const run = await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
    expect(run.sameInputs).toBe(false)
    expect(manifestOf(dir)).toBe(clean)
  })

  it('puts back a Pod removed, and drops a document added, under the same inputs line', async () => {
    const dir = repo(FILES)
    await renderIn(dir)
    const clean = manifestOf(dir)
    const edits: ((documents: string[]) => string[])[] = [
      (documents) => documents.filter((doc) => !isPod(doc, 'web')),
      (documents) => [...documents, documents[1] as string],
      (documents) => [documents[0] as string, ...documents.slice(1).reverse()],
      (documents) => [...documents, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata: {}'],
    ]
    for (const edit of edits) {
      writeFileSync(manifestPath(dir), redigested(clean, edit))
      // At the same commit, a Pod put back is the one removed.
      const run = await renderIn(dir)
      expect(run.sameInputs).toBe(false)
      expect(manifestOf(dir)).toBe(clean)
    }
  })

  it('puts back an edited scripts ConfigMap under the same inputs line', async () => {
    const dir = repo(FILES)
    await renderIn(dir)
    const clean = manifestOf(dir)
    writeFileSync(
      manifestPath(dir),
      redigested(clean, (documents) =>
        documents.map((doc, i) => (i === 0 ? doc.replace('image-builder: runs', 'image-builder: RUNS') : doc)),
      ),
    )
    expect(manifestOf(dir)).not.toBe(clean)
    const run = await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
    expect(run.sameInputs).toBe(false)
    expect(manifestOf(dir)).toBe(clean)
  })
})

describe('nameOfText', () => {
  it('gives back the kind and name nameDocument gave a text, and nothing once a byte of it changed', async () => {
    const dir = repo(FILES)
    await renderIn(dir)
    const text = manifestOf(dir)
    const documents = text.slice(text.indexOf('\n---\n') + 5).split(/(?<=\n)---\n/)
    expect(documents).toHaveLength(4)
    for (const doc of documents) {
      const bytes = Buffer.from(doc)
      const named = nameOfText(bytes)
      const name = /^ {2}name: (.*)$/m.exec(doc)?.[1]
      expect(named?.name).toBe(name)
      expect(named?.kind).toBe(/^kind: (.*)$/m.exec(doc)?.[1])
      // Any byte: before the name, in its hash, after it.
      const hashAt = doc.indexOf(`name: ${name}\n`) + `name: ${name}`.length - 3
      for (const at of [0, 20, hashAt, Math.floor(doc.length / 2), doc.length - 2]) {
        const edited = Buffer.from(bytes)
        edited[at] = (edited[at] as number) === 0x30 ? 0x31 : 0x30
        expect(nameOfText(edited), `byte ${at} of ${name}`).toBeUndefined()
      }
      // The prefix is not part of the hash: it is the caller's to check (a Pod's is its image name).
      const renamed = Buffer.from(doc.replace(`name: ${name}\n`, `name: x${name}\n`))
      expect(nameOfText(renamed)?.prefix).toBe(`x${named?.prefix}`)
    }
  })

  it('reads a name the emitter quotes (one YAML would take for a date)', () => {
    const doc = nameDocument(buildScriptsConfigMap(loadScripts(), 'kaniko'), '2024-1-1')
    expect(doc.text).toContain(`name: "${doc.name}"`)
    expect(nameOfText(Buffer.from(doc.text))).toEqual({ kind: 'ConfigMap', name: doc.name, prefix: '2024-1-1' })
  })
})
