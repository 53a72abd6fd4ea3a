/**
 * The Pod's identity inputs, rendered: service-account, credential-helpers and an empty
 * registry-secret, each schema-checked, and the default Pod without any of them.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseManifest, validateManifest } from '../support/k8s.js'
import { renderIn } from '../support/render.js'
import { tempTrees } from '../support/repo.js'

const { tree: repo } = tempTrees()
// Parsed YAML is checked by assertions, not by types.
// biome-ignore lint/suspicious/noExplicitAny: test access to parsed documents
type Doc = any

const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com'
const EXECUTOR = 'ghcr.io/osscontainertools/kaniko:v1.28.0-debug'

/** The manifest's text and its one Pod, rendered with `inputs` (schema problems must be none). */
async function renderPod(inputs: Record<string, string>): Promise<{ text: string; pod: Doc }> {
  const dir = repo({ 'services/api/Dockerfile': 'FROM alpine:3.20\n' })
  await renderIn(dir, inputs)
  const text = readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')
  expect(validateManifest(text)).toEqual([])
  const pods = parseManifest(text).filter((d) => d.kind === 'Pod')
  expect(pods).toHaveLength(1)
  return { text, pod: pods[0] }
}

const container = (pod: Doc, name: string): Doc =>
  [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((c: Doc) => c.name === name)
const envOf = (c: Doc): Record<string, string> => Object.fromEntries(c.env.map((e: Doc) => [e.name, e.value]))
const volume = (pod: Doc, name: string): Doc => pod.spec.volumes.find((v: Doc) => v.name === name)
const mountsOf = (c: Doc): [string, string][] => c.volumeMounts.map((m: Doc) => [m.name, m.mountPath])

describe('service-account', () => {
  it('runs the Pod as that account with its token mounted; empty: no account named and no token', async () => {
    const named = (await renderPod({ 'service-account': 'image-builder' })).pod
    expect(named.spec.serviceAccountName).toBe('image-builder')
    expect(named.spec.automountServiceAccountToken).toBe(true)
    const { pod } = await renderPod({})
    expect(pod.spec).not.toHaveProperty('serviceAccountName')
    expect(pod.spec.automountServiceAccountToken).toBe(false)
    expect(pod.spec.initContainers.map((c: Doc) => c.name)).toEqual(['kaniko-init'])
    expect(volume(pod, 'docker-config').secret).toEqual({
      secretName: 'docker-config-secret',
      items: [{ key: '.dockerconfigjson', path: 'config.json' }],
      optional: true,
    })
  })
})

describe("registry-secret ''", () => {
  it('mounts no secret at all', async () => {
    const { pod, text } = await renderPod({ 'registry-secret': '' })
    expect(pod.spec.volumes.map((v: Doc) => v.name)).toEqual(['state', 'scripts'])
    for (const name of ['kaniko-init', 'image-builder'])
      expect(mountsOf(container(pod, name)).map(([n]) => n)).toEqual(['state', 'scripts'])
    expect(text).not.toContain('secretName')
  })

  it('tells the check where its credentials come from: none, the secret, or kaniko-setup', async () => {
    const credentials = async (inputs: Record<string, string>) =>
      envOf(container((await renderPod(inputs)).pod, 'kaniko-init')).REGISTRY_CREDENTIALS
    expect(await credentials({ 'registry-secret': '' })).toBe('none')
    expect(await credentials({})).toBe('secret')
    expect(await credentials({ 'credential-helpers': 'europe-docker.pkg.dev=gcr' })).toBe('helpers')
    expect(await credentials({ 'credential-helpers': 'europe-docker.pkg.dev=gcr', 'registry-secret': '' })).toBe('helpers')
  })
})

describe('credential-helpers', () => {
  const HELPERS = `${ECR}=ecr-login\neurope-docker.pkg.dev=gcr`

  it('adds kaniko-setup first, from the executor image, writing the config both other containers read', async () => {
    const { pod } = await renderPod({ registry: `${ECR}/team`, 'credential-helpers': HELPERS, 'service-account': 'image-builder' })
    expect(pod.spec.initContainers.map((c: Doc) => c.name)).toEqual(['kaniko-setup', 'kaniko-init'])
    const setup = container(pod, 'kaniko-setup')
    expect(setup.image).toBe(EXECUTOR)
    expect(setup.command).toEqual(['/busybox/sh', '/kaniko-gitops-scripts/setup.sh'])
    expect(setup.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false })
    const env = envOf(setup)
    expect(JSON.parse(env.CREDENTIAL_HELPERS as string)).toEqual({ [ECR]: 'ecr-login', 'europe-docker.pkg.dev': 'gcr' })
    expect(env.CREDENTIAL_HELPER_NAMES).toBe('ecr-login gcr')
    expect(env.REGISTRY_SECRET_CONFIG).toBe('/kaniko-gitops-secret/config.json')
    // The secret is read by kaniko-setup alone; the others read the config it writes.
    expect(mountsOf(setup)).toEqual([
      ['docker-config', '/kaniko/.docker'],
      ['credential-helpers', '/kaniko-gitops-helpers'],
      ['scripts', '/kaniko-gitops-scripts'],
      ['registry-secret', '/kaniko-gitops-secret'],
    ])
    // Optional: a missing secret leaves the folder empty instead of holding the Pod in ContainerCreating.
    expect(volume(pod, 'registry-secret').secret).toEqual({
      secretName: 'docker-config-secret',
      items: [{ key: '.dockerconfigjson', path: 'config.json' }],
      optional: true,
    })
    expect(volume(pod, 'docker-config')).toEqual({ name: 'docker-config', emptyDir: { medium: 'Memory', sizeLimit: '2Mi' } })
    expect(volume(pod, 'credential-helpers')).toEqual({ name: 'credential-helpers', emptyDir: { sizeLimit: '256Mi' } })
    const check = container(pod, 'kaniko-init')
    const builder = container(pod, 'image-builder')
    expect(mountsOf(check)).toContainEqual(['credential-helpers', '/kaniko-gitops-helpers'])
    for (const c of [check, builder]) {
      expect(c.volumeMounts).toContainEqual({ name: 'docker-config', mountPath: '/kaniko/.docker', readOnly: true })
      expect(mountsOf(c).map(([n]) => n)).not.toContain('registry-secret')
      expect(envOf(c).DOCKER_CONFIG).toBe('/kaniko/.docker')
    }
    expect(envOf(check)).toMatchObject({
      CREDENTIAL_HELPERS_DIR: '/kaniko-gitops-helpers',
      CREDENTIAL_HELPER_NAMES: 'ecr-login gcr',
      CREDENTIAL_HELPER: 'ecr-login',
    })
    // The check runs in the same Pod, so as the same account as the push.
    expect(pod.spec.serviceAccountName).toBe('image-builder')
  })

  it('without a secret: no secret volume, the config holds the helpers alone', async () => {
    const { pod, text } = await renderPod({ registry: `${ECR}/team`, 'credential-helpers': HELPERS, 'registry-secret': '' })
    expect(pod.spec.volumes.map((v: Doc) => v.name)).toEqual(['docker-config', 'state', 'scripts', 'credential-helpers'])
    expect(envOf(container(pod, 'kaniko-setup'))).not.toHaveProperty('REGISTRY_SECRET_CONFIG')
    expect(text).not.toContain('secretName')
  })

  it('names no helper for the check when the image host has none', async () => {
    const { pod } = await renderPod({ 'credential-helpers': 'europe-docker.pkg.dev=gcr' })
    expect(envOf(container(pod, 'kaniko-init'))).not.toHaveProperty('CREDENTIAL_HELPER')
    expect(envOf(container(pod, 'kaniko-init')).CREDENTIAL_HELPER_NAMES).toBe('gcr')
  })

  it("acr-env labels the Pod for Azure workload identity's webhook; other helpers do not", async () => {
    const azure = await renderPod({ registry: 'myreg.azurecr.io/team', 'credential-helpers': 'myreg.azurecr.io=acr-env' })
    expect(azure.pod.metadata.labels['azure.workload.identity/use']).toBe('true')
    const gcp = await renderPod({ 'credential-helpers': 'europe-docker.pkg.dev=gcr' })
    expect(gcp.pod.metadata.labels).not.toHaveProperty('azure.workload.identity/use')
  })

  it('the layer cache uses the same config: --cache-repo adds no credential of its own', async () => {
    const inputs = { registry: `${ECR}/team`, 'credential-helpers': `${ECR}=ecr-login`, 'registry-secret': '' }
    const plain = (await renderPod(inputs)).pod
    const cached = (await renderPod({ ...inputs, 'cache-repo': `${ECR}/team/cache` })).pod
    const builder = container(cached, 'image-builder')
    expect(builder.args).toContain(`--cache-repo=${ECR}/team/cache`)
    expect(volume(cached, 'docker-config').emptyDir).toBeDefined()
    expect(builder.volumeMounts).toEqual(container(plain, 'image-builder').volumeMounts)
    expect(builder.env).toEqual(container(plain, 'image-builder').env)
    expect(cached.spec.volumes).toEqual(plain.spec.volumes)
  })

  it('sorts the helpers by host, so their order in the input does not change the Pod', async () => {
    const a = await renderPod({ 'credential-helpers': `${ECR}=ecr-login, europe-docker.pkg.dev=gcr` })
    const b = await renderPod({ 'credential-helpers': `europe-docker.pkg.dev=gcr\n${ECR}=ecr-login` })
    expect(b.pod.metadata.name).toBe(a.pod.metadata.name)
  })
})

describe('the cloud examples', () => {
  it.each(['eks-ecr', 'gke-artifact-registry', 'aks-acr'])(
    '%s: its step renders a valid Pod that runs as its ServiceAccount',
    async (folder) => {
      const read = (file: string) => readFileSync(new URL(`../../examples/${folder}/${file}`, import.meta.url), 'utf8')
      const [step] = parse(read('kaniko-gitops.yml')) as { with: Record<string, string> }[]
      const account = parse(read('serviceaccount.yaml')) as Doc
      const { pod } = await renderPod(step?.with ?? {})
      expect(pod.spec.serviceAccountName).toBe(account.metadata.name)
      expect(pod.metadata.namespace).toBe(account.metadata.namespace)
      expect(pod.spec.automountServiceAccountToken).toBe(true)
      expect(pod.spec.volumes.some((v: Doc) => v.secret)).toBe(false)
      expect(pod.spec.initContainers[0].name).toBe('kaniko-setup')
      expect(pod.metadata.labels['azure.workload.identity/use']).toBe(folder === 'aks-acr' ? 'true' : undefined)
    },
  )
})
