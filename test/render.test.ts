import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_DOCKERFILE_BYTES } from '../src/scan/hash.js'
import { SHA_A } from './support/action-env.js'
import { parseManifest, validateManifest } from './support/k8s.js'
import { renderIn } from './support/render.js'
import { type Tree, tempTrees } from './support/repo.js'

const SHA_B = 'b'.repeat(40)
const { tree: repo } = tempTrees()
const manifestOf = (dir: string) => readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')
const withoutInputsLine = (text: string) => text.replace(/^# inputs: sha256:[0-9a-f]{64}\n/m, '')
// Parsed YAML is checked by assertions, not by types.
// biome-ignore lint/suspicious/noExplicitAny: test access to parsed documents
type Doc = any
const podsOf = (dir: string): Doc[] => parseManifest(manifestOf(dir)).filter((d) => d.kind === 'Pod')
const podNamed = (dir: string, name: string): Doc => podsOf(dir).find((p) => p.metadata.labels['app.kubernetes.io/name'] === name)

const MONOREPO: Tree = {
  'services/api/Dockerfile': 'FROM alpine:3.20\nCOPY . /app\n',
  'services/api/main.go': 'package main\n',
  'services/worker/Dockerfile': 'FROM python:3.13-slim\n',
  'services/worker/debug.Dockerfile': 'FROM python:3.13\n',
  'images/a/cuda/Dockerfile': 'FROM nvidia/cuda:12.6.3-runtime-ubuntu24.04\n',
  'images/b/cuda/Dockerfile': 'FROM nvidia/cuda:12.6.3-devel-ubuntu24.04\n',
  'node_modules/pkg/Dockerfile': 'FROM never\n',
  'services/api/node_modules/x/Dockerfile': 'FROM never\n',
  '.git/Dockerfile': 'FROM never\n',
  'docs/Dockerfile.md': 'not a Dockerfile\n',
}

describe('render', () => {
  it('renders one valid, schema-checked Pod per Dockerfile, skipping node_modules and .git', async () => {
    const dir = repo(MONOREPO)
    const outcome = await renderIn(dir)
    expect(outcome.images.map((i) => [i.name, i.dockerfile, i.status])).toEqual([
      ['a-cuda', 'images/a/cuda/Dockerfile', 'new'],
      ['api', 'services/api/Dockerfile', 'new'],
      ['b-cuda', 'images/b/cuda/Dockerfile', 'new'],
      ['worker', 'services/worker/Dockerfile', 'new'],
      ['worker-debug', 'services/worker/debug.Dockerfile', 'new'],
    ])
    expect(outcome.changed).toBe(true)
    expect(validateManifest(manifestOf(dir))).toEqual([])
    expect(outcome.log.groups).toEqual(['Discover Dockerfiles', 'Hash', 'Plan', 'Render', 'Write manifest'])
  })

  it('matches the golden file byte for byte', async () => {
    const dir = repo({ 'services/api/Dockerfile': 'FROM alpine:3.20\n', Dockerfile: 'FROM scratch\n' })
    await renderIn(dir, { 'git-secret': 'git-credentials' })
    const golden = new URL('./golden/basic.yaml', import.meta.url)
    // The inputs line holds the identity of the running code: any source edit changes it.
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, withoutInputsLine(manifestOf(dir)))
    expect(withoutInputsLine(manifestOf(dir))).toBe(readFileSync(golden, 'utf8'))
  })

  it('carries what each Pod needs: annotations, labels, env, mounts, kaniko arguments', async () => {
    const dir = repo({ 'services/api/Dockerfile': 'FROM alpine:3.20\n' })
    await renderIn(dir, { path: '.', hash: 'dockerfile' })
    const pod = podsOf(dir)[0]
    const sha = (await import('node:crypto')).createHash('sha256').update('FROM alpine:3.20\n').digest('hex')
    expect(pod.metadata.annotations).toEqual({
      'kaniko-gitops/dockerfile': 'services/api/Dockerfile',
      'kaniko-gitops/dockerfile-sha256': sha,
      'kaniko-gitops/effective-sha256': sha,
      'kaniko-gitops/hash-covers': 'dockerfile',
      'kaniko-gitops/image': `registry.example.com/acme/api:${sha.slice(0, 16)}`,
      'kaniko-gitops/commit': SHA_A,
      'kaniko-gitops/render-key': expect.stringMatching(/^[0-9a-f]{32}$/),
    })
    expect(pod.metadata.labels).toEqual({
      'app.kubernetes.io/name': 'api',
      'app.kubernetes.io/component': 'image-build',
      'app.kubernetes.io/part-of': 'shop',
      'app.kubernetes.io/managed-by': 'kaniko-gitops',
    })
    expect(pod.spec.restartPolicy).toBe('Never')
    expect(pod.spec.automountServiceAccountToken).toBe(false)
    const [init] = pod.spec.initContainers
    const [builder] = pod.spec.containers
    expect(init.name).toBe('kaniko-init')
    expect(builder.name).toBe('image-builder')
    const env = Object.fromEntries(builder.env.map((e: { name: string; value: string }) => [e.name, e.value]))
    expect(env).toMatchObject({
      DOCKER_FILENAME: 'services/api/Dockerfile',
      DOCKER_IMAGENAME: 'registry.example.com/acme/api',
      DOCKER_IMAGETAG: sha.slice(0, 16),
      FORCE_BUILD: 'N',
    })
    expect(builder.args).toEqual([
      `--context=git://github.com/acme/shop.git#refs/heads/main#${SHA_A}`,
      '--context-sub-path=services/api',
      '--dockerfile=Dockerfile',
      `--destination=registry.example.com/acme/api:${sha.slice(0, 16)}`,
      '--digest-file=/dev/termination-log',
      `--label=org.opencontainers.image.revision=${SHA_A}`,
      '--cache=true',
      '--snapshot-mode=redo',
      '--compressed-caching=false',
    ])
    const secret = pod.spec.volumes.find((v: { name: string }) => v.name === 'docker-config')
    expect(secret.secret).toEqual({
      secretName: 'docker-config-secret',
      items: [{ key: '.dockerconfigjson', path: 'config.json' }],
      optional: true,
    })
    for (const c of [init, builder]) {
      expect(c.volumeMounts).toContainEqual({ name: 'docker-config', mountPath: '/kaniko/.docker', readOnly: true })
      expect(c.securityContext.privileged ?? false).toBe(false)
    }
    expect(JSON.stringify(pod.spec)).not.toContain('hostPath')
  })

  // With the local context the Pods name no commit: the commit must not enter the render key, or every
  // push would render every Pod again.
  it.each([
    ['git', {}],
    ['local', { context: 'local', 'local-path': '/srv/repo' }],
  ])('writes a byte-identical file when nothing changed, even at a later commit (%s context)', async (_context, inputs) => {
    const dir = repo(MONOREPO)
    await renderIn(dir, inputs)
    // Without its inputs line the file is planned and rendered again, Pod by Pod (test/run-key.test.ts
    // covers the run that takes a file with the same inputs as it is).
    const first = withoutInputsLine(manifestOf(dir))
    writeFileSync(path.join(dir, 'deploy/manifest.yaml'), first)
    const second = await renderIn(dir, inputs, { GITHUB_SHA: SHA_B, GITHUB_RUN_ID: '1002' })
    expect(second.changed).toBe(false)
    expect(second.images.every((i) => i.status === 'unchanged')).toBe(true)
    expect(second).toMatchObject({ sameInputs: false, reused: 5 })
    expect(manifestOf(dir)).toBe(first)
  })

  it('takes unchanged Pods from the previous manifest as they were, and that equals a fresh render', async () => {
    const dir = repo(MONOREPO)
    await renderIn(dir)
    writeFileSync(path.join(dir, 'deploy/manifest.yaml'), withoutInputsLine(manifestOf(dir)))
    const steady = await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
    expect(steady).toMatchObject({ sameInputs: false, reused: 5 })
    const text = withoutInputsLine(manifestOf(dir))
    rmSync(path.join(dir, 'deploy'), { recursive: true })
    // A fresh render at the same commit pins the same commit: the same bytes.
    const fresh = await renderIn(dir)
    expect(fresh.reused).toBe(0)
    expect(withoutInputsLine(manifestOf(dir))).toBe(text)
  })

  it('does not take a hand-edited document as it is: the digest no longer holds, and the edit is undone', async () => {
    const dir = repo(MONOREPO)
    await renderIn(dir)
    const clean = manifestOf(dir)
    writeFileSync(path.join(dir, 'deploy/manifest.yaml'), clean.replace('memory: 4Gi', 'memory: 64Gi'))
    const again = await renderIn(dir)
    expect(again.reused).toBe(0)
    expect(again.changed).toBe(true)
    expect(manifestOf(dir)).toBe(clean)
  })

  it('renders a Pod anew when an input that shapes it changed', async () => {
    const dir = repo(MONOREPO)
    await renderIn(dir)
    const other = await renderIn(dir, { 'registry-secret': 'other-secret' })
    expect(other.reused).toBe(0)
    expect(manifestOf(dir)).toContain('secretName: other-secret')
  })

  it('gives a changed Dockerfile a new tag, Pod name and commit, and leaves the other Pods untouched', async () => {
    const dir = repo(MONOREPO)
    await renderIn(dir)
    const before = new Map<string, Doc>(podsOf(dir).map((p) => [p.metadata.labels['app.kubernetes.io/name'], p]))
    writeFileSync(path.join(dir, 'services/api/Dockerfile'), 'FROM alpine:3.21\n')
    const outcome = await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
    expect(outcome.changed).toBe(true)
    const after = new Map<string, Doc>(podsOf(dir).map((p) => [p.metadata.labels['app.kubernetes.io/name'], p]))
    expect(outcome.images.find((i) => i.name === 'api')?.status).toBe('changed')
    expect(after.get('api').metadata.name).not.toBe(before.get('api').metadata.name)
    expect(after.get('api').metadata.annotations['kaniko-gitops/commit']).toBe(SHA_B)
    for (const name of ['a-cuda', 'b-cuda', 'worker', 'worker-debug']) expect(after.get(name)).toEqual(before.get(name))
  })

  it('keeps the invariant: a Pod name present in two consecutive manifests names the same document', async () => {
    const dir = repo(MONOREPO)
    const docsByName = new Map<string, string>()
    const check = () => {
      for (const text of manifestOf(dir).split(/^---$/m).slice(1)) {
        const name = /^ {2}name: (.+)$/m.exec(text)?.[1] ?? ''
        const seen = docsByName.get(name)
        if (seen !== undefined) expect(text, name).toBe(seen)
        docsByName.set(name, text)
      }
    }
    await renderIn(dir)
    check()
    writeFileSync(path.join(dir, 'services/worker/Dockerfile'), 'FROM python:3.14-slim\n')
    await renderIn(dir, {}, { GITHUB_SHA: SHA_B })
    check()
    await renderIn(dir, { 'executor-image': 'ghcr.io/osscontainertools/kaniko:v1.28.1-debug' }, { GITHUB_SHA: SHA_B })
    check()
    await renderIn(dir, { 'force-images': 'api' }, { GITHUB_SHA: SHA_B, GITHUB_RUN_ID: '77' })
    check()
  })

  it('forces a rebuild under a fresh Pod name, and returns to the normal name afterwards', async () => {
    const dir = repo(MONOREPO)
    await renderIn(dir)
    const normal = podNamed(dir, 'api')
    const forced = await renderIn(dir, { 'force-images': 'api' }, { GITHUB_RUN_ID: '5000', GITHUB_EVENT_NAME: 'workflow_dispatch' })
    expect(forced.images.filter((i) => i.forced).map((i) => i.name)).toEqual(['api'])
    const forcedPod = podNamed(dir, 'api')
    expect(forcedPod.metadata.name).not.toBe(normal.metadata.name)
    expect(forcedPod.metadata.annotations['kaniko-gitops/forced']).toBe('5000-1')
    expect(forcedPod.spec.initContainers[0].env).toContainEqual({ name: 'FORCE_BUILD', value: 'Y' })
    const again = await renderIn(dir, { 'force-images': 'api' }, { GITHUB_RUN_ID: '5001' })
    expect(again.images.find((i) => i.name === 'api')?.pod).not.toBe(forcedPod.metadata.name)
    await renderIn(dir)
    expect(podNamed(dir, 'api')).toEqual(normal)
    const all = await renderIn(dir, { 'force-build': 'true' })
    expect(all.images.every((i) => i.forced)).toBe(true)
  })

  it('pins a forced Pod to the commit being rendered, not to the one where its Dockerfile last changed', async () => {
    // hash: dockerfile: a source change leaves the tag, so an unchanged image keeps its old commit.
    const dir = repo(MONOREPO)
    await renderIn(dir, { hash: 'dockerfile' })
    writeFileSync(path.join(dir, 'services/api/main.go'), 'package main // changed\n')
    const normal = await renderIn(dir, { hash: 'dockerfile' }, { GITHUB_SHA: SHA_B })
    expect(normal.images.find((i) => i.name === 'api')?.status).toBe('unchanged')
    const contextOf = (pod: Doc) => (pod.spec.containers[0].args as string[]).find((a) => a.startsWith('--context='))
    expect(podNamed(dir, 'api').metadata.annotations['kaniko-gitops/commit']).toBe(SHA_A)
    const forced = await renderIn(dir, { hash: 'dockerfile', 'force-images': 'api' }, { GITHUB_SHA: SHA_B, GITHUB_RUN_ID: '88' })
    expect(forced.images.find((i) => i.name === 'api')).toMatchObject({ forced: true, status: 'unchanged' })
    const pod = podNamed(dir, 'api')
    expect(contextOf(pod)).toMatch(new RegExp(`#${SHA_B}$`))
    expect(pod.metadata.annotations['kaniko-gitops/commit']).toBe(SHA_B)
    expect(pod.spec.containers[0].args).toContain(`--label=org.opencontainers.image.revision=${SHA_B}`)
    // The images not forced keep their pinned commit and their Pods.
    expect(podNamed(dir, 'worker').metadata.annotations['kaniko-gitops/commit']).toBe(SHA_A)
  })

  it('lists the known names when force-images names an unknown image, and writes nothing', async () => {
    const dir = repo(MONOREPO)
    await expect(renderIn(dir, { 'force-images': 'api,nope' })).rejects.toThrow(
      "Input 'force-images' has the value 'api,nope': 'nope' is not an image of this repository; expected some of: a-cuda, api, b-cuda, worker, worker-debug.",
    )
    expect(() => manifestOf(dir)).toThrow()
  })

  it('reports images whose Dockerfile is gone and drops their Pods', async () => {
    const dir = repo(MONOREPO)
    await renderIn(dir)
    rmSync(path.join(dir, 'services/worker/debug.Dockerfile'))
    const outcome = await renderIn(dir)
    expect(outcome.removed.map((r) => r.name)).toEqual(['worker-debug'])
    expect(podsOf(dir).map((p) => p.metadata.labels['app.kubernetes.io/name'])).not.toContain('worker-debug')
  })

  it('renders the local context from a hostPath, mounted away from /workspace', async () => {
    const dir = repo({ 'app/Dockerfile': 'FROM alpine\n' })
    await renderIn(dir, { context: 'local', 'local-path': '/srv/repo' })
    const pod = podsOf(dir)[0]
    expect(pod.spec.volumes).toContainEqual({ name: 'context', hostPath: { path: '/srv/repo', type: 'Directory' } })
    expect(pod.spec.containers[0].args.slice(0, 2)).toEqual(['--context=dir:///context/app', '--dockerfile=/context/app/Dockerfile'])
    expect(validateManifest(manifestOf(dir))).toEqual([])
  })

  it('passes plain-HTTP registries to kaniko and the check', async () => {
    const dir = repo({ Dockerfile: 'FROM alpine\n' })
    await renderIn(dir, { registry: 'registry.kaniko.svc:5000/team', 'insecure-registry': 'true' })
    const pod = podsOf(dir)[0]
    expect(pod.spec.containers[0].args).toEqual(
      expect.arrayContaining(['--insecure-registry=registry.kaniko.svc:5000', '--skip-tls-verify-registry=registry.kaniko.svc:5000']),
    )
    expect(pod.spec.initContainers[0].env).toContainEqual({ name: 'REGISTRY_INSECURE', value: 'true' })
  })

  it('checks TLS for the target registry when only another registry is insecure', async () => {
    const dir = repo({ Dockerfile: 'FROM mirror.local:5000/alpine\n' })
    await renderIn(dir, { registry: 'docker.io/acme', 'insecure-registry': 'mirror.local:5000' })
    const pod = podsOf(dir)[0]
    expect(pod.spec.containers[0].args).toContain('--insecure-registry=mirror.local:5000')
    expect(pod.spec.initContainers[0].env).toContainEqual({ name: 'REGISTRY_INSECURE', value: 'false' })
  })

  it('passes the layer-cache choices and extra flags to kaniko, and renders anew when they change', async () => {
    const dir = repo({ Dockerfile: 'FROM alpine\n' })
    await renderIn(dir, {
      'cache-repo': 'registry.kaniko.svc:5000/team/cache',
      'cache-ttl': '168h',
      'snapshot-mode': 'full',
      'compressed-caching': 'true',
      'extra-args': '--push-retry=3\n--verbosity=debug',
    })
    expect(podsOf(dir)[0].spec.containers[0].args.slice(-7)).toEqual([
      '--cache=true',
      '--cache-repo=registry.kaniko.svc:5000/team/cache',
      '--cache-ttl=168h',
      '--snapshot-mode=full',
      '--compressed-caching=true',
      '--push-retry=3',
      '--verbosity=debug',
    ])
    const off = await renderIn(dir, { cache: 'false', 'cache-repo': 'registry.kaniko.svc:5000/team/cache' })
    expect(off.reused).toBe(0)
    const args = podsOf(dir)[0].spec.containers[0].args
    expect(args).toContain('--cache=false')
    expect(args.some((a: string) => a.startsWith('--cache-repo'))).toBe(false)
  })

  it('warns when the executor image does not look like a -debug image (the wrapper needs /busybox/sh)', async () => {
    const dir = repo(MONOREPO)
    const plain = await renderIn(dir, { 'executor-image': 'gcr.io/kaniko-project/executor:v1.23.2' })
    expect(plain.log.warnings).toEqual([
      "Input 'executor-image' is 'gcr.io/kaniko-project/executor:v1.23.2', which does not look like a kaniko -debug image: the build container runs /busybox/sh, which only the -debug images have, and fails to start without it. Ignore this if the image has /busybox/sh.",
    ])
    // A -debug image, also pinned by digest, and a registry host with "debug" in it do not fool it.
    expect((await renderIn(dir, { 'executor-image': 'gcr.io/kaniko-project/executor:v1.23.2-debug' })).log.warnings).toEqual([])
    expect((await renderIn(dir, { 'executor-image': `ghcr.io/acme/kaniko:v1-debug@sha256:${'a'.repeat(64)}` })).log.warnings).toEqual([])
    expect((await renderIn(dir, { 'executor-image': 'debug.example.com/kaniko/executor:v1' })).log.warnings).toHaveLength(1)
  })

  it('prefixes the context sub-path with the path input', async () => {
    const dir = repo({ 'apps/web/Dockerfile': 'FROM nginx\n' })
    await renderIn(path.join(dir), { path: 'apps' })
    const pod: Doc = parseManifest(readFileSync(path.join(dir, 'apps/deploy/manifest.yaml'), 'utf8')).find((d) => d.kind === 'Pod')
    expect(pod.spec.containers[0].args).toContain('--context-sub-path=apps/web')
  })
})

describe('render refuses bad input and writes nothing', () => {
  it('says clearly when no Dockerfile matched', async () => {
    const dir = repo({ 'README.md': '# nothing\n', 'node_modules/x/Dockerfile': 'FROM x\n' })
    await expect(renderIn(dir)).rejects.toThrow(
      /Input 'dockerfiles' has the value 'Dockerfile\\nContainerfile\\n\*\.Dockerfile\\n\*\.dockerfile': no file in '.*' matched \(node_modules and \.git are never searched\)/,
    )
    expect(() => manifestOf(dir)).toThrow()
  })

  it('refuses an output path that leaves the repository through a symlink', async () => {
    const outside = repo({})
    const dir = repo({ Dockerfile: 'FROM alpine\n', deploy: { symlink: outside } })
    await expect(renderIn(dir)).rejects.toThrow(
      /Input 'output' has the value 'deploy\/manifest.yaml': expected a file inside the repository, but its folder resolves to '.*', outside the repository/,
    )
  })

  it('refuses an output file that is a symlink', async () => {
    const outside = repo({ 'x.yaml': 'a: 1\n' })
    const dir = repo({ Dockerfile: 'FROM alpine\n', 'deploy/manifest.yaml': { symlink: path.join(outside, 'x.yaml') } })
    await expect(renderIn(dir)).rejects.toThrow('but it is a symlink')
    expect(readFileSync(path.join(outside, 'x.yaml'), 'utf8')).toBe('a: 1\n')
  })

  it('refuses a Dockerfile that is too large or binary, naming it', async () => {
    const big = repo({ Dockerfile: `FROM alpine\n${'#'.repeat(MAX_DOCKERFILE_BYTES)}\n` })
    await expect(renderIn(big)).rejects.toThrow(`the Dockerfile 'Dockerfile' has ${MAX_DOCKERFILE_BYTES + 13} bytes`)
    const binary = repo({ 'x/Dockerfile': 'FROM \u0000\u0001' })
    await expect(renderIn(binary)).rejects.toThrow("the Dockerfile 'x/Dockerfile' contains NUL bytes")
  })

  it('skips symlinked Dockerfiles that lead outside or nowhere, with a warning, and follows those inside', async () => {
    const outside = repo({ Dockerfile: 'FROM outside-the-repository\n' })
    const dir = repo({
      'a/Dockerfile': 'FROM alpine\n',
      'b/Dockerfile': { symlink: path.join(outside, 'Dockerfile') },
      'c/Dockerfile': { symlink: '../a/Dockerfile' },
      'd/Dockerfile': { symlink: 'missing' },
      'e/Dockerfile': { symlink: 'Dockerfile' },
    })
    const outcome = await renderIn(dir)
    expect(outcome.images.map((i) => i.dockerfile)).toEqual(['a/Dockerfile', 'c/Dockerfile'])
    expect(outcome.log.warnings).toEqual([
      "skipped 'b/Dockerfile': it is a symlink to a file outside the repository, which is never read",
      "skipped 'd/Dockerfile': it is a broken symlink (or a symlink loop)",
      "skipped 'e/Dockerfile': it is a broken symlink (or a symlink loop)",
    ])
    const { createHash } = await import('node:crypto')
    expect(manifestOf(dir)).not.toContain(createHash('sha256').update('FROM outside-the-repository\n').digest('hex'))
  })

  it('ignores a directory named Dockerfile', async () => {
    const dir = repo({ 'Dockerfile/readme.txt': 'x', 'app/Dockerfile': 'FROM alpine\n' })
    expect((await renderIn(dir)).images.map((i) => i.dockerfile)).toEqual(['app/Dockerfile'])
  })

  it('renders anew, with a warning, over an existing manifest that is not valid YAML', async () => {
    const dir = repo({ Dockerfile: 'FROM alpine\n', 'deploy/manifest.yaml': 'a: [unclosed\n' })
    const outcome = await renderIn(dir)
    expect(outcome.log.warnings[0]).toMatch(/^The existing manifest 'deploy\/manifest.yaml' is ignored: it is not valid YAML/)
    expect(validateManifest(manifestOf(dir))).toEqual([])
  })

  it('leaves no temporary files beside the manifest', async () => {
    const dir = repo(MONOREPO)
    await renderIn(dir)
    mkdirSync(path.join(dir, 'deploy'), { recursive: true })
    const { readdirSync } = await import('node:fs')
    expect(readdirSync(path.join(dir, 'deploy'))).toEqual(['manifest.yaml'])
  })

  it('removes a temporary file a killed run left, even when the manifest is up to date', async () => {
    const dir = repo(MONOREPO)
    await renderIn(dir)
    const { readdirSync, writeFileSync: write } = await import('node:fs')
    write(path.join(dir, 'deploy/.manifest.yaml.0123456789ab.tmp'), 'partial')
    write(path.join(dir, 'deploy/notes.tmp'), 'kept')
    const again = await renderIn(dir)
    expect(again.changed).toBe(false)
    expect(readdirSync(path.join(dir, 'deploy')).sort()).toEqual(['manifest.yaml', 'notes.tmp'])
  })
})
