/**
 * A multi-arch image's index Pod, run for real: its check (the rendered kaniko-init under dash, with
 * Debian's skopeo) waits for the platform images, then the rendered index-builder runs Debian's
 * buildah (as this machine's root, vfs storage in the Pod's emptyDir) against Debian's
 * docker-registry with htpasswd on 127.0.0.1, with the credentials of the Pod's config.json. The
 * pushed index is read back with skopeo.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PodSandbox } from '../support/pod-runner.js'
import { buildOciLayout, type RunningRegistry, runSkopeo, skopeoAuthArgs, startRegistry } from '../support/registry.js'
import { renderIn } from '../support/render.js'
import { makeTree } from '../support/repo.js'

const USER = { username: 'builder', password: 'index-sentinel-password-7a2f' }
const cleanups: (() => void | Promise<void>)[] = []
let registry: RunningRegistry
let scratch: string

beforeAll(async () => {
  registry = await startRegistry({ auth: USER })
  cleanups.push(() => registry.stop())
  scratch = mkdtempSync(path.join(tmpdir(), 'multi-arch-'))
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }))
}, 60_000)

afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

const FAST = { PARENT_BACKOFF_SECONDS: '1', PARENT_BACKOFF_MAX_SECONDS: '2', CHECK_ATTEMPTS: '2', CHECK_BACKOFF_SECONDS: '0' }

let counter = 0
/** A one-image repository built for amd64 and arm64; the index Pod in a sandbox with the registry's credentials. */
async function renderIndexPod(inputs: Record<string, string> = {}) {
  const tree = makeTree({ 'app/Dockerfile': `FROM alpine:3.20\n# ${++counter}\n` })
  cleanups.push(tree.cleanup)
  const outcome = await renderIn(tree.dir, {
    registry: `${registry.host}/team`,
    'insecure-registry': 'true',
    platforms: 'linux/amd64,linux/arm64',
    'parent-timeout': '60s',
    ...inputs,
  })
  const app = outcome.images[0] ?? expect.fail('no image')
  const config = readFileSync(path.join(registry.dockerConfigDir, 'config.json'), 'utf8')
  const sandbox = new PodSandbox(outcome.manifest, app.pod, { 'docker-config-secret': { '.dockerconfigjson': config } })
  cleanups.push(() => sandbox.cleanup())
  return { app, sandbox }
}

/** Pushes a tiny image for `architecture` to `reference`, as a platform Pod's kaniko would; returns its manifest digest. */
async function pushPlatform(reference: string, architecture: string): Promise<string> {
  const layout = mkdtempSync(path.join(scratch, 'layout-'))
  await buildOciLayout(layout, 'built', `${reference}\n`, undefined, architecture)
  const policy = path.join(scratch, 'policy.json')
  writeFileSync(policy, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }))
  const copy = ['--policy', policy, 'copy', '--quiet', '--dest-tls-verify=false', ...skopeoAuthArgs(registry, 'dest')]
  const copied = await runSkopeo([...copy, `oci:${layout}:built`, `docker://${reference}`])
  if (copied.code !== 0) throw new Error(`skopeo copy to ${reference} failed: ${copied.stderr}`)
  return digestOf(await rawManifest(reference))
}

async function rawManifest(reference: string): Promise<string> {
  const raw = await runSkopeo(['inspect', '--raw', '--tls-verify=false', ...skopeoAuthArgs(registry), `docker://${reference}`])
  if (raw.code !== 0) throw new Error(`skopeo inspect ${reference} failed: ${raw.stderr}`)
  return raw.stdout
}

const digestOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`

describe('a multi-arch image, its index Pod', () => {
  it('waits for the platform images, pushes an OCI index of them with buildah, and skips once the index is there', async () => {
    const { app, sandbox } = await renderIndexPod()
    const amd64 = `${app.image}-linux-amd64`
    const arm64 = `${app.image}-linux-arm64`
    const decision = () => readFileSync(path.join(sandbox.volume('state'), 'decision'), 'utf8').trim()
    // The check starts before any platform image is there, and waits. The arm64 image's config says
    // amd64 (a base image of one architecture can leave it so): the index entry takes its Pod's platform.
    const waiting = sandbox.run('kaniko-init', { env: FAST, shell: ['sh'] })
    await new Promise((resolve) => setTimeout(resolve, 2500))
    const digests = { amd64: await pushPlatform(amd64, 'amd64'), arm64: await pushPlatform(arm64, 'amd64') }
    const checked = await waiting
    expect(checked.code).toBe(0)
    expect(checked.log).toContain(`waiting for the parent image ${amd64}`)
    expect(decision()).toBe('build missing')

    const termination = path.join(scratch, `termination-${counter}`)
    writeFileSync(termination, '')
    const built = await sandbox.run('index-builder', { shell: ['sh'], env: { TERMINATION_LOG: termination }, timeoutMs: 120_000 })
    expect(built.code, built.log).toBe(0)
    expect(built.log).not.toContain(USER.password)

    const raw = await rawManifest(app.image)
    const index = JSON.parse(raw)
    expect(index.mediaType).toBe('application/vnd.oci.image.index.v1+json')
    const entries = index.manifests.map((m: { digest: string; platform: { os: string; architecture: string } }) => ({
      digest: m.digest,
      os: m.platform.os,
      architecture: m.platform.architecture,
    }))
    expect(entries).toEqual([
      { digest: digests.amd64, os: 'linux', architecture: 'amd64' },
      { digest: digests.arm64, os: 'linux', architecture: 'arm64' },
    ])
    // The Pod's status shows the digest of the index it pushed.
    expect(readFileSync(termination, 'utf8').trim()).toBe(digestOf(raw))

    // A later run: the index is there, the check skips and the index-builder pushes nothing.
    const again = await sandbox.run('kaniko-init', { env: FAST, shell: ['sh'] })
    expect(again.code).toBe(0)
    expect(decision()).toBe(`skip ${digestOf(raw)}`)
    const skipped = await sandbox.run('index-builder', { shell: ['sh'] })
    expect(skipped.code).toBe(0)
    expect(skipped.log).toContain(`${app.image} exists`)
  }, 180_000)

  it('fails, pushing no index, when a platform image never comes within parent-timeout', async () => {
    const { app, sandbox } = await renderIndexPod({ 'parent-timeout': '3s' })
    await pushPlatform(`${app.image}-linux-amd64`, 'amd64')
    const checked = await sandbox.run('kaniko-init', { env: FAST, shell: ['sh'] })
    expect(checked.code).toBe(1)
    expect(checked.log).toContain(`the parent image ${app.image}-linux-arm64 is not in the registry`)
    const built = await sandbox.run('index-builder', { shell: ['sh'] })
    expect(built.code).toBe(1)
    const missing = await runSkopeo(['inspect', '--raw', '--tls-verify=false', ...skopeoAuthArgs(registry), `docker://${app.image}`])
    expect(missing.code).not.toBe(0)
  }, 60_000)
})
