/**
 * Images built on images of the same repository, on a chain shaped like jupyter/docker-stacks:
 * docker-stacks-foundation -> base-notebook -> minimal-notebook -> scipy-notebook -> {r, julia,
 * tensorflow, pytorch (+ cuda12, cuda13 variants in subfolders), datascience, pyspark -> all-spark}.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseManifest, validateManifest } from '../support/k8s.js'
import { renderIn } from '../support/render.js'
import { type Tree, tempTrees } from '../support/repo.js'

const { tree: repo } = tempTrees()

const child = (parent: string, extra = '') =>
  `ARG REGISTRY=quay.io\nARG OWNER=jupyter\nARG BASE_IMAGE=$REGISTRY/$OWNER/${parent}\nFROM $BASE_IMAGE\n${extra}RUN echo built\n`

const STACKS: Tree = {
  'images/docker-stacks-foundation/Dockerfile': 'ARG ROOT_IMAGE=ubuntu:24.04\nFROM $ROOT_IMAGE\nRUN apt-get update\n',
  'images/base-notebook/Dockerfile': child('docker-stacks-foundation'),
  'images/minimal-notebook/Dockerfile': child('base-notebook'),
  'images/scipy-notebook/Dockerfile': child('minimal-notebook'),
  'images/r-notebook/Dockerfile': child('scipy-notebook'),
  'images/julia-notebook/Dockerfile': child('scipy-notebook'),
  'images/tensorflow-notebook/Dockerfile': child('scipy-notebook'),
  'images/pytorch-notebook/Dockerfile': child('scipy-notebook'),
  'images/pytorch-notebook/cuda12/Dockerfile': child('scipy-notebook', 'ENV CUDA=12\n'),
  'images/pytorch-notebook/cuda13/Dockerfile': child('scipy-notebook', 'ENV CUDA=13\n'),
  'images/datascience-notebook/Dockerfile': child('scipy-notebook'),
  'images/pyspark-notebook/Dockerfile': child('scipy-notebook'),
  'images/all-spark-notebook/Dockerfile': child('pyspark-notebook'),
  'tools/linter/Dockerfile': 'FROM python:3.13-slim\n',
}
const WAVES: Record<string, number> = {
  'docker-stacks-foundation': 0,
  'base-notebook': 1,
  'minimal-notebook': 2,
  'scipy-notebook': 3,
  'r-notebook': 4,
  'julia-notebook': 4,
  'tensorflow-notebook': 4,
  'pytorch-notebook': 4,
  cuda12: 4,
  cuda13: 4,
  'datascience-notebook': 4,
  'pyspark-notebook': 4,
  'all-spark-notebook': 5,
  linter: 0,
}

// biome-ignore lint/suspicious/noExplicitAny: parsed documents are checked by assertions
type Doc = any
const podsByName = (manifest: string): Map<string, Doc> =>
  new Map(
    parseManifest(manifest)
      .filter((d: Doc) => d.kind === 'Pod')
      .map((p: Doc) => [p.metadata.labels['app.kubernetes.io/name'], p]),
  )

/** The init container's environment, by name. */
const initEnv = (pod: Doc): Record<string, string> =>
  Object.fromEntries(pod.spec.initContainers[0].env.map((e: { name: string; value: string }) => [e.name, e.value]))

describe('images built on images of the same repository', () => {
  it('with ordering: registry (the default), wait in the check for their parents content-tagged images, with no sync wave', async () => {
    const dir = repo(STACKS)
    const outcome = await renderIn(dir, { registry: 'quay.io/jupyter', 'parent-timeout': '90m' })
    expect(validateManifest(outcome.manifest)).toEqual([])
    const pods = podsByName(outcome.manifest)
    const tags = new Map(outcome.images.map((i) => [i.name, i.tag]))
    const parentOf: Record<string, string> = {
      'base-notebook': 'docker-stacks-foundation',
      'minimal-notebook': 'base-notebook',
      'scipy-notebook': 'minimal-notebook',
    }
    for (const name of Object.keys(WAVES)) {
      const pod = pods.get(name)
      expect(pod.metadata.annotations['argocd.argoproj.io/sync-wave'], name).toBeUndefined()
      const env = initEnv(pod)
      const parent = parentOf[name] ?? (name === 'all-spark-notebook' ? 'pyspark-notebook' : 'scipy-notebook')
      const root = name === 'docker-stacks-foundation' || name === 'linter'
      expect(env.PARENT_IMAGES, name).toBe(root ? undefined : `quay.io/jupyter/${parent}:${tags.get(parent)}`)
      expect(env.PARENT_TIMEOUT_SECONDS, name).toBe(root ? undefined : '5400')
      // The builder needs no parent list: the check waits.
      expect(
        pod.spec.containers[0].env.map((e: { name: string }) => e.name),
        name,
      ).not.toContain('PARENT_IMAGES')
    }
    // The default timeout: three hours.
    const byDefault = await renderIn(repo(STACKS), { registry: 'quay.io/jupyter' })
    expect(initEnv(podsByName(byDefault.manifest).get('scipy-notebook')).PARENT_TIMEOUT_SECONDS).toBe('10800')
  })

  it('forced: a forced child waits for the build of this run of each parent forced with it (label and nonce), a child forced alone for the tag', async () => {
    const forced = ['minimal-notebook', 'scipy-notebook', 'r-notebook']
    const outcome = await renderIn(repo(STACKS), { registry: 'quay.io/jupyter', 'force-images': forced.join(',') }, { GITHUB_RUN_ID: '42' })
    const pods = podsByName(outcome.manifest)
    const ref = (name: string) => `quay.io/jupyter/${name}:${outcome.images.find((i) => i.name === name)?.tag}`
    const waitsFor = (name: string) => [initEnv(pods.get(name)).FORCED_PARENT_IMAGES, initEnv(pods.get(name)).FORCE_NONCE]
    // Forced with its parent; forced alone (base-notebook is not forced); not forced, under a forced parent.
    expect(waitsFor('scipy-notebook')).toEqual([ref('minimal-notebook'), '42-1'])
    expect(waitsFor('r-notebook')).toEqual([ref('scipy-notebook'), '42-1'])
    expect(waitsFor('minimal-notebook')).toEqual([undefined, undefined])
    expect(waitsFor('julia-notebook')).toEqual([undefined, undefined])
    // Every forced build labels its image with the nonce; no other build does.
    for (const name of Object.keys(WAVES)) {
      const labelled = (pods.get(name).spec.containers[0].args as string[]).includes('--label=dev.kaniko-gitops.forced=42-1')
      expect(labelled, name).toBe(forced.includes(name))
    }
    // force-build forces every parent: each child waits for all of its own.
    const all = podsByName((await renderIn(repo(STACKS), { registry: 'quay.io/jupyter', 'force-build': 'true' })).manifest)
    expect(initEnv(all.get('all-spark-notebook')).FORCED_PARENT_IMAGES).toBe(initEnv(all.get('all-spark-notebook')).PARENT_IMAGES)
    // Under sync waves nothing waits.
    const waves = podsByName(
      (await renderIn(repo(STACKS), { registry: 'quay.io/jupyter', 'force-build': 'true', ordering: 'sync-waves' })).manifest,
    )
    expect(initEnv(waves.get('all-spark-notebook')).FORCED_PARENT_IMAGES).toBeUndefined()
  })

  it('with ordering: sync-waves, build in sync waves by depth, each on its parent exact content tag, and wait for nothing', async () => {
    const dir = repo(STACKS)
    const outcome = await renderIn(dir, { registry: 'quay.io/jupyter', ordering: 'sync-waves' })
    expect(validateManifest(outcome.manifest)).toEqual([])
    const pods = podsByName(outcome.manifest)
    const tags = new Map(outcome.images.map((i) => [i.name, i.tag]))
    for (const [name, wave] of Object.entries(WAVES)) {
      const annotations = pods.get(name).metadata.annotations
      expect(annotations['argocd.argoproj.io/sync-wave'], name).toBe(wave === 0 ? undefined : String(wave))
      expect(
        Object.keys(initEnv(pods.get(name))).filter((key) => key.startsWith('PARENT_')),
        name,
      ).toEqual([])
    }
    const args = (name: string) => pods.get(name).spec.containers[0].args as string[]
    expect(args('base-notebook')).toContain(
      `--build-arg=BASE_IMAGE=quay.io/jupyter/docker-stacks-foundation:${tags.get('docker-stacks-foundation')}`,
    )
    expect(args('all-spark-notebook')).toContain(`--build-arg=BASE_IMAGE=quay.io/jupyter/pyspark-notebook:${tags.get('pyspark-notebook')}`)
    expect(args('cuda13')).toContain(`--build-arg=BASE_IMAGE=quay.io/jupyter/scipy-notebook:${tags.get('scipy-notebook')}`)
    expect(args('docker-stacks-foundation').some((a) => a.startsWith('--build-arg'))).toBe(false)
    expect(pods.get('scipy-notebook').metadata.annotations['kaniko-gitops/hash-covers']).toMatch(/; parents: minimal-notebook$/)
  })

  it('are named by their parents in the outcome, the same when the next render takes the manifest as it is', async () => {
    const dir = repo(STACKS)
    const full = await renderIn(dir, { registry: 'quay.io/jupyter' })
    expect(full.sameInputs).toBe(false)
    const expected = new Map(
      Object.entries(STACKS).flatMap(([file, text]) => {
        const parent = typeof text === 'string' ? /BASE_IMAGE=\$REGISTRY\/\$OWNER\/(\S+)/.exec(text)?.[1] : undefined
        const name = full.images.find((image) => image.dockerfile === file)?.name as string
        return parent ? [[name, [parent]] as const] : []
      }),
    )
    expect(expected.size).toBe(12)
    expect(full.parents).toEqual(expected)
    // The next commit, same files: nothing is planned, and the parents are still known.
    const quick = await renderIn(dir, { registry: 'quay.io/jupyter' }, { GITHUB_SHA: 'b'.repeat(40) })
    expect(quick.sameInputs).toBe(true)
    expect(quick.parents).toEqual(expected)
  })

  it('rebuild every descendant when the foundation changes, and nothing else', async () => {
    const dir = repo(STACKS)
    const before = await renderIn(dir, { registry: 'quay.io/jupyter' })
    writeFileSync(
      path.join(dir, 'images/docker-stacks-foundation/Dockerfile'),
      'ARG ROOT_IMAGE=ubuntu:24.04\nFROM $ROOT_IMAGE\nRUN apt-get update && apt-get upgrade -y\n',
    )
    const after = await renderIn(dir, { registry: 'quay.io/jupyter' })
    const changed = after.images
      .filter((i) => i.status === 'changed')
      .map((i) => i.name)
      .sort()
    expect(changed).toEqual(
      Object.keys(WAVES)
        .filter((n) => n !== 'linter')
        .sort(),
    )
    const tagBefore = new Map(before.images.map((i) => [i.name, i.tag]))
    for (const image of after.images) expect(image.tag === tagBefore.get(image.name), image.name).toBe(image.name === 'linter')
  })

  it('rebuild only the subtree when a middle image changes', async () => {
    const dir = repo(STACKS)
    await renderIn(dir, { registry: 'quay.io/jupyter' })
    writeFileSync(path.join(dir, 'images/pyspark-notebook/Dockerfile'), child('scipy-notebook', 'ENV SPARK=4\n'))
    const after = await renderIn(dir, { registry: 'quay.io/jupyter' })
    expect(
      after.images
        .filter((i) => i.status === 'changed')
        .map((i) => i.name)
        .sort(),
    ).toEqual(['all-spark-notebook', 'pyspark-notebook'])
  })

  it('refuse a cycle, naming the files', async () => {
    const dir = repo({ 'a/Dockerfile': 'FROM quay.io/jupyter/b\n', 'b/Dockerfile': 'ARG X=quay.io/jupyter/a\nFROM ${X}\n' })
    await expect(renderIn(dir, { registry: 'quay.io/jupyter' })).rejects.toThrow(
      'The Dockerfiles build on each other in a cycle: a/Dockerfile -> b/Dockerfile -> a/Dockerfile.',
    )
  })

  it('take an image built on its own earlier push (a cache pattern) as no parent and no cycle', async () => {
    const dir = repo({
      'a/Dockerfile':
        'FROM quay.io/jupyter/a:latest AS previous\nFROM alpine:3.20\nCOPY --from=previous /cache /cache\nRUN --mount=type=cache,from=quay.io/jupyter/a,target=/c true\n',
      'b/Dockerfile': 'FROM alpine:3.20\n',
    })
    const outcome = await renderIn(dir, { registry: 'quay.io/jupyter' })
    expect(outcome.images.map((i) => [i.name, i.status])).toEqual([
      ['a', 'new'],
      ['b', 'new'],
    ])
    expect(outcome.log.warnings).toEqual([])
  })

  it('take a FROM under the registry that no Dockerfile here builds as an image built elsewhere: no parent, no pin, no wave', async () => {
    const dir = repo({
      'api/Dockerfile': 'FROM quay.io/jupyter/shared-python:3.12\n',
      'web/Dockerfile': 'ARG BASE=quay.io/jupyter/org-node:22\nFROM $BASE\nCOPY --from=quay.io/jupyter/org-tools:1 /bin/t /bin/t\n',
    })
    const outcome = await renderIn(dir, { registry: 'quay.io/jupyter' })
    expect(outcome.log.warnings).toEqual([])
    const pods = podsByName(outcome.manifest)
    for (const name of ['api', 'web']) {
      expect(pods.get(name).metadata.annotations['argocd.argoproj.io/sync-wave'], name).toBeUndefined()
      expect(pods.get(name).metadata.annotations['kaniko-gitops/hash-covers'], name).not.toContain('parents')
      expect(
        (pods.get(name).spec.containers[0].args as string[]).some((a) => a.startsWith('--build-arg')),
        name,
      ).toBe(false)
    }
  })

  it('warn when an image under the registry that no Dockerfile here builds has a name near one of its images', async () => {
    const dir = repo({
      // Two folders of the same name: their images are images-python-base and legacy-python-base.
      'images/python-base/Dockerfile': 'FROM python:3.12\n',
      'legacy/python-base/Dockerfile': 'FROM python:3.8\n',
      'images/node-base/Dockerfile': 'FROM node:22\n',
      'app/Dockerfile': 'FROM quay.io/jupyter/python-base:3.12\n',
      'web/Dockerfile': '# node\nARG BASE=quay.io/jupyter/node-bse\nFROM $BASE\n',
      'far/Dockerfile': 'FROM quay.io/jupyter/ruby-base\nCOPY --from=quay.io/jupyter/images /a /b\n',
    })
    const outcome = await renderIn(dir, { registry: 'quay.io/jupyter' })
    expect(outcome.log.warnings).toEqual([
      "'app/Dockerfile' line 1: FROM quay.io/jupyter/python-base:3.12 names quay.io/jupyter/python-base, which no Dockerfile of this repository builds: it is taken as an image built elsewhere (no parent, no pinned tag, no wave). If it means the image of images/python-base/Dockerfile (quay.io/jupyter/images-python-base), write that name, or name that image python-base with the per-image setting `name` (images › images/python-base/Dockerfile › name: python-base).",
      "'web/Dockerfile' line 3: FROM $BASE names quay.io/jupyter/node-bse, which no Dockerfile of this repository builds: it is taken as an image built elsewhere (no parent, no pinned tag, no wave). If it means the image of images/node-base/Dockerfile (quay.io/jupyter/node-base), write that name, or name that image node-bse with the per-image setting `name` (images › images/node-base/Dockerfile › name: node-bse).",
    ])
    expect(outcome.images.every((i) => i.status === 'new')).toBe(true)
    expect(podsByName(outcome.manifest).get('app').metadata.annotations['argocd.argoproj.io/sync-wave']).toBeUndefined()
  })

  it('take the name the warning suggests: a per-image name makes the image a parent', async () => {
    const dir = repo({
      'images/python-base/Dockerfile': 'FROM python:3.12\n',
      'legacy/python-base/Dockerfile': 'FROM python:3.8\n',
      'app/Dockerfile': 'ARG BASE=quay.io/jupyter/python-base:3.12\nFROM $BASE\n',
      'kaniko.yml': 'images:\n  images/python-base/Dockerfile:\n    name: python-base\n',
    })
    const outcome = await renderIn(dir, { registry: 'quay.io/jupyter', config: 'kaniko.yml' })
    expect(outcome.log.warnings).toEqual([])
    const tag = outcome.images.find((i) => i.name === 'python-base')?.tag
    expect(podsByName(outcome.manifest).get('app').spec.containers[0].args).toContain(`--build-arg=BASE=quay.io/jupyter/python-base:${tag}`)
  })

  it('warn about a FROM that names an in-repo image with a fixed tag, and not about one through an ARG', async () => {
    const dir = repo({
      'base/Dockerfile': 'FROM ubuntu:24.04\n',
      'app/Dockerfile': 'FROM golang:1.23 AS build\nFROM quay.io/jupyter/base:latest\n',
      'tool/Dockerfile': 'ARG BASE=quay.io/jupyter/base\nFROM $BASE\n',
    })
    const outcome = await renderIn(dir, { registry: 'quay.io/jupyter' })
    expect(outcome.log.warnings).toEqual([
      "'app/Dockerfile' line 2: FROM quay.io/jupyter/base:latest names quay.io/jupyter/base, which this repository builds, with a fixed reference: the build takes that one, not the image just built from base/Dockerfile. Write ARG BASE_IMAGE=quay.io/jupyter/base and FROM $BASE_IMAGE, and the build gets its content tag.",
    ])
    // It is still a parent: the check waits for its content tag, and the child's tag covers the parent's hash.
    const tag = outcome.images.find((i) => i.name === 'base')?.tag
    expect(initEnv(podsByName(outcome.manifest).get('app')).PARENT_IMAGES).toBe(`quay.io/jupyter/base:${tag}`)
  })

  it('ignore FROMs of earlier stages', async () => {
    const dir = repo({ 'app/Dockerfile': 'FROM golang:1.23 AS build\nRUN true\nFROM build\n' })
    const outcome = await renderIn(dir, { registry: 'quay.io/jupyter' })
    expect(outcome.images[0]?.name).toBe('app')
  })
})

/** Each image's sync wave (0 when it has none) and the parents its tag covers, from the rendered Pods. */
const shape = (manifest: string): Record<string, string> =>
  Object.fromEntries(
    [...podsByName(manifest)].map(([name, pod]) => {
      const annotations = pod.metadata.annotations
      const parents = /; parents: (.*)$/.exec(annotations['kaniko-gitops/hash-covers'])?.[1] ?? '-'
      // The images the check waits for, by name (`<registry>/<name>:<tag>`).
      const waits = initEnv(pod)
        .PARENT_IMAGES?.split(' ')
        .map((ref) => ref.slice(ref.lastIndexOf('/') + 1, ref.lastIndexOf(':')))
      return [name, `waits for ${waits?.join(', ') ?? '-'}, parents ${parents}`]
    }),
  )

describe('in-repo parents in every spelling the registry resolves to them', () => {
  it.each([
    ['docker.io/acme', 'acme/base'],
    ['docker.io/acme', 'acme/base:1.0'],
    ['docker.io/acme', 'docker.io/acme/base'],
    ['docker.io/acme', 'index.docker.io/acme/base:latest'],
    ['docker.io/acme', `registry-1.docker.io/acme/base@sha256:${'d'.repeat(64)}`],
    ['index.docker.io/acme', 'acme/base'],
    ['docker.io/acme/team', 'acme/team/base:2'],
    ['localhost:5000/acme', 'LOCALHOST:5000/acme/base'],
    ['ghcr.io/acme', 'GHCR.IO/acme/base'],
  ])('registry %s: FROM %s is the in-repo base', async (registry, reference) => {
    const dir = repo({ 'base/Dockerfile': 'FROM alpine:3.20\n', 'app/Dockerfile': `FROM ${reference}\n` })
    const outcome = await renderIn(dir, { registry })
    expect(shape(outcome.manifest)).toEqual({ base: 'waits for -, parents -', app: 'waits for base, parents base' })
    // A fixed reference: the warning names the image as the registry input spells it.
    expect(outcome.log.warnings).toEqual([
      `'app/Dockerfile' line 1: FROM ${reference} names ${registry}/base, which this repository builds, with a fixed reference: the build takes that one, not the image just built from base/Dockerfile. Write ARG BASE_IMAGE=${registry}/base and FROM $BASE_IMAGE, and the build gets its content tag.`,
    ])
  })

  it('pins a Docker Hub shorthand that goes through an ARG', async () => {
    const dir = repo({ 'base/Dockerfile': 'FROM alpine:3.20\n', 'app/Dockerfile': 'ARG BASE=acme/base\nFROM ${BASE}\n' })
    const outcome = await renderIn(dir, { registry: 'docker.io/acme' })
    const tag = outcome.images.find((i) => i.name === 'base')?.tag
    expect(podsByName(outcome.manifest).get('app').spec.containers[0].args).toContain(`--build-arg=BASE=docker.io/acme/base:${tag}`)
    expect(outcome.log.warnings).toEqual([])
  })

  it('COPY --from and RUN --mount from= of an in-repo image make it a parent: wave, tag coverage, rebuild', async () => {
    const tree: Tree = {
      'base/Dockerfile': 'FROM alpine:3.20\n',
      'tools/Dockerfile': 'FROM alpine:3.20\nRUN echo tools\n',
      'cache/Dockerfile': 'FROM alpine:3.20\nRUN echo cache\n',
      'bind/Dockerfile': 'FROM alpine:3.20\nRUN echo bind\n',
      'app/Dockerfile': [
        'FROM golang:1.23 AS build',
        'RUN --mount=type=cache,target=/root/.cache,from=registry.example.com/acme/cache:1 go build',
        'FROM registry.example.com/acme/tools:1 AS tools',
        'FROM alpine:3.20',
        'COPY --from=build /out /out',
        'COPY --from=tools /bin/t /bin/t',
        'COPY --from=0 /out /out2',
        'COPY --link --from=registry.example.com/acme/base:latest /etc/base /etc/base',
        'RUN --mount=type=bind,from=registry.example.com/acme/bind,target=/b --mount=from=registry.example.com/acme/base,target=/c true',
        '',
      ].join('\n'),
    }
    const dir = repo(tree)
    const before = await renderIn(dir)
    expect(shape(before.manifest)).toEqual({
      base: 'waits for -, parents -',
      tools: 'waits for -, parents -',
      cache: 'waits for -, parents -',
      bind: 'waits for -, parents -',
      app: 'waits for base, bind, cache, tools, parents base, bind, cache, tools',
    })
    expect(before.log.warnings).toEqual([
      "'app/Dockerfile' line 2: RUN --mount from=registry.example.com/acme/cache:1 names registry.example.com/acme/cache, which this repository builds, with a fixed reference: the build takes that one, not the image just built from cache/Dockerfile. Write ARG BASE_IMAGE=registry.example.com/acme/cache, a stage FROM $BASE_IMAGE AS base-image, and from=base-image, and the build gets its content tag (builders do not expand ARGs in from).",
      "'app/Dockerfile' line 3: FROM registry.example.com/acme/tools:1 names registry.example.com/acme/tools, which this repository builds, with a fixed reference: the build takes that one, not the image just built from tools/Dockerfile. Write ARG BASE_IMAGE=registry.example.com/acme/tools and FROM $BASE_IMAGE, and the build gets its content tag.",
      "'app/Dockerfile' line 8: COPY --from=registry.example.com/acme/base:latest names registry.example.com/acme/base, which this repository builds, with a fixed reference: the build takes that one, not the image just built from base/Dockerfile. Write ARG BASE_IMAGE=registry.example.com/acme/base, a stage FROM $BASE_IMAGE AS base-image, and COPY --from=base-image, and the build gets its content tag (builders do not expand ARGs in from).",
      "'app/Dockerfile' line 9: RUN --mount from=registry.example.com/acme/bind names registry.example.com/acme/bind, which this repository builds, with a fixed reference: the build takes that one, not the image just built from bind/Dockerfile. Write ARG BASE_IMAGE=registry.example.com/acme/bind, a stage FROM $BASE_IMAGE AS base-image, and from=base-image, and the build gets its content tag (builders do not expand ARGs in from).",
      "'app/Dockerfile' line 9: RUN --mount from=registry.example.com/acme/base names registry.example.com/acme/base, which this repository builds, with a fixed reference: the build takes that one, not the image just built from base/Dockerfile. Write ARG BASE_IMAGE=registry.example.com/acme/base, a stage FROM $BASE_IMAGE AS base-image, and from=base-image, and the build gets its content tag (builders do not expand ARGs in from).",
    ])
    // A change of an image only mounted rebuilds the image that mounts it.
    writeFileSync(path.join(dir, 'bind/Dockerfile'), 'FROM alpine:3.20\nRUN echo bind 2\n')
    const after = await renderIn(dir)
    expect(
      after.images
        .filter((i) => i.status === 'changed')
        .map((i) => i.name)
        .sort(),
    ).toEqual(['app', 'bind'])
  })

  it('pins COPY --from=$ARG to the parent content tag, like a FROM', async () => {
    const dir = repo({
      'tools/Dockerfile': 'FROM alpine:3.20\n',
      'app/Dockerfile': 'ARG TOOLS=registry.example.com/acme/tools\nFROM alpine:3.20\nCOPY --from=$TOOLS /bin/t /bin/t\n',
    })
    const outcome = await renderIn(dir)
    const tag = outcome.images.find((i) => i.name === 'tools')?.tag
    expect(shape(outcome.manifest).app).toBe('waits for tools, parents tools')
    expect(podsByName(outcome.manifest).get('app').spec.containers[0].args).toContain(
      `--build-arg=TOOLS=registry.example.com/acme/tools:${tag}`,
    )
    expect(outcome.log.warnings).toEqual([])
  })

  it('a FROM in a heredoc body is no parent, and no cycle', async () => {
    const dir = repo({
      'a/Dockerfile': 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nFROM registry.example.com/acme/b\nEOF\n',
      'b/Dockerfile': 'FROM registry.example.com/acme/a\nRUN <<-SCRIPT\n\tFROM registry.example.com/acme/a\n\tSCRIPT\n',
    })
    const outcome = await renderIn(dir)
    expect(shape(outcome.manifest)).toEqual({ a: 'waits for -, parents -', b: 'waits for a, parents a' })
  })
})
