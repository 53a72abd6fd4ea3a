/**
 * Images built on images of the same repository, on a chain shaped like jupyter/docker-stacks:
 * docker-stacks-foundation -> base-notebook -> minimal-notebook -> scipy-notebook -> {r, julia,
 * tensorflow, pytorch (+ cuda12, cuda13 variants in subfolders), datascience, pyspark -> all-spark}.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseManifest, validateManifest } from './support/k8s.js'
import { renderIn } from './support/render.js'
import { type Tree, tempTrees } from './support/repo.js'

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

describe('images built on images of the same repository', () => {
  it('build in sync waves by depth, each on its parent exact content tag', async () => {
    const dir = repo(STACKS)
    const outcome = await renderIn(dir, { registry: 'quay.io/jupyter' })
    expect(validateManifest(outcome.manifest)).toEqual([])
    const pods = podsByName(outcome.manifest)
    const tags = new Map(outcome.images.map((i) => [i.name, i.tag]))
    for (const [name, wave] of Object.entries(WAVES)) {
      const annotations = pods.get(name).metadata.annotations
      expect(annotations['argocd.argoproj.io/sync-wave'], name).toBe(wave === 0 ? undefined : String(wave))
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

  it('refuse a FROM of the registry that no Dockerfile here builds, naming the file and the line', async () => {
    const dir = repo({ 'a/Dockerfile': 'FROM ubuntu:24.04\n', 'b/Dockerfile': '# base\nFROM quay.io/jupyter/nope:latest\n' })
    await expect(renderIn(dir, { registry: 'quay.io/jupyter' })).rejects.toThrow(
      "'b/Dockerfile' line 2: FROM quay.io/jupyter/nope:latest names quay.io/jupyter/nope, an image of the registry 'quay.io/jupyter', but no Dockerfile of this repository builds it; its images are quay.io/jupyter/a, quay.io/jupyter/b.",
    )
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
    // It is still a parent: it builds in a later wave, and its tag covers the parent's hash.
    const app = parseManifest(outcome.manifest).find((d) => (d.metadata as { name: string }).name.startsWith('app-')) as {
      metadata: { annotations: Record<string, string> }
    }
    expect(app.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('1')
  })

  it('ignore FROMs of earlier stages', async () => {
    const dir = repo({ 'app/Dockerfile': 'FROM golang:1.23 AS build\nRUN true\nFROM build\n' })
    const outcome = await renderIn(dir, { registry: 'quay.io/jupyter' })
    expect(outcome.images[0]?.name).toBe('app')
  })
})
