import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RenderOutcome } from '../../src/manifest/outcome.js'
import { POD_SETTING_KEYS } from '../../src/manifest/pod.js'
import { type RenderSettings, renderScan, runKey } from '../../src/manifest/render.js'
import { INPUTS_PREFIX } from '../../src/manifest/yaml.js'
import { type Scan, scanRepository } from '../../src/scan/scan.js'
import { CODE, memoryLogger, renderIn, settingsFor } from '../support/render.js'
import { type Tree, tempTrees } from '../support/repo.js'

const SHA_B = 'b'.repeat(40)
const { tree: repo } = tempTrees()
const manifestOf = (dir: string) => readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')
const SAME_INPUTS = 'The manifest was rendered from these same inputs'
const withoutInputsLine = (text: string) => text.replace(/^# inputs: sha256:[0-9a-f]{64}\n/m, '')

const MONOREPO: Tree = {
  'services/api/Dockerfile': 'FROM alpine:3.20\nCOPY . /app\n',
  'services/worker/Dockerfile': 'FROM python:3.13-slim\n',
  'services/worker/debug.Dockerfile': 'FROM python:3.13\n',
  'images/a/cuda/Dockerfile': 'FROM nvidia/cuda:12.6.3-runtime-ubuntu24.04\n',
  'images/b/cuda/Dockerfile': 'FROM nvidia/cuda:12.6.3-devel-ubuntu24.04\n',
}
const CHAIN: Tree = {
  'base/Dockerfile': 'FROM debian:12\n',
  'app/Dockerfile': 'ARG BASE_IMAGE=registry.example.com/acme/base\nFROM $BASE_IMAGE\n',
  'tool/Dockerfile': `ARG BASE=registry.example.com/acme/app\nFROM \${BASE} AS build\nFROM build\n`,
}
const CONFIGURED: Tree = {
  ...MONOREPO,
  'kaniko-gitops.yml': [
    'defaults:',
    '  extraTags: [latest]',
    'images:',
    '  services/api/Dockerfile:',
    '    name: api-server',
    '    buildArgs: { VERSION: "1.10" }',
    '    nodeSelector: { pool: builds }',
    '  images/b/cuda/Dockerfile: { skip: true }',
    '',
  ].join('\n'),
}

/** Scenarios: files, inputs. */
const SCENARIOS: [string, Tree, Record<string, string>][] = [
  ['a monorepo', MONOREPO, {}],
  ['in-repo parents', CHAIN, {}],
  ['per-image settings and a skipped image', CONFIGURED, { config: 'kaniko-gitops.yml' }],
  ['the local context', MONOREPO, { context: 'local', 'local-path': '/srv/repo' }],
  [
    'context hashing',
    { ...MONOREPO, 'services/api/main.go': 'package main\n' },
    { hash: 'context', context: 'local', 'local-path': '/srv' },
  ],
]

async function scanned(dir: string, inputs: Record<string, string>, github: Record<string, string> = {}) {
  const settings = await settingsFor(dir, inputs, github)
  const scan = await scanRepository(settings, memoryLogger())
  return { settings, scan }
}

const comparable = (o: RenderOutcome) => ({ changed: o.changed, images: o.images, removed: o.removed, skipped: o.skipped })

describe('the run key', () => {
  it.each(SCENARIOS)(
    '%s: a manifest rendered from the same inputs is the outcome of a full render, without one',
    async (_name, files, inputs) => {
      const dir = repo(files)
      await renderIn(dir, inputs)
      const written = manifestOf(dir)
      expect(written).toMatch(new RegExp(`^${INPUTS_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9a-f]{64}$`, 'm'))
      // The next commit: same files, another commit and run.
      const { settings, scan } = await scanned(dir, inputs, { GITHUB_SHA: SHA_B, GITHUB_RUN_ID: '2002' })
      const quickLog = memoryLogger()
      const quick = await renderScan(settings, scan, Buffer.from(written), 'the file', quickLog, CODE)
      expect(quick.sameInputs).toBe(true)
      // Without the inputs line the same file takes the full render.
      const fullLog = memoryLogger()
      const full = await renderScan(settings, scan, Buffer.from(withoutInputsLine(written)), 'the file', fullLog, CODE)
      expect(full.sameInputs).toBe(false)
      expect(quick.manifest).toBe(written)
      expect(full.manifest).toBe(withoutInputsLine(written))
      expect(comparable(quick)).toEqual(comparable(full))
      expect(quick.images.length).toBeGreaterThan(0)
      expect(quick.images.every((image) => image.status === 'unchanged')).toBe(true)
      // The plan lines are the same too.
      const planLines = (log: ReturnType<typeof memoryLogger>) => (log.infos[0] ?? '').split('\n').filter((l) => !l.startsWith(SAME_INPUTS))
      expect(planLines(quickLog)).toEqual(planLines(fullLog))
    },
  )

  it('changes with every setting a render reads but the commit, and with the force nonce only when forcing', async () => {
    const dir = repo(MONOREPO)
    const { settings, scan } = await scanned(dir, {})
    const base = runKey(settings, scan, 'scripts', 'code')
    const changedValue = (value: unknown): unknown =>
      typeof value === 'string'
        ? `${value}x`
        : typeof value === 'boolean'
          ? !value
          : typeof value === 'number'
            ? value + 1
            : Array.isArray(value)
              ? [...value, 'x']
              : typeof value === 'object' && value !== null
                ? { ...value, 'x.example': 'x' }
                : value
    const keys = [...POD_SETTING_KEYS, 'registry', 'forceBuild', 'forceImages'] as const
    for (const key of keys) {
      if (key === 'forceNonce') continue
      const changed = { ...settings, [key]: changedValue(settings[key]) } as RenderSettings
      expect(runKey(changed, scan, 'scripts', 'code'), key).not.toBe(base)
    }
    expect(runKey({ ...settings, commitSha: SHA_B }, scan, 'scripts', 'code')).toBe(base)
    expect(runKey({ ...settings, forceNonce: 'another-run' }, scan, 'scripts', 'code')).toBe(base)
    const forcing = { ...settings, forceBuild: true }
    expect(runKey({ ...forcing, forceNonce: 'another-run' }, scan, 'scripts', 'code')).not.toBe(runKey(forcing, scan, 'scripts', 'code'))
    // A forced Pod is pinned to the commit being rendered: a forced run at another commit is another run.
    expect(runKey({ ...forcing, commitSha: SHA_B }, scan, 'scripts', 'code')).not.toBe(runKey(forcing, scan, 'scripts', 'code'))
    const forcingOne = { ...settings, forceImages: ['api'] }
    expect(runKey({ ...forcingOne, commitSha: SHA_B }, scan, 'scripts', 'code')).not.toBe(runKey(forcingOne, scan, 'scripts', 'code'))
    expect(runKey(settings, scan, 'scripts-2', 'code')).not.toBe(base)
  })

  it('does not keep a forced Pod of another commit: the same forced run at a new commit renders', async () => {
    const dir = repo(MONOREPO)
    const forced = { hash: 'dockerfile', 'force-images': 'api' }
    await renderIn(dir, forced, { GITHUB_RUN_ID: '31' })
    expect(manifestOf(dir)).toContain(INPUTS_PREFIX)
    const again = await renderIn(dir, forced, { GITHUB_RUN_ID: '31', GITHUB_SHA: SHA_B })
    expect(again.sameInputs).toBe(false)
    expect(again.changed).toBe(true)
    expect(manifestOf(dir)).toContain(`#refs/heads/main#${SHA_B}`)
  })

  it('changes with what the scan found', async () => {
    const dir = repo(MONOREPO)
    const { settings, scan } = await scanned(dir, {})
    const base = runKey(settings, scan, 'scripts', 'code')
    const [first, ...rest] = scan.files
    if (!first) throw new Error('no file scanned')
    const variants: Scan[] = [
      { ...scan, files: rest },
      { ...scan, files: [{ ...first, sha256: 'f'.repeat(64) }, ...rest] },
      { ...scan, files: [{ ...first, effective: 'f'.repeat(64) }, ...rest] },
      { ...scan, files: [{ ...first, covers: 'context .: 1 file(s)' }, ...rest] },
      { ...scan, files: [{ ...first, path: `x/${first.path}` }, ...rest] },
      { ...scan, skipped: ['other/Dockerfile'] },
    ]
    for (const variant of variants) expect(runKey(settings, variant, 'scripts', 'code')).not.toBe(base)
    // The text follows from the Dockerfile's bytes, whose sha256 the key has: it is not hashed again.
    expect(runKey(settings, { ...scan, files: [{ ...first, text: 'FROM other:1\n' }, ...rest] }, 'scripts', 'code')).toBe(base)
  })

  it('is recorded only for a render without warnings, so that a run taking the manifest as it is warns the same', async () => {
    const dir = repo({ 'base/Dockerfile': 'FROM debian:12\n', 'app/Dockerfile': 'FROM registry.example.com/acme/base:1.0\n' })
    const first = await renderIn(dir)
    expect(first.log.warnings.join('\n')).toContain('with a fixed reference')
    expect(manifestOf(dir)).not.toContain(INPUTS_PREFIX)
    const second = await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
    expect(second.changed).toBe(false)
    expect(second.log.warnings).toEqual(first.log.warnings)
    expect(second.sameInputs).toBe(false)
  })

  it('is not trusted on an edited file: a changed inputs line or document takes the full render', async () => {
    const dir = repo(MONOREPO)
    await renderIn(dir)
    const written = manifestOf(dir)
    const editedKey = written.replace(
      /^(# inputs: sha256:)([0-9a-f])/m,
      (_m, prefix: string, c: string) => `${prefix}${c === '0' ? '1' : '0'}`,
    )
    const editedPod = written.replace('restartPolicy: Never', 'restartPolicy: OnFailure')
    for (const edited of [editedKey, editedPod]) {
      writeFileSync(path.join(dir, 'deploy/manifest.yaml'), edited)
      const run = await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
      expect(run.sameInputs).toBe(false)
    }
    // The full render undid the edit of the Pod.
    expect(manifestOf(dir)).toBe(written)
  })

  it('leaves a manifest whose documents are unchanged as it is, whatever inputs line it has', async () => {
    const dir = repo(MONOREPO)
    await renderIn(dir)
    const bare = withoutInputsLine(manifestOf(dir))
    writeFileSync(path.join(dir, 'deploy/manifest.yaml'), bare)
    const run = await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
    expect(run.changed).toBe(false)
    expect(manifestOf(dir)).toBe(bare)
  })

  it('is not used when a setting changed, and the changed Pods are rendered', async () => {
    const dir = repo(MONOREPO)
    await renderIn(dir)
    const run = await renderIn(dir, { namespace: 'builds' }, { GITHUB_SHA: SHA_B })
    expect(run.changed).toBe(true)
    expect(run.sameInputs).toBe(false)
    expect(manifestOf(dir)).toContain('namespace: builds')
  })
})
