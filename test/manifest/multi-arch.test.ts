/**
 * Multi-arch images, rendered: a build Pod per platform and an index Pod (schema-checked), their
 * names, node selectors, tags and waits; the tags and Pods of images without platforms; a render
 * that takes every Pod as it was; children of a multi-arch parent; sync waves; and the errors.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseManifest, validateManifest } from '../support/k8s.js'
import { renderIn } from '../support/render.js'
import { tempTrees } from '../support/repo.js'

const { tree: repo } = tempTrees()
// biome-ignore lint/suspicious/noExplicitAny: test access to parsed documents
type Doc = any

const REGISTRY = 'registry.example.com/acme'
const CONFIG = '.github/kaniko-gitops.yml'

async function render(files: Record<string, string>, inputs: Record<string, string> = {}, dir = repo(files)) {
  const outcome = await renderIn(dir, { config: files[CONFIG] === undefined ? '' : CONFIG, ...inputs })
  const text = readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')
  expect(validateManifest(text)).toEqual([])
  const pods: Doc[] = parseManifest(text).filter((d) => d.kind === 'Pod')
  return { outcome, text, pods, dir }
}

const container = (pod: Doc, name: string): Doc =>
  [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((c: Doc) => c.name === name)
const envOf = (c: Doc): Record<string, string> => Object.fromEntries(c.env.map((e: Doc) => [e.name, e.value]))
const byPrefix = (pods: Doc[], prefix: string): Doc =>
  pods.find((p) => p.metadata.name.slice(0, -11) === prefix) ?? expect.fail(`no Pod ${prefix}-<hash>`)
const tagOf = (image: string) => image.slice(image.lastIndexOf(':') + 1)

const APP = { 'app/Dockerfile': 'FROM alpine:3.20\n' }
const MULTI = { ...APP, [CONFIG]: 'images:\n  app/Dockerfile:\n    platforms: [linux/amd64, linux/arm/v7]\n    extraTags: [latest]\n' }

describe('an image with two platforms', () => {
  it('renders a build Pod per platform on its nodes, pushing the platform tag, and an index Pod that waits for them', async () => {
    const { outcome, pods } = await render(MULTI)
    expect(pods).toHaveLength(3)
    const [app] = outcome.images
    expect(app?.platforms).toEqual(['linux/amd64', 'linux/arm/v7'])
    const index = byPrefix(pods, 'app')
    expect(app?.pod).toBe(index.metadata.name)
    const tag = tagOf(app?.image as string)
    for (const [platform, suffix, arch, tagSuffix] of [
      ['linux/amd64', 'amd64', 'amd64', 'linux-amd64'],
      ['linux/arm/v7', 'armv7', 'arm', 'linux-arm-v7'],
    ] as const) {
      const pod = byPrefix(pods, `app-${suffix}`)
      expect(pod.metadata.labels['app.kubernetes.io/name']).toBe('app')
      expect(pod.metadata.annotations['kaniko-gitops/platform']).toBe(platform)
      expect(pod.metadata.annotations['kaniko-gitops/image']).toBe(`${REGISTRY}/app:${tag}-${tagSuffix}`)
      expect(pod.spec.nodeSelector).toEqual({ 'kubernetes.io/arch': arch, 'kubernetes.io/os': 'linux' })
      const args: string[] = container(pod, 'image-builder').args
      expect(args).toContain(`--custom-platform=${platform}`)
      // The platform Pod pushes its platform tag alone: the extra tags name the index.
      expect(args.filter((a) => a.startsWith('--destination='))).toEqual([`--destination=${REGISTRY}/app:${tag}-${tagSuffix}`])
      expect(envOf(container(pod, 'kaniko-init')).DOCKER_IMAGETAG).toBe(`${tag}-${tagSuffix}`)
    }
    expect(index.spec).not.toHaveProperty('nodeSelector')
    expect(index.metadata.annotations).not.toHaveProperty('kaniko-gitops/platform')
    const platforms = `${REGISTRY}/app:${tag}-linux-amd64 ${REGISTRY}/app:${tag}-linux-arm-v7`
    const check = envOf(container(index, 'kaniko-init'))
    expect(check).toMatchObject({ DOCKER_IMAGETAG: tag, PARENT_IMAGES: platforms, PARENT_TIMEOUT_SECONDS: '10800' })
    const builder = container(index, 'index-builder')
    expect(builder.image).toBe('quay.io/buildah/stable:v1.35.3')
    expect(builder.command).toEqual(['/bin/sh', '/kaniko-gitops-scripts/index.sh'])
    expect(envOf(builder)).toMatchObject({
      PLATFORM_IMAGES: platforms,
      EXTRA_TAGS: 'latest',
      REGISTRY_AUTH_FILE: '/kaniko/.docker/config.json',
      INDEX_STORAGE: '/kaniko-gitops-index',
    })
    expect(builder.securityContext).toEqual({ allowPrivilegeEscalation: false, privileged: false, runAsNonRoot: false, runAsUser: 0 })
  })

  it('takes every Pod as it was on a render of the same inputs, and renders them anew for another index-image', async () => {
    const first = await render(MULTI)
    const again = await render(MULTI, {}, first.dir)
    expect(again.text).toBe(first.text)
    expect(again.outcome.sameInputs).toBe(true)
    expect(again.outcome.images[0]?.platforms).toEqual(['linux/amd64', 'linux/arm/v7'])
    // Another index image: planned again; the platform Pods are taken by their render keys, the index Pod is new.
    const index = await render(MULTI, { 'index-image': 'quay.io/buildah/stable:v1.35.2' }, first.dir)
    expect(index.outcome.sameInputs).toBe(false)
    expect(index.outcome.reused).toBe(2)
    expect(container(byPrefix(index.pods, 'app'), 'index-builder').image).toBe('quay.io/buildah/stable:v1.35.2')
  })

  it('keeps every Pod name within 63 characters for the longest image name, and takes the Pods as they were', async () => {
    const name = `a${'b'.repeat(51)}`
    const files = {
      ...APP,
      [CONFIG]: `images:\n  app/Dockerfile:\n    name: ${name}\n    platforms: [linux/amd64, linux/ppc64le, linux/arm/v7, linux/riscv64]\n`,
    }
    const first = await render(files)
    expect(first.pods).toHaveLength(5)
    for (const pod of first.pods) expect(pod.metadata.name.length, pod.metadata.name).toBeLessThanOrEqual(63)
    const again = await render(files, { 'index-image': 'quay.io/buildah/stable:v1.35.2' }, first.dir)
    expect(again.outcome.reused).toBe(4)
  })

  it('gets a new tag when its platforms change; a list of one is the platform setting with its node labels', async () => {
    const tag = async (config: string) => (await render({ ...APP, [CONFIG]: config })).outcome.images[0]?.tag
    const two = await tag('images:\n  app/Dockerfile:\n    platforms: [linux/amd64, linux/arm64]\n')
    const three = await tag('images:\n  app/Dockerfile:\n    platforms: [linux/amd64, linux/arm64, linux/s390x]\n')
    const plain = (await render(APP)).outcome.images[0]?.tag
    expect(new Set([two, three, plain]).size).toBe(3)
    const one = await render({ ...APP, [CONFIG]: 'images:\n  app/Dockerfile:\n    platforms: [linux/arm64]\n' })
    const single = await render({ ...APP, [CONFIG]: 'images:\n  app/Dockerfile:\n    platform: linux/arm64\n' })
    expect(one.pods).toHaveLength(1)
    expect(one.outcome.images[0]?.tag).toBe(single.outcome.images[0]?.tag)
    expect(one.outcome.images[0]).not.toHaveProperty('platforms')
    expect(one.pods[0].spec.nodeSelector).toEqual({ 'kubernetes.io/arch': 'arm64', 'kubernetes.io/os': 'linux' })
    expect(container(one.pods[0], 'image-builder').args).toContain('--custom-platform=linux/arm64')
  })
})

describe('platforms in defaults', () => {
  it("an image's own platform replaces the defaults' platforms, and its own platforms the defaults' platform", async () => {
    const files = {
      ...APP,
      'web/Dockerfile': 'FROM alpine:3.20\n',
      [CONFIG]: 'defaults:\n  platforms: [linux/amd64, linux/arm64]\nimages:\n  web/Dockerfile:\n    platform: linux/arm64\n',
    }
    const { outcome, pods } = await render(files)
    expect(outcome.images.map((i) => [i.name, i.platforms])).toEqual([
      ['app', ['linux/amd64', 'linux/arm64']],
      ['web', undefined],
    ])
    expect(container(byPrefix(pods, 'web'), 'image-builder').args).toContain('--custom-platform=linux/arm64')
    const back = await render({
      ...APP,
      [CONFIG]: 'defaults:\n  platform: linux/arm64\nimages:\n  app/Dockerfile:\n    platforms: [linux/amd64, linux/arm64]\n',
    })
    expect(back.outcome.images[0]?.platforms).toEqual(['linux/amd64', 'linux/arm64'])
  })
})

describe('the platforms input', () => {
  it('builds every image for those platforms but one whose config sets its platform', async () => {
    const files = {
      ...APP,
      'web/Dockerfile': 'FROM alpine:3.20\n',
      [CONFIG]: 'images:\n  web/Dockerfile:\n    platform: linux/amd64\n',
    }
    const { outcome, pods } = await render(files, { platforms: 'linux/amd64,linux/arm64' })
    expect(outcome.images.map((i) => [i.name, i.platforms])).toEqual([
      ['app', ['linux/amd64', 'linux/arm64']],
      ['web', undefined],
    ])
    expect(pods.map((p) => p.metadata.name.slice(0, -11)).sort()).toEqual(['app', 'app-amd64', 'app-arm64', 'web'])
  })

  it('empty: the manifest is the one rendered without the input, byte for byte', async () => {
    const files = { ...APP, 'web/Dockerfile': 'FROM alpine:3.20\n' }
    const without = await render(files)
    const empty = await render(files, { platforms: '', 'index-image': 'quay.io/buildah/stable:v1.35.2' })
    // The documents; the header's inputs line records the settings.
    const documents = (text: string) => text.slice(text.indexOf('\n---\n'))
    expect(documents(empty.text)).toBe(documents(without.text))
    expect(without.text).not.toContain('index.sh')
  })
})

describe('children of a multi-arch parent', () => {
  const FAMILY = {
    'base/Dockerfile': 'FROM alpine:3.20\n',
    'app/Dockerfile': `FROM ${REGISTRY}/base\n`,
    [CONFIG]: 'images:\n  base/Dockerfile:\n    platforms: [linux/amd64, linux/arm64]\n',
  }

  it('wait for the parent index tag (registry ordering)', async () => {
    const { outcome, pods } = await render(FAMILY)
    const base = outcome.images.find((i) => i.name === 'base')
    const app = byPrefix(pods, 'app')
    expect(envOf(container(app, 'kaniko-init')).PARENT_IMAGES).toBe(base?.image)
  })

  it('warns when a multi-arch child is built for a platform its multi-arch parent is not', async () => {
    const child = (platforms: string) => ({
      ...FAMILY,
      [CONFIG]: `images:\n  base/Dockerfile:\n    platforms: [linux/amd64, linux/arm64]\n  app/Dockerfile:\n    platforms: [${platforms}]\n`,
    })
    expect((await render(child('linux/amd64, linux/arm64'))).outcome.log.warnings.filter((w) => w.includes('platform'))).toEqual([])
    const { log } = (await render(child('linux/amd64, linux/s390x'))).outcome
    const about = log.warnings.filter((w) => w.includes('platform'))
    expect(about).toHaveLength(1)
    expect(about[0]).toContain('linux/s390x')
  })

  it('under sync-waves: the platform and index Pods at the image wave, the child one later', async () => {
    const { pods } = await render(FAMILY, { ordering: 'sync-waves' })
    const wave = (prefix: string) => byPrefix(pods, prefix).metadata.annotations['argocd.argoproj.io/sync-wave']
    expect([wave('base'), wave('base-amd64'), wave('base-arm64'), wave('app')]).toEqual([undefined, undefined, undefined, '1'])
    // The index Pod waits for its platforms in the registry whatever the ordering: it is Healthy only once the index is pushed.
    expect(envOf(container(byPrefix(pods, 'base'), 'kaniko-init')).PARENT_IMAGES).toContain('-linux-arm64')
  })
})

describe('errors', () => {
  const configError = async (config: string) => {
    const error = await render({ ...APP, [CONFIG]: config }).then(
      () => expect.fail('rendered'),
      (e: Error) => e,
    )
    return error.message
  }

  it.each([
    ['platform and platforms', '    platform: linux/arm64\n    platforms: [linux/amd64, linux/arm64]\n', 'sets both platform'],
    ['an unknown platform', '    platforms: [linux/amd64, linux/mips]\n', "has the value 'linux/mips': expected one of linux/amd64"],
    ['a platform twice', '    platforms: [linux/amd64, linux/amd64]\n', "has 'linux/amd64' twice"],
    ['arm64 and arm64/v8', '    platforms: [linux/arm64, linux/arm64/v8]\n', "'linux/arm64/v8' and 'linux/arm64', the same platform"],
    ['an empty list', '    platforms: []\n', 'platforms is empty'],
  ])('%s in the config', async (_name, options, message) => {
    expect(await configError(`images:\n  app/Dockerfile:\n${options}`)).toContain(message)
  })
})
