import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isDns1123Label, MAX_IMAGE_NAME_LENGTH } from '../../src/common/names.js'
import { assignImageNames } from '../../src/plan/naming.js'
import { parseManifest, validateManifest } from '../support/k8s.js'
import { renderIn } from '../support/render.js'
import { tempTrees } from '../support/repo.js'

const { tree: repo, cleanup } = tempTrees()

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex')

/** A folder or file-name part that a repository path can hold: no '/', no NUL, not '.' or '..'. */
const isSegment = (s: string) => s !== '' && s !== '.' && s !== '..' && !s.includes('/') && !s.includes('\0')

// ---------------------------------------------------------------------------------------------
// Name normalisation
// ---------------------------------------------------------------------------------------------

const NASTY_SEGMENTS = [
  'api',
  'API',
  'My App',
  'my-app',
  'my_app',
  'my.app',
  'Ünïcødé',
  'Crème Brûlée',
  '日本',
  '🐳',
  '---',
  '...x',
  ' ',
  '-',
  '_',
  'a b',
  '$(x)',
  'a;b',
  '`id`',
  '#x',
  'a: b',
  'true',
  '1e3',
  'Dockerfile',
  'x'.repeat(70),
  `${'ab-'.repeat(30)}z`,
]

const segment = fc
  .oneof(
    fc.constantFrom(...NASTY_SEGMENTS),
    fc.string({ minLength: 1, maxLength: 16 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }),
    fc.string({ unit: fc.constantFrom('a', 'B', '9', '-', '.', '_', ' ', 'é', '日'), minLength: 40, maxLength: 120 }),
  )
  .filter(isSegment)

const dockerfileName = (part: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.constant('Dockerfile'),
    part.map((s) => `Dockerfile.${s}`),
    part.map((s) => `${s}.Dockerfile`),
  )

const repoPath = fc.tuple(fc.array(segment, { maxLength: 6 }), dockerfileName(segment)).map(([dirs, file]) => [...dirs, file].join('/'))

/** Few distinct segments, so that names collide and have to climb or take a hash. */
const collidingSegment = fc.constantFrom('a', 'A', 'a ', 'ä', 'b', '日本', '-', 'a-b', 'a_b', 'a.b')
const collidingPath = fc
  .tuple(fc.array(collidingSegment, { maxLength: 4 }), dockerfileName(collidingSegment))
  .map(([dirs, file]) => [...dirs, file].join('/'))

const rootName = fc.oneof(fc.constantFrom('shop', '', '日本', 'My Repo', 'x'.repeat(120)), fc.string({ maxLength: 20 }))

function checkNames(paths: readonly string[], root: string): Map<string, string> {
  const names = assignImageNames(paths, root)
  expect([...names.keys()].sort()).toEqual([...new Set(paths)].sort())
  for (const [file, name] of names) {
    expect(isDns1123Label(name), `${JSON.stringify(file)} -> ${JSON.stringify(name)}`).toBe(true)
    expect(name.length).toBeLessThanOrEqual(MAX_IMAGE_NAME_LENGTH)
  }
  expect(new Set(names.values()).size, 'names are unique').toBe(names.size)
  return names
}

/** The paths with a shuffled copy of them (and some repeated). */
const withShuffle = (paths: fc.Arbitrary<string[]>) =>
  paths.chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length, maxLength: ps.length }), fc.subarray(ps)))

describe('assignImageNames (property)', () => {
  it('gives every path a unique DNS-1123 name of at most MAX_IMAGE_NAME_LENGTH, whatever the order', () => {
    fc.assert(
      fc.property(withShuffle(fc.uniqueArray(repoPath, { minLength: 1, maxLength: 12 })), rootName, ([paths, shuffled, repeated], root) => {
        const names = checkNames(paths, root)
        expect(assignImageNames(shuffled, root)).toEqual(names)
        expect(assignImageNames([...shuffled, ...repeated], root)).toEqual(names)
        // Maps compare by content in toEqual; the order of entries is part of the result too.
        expect([...assignImageNames(shuffled, root)]).toEqual([...names])
      }),
      { numRuns: 300 },
    )
  })

  it('stays unique and stable when many names collide', () => {
    fc.assert(
      fc.property(withShuffle(fc.uniqueArray(collidingPath, { minLength: 2, maxLength: 20 })), rootName, ([paths, shuffled], root) => {
        const names = checkNames(paths, root)
        expect([...assignImageNames(shuffled, root)]).toEqual([...names])
      }),
      { numRuns: 300 },
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

/** Folder names the file system takes (at most 255 bytes), with unicode, spaces and punctuation. */
const fsSegment = fc
  .oneof(
    fc.constantFrom(
      'services',
      'api',
      'My App',
      'my-app',
      'Ünïcødé',
      '日本',
      '🐳',
      'a;b',
      '$(x)',
      '`id`',
      'a: b',
      '#x',
      '---',
      'a\u00a0b',
      'true',
    ),
    fc.string({
      // No control characters: a name with one is skipped (bad-input.test.ts, log-injection.slow.test.ts).
      unit: fc.constantFrom('a', 'Z', '0', '-', '.', '_', ' ', 'é', '日', '"', "'", '\\', ':', '#', '\u00a0'),
      minLength: 1,
      maxLength: 12,
    }),
  )
  .filter((s) => isSegment(s) && s !== 'node_modules' && s !== '.git' && Buffer.byteLength(s) <= 255)

/** File-name variants: no newline at the end (a name that ends in one is skipped, as bad-input.test.ts checks). */
const variant = fc
  .oneof(
    fc.constantFrom('dev', 'Debug', 'x y', 'ü', '1'),
    fc.string({ unit: fc.constantFrom('a', 'B', '1', '-', '.', '_', ' ', 'é'), minLength: 1, maxLength: 8 }),
  )
  .filter(isSegment)

const renderPath = fc.tuple(fc.array(fsSegment, { maxLength: 3 }), dockerfileName(variant)).map(([dirs, file]) => [...dirs, file].join('/'))

/** No path may be a folder on the way to another. */
const noFolderClash = (paths: readonly string[]) => paths.every((a) => paths.every((b) => !b.startsWith(`${a}/`)))

const content = fc.string({ unit: 'binary', maxLength: 200 }).map((s) => `FROM alpine:3.20\n${s.replace(/\0/g, '')}\n`)

const REGISTRIES = [
  'registry.example.com/acme',
  'docker.io/acme',
  'registry.kaniko.svc:5000/team',
  'localhost:5000',
  'ghcr.io/a-b/c_d/e.f',
  '[::1]:5000/x',
]

const repository = fc
  .uniqueArray(fc.tuple(renderPath, content), { minLength: 1, maxLength: 6, selector: ([p]) => p })
  .filter((files) => noFolderClash(files.map(([p]) => p)))

const PATTERNS = 'Dockerfile\nDockerfile.*\n*.Dockerfile'

// biome-ignore lint/suspicious/noExplicitAny: test access to parsed documents
type Doc = any

describe('rendering (property)', () => {
  it('renders a valid manifest with one Pod per Dockerfile, exact annotations, and the same bytes every time', async () => {
    await fc.assert(
      fc.asyncProperty(
        repository,
        fc.constantFrom(...REGISTRIES),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.constantFrom(',', ', ', '\n', ' ,\n'),
        async (files, registry, forceMask, separator) => {
          const paths = files.map(([p]) => p)
          const names = assignImageNames(paths, 'shop')
          const forced = paths.filter((_, i) => forceMask[i]).map((p) => names.get(p) as string)
          const inputs = { token: '', registry, dockerfiles: PATTERNS, 'force-images': forced.join(separator) }
          const dir = repo(Object.fromEntries(files))
          try {
            const outcome = await renderIn(dir, inputs)
            const text = readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')
            expect(validateManifest(text)).toEqual([])

            const docs: Doc[] = parseManifest(text)
            expect(docs.map((d) => d.kind)).toEqual(['ConfigMap', ...paths.map(() => 'Pod')])
            const byPath = new Map<string, Doc>(docs.slice(1).map((d) => [d.metadata.annotations['kaniko-gitops/dockerfile'], d]))
            expect([...byPath.keys()].sort()).toEqual([...paths].sort())
            for (const [file, body] of files) {
              const pod = byPath.get(file)
              const sha = sha256(Buffer.from(body))
              const name = names.get(file) as string
              expect(pod.metadata.annotations['kaniko-gitops/dockerfile-sha256']).toBe(sha)
              const effective = pod.metadata.annotations['kaniko-gitops/effective-sha256']
              expect(effective).toMatch(/^[0-9a-f]{64}$/)
              expect(pod.metadata.annotations['kaniko-gitops/image']).toBe(`${registry}/${name}:${effective.slice(0, 16)}`)
              expect(pod.metadata.labels['app.kubernetes.io/name']).toBe(name)
              const isForced = forced.includes(name)
              expect(pod.metadata.annotations['kaniko-gitops/forced'] !== undefined).toBe(isForced)
              expect(pod.spec.initContainers[0].env).toContainEqual({ name: 'FORCE_BUILD', value: isForced ? 'Y' : 'N' })
            }
            expect(outcome.images.map((i) => [i.dockerfile, i.sha256]).sort()).toEqual(
              files.map(([p, c]) => [p, sha256(Buffer.from(c))]).sort(),
            )

            // The same repository again: nothing changes, not a byte.
            const again = await renderIn(dir, inputs)
            expect(again.changed).toBe(false)
            expect(readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')).toBe(text)

            // The same files written in another order to another folder: the same bytes.
            const copy = repo(Object.fromEntries([...files].reverse()))
            await renderIn(copy, inputs)
            expect(readFileSync(path.join(copy, 'deploy/manifest.yaml'), 'utf8')).toBe(text)
          } finally {
            cleanup()
          }
        },
      ),
      { numRuns: 40 },
    )
  })
})
