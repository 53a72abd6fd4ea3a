import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ACTION, githubEnv, inputEnv } from '../support/action-env.js'
import { validateManifest } from '../support/k8s.js'
import { makeGitRepo } from '../support/repo.js'
import { nodeBinaries, runAction } from '../support/run-action.js'

const scratch = mkdtempSync(path.join(tmpdir(), 'kaniko-gitops-e2e-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe.each(nodeBinaries())('the committed dist/index.js under %s', (_label, node) => {
  const repo = makeGitRepo({
    'services/api/Dockerfile': 'FROM alpine:3.20\n',
    'services/web/Dockerfile': 'FROM nginx:1.27\n',
    'images/a/cuda/Dockerfile': 'FROM nvidia/cuda:12.6.3-base-ubuntu24.04\n',
    'images/b/cuda/Dockerfile': 'FROM nvidia/cuda:12.6.3-base-ubuntu22.04\n',
  })
  afterAll(repo.cleanup)
  const env = (inputs: Record<string, string> = {}) => ({
    ...inputEnv({ mode: 'render', registry: 'registry.kaniko.svc:5000/team', ...inputs }),
    ...githubEnv(repo.dir, { GITHUB_SHA: repo.sha }),
  })
  const manifest = () => readFileSync(path.join(repo.dir, 'deploy/manifest.yaml'), 'utf8')

  it('renders the manifest, sets its outputs and writes the job summary', async () => {
    const run = await runAction(node, env(), scratch)
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(Object.keys(run.outputs).sort()).toEqual(['changed', 'images', 'manifest', 'result'])
    for (const name of Object.keys(run.outputs)) expect(Object.keys(ACTION.outputs)).toContain(name)
    expect(run.outputs.result).toBe('rendered')
    expect(run.outputs.changed).toBe('true')
    expect(run.outputs.manifest).toBe('deploy/manifest.yaml')
    const images = JSON.parse(run.outputs.images as string) as Array<Record<string, unknown>>
    expect(images.map((i) => i.name)).toEqual(['a-cuda', 'api', 'b-cuda', 'web'])
    for (const image of images) {
      expect(Object.keys(image).sort()).toEqual(['dockerfile', 'forced', 'image', 'name', 'pod', 'sha256', 'status', 'tag'])
      expect(manifest()).toContain(`name: ${image.pod as string}\n`)
    }
    expect(validateManifest(manifest())).toEqual([])
    expect(run.summary).toContain('<table>')
    expect(run.summary).toContain('registry.kaniko.svc:5000/team/api:')
    for (const group of ['Discover Dockerfiles', 'Hash', 'Plan', 'Render', 'Write manifest'])
      expect(run.stdout).toContain(`::group::${group}`)
  })

  it('writes a byte-identical manifest on the next run and says it did not change', async () => {
    const first = manifest()
    const run = await runAction(node, env(), scratch)
    expect(run.status).toBe(0)
    expect(run.outputs.changed).toBe('false')
    expect(manifest()).toBe(first)
    // The bundle knows its own code: the same inputs take the manifest as it is, with the outputs of a full render.
    expect(run.stdout).toContain('The manifest was rendered from these same inputs')
    writeFileSync(path.join(repo.dir, 'deploy/manifest.yaml'), first.replace(/^# inputs: .*\n/m, ''))
    const full = await runAction(node, env(), scratch)
    expect(full.stdout).not.toContain('The manifest was rendered from these same inputs')
    expect(full.outputs).toEqual(run.outputs)
    writeFileSync(path.join(repo.dir, 'deploy/manifest.yaml'), first)
    expect((JSON.parse(run.outputs.images as string) as Array<{ status: string }>).map((i) => i.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ])
  })

  it('fails with an annotation that names the input, and writes nothing', async () => {
    const before = manifest()
    const run = await runAction(node, env({ registry: 'https://docker.io/acme', output: 'other/manifest.yaml' }), scratch)
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      "::error::Input 'registry' has the value 'https://docker.io/acme': expected a registry prefix such as docker.io/acme, but it has a URL scheme",
    )
    expect(existsSync(path.join(repo.dir, 'other'))).toBe(false)
    expect(manifest()).toBe(before)
  })

  it('refuses diff mode outside a pull request, saying what it needs', async () => {
    const run = await runAction(node, env({ mode: 'diff' }), scratch)
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      "::error::Input 'mode' has the value 'diff': Diff mode compares a pull request with the manifest on its base branch, and needs the pull request from the payload of a pull_request or pull_request_target event; this run got a 'push' event.",
    )
  })
})
