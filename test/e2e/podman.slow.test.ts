/**
 * A rendered build Pod run by a real container runtime: `podman kube play` of the manifest's ConfigMap
 * and Pod (adapted only where podman is not a Kubernetes node: test/support/podman.ts, adaptForPodman),
 * with images built on this machine (Debian's skopeo as the check image, a stand-in executor that
 * pushes with skopeo), against Debian's docker-registry with htpasswd on 127.0.0.1. It checks what the
 * Pod does with real mounts, users, read-only root filesystems and container ordering, which the
 * scripts-only PodSandbox (test/support/pod-runner.ts) takes on trust.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { STATE_DIR } from '../../src/manifest/pod.js'
import { documentsByName, parseManifest } from '../support/k8s.js'
import { adaptForPodman, IMAGES, type Podman, podmanMissing, podmanSecrets, startPodman } from '../support/podman.js'
import { type RunningRegistry, runSkopeo, skopeoAuthArgs, skopeoTlsArgs, startRegistry } from '../support/registry.js'
import { renderIn } from '../support/render.js'
import { makeTree } from '../support/repo.js'

// biome-ignore lint/suspicious/noExplicitAny: parsed Kubernetes documents
type Doc = any

const missing = podmanMissing()
if (missing) console.warn(`test/e2e/podman.slow.test.ts skipped: ${missing}`)
const USER = { username: 'builder', password: 'podman test password' }
const REGISTRY_SECRET = 'registry-credentials'
let registry: RunningRegistry
let podman: Podman
const cleanups: (() => unknown)[] = []

beforeAll(async () => {
  if (missing) return
  const started = Date.now()
  const [r, p] = await Promise.allSettled([startRegistry({ auth: USER }), startPodman()])
  if (r.status === 'fulfilled') cleanups.push(() => r.value.stop())
  if (p.status === 'fulfilled') cleanups.push(() => p.value.cleanup())
  if (r.status === 'rejected') throw r.reason
  if (p.status === 'rejected') throw p.reason
  registry = r.value
  podman = p.value
  console.info(`podman set up and images built in ${Date.now() - started} ms`)
}, 120_000)

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

/** The manifest digest of a tag as the registry serves it, read with skopeo and the registry's credentials. */
async function registryDigest(image: string): Promise<string | undefined> {
  const r = await runSkopeo(['inspect', '--raw', ...skopeoTlsArgs(registry), ...skopeoAuthArgs(registry), `docker://${image}`])
  if (r.code !== 0) {
    if (/manifest unknown/i.test(r.stderr)) return undefined
    throw new Error(`skopeo inspect ${image}: ${r.stderr}`)
  }
  return `sha256:${createHash('sha256').update(r.stdout).digest('hex')}`
}

interface PodRun {
  /** Exit code of each container, init containers first. */
  exitCodes: Record<string, number>
  logs: Record<string, string>
  /** What the init container left for the builder in the state volume. */
  decision: string
}

/** Plays the ConfigMap and the Pod as podman gets them, waits until every container has exited, and reads what they left. */
async function playPod(yaml: string, pod: Doc, secrets: Map<string, string>): Promise<PodRun> {
  for (const [name, content] of secrets) await podman.createSecret(name, content)
  const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers]
  try {
    await podman.play(yaml)
  } catch (e) {
    // kube play fails when an init container fails: say what the containers wrote.
    const logs = await Promise.all(containers.map(async (c: Doc) => `${c.name}: ${await podman.logs(pod.metadata.name, c.name)}`))
    throw new Error(`${(e as Error).message}\n${logs.join('\n')}`)
  }
  const states = await podman.waitForPod(pod)
  const exitCodes: Record<string, number> = {}
  const logs: Record<string, string> = {}
  for (const [name, state] of states) {
    exitCodes[name] = state.exitCode
    logs[name] = await podman.logs(pod.metadata.name, name)
  }
  // podman keeps an emptyDir as a volume named after it until the volumes are removed.
  const stateVolume = containers.find((c: Doc) => c.name === 'kaniko-init').volumeMounts.find((m: Doc) => m.mountPath === STATE_DIR).name
  const mountpoint = await podman.run(['volume', 'inspect', '--format', '{{.Mountpoint}}', stateVolume])
  const decision = readFileSync(path.join(mountpoint.stdout.trim(), 'decision'), 'utf8').trim()
  await podman.removePodAndVolumes(pod.metadata.name)
  return { exitCodes, logs, decision }
}

describe.skipIf(missing !== undefined)(`a rendered build Pod under podman kube play${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('builds and pushes when the image is missing, then skips it on a second run of the same Pod', async () => {
    const tree = makeTree({ 'app/Dockerfile': 'FROM alpine:3.20\nRUN echo built\n' })
    cleanups.push(tree.cleanup)
    const outcome = await renderIn(tree.dir, {
      registry: `${registry.host}/team`,
      'insecure-registry': 'true',
      'registry-secret': REGISTRY_SECRET,
      'executor-image': IMAGES.executor,
      'check-image': IMAGES.check,
    })
    const [image] = outcome.images
    if (!image) throw new Error('nothing rendered')
    const rendered = parseManifest(outcome.manifest) as Doc[]
    const pod = rendered.find((d) => d.kind === 'Pod' && d.metadata.name === image.pod)
    const configMaps = [...documentsByName(outcome.manifest)].filter(([key]) => key.startsWith('ConfigMap/')).map(([, text]) => text)
    expect(configMaps).toHaveLength(1)
    // The ConfigMap as the manifest has it; the Pod with podman's adaptations only.
    const yaml = `${configMaps.map((text) => `---${text}`).join('')}---\n${stringify(adaptForPodman(pod))}`
    // The registry secret as a user creates it (kubectl create secret docker-registry): the config.json
    // that the registry's credentials make.
    const dockerConfigJson = readFileSync(path.join(registry.dockerConfigDir, 'config.json'), 'utf8')
    const secrets = podmanSecrets(pod, { [REGISTRY_SECRET]: { '.dockerconfigjson': dockerConfigJson } })
    const containers = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c: Doc) => c.name as string)
    // Every container, init containers included, ends with 0 (the Pod is Succeeded).
    const allZero = Object.fromEntries(containers.map((name) => [name, 0]))
    expect(await registryDigest(image.image)).toBeUndefined()

    const first = await playPod(yaml, pod, secrets)
    expect(first.exitCodes, JSON.stringify(first.logs)).toEqual(allZero)
    expect(first.decision).toBe('build missing')
    const pushed = await registryDigest(image.image)
    expect(pushed).toMatch(/^sha256:[0-9a-f]{64}$/)
    // The digest the builder reports is the one the registry now serves under the content tag.
    expect(first.logs['image-builder']).toContain(`stand-in executor: pushed ${image.image}@${pushed}`)

    const second = await playPod(yaml, pod, secrets)
    expect(second.exitCodes, JSON.stringify(second.logs)).toEqual(allZero)
    expect(second.decision).toBe(`skip ${pushed}`)
    expect(second.logs['image-builder']).not.toContain('stand-in executor')
    // Nothing was pushed again: every build of the stand-in pushes a new digest.
    expect(await registryDigest(image.image)).toBe(pushed)
  })
})
