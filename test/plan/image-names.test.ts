import { createHash } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { summaryHtml } from '../../src/action/summary.js'
import { describeError, InputError } from '../../src/common/errors.js'
import { isDns1123Label, MAX_IMAGE_NAME_LENGTH } from '../../src/common/names.js'
import type { ImageSettings } from '../../src/config/types.js'
import { commitMessage } from '../../src/gitops/commit.js'
import { compareWithBase, renderDiffMarkdown } from '../../src/gitops/report.js'
import type { RenderOutcome } from '../../src/manifest/outcome.js'
import { type RenderSettings, renderScan } from '../../src/manifest/render.js'
import type { HashedDockerfile } from '../../src/scan/scan.js'
import { type Scan, scanRepository } from '../../src/scan/scan.js'
import { CODE, memoryLogger, renderIn, settingsFor } from '../support/render.js'
import { type Tree, tempTrees, writeTree } from '../support/repo.js'

const SHA_B = 'b'.repeat(40)
const { tree: repo } = tempTrees()
const CONFIG = '.github/kaniko-gitops.yml'
const manifestOf = (dir: string) => readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')
const namesOf = (outcome: Pick<RenderOutcome, 'images'>) => Object.fromEntries(outcome.images.map((i) => [i.dockerfile, i.name]))
const statusesOf = (outcome: Pick<RenderOutcome, 'images'>) => Object.fromEntries(outcome.images.map((i) => [i.name, i.status]))
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (e: unknown) => describeError(e),
  )

const TWO: Tree = { 'services/api/Dockerfile': 'FROM alpine:3.20\n', 'services/web/Dockerfile': 'FROM nginx:1.27\n' }

describe('image names stay what the manifest says', () => {
  // The folder `api` is then the name of two Dockerfiles' folders: the derived names would be longer.
  it('adding a Dockerfile whose folder has the name of another leaves that image its name', async () => {
    const dir = repo(TWO)
    await renderIn(dir)
    writeTree(dir, { 'e2e/api/Dockerfile': 'FROM alpine:3.21\n' })
    const added = await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
    expect(namesOf(added)).toEqual({ 'e2e/api/Dockerfile': 'e2e-api', 'services/api/Dockerfile': 'api', 'services/web/Dockerfile': 'web' })
    expect(statusesOf(added)).toEqual({ 'e2e-api': 'new', api: 'unchanged', web: 'unchanged' })
    expect(manifestOf(dir)).toContain('registry.example.com/acme/api:')
    expect(manifestOf(dir)).not.toContain('services-api')
    // The one that was there first going away changes nothing either.
    rmSync(path.join(dir, 'services/api'), { recursive: true })
    const removed = await renderIn(dir)
    expect(namesOf(removed)).toEqual({ 'e2e/api/Dockerfile': 'e2e-api', 'services/web/Dockerfile': 'web' })
    expect(removed.removed.map((r) => r.name)).toEqual(['api'])
  })

  it('a name set in the config renames the image, reported as renamed in the output, summary, table and commit message', async () => {
    const dir = repo(TWO)
    await renderIn(dir)
    const before = manifestOf(dir)
    writeTree(dir, { [CONFIG]: 'images:\n  services/api/Dockerfile:\n    name: api-server\n' })
    const renamed = await renderIn(dir, { config: CONFIG }, { GITHUB_SHA: SHA_B })
    const image = renamed.images.find((i) => i.dockerfile === 'services/api/Dockerfile')
    expect(image).toMatchObject({ name: 'api-server', status: 'renamed', previousName: 'api' })
    expect(image).not.toHaveProperty('previousDockerfile')
    expect(renamed.removed).toEqual([])
    expect(JSON.parse(JSON.stringify(renamed.images))[0]).toMatchObject({ name: 'api-server', status: 'renamed', previousName: 'api' })
    expect(renamed.log.infos.join('\n')).toMatch(
      /^api-server: registry\.example\.com\/acme\/api-server:[0-9a-f]{16} \(renamed from api\)$/m,
    )
    expect(summaryHtml(renamed, 'changed')).toContain('<td>renamed from api</td>')
    const diff = compareWithBase(before, renamed, 'deploy/manifest.yaml')
    expect(diff.summary.renamed).toEqual([{ name: 'api-server', previousName: 'api' }])
    expect(renderDiffMarkdown(diff, 'deploy/manifest.yaml')).toContain('| api-server | renamed from api | `services/api/Dockerfile` |')
    expect(commitMessage('render {sha}', 'deploy/manifest.yaml', SHA_B, renamed)).toMatch(
      /^- api-server: registry\.example\.com\/acme\/api-server:[0-9a-f]{16} \(renamed from api\)$/m,
    )
    // Taking the name out of the config keeps it: a name changes only when the config says so.
    writeFileSync(path.join(dir, CONFIG), 'images: {}\n')
    const kept = await renderIn(dir, { config: CONFIG })
    expect(namesOf(kept)['services/api/Dockerfile']).toBe('api-server')
    expect(statusesOf(kept)['api-server']).toBe('unchanged')
  })

  it('a configured name that another image has in the manifest is an error; naming that one too hands it over', async () => {
    // Both new together: services/api/Dockerfile is `services-api`, e2e/api/Dockerfile `e2e-api`.
    const dir = repo({ ...TWO, 'e2e/api/Dockerfile': 'FROM alpine:3.21\n' })
    await renderIn(dir)
    writeTree(dir, { [CONFIG]: 'images:\n  e2e/api/Dockerfile:\n    name: services-api\n' })
    const before = manifestOf(dir)
    expect(await failure(renderIn(dir, { config: CONFIG }))).toBe(
      ".github/kaniko-gitops.yml:3:11: the image name 'services-api' of e2e/api/Dockerfile is the name services/api/Dockerfile's image has in the manifest: expected a name no other image has (names in the manifest are kept: to hand this one over, give services/api/Dockerfile another name in the config too).",
    )
    expect(manifestOf(dir)).toBe(before)
    writeTree(dir, {
      [CONFIG]: 'images:\n  e2e/api/Dockerfile:\n    name: services-api\n  services/api/Dockerfile:\n    name: api-legacy\n',
    })
    const handed = await renderIn(dir, { config: CONFIG })
    expect(namesOf(handed)).toMatchObject({ 'e2e/api/Dockerfile': 'services-api', 'services/api/Dockerfile': 'api-legacy' })
    expect(handed.images.filter((i) => i.status === 'renamed').map((i) => [i.name, i.previousName])).toEqual([
      ['api-legacy', 'services-api'],
      ['services-api', 'e2e-api'],
    ])
  })

  it('a new Dockerfile whose name a configured image already has gets a distinct one', async () => {
    const dir = repo({ ...TWO, [CONFIG]: 'images:\n  services/api/Dockerfile:\n    name: gateway\n' })
    await renderIn(dir, { config: CONFIG })
    writeTree(dir, { 'gateway/Dockerfile': 'FROM envoyproxy/envoy:v1.32\n' })
    const added = await renderIn(dir, { config: CONFIG })
    const hash = createHash('sha256').update('gateway/Dockerfile').digest('hex').slice(0, 6)
    expect(namesOf(added)).toEqual({
      'gateway/Dockerfile': `gateway-${hash}`,
      'services/api/Dockerfile': 'gateway',
      'services/web/Dockerfile': 'web',
    })
  })

  const moveApi = async (to: string) => {
    const dir = repo(TWO)
    await renderIn(dir)
    rmSync(path.join(dir, 'services/api'), { recursive: true })
    writeTree(dir, { [to]: TWO['services/api/Dockerfile'] as string })
    return renderIn(dir, {}, { GITHUB_SHA: SHA_B })
  }

  it('a Dockerfile moved with the same bytes under another name is one image renamed, not one added and one removed', async () => {
    const run = await moveApi('apps/backend/Dockerfile')
    expect(run.images.find((i) => i.name === 'backend')).toMatchObject({
      status: 'renamed',
      previousName: 'api',
      previousDockerfile: 'services/api/Dockerfile',
    })
    expect(run.removed).toEqual([])
    expect(summaryHtml(run, 'changed')).toContain('<td>renamed from api (services/api/Dockerfile)</td>')
    expect(run.log.infos.join('\n')).toContain('(renamed from api (services/api/Dockerfile))')
  })

  it('a Dockerfile moved to a folder of the same name keeps the name: one image added, the old one removed', async () => {
    const run = await moveApi('apps/api/Dockerfile')
    expect(statusesOf(run)).toEqual({ api: 'new', web: 'unchanged' })
    expect(run.removed.map((r) => [r.name, r.dockerfile])).toEqual([['api', 'services/api/Dockerfile']])
  })

  it('two gone Dockerfiles with the same bytes are not guessed: the new ones are added and the old removed', async () => {
    const same = 'FROM busybox:1.37\n'
    const dir = repo({ 'one/Dockerfile': same, 'two/Dockerfile': same })
    await renderIn(dir)
    rmSync(path.join(dir, 'one'), { recursive: true })
    rmSync(path.join(dir, 'two'), { recursive: true })
    writeTree(dir, { 'three/Dockerfile': same })
    const run = await renderIn(dir)
    expect(statusesOf(run)).toEqual({ three: 'new' })
    expect(run.removed.map((r) => r.name)).toEqual(['one', 'two'])
  })

  it('a name in the manifest that is not a valid image name is not kept', async () => {
    const dir = repo(TWO)
    await renderIn(dir)
    writeFileSync(
      path.join(dir, 'deploy/manifest.yaml'),
      manifestOf(dir).replace('app.kubernetes.io/name: api\n', 'app.kubernetes.io/name: "Not A Name\\n- x"\n'),
    )
    const run = await renderIn(dir)
    expect(namesOf(run)).toEqual({ 'services/api/Dockerfile': 'api', 'services/web/Dockerfile': 'web' })
    expect(run.images.every((i) => i.previousName === undefined)).toBe(true)
  })

  it("an edited name label does not hand one image another's name and registry repository", async () => {
    const dir = repo(TWO)
    await renderIn(dir)
    writeFileSync(
      path.join(dir, 'deploy/manifest.yaml'),
      manifestOf(dir).replace('app.kubernetes.io/name: api\n', 'app.kubernetes.io/name: web\n'),
    )
    const run = await renderIn(dir)
    expect(namesOf(run)).toEqual({ 'services/api/Dockerfile': 'api', 'services/web/Dockerfile': 'web' })
    expect(statusesOf(run)).toEqual({ api: 'unchanged', web: 'unchanged' })
  })

  it('a name two images claim in an edited manifest is kept by neither: each gets its own again', async () => {
    const dir = repo(TWO)
    await renderIn(dir)
    // Both Pods made to claim `web` whole: the label, the Pod name and the image.
    const api = /name: (api-[0-9a-f]{10})\n/.exec(manifestOf(dir))?.[1] as string
    writeFileSync(
      path.join(dir, 'deploy/manifest.yaml'),
      manifestOf(dir)
        .replace('app.kubernetes.io/name: api\n', 'app.kubernetes.io/name: web\n')
        .replaceAll(api, `web-${api.slice(4)}`)
        .replaceAll('registry.example.com/acme/api:', 'registry.example.com/acme/web:'),
    )
    const run = await renderIn(dir)
    expect(namesOf(run)).toEqual({ 'services/api/Dockerfile': 'api', 'services/web/Dockerfile': 'web' })
  })

  // Names depend on the previous manifest, which the run key leaves out: a manifest rendered from
  // the same inputs must still be what a full render gives.
  it('a manifest with kept names is taken as it is on the next run, and a full render agrees with it', async () => {
    const dir = repo(TWO)
    await renderIn(dir)
    writeTree(dir, { 'e2e/api/Dockerfile': 'FROM alpine:3.21\n' })
    await renderIn(dir)
    const written = manifestOf(dir)
    const settings = await settingsFor(dir, {}, { GITHUB_SHA: SHA_B })
    const again = await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
    expect(again.sameInputs).toBe(true)
    const scan = await scanRepository(settings, memoryLogger())
    const full = await renderScan(settings, scan, written.replace(/^# inputs: .*\n/m, ''), 'the file', memoryLogger(), CODE)
    expect(full.sameInputs).toBe(false)
    expect(full.images).toEqual(again.images)
    expect(namesOf(full)).toEqual({ 'e2e/api/Dockerfile': 'e2e-api', 'services/api/Dockerfile': 'api', 'services/web/Dockerfile': 'web' })
    expect(full.manifest).toBe(written.replace(/^# inputs: .*\n/m, ''))
  })
})

// ---------------------------------------------------------------------------------------------
// Property: over random sequences of changes, no image in the manifest changes its name unless the
// config names it, and what is reported as renamed is exactly what changed its name.
// ---------------------------------------------------------------------------------------------

/** Paths whose derived names collide in many ways (folders of the same name, variants, hashes). */
const PATHS = [
  'Dockerfile',
  'services/api/Dockerfile',
  'e2e/api/Dockerfile',
  'api/Dockerfile',
  'a/api/Dockerfile',
  'services-api/Dockerfile',
  'services/web/Dockerfile',
  'web/Dockerfile.dev',
  'web/dev.Dockerfile',
  'x/сервис/Dockerfile',
  'y/сервис/Dockerfile',
  'cfg-a/Dockerfile',
]
const CONTENTS = ['FROM alpine:3.20\n', 'FROM alpine:3.21\n', 'FROM nginx:1.27\n']
const CONFIG_NAMES = ['cfg-a', 'cfg-b', 'api']

interface Entry {
  readonly content: string
  readonly name?: string
  readonly skip?: boolean
}
type State = ReadonlyMap<string, Entry>

/** A change to the repository. `pick` chooses one of the Dockerfiles there (by index, modulo their number). */
type Step =
  | { readonly op: 'add'; readonly path: string; readonly content: string }
  | { readonly op: 'edit'; readonly pick: number; readonly content: string }
  | { readonly op: 'remove' | 'skip'; readonly pick: number }
  | { readonly op: 'move'; readonly pick: number; readonly to: string }
  | { readonly op: 'name'; readonly pick: number; readonly name: string | undefined }

const pathArb = fc.constantFrom(...PATHS)
const contentArb = fc.constantFrom(...CONTENTS)
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('add' as const), path: pathArb, content: contentArb }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('edit' as const), pick: fc.nat(), content: contentArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('remove' as const, 'skip' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('move' as const), pick: fc.nat(), to: pathArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('name' as const),
      pick: fc.nat(),
      name: fc.option(fc.constantFrom(...CONFIG_NAMES), { nil: undefined }),
    }),
  },
)

function apply(state: State, step: Step): Map<string, Entry> {
  const next = new Map(state)
  if (step.op === 'add') {
    if (!state.has(step.path)) next.set(step.path, { content: step.content })
    return next
  }
  const paths = [...state.keys()].sort()
  const path = paths[step.pick % Math.max(1, paths.length)]
  const entry = path === undefined ? undefined : state.get(path)
  if (path === undefined || entry === undefined) return next
  switch (step.op) {
    case 'edit':
      next.set(path, { ...entry, content: step.content })
      break
    case 'remove':
      next.delete(path)
      break
    case 'skip':
      next.set(path, { ...entry, skip: !entry.skip })
      break
    case 'move':
      // The config is keyed by path: a moved Dockerfile leaves its settings behind.
      if (state.has(step.to)) break
      next.delete(path)
      next.set(step.to, { content: entry.content })
      break
    case 'name': {
      const { name: _old, ...rest } = entry
      next.set(path, step.name === undefined ? rest : { ...rest, name: step.name })
      break
    }
  }
  return next
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

function settingsOf(file: string, name: string): ImageSettings {
  const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : ''
  return {
    name: { value: name, at: `${CONFIG}: images › ${file} › name` },
    contextDir: folder,
    buildArgs: {},
    target: '',
    platform: '',
    extraTags: [],
    nodeSelector: {},
    tolerations: [],
  }
}

function scanOf(state: State): Scan {
  const entries = [...state].sort(([a], [b]) => (a < b ? -1 : 1))
  const files = entries
    .filter(([, e]) => !e.skip)
    .map(
      ([file, e]): HashedDockerfile => ({
        path: file,
        sha256: sha(e.content),
        effective: sha(e.content),
        covers: 'dockerfile',
        text: e.content,
        ...(e.name === undefined ? {} : { settings: settingsOf(file, e.name) }),
      }),
    )
  return { files, skipped: entries.filter(([, e]) => e.skip).map(([file]) => file) }
}

/** What one render must keep of the last one: checked against the names and paths it had. */
function checkRender(outcome: RenderOutcome, state: State, last: ReadonlyMap<string, string>): void {
  const names = outcome.images.map((i) => i.name)
  expect(new Set(names).size, 'unique names').toBe(names.length)
  for (const image of outcome.images) {
    expect(isDns1123Label(image.name) && image.name.length <= MAX_IMAGE_NAME_LENGTH, image.name).toBe(true)
    const configured = state.get(image.dockerfile)?.name
    const had = last.get(image.dockerfile)
    if (configured !== undefined) expect(image.name).toBe(configured)
    else if (had !== undefined) expect(image.name, `${image.dockerfile} keeps its name`).toBe(had)
    if (had !== undefined) {
      expect(image.status === 'renamed').toBe(had !== image.name)
      if (image.status === 'renamed') expect(image.previousName).toBe(had)
    } else if (image.status === 'renamed') {
      // A move: from a Dockerfile of the last render that is gone, under another name.
      const from = image.previousDockerfile as string
      expect(last.get(from)).toBe(image.previousName)
      expect(state.has(from)).toBe(false)
      expect(image.previousName).not.toBe(image.name)
    }
  }
  const movedFrom = new Set(outcome.images.map((i) => i.previousDockerfile).filter((p) => p !== undefined))
  const gone = [...last.keys()].filter((file) => !outcome.images.some((i) => i.dockerfile === file)).sort()
  expect([...outcome.removed.map((r) => r.dockerfile), ...movedFrom].sort()).toEqual(gone)
}

describe('image names over random sequences of changes (property)', () => {
  it('never change unless the config names the image, report renames exactly, and render again the same', async () => {
    const dir = repo({ Dockerfile: 'FROM scratch\n' })
    const settings: RenderSettings = await settingsFor(dir)
    let quickRuns = 0
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 20 }), async (steps) => {
        let state: State = new Map()
        let manifest: string | undefined
        let last = new Map<string, string>()
        for (const step of steps) {
          const next = apply(state, step)
          const scan = scanOf(next)
          if (scan.files.length === 0) continue
          let outcome: RenderOutcome
          try {
            outcome = await renderScan(settings, scan, manifest, 'the manifest', memoryLogger(), CODE)
          } catch (error) {
            // A configured name another image has: refused, and the repository stays as it was.
            expect(error).toBeInstanceOf(InputError)
            const refused = /the image name '([a-z0-9-]+)' of (\S+) is (?:also the name of|the name) (\S+)'s image/.exec(
              (error as Error).message,
            )
            const [, name, file, other] = refused ?? []
            expect(next.get(file as string)?.name, (error as Error).message).toBe(name)
            expect(last.get(file as string), 'a name the image had is not refused').not.toBe(name)
            expect(next.has(other as string) && other !== file).toBe(true)
            continue
          }
          checkRender(outcome, next, last)
          // The same inputs against the manifest just written: nothing changes, and a run that takes it as
          // it is (its inputs line is this run's key) agrees with a full render.
          const again = await renderScan(settings, scan, outcome.manifest, 'the manifest', memoryLogger(), CODE)
          expect(again.changed).toBe(false)
          expect(again.images.map((i) => [i.dockerfile, i.name, i.status])).toEqual(
            outcome.images.map((i) => [i.dockerfile, i.name, 'unchanged']),
          )
          if (again.sameInputs) quickRuns++
          const full = await renderScan(
            settings,
            scan,
            outcome.manifest.replace(/^# inputs: .*\n/m, ''),
            'the manifest',
            memoryLogger(),
            CODE,
          )
          expect(full.images).toEqual(again.images)
          expect(full.removed).toEqual([])
          state = next
          manifest = outcome.manifest
          last = new Map(outcome.images.map((i) => [i.dockerfile, i.name]))
        }
      }),
      { numRuns: 150 },
    )
    expect(quickRuns).toBeGreaterThan(100)
  })
})
