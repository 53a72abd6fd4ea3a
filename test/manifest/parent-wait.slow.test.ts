/**
 * `ordering: registry`, run for real: a child's check container, as rendered (PodSandbox), waits for
 * its in-repo parent's content-tagged image in a real registry (Debian's docker-registry) with
 * Debian's skopeo, on 127.0.0.1, before its own check; and `ordering: sync-waves` waits for nothing.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FORCE_IMAGE_LABEL } from '../../src/manifest/annotations.js'
import { startFaultProxy } from '../support/fault-proxy.js'
import { parseManifest } from '../support/k8s.js'
import { type ContainerResult, PodSandbox } from '../support/pod-runner.js'
import { buildOciLayout, type RunningRegistry, runSkopeo, startRegistry } from '../support/registry.js'
import { renderIn } from '../support/render.js'
import { makeTree } from '../support/repo.js'

const cleanups: (() => void | Promise<void>)[] = []
let plain: RunningRegistry
let scratch: string
/** An image the other registry tests push too, copied under a parent's name and tag with skopeo copy. */
let seed: string

beforeAll(async () => {
  plain = await startRegistry()
  cleanups.push(() => plain.stop())
  scratch = mkdtempSync(path.join(tmpdir(), 'parent-wait-'))
  cleanups.push(() => rmSync(scratch, { recursive: true, force: true }))
  await plain.pushImage('team/seed', 'v1')
  seed = `${plain.host}/team/seed:v1`
}, 60_000)

afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

/** Copies the seed image (or an image with `labels`) to `reference` in the registry, as a finished build of the parent would push it. */
async function pushAs(reference: string, labels?: Record<string, string>): Promise<void> {
  const policy = path.join(scratch, 'policy.json')
  writeFileSync(policy, JSON.stringify({ default: [{ type: 'insecureAcceptAnything' }] }))
  let source = `docker://${seed}`
  if (labels) {
    const layout = mkdtempSync(path.join(scratch, 'layout-'))
    await buildOciLayout(layout, 'built', `${reference}\n`, labels)
    source = `oci:${layout}:built`
  }
  const args = ['--policy', policy, 'copy', '--quiet', '--src-tls-verify=false', '--dest-tls-verify=false']
  const copied = await runSkopeo([...args, source, `docker://${reference}`])
  if (copied.code !== 0) throw new Error(`skopeo copy to ${reference} failed: ${copied.stderr}`)
}

let counter = 0
interface Child {
  sandbox: PodSandbox
  /** `<registry>/<name>:<tag>` of the parent and of the child. */
  parent: string
  image: string
  // biome-ignore lint/suspicious/noExplicitAny: a parsed Pod, checked by the assertions
  pod: any
  // biome-ignore lint/suspicious/noExplicitAny: the parent's Pod, as rendered
  parentPod: any
}

/**
 * Renders a repository whose app builds FROM its base (each call its own tags) with images under
 * `host/team`, and returns the app's Pod in a sandbox.
 */
async function renderChild(host: string, inputs: Record<string, string> = {}, dockerConfig = '{"auths":{}}'): Promise<Child> {
  const n = ++counter
  const tree = makeTree({
    'base/Dockerfile': `FROM alpine:3.20\n# ${n}\n`,
    'app/Dockerfile': `ARG BASE=${host}/team/base\nFROM $BASE\n# ${n}\n`,
  })
  cleanups.push(tree.cleanup)
  const outcome = await renderIn(tree.dir, { registry: `${host}/team`, 'insecure-registry': 'true', ...inputs })
  const byName = (name: string) => outcome.images.find((i) => i.name === name) ?? expect.fail(`no image ${name}`)
  const sandbox = new PodSandbox(outcome.manifest, byName('app').pod, { 'docker-config-secret': { '.dockerconfigjson': dockerConfig } })
  cleanups.push(() => sandbox.cleanup())
  // biome-ignore lint/suspicious/noExplicitAny: parsed Kubernetes documents
  const parentPod = (parseManifest(outcome.manifest) as any[]).find((d) => d.kind === 'Pod' && d.metadata.name === byName('base').pod)
  return { sandbox, parent: byName('base').image, image: byName('app').image, pod: sandbox.pod, parentPod }
}

/** Short pauses between looks; the timeout is the rendered one unless given. */
const FAST = { PARENT_BACKOFF_SECONDS: '1', PARENT_BACKOFF_MAX_SECONDS: '2', CHECK_ATTEMPTS: '2', CHECK_BACKOFF_SECONDS: '0' }

function runInit(child: Child, env: Record<string, string> = {}, shell?: string[], timeoutMs?: number): Promise<ContainerResult> {
  return child.sandbox.run('kaniko-init', { env: { ...FAST, ...env }, ...(shell ? { shell } : {}), ...(timeoutMs ? { timeoutMs } : {}) })
}

/** A TCP server on 127.0.0.1 that accepts connections and never answers (a hung registry or proxy). */
async function startSilentListener(): Promise<{ host: string; connections: () => number }> {
  const sockets: net.Socket[] = []
  const server = net.createServer((socket) => void sockets.push(socket))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  )
  return { host: `127.0.0.1:${(server.address() as net.AddressInfo).port}`, connections: () => sockets.length }
}

const decisionFile = (child: Child) => path.join(child.sandbox.volume('state'), 'decision')
const decision = (child: Child) => readFileSync(decisionFile(child), 'utf8').trim()
const waits = (result: ContainerResult) => result.log.split('\n').filter((line) => line.includes('waiting for the parent image'))

const SHELLS: [string, string[]][] = [
  ['dash', ['sh']],
  ['busybox sh', ['busybox', 'sh']],
]

describe.each(SHELLS)('ordering: registry, a child whose parent image is in-repo, under %s', (_name, shell) => {
  it('parent present: goes on to its own check at once (skips an image that exists, builds one that does not)', async () => {
    const child = await renderChild(plain.host)
    await pushAs(child.parent)
    const started = Date.now()
    const built = await runInit(child, {}, shell)
    expect(built.code).toBe(0)
    expect(decision(child)).toBe('build missing')
    expect(waits(built)).toEqual([])
    expect(built.log).toContain(`kaniko-init: the parent image ${child.parent} is in the registry\n`)
    expect(Date.now() - started).toBeLessThan(10_000)
    const digest = await plain.pushImage(
      child.image.slice(plain.host.length + 1, child.image.lastIndexOf(':')),
      child.image.split(':').at(-1) as string,
    )
    const skipped = await runInit(child, {}, shell)
    expect(skipped.code).toBe(0)
    expect(decision(child)).toBe(`skip ${digest}`)
  })

  it('parent pushed while the child waits: polls until it is there, then goes on', async () => {
    const child = await renderChild(plain.host)
    const running = runInit(child, {}, shell)
    // Pushed after the first looks (at 0 s and 1 s) found nothing.
    await new Promise((resolve) => setTimeout(resolve, 2500))
    expect(existsSync(decisionFile(child))).toBe(false)
    await pushAs(child.parent)
    const result = await running
    expect(result.code).toBe(0)
    expect(decision(child)).toBe('build missing')
    expect(waits(result).length).toBeGreaterThanOrEqual(2)
    expect(waits(result)[0]).toMatch(
      new RegExp(
        `^kaniko-init: waiting for the parent image ${escapeRegExp(child.parent)} \\([0-9]+s so far, next look in 1s\\): .*manifest unknown`,
      ),
    )
    expect(result.log).toContain(`kaniko-init: the parent image ${child.parent} is in the registry\n`)
  })

  it('parent never pushed: fails after parent-timeout, naming the parent and the time waited, and decides nothing', async () => {
    const child = await renderChild(plain.host, { 'parent-timeout': '3s' })
    const started = Date.now()
    const result = await runInit(child, {}, shell)
    const seconds = (Date.now() - started) / 1000
    expect(result.code).toBe(1)
    // The script counts whole seconds of the clock: 3 of them can pass in a little over 2 s.
    expect(seconds).toBeGreaterThanOrEqual(2)
    expect(seconds).toBeLessThan(15)
    expect(result.log.trimEnd().split('\n').at(-1)).toMatch(
      new RegExp(
        `^kaniko-init: ERROR: the parent image ${escapeRegExp(child.parent)} is not in the registry after [34]s \\(parent-timeout 3s\\)`,
      ),
    )
    expect(existsSync(decisionFile(child))).toBe(false)
    const build = await child.sandbox.run('image-builder', { shell: ['busybox', 'sh'] })
    expect(build.code).toBe(1)
  })
})

describe('ordering: registry, answer by answer', () => {
  it('a child forced alone waits for the tag of its parent, and builds once the tag is there', async () => {
    const child = await renderChild(plain.host, { 'force-images': 'app', 'parent-timeout': '2s' })
    const env = child.pod.spec.initContainers[0].env
    expect(env).toContainEqual({ name: 'FORCE_BUILD', value: 'Y' })
    expect(env.map((e: { name: string }) => e.name)).not.toContain('FORCED_PARENT_IMAGES')
    const missing = await runInit(child)
    expect(missing.code).toBe(1)
    expect(missing.log).toContain(`ERROR: the parent image ${child.parent} is not in the registry`)
    expect(existsSync(decisionFile(child))).toBe(false)
    // An image built by no forced run (no label) will do: the parent is not forced.
    await pushAs(child.parent)
    const present = await runInit(child)
    expect(present.code).toBe(0)
    expect(decision(child)).toBe('build forced')
  })

  it.each([
    ['force-build: true', { 'force-build': 'true' }],
    ['force-images: base,app', { 'force-images': 'base,app' }],
  ])(
    '%s: the forced child waits for the build of its parent by this run (its label), not for an older one under the tag',
    async (_name, inputs) => {
      const child = await renderChild(plain.host, { ...inputs, 'parent-timeout': '30s' })
      const env = child.pod.spec.initContainers[0].env
      const nonce = env.find((e: { name: string }) => e.name === 'FORCE_NONCE')?.value
      expect(nonce).toMatch(/^[0-9]+-[0-9]+$/)
      expect(env).toContainEqual({ name: 'FORCED_PARENT_IMAGES', value: child.parent })
      // The parent's forced build labels its image with the same nonce.
      expect(child.parentPod.spec.containers[0].args).toContain(`--label=${FORCE_IMAGE_LABEL}=${nonce}`)
      // In the registry: the parent's content tag, built before (no label), then by another forced run.
      await pushAs(child.parent)
      const running = runInit(child)
      await new Promise((resolve) => setTimeout(resolve, 2000))
      await pushAs(child.parent, { [FORCE_IMAGE_LABEL]: `${nonce}0` })
      await new Promise((resolve) => setTimeout(resolve, 2500))
      expect(existsSync(decisionFile(child))).toBe(false)
      await pushAs(child.parent, { [FORCE_IMAGE_LABEL]: nonce, other: 'x' })
      const result = await running
      expect(result.code, result.log).toBe(0)
      expect(decision(child)).toBe('build forced')
      expect(waits(result).length).toBeGreaterThanOrEqual(2)
      expect(result.log).toContain(`kaniko-init: the parent image ${child.parent} is in the registry\n`)
    },
  )

  it('a forced child whose forced parent has only an older build fails at the timeout, saying so', async () => {
    const child = await renderChild(plain.host, { 'force-build': 'true', 'parent-timeout': '2s' })
    await pushAs(child.parent)
    const result = await runInit(child)
    expect(result.code).toBe(1)
    expect(existsSync(decisionFile(child))).toBe(false)
    expect(result.log.trimEnd().split('\n').at(-1)).toContain(`ERROR: the parent image ${child.parent} is still an older build`)
  })

  it.each([
    [401, /unauthorized|authentication required/],
    [403, /denied|DENIED|forbidden/i],
  ])('a refusal (%i, as some registries answer for a repository not there yet) is taken as not yet', async (status, error) => {
    const proxy = await startFaultProxy(plain.host, 2, status)
    cleanups.push(() => proxy.close())
    const child = await renderChild(proxy.host, { 'parent-timeout': '20s' })
    await pushAs(child.parent.replace(proxy.host, plain.host))
    const result = await runInit(child)
    expect(result.code).toBe(0)
    expect(decision(child)).toBe('build missing')
    expect(waits(result)[0], result.log).toMatch(error)
    // One warning, at the first refusal: a refusal is taken as not yet.
    const warnings = result.log.split('\n').filter((line) => line.includes('WARNING'))
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain(`refused the check's credentials for the parent image ${child.parent}`)
  })

  it('another error (a 503, then the registry answers) is logged, and the child keeps looking', async () => {
    const proxy = await startFaultProxy(plain.host, 2, 503)
    cleanups.push(() => proxy.close())
    const child = await renderChild(proxy.host, { 'parent-timeout': '20s' })
    await pushAs(child.parent.replace(proxy.host, plain.host))
    const result = await runInit(child)
    expect(result.code).toBe(0)
    expect(decision(child)).toBe('build missing')
    expect(result.log).toMatch(
      new RegExp(
        `kaniko-init: WARNING: cannot ask the registry for the parent image ${escapeRegExp(child.parent)} \\([0-9]+s so far, next look in 1s\\): .*503`,
      ),
    )
    expect(proxy.requests.filter((line) => line.includes('/v2/team/base/manifests/')).at(-1)).toMatch(/-> 200$/)
  })

  it('an unreachable registry is logged on every look until the timeout, then fails', async () => {
    const stopped = await startRegistry()
    await stopped.stop()
    const child = await renderChild(stopped.host, { 'parent-timeout': '3s' })
    const result = await runInit(child)
    expect(result.code).toBe(1)
    expect(result.log).toMatch(/WARNING: cannot ask the registry for the parent image .*connection refused/)
    expect(result.log).toContain(`ERROR: the parent image ${child.parent} is not in the registry after`)
  })

  it('a registry that accepts and never answers: the wait ends at parent-timeout (each look bounded by the time left), naming the parent', async () => {
    const silent = await startSilentListener()
    const child = await renderChild(silent.host, { 'parent-timeout': '3s' })
    const started = Date.now()
    const result = await runInit(child, {}, undefined, 30_000)
    const seconds = (Date.now() - started) / 1000
    expect(result.code, result.log).toBe(1)
    expect(seconds).toBeLessThan(3 + 5)
    expect(silent.connections()).toBeGreaterThan(0)
    expect(result.log.trimEnd().split('\n').at(-1)).toContain(`ERROR: the parent image ${child.parent} is not in the registry after`)
    expect(existsSync(decisionFile(child))).toBe(false)
  })

  it('a registry that accepts and never answers: the own check gives up after its tries of CHECK_TIMEOUT_SECONDS each', async () => {
    const silent = await startSilentListener()
    const child = await renderChild(silent.host, { ordering: 'sync-waves' })
    const started = Date.now()
    const result = await runInit(child, { CHECK_TIMEOUT_SECONDS: '2' }, undefined, 30_000)
    const seconds = (Date.now() - started) / 1000
    expect(result.code, result.log).toBe(1)
    expect(seconds).toBeGreaterThanOrEqual(2 * 2)
    expect(seconds).toBeLessThan(2 * 2 + 5)
    expect(result.log).toContain(`ERROR: cannot reach the registry for ${child.image} after 2 attempts`)
    expect(existsSync(decisionFile(child))).toBe(false)
  })

  it('credentials the registry refuses: the wait ends at parent-timeout blaming the credentials, not the parent build', async () => {
    const secured = await startRegistry({ auth: { username: 'builder', password: 'right-password' } })
    cleanups.push(() => secured.stop())
    const wrong = JSON.stringify({ auths: { [secured.host]: { auth: Buffer.from('builder:wrong-password').toString('base64') } } })
    const child = await renderChild(secured.host, { 'parent-timeout': '3s' }, wrong)
    const [repository, tag] = [child.parent.slice(secured.host.length + 1, child.parent.lastIndexOf(':')), child.parent.split(':').at(-1)]
    await secured.pushImage(repository, tag as string)
    const result = await runInit(child)
    expect(result.code).toBe(1)
    expect(existsSync(decisionFile(child))).toBe(false)
    const last = result.log.trimEnd().split('\n').at(-1)
    expect(last).toContain('ERROR: parent-refused:')
    expect(last).toContain(child.parent)
    expect(result.log.split('\n').filter((line) => line.includes('WARNING'))).toHaveLength(1)
    // The same Pod with credentials the registry takes goes on at once.
    const right = await renderChild(secured.host, {}, readFileSync(path.join(secured.dockerConfigDir, 'config.json'), 'utf8'))
    await secured.pushImage(
      right.parent.slice(secured.host.length + 1, right.parent.lastIndexOf(':')),
      right.parent.split(':').at(-1) as string,
    )
    const accepted = await runInit(right)
    expect(accepted.code, accepted.log).toBe(0)
    expect(decision(right)).toBe('build missing')
  })

  it('tunables that are not whole seconds stop the check before any arithmetic', async () => {
    const child = await renderChild(plain.host)
    const marker = path.join(scratch, 'pwned')
    const result = await runInit(child, { PARENT_BACKOFF_SECONDS: `a[$(touch ${marker})]` }, ['bash'])
    expect(result.code).toBe(1)
    expect(result.log).toContain('ERROR: PARENT_BACKOFF_SECONDS is')
    expect(existsSync(marker)).toBe(false)
    const check = await runInit(child, { CHECK_TIMEOUT_SECONDS: '1m' })
    expect(check.code).toBe(1)
    expect(check.log).toContain("ERROR: CHECK_TIMEOUT_SECONDS is '1m'")
  })
})

describe('ordering: sync-waves', () => {
  it('the child keeps its sync wave and checks its own image at once, parent or not', async () => {
    const child = await renderChild(plain.host, { ordering: 'sync-waves' })
    expect(child.pod.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('1')
    const started = Date.now()
    const result = await runInit(child, { PARENT_BACKOFF_SECONDS: '5' })
    expect(result.code).toBe(0)
    expect(decision(child)).toBe('build missing')
    expect(result.log).toBe(`kaniko-init: ${child.image} is not in the registry: building\n`)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('under registry ordering the same child has no sync wave', async () => {
    const child = await renderChild(plain.host)
    expect(child.pod.metadata.annotations['argocd.argoproj.io/sync-wave']).toBeUndefined()
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
