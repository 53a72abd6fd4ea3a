import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { imageRows } from '../../src/action/summary.js'
import { describeError, InputError } from '../../src/common/errors.js'
import { parseConfigFile, parseInlineConfig } from '../../src/config/parse.js'
import type { ConfigSource } from '../../src/config/types.js'
import { githubEnv, inputEnv } from '../support/action-env.js'
import { parseManifest, validateManifest } from '../support/k8s.js'
import { renderIn } from '../support/render.js'
import { type Tree, tempTrees } from '../support/repo.js'
import { runAction } from '../support/run-action.js'

const { tree: repo } = tempTrees()
const FILE: ConfigSource = { kind: 'file', name: '.github/kaniko-gitops.yml', annotationPath: '.github/kaniko-gitops.yml' }
const INPUT: ConfigSource = { kind: 'input', name: 'image-config', annotationPath: '' }
const CONFIG = '.github/kaniko-gitops.yml'

// Parsed YAML is checked by assertions, not by types.
// biome-ignore lint/suspicious/noExplicitAny: test access to parsed documents
type Doc = any
const manifestOf = (dir: string) => readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')
const podsOf = (dir: string): Doc[] => parseManifest(manifestOf(dir)).filter((d) => d.kind === 'Pod')
const podNamed = (dir: string, name: string): Doc => podsOf(dir).find((p) => p.metadata.labels['app.kubernetes.io/name'] === name)
const builderOf = (pod: Doc) => pod.spec.containers[0]

const TWO: Tree = {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Dockerfile's own ${VAR} syntax
  'services/api/Dockerfile': 'ARG GO_VERSION=1.22\nFROM golang:${GO_VERSION} AS build\nRUN go build\nFROM alpine:3.20 AS runtime\n',
  'services/api/main.go': 'package main\n',
  'services/web/Dockerfile': 'FROM nginx:1.27\n',
}

/** The README's full example: the tests below render it, so the README cannot drift from the code. */
const FULL_EXAMPLE = ((readme: string) => {
  const block = /<!-- config-example -->\n```yaml\n([\s\S]*?)```/.exec(readme)
  if (!block?.[1]) throw new Error('README.md has no config example after <!-- config-example -->')
  return block[1]
})(readFileSync(new URL('../../README.md', import.meta.url), 'utf8'))

/** The CPU time of `a` and of `b`, each the least of five rounds that run them in turn: side by side, whatever the load. */
async function cpuTimes(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  const best: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY]
  for (let round = 0; round < 5; round++) {
    for (const [k, fn] of [a, b].entries()) {
      const start = process.cpuUsage()
      await fn()
      const used = process.cpuUsage(start)
      best[k] = Math.min(best[k] as number, used.user + used.system)
    }
  }
  return best
}

async function errorOf(promise: Promise<unknown>): Promise<InputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(InputError)
  return error as InputError
}

describe('config file: parsing', () => {
  it('reads every setting, with defaults and images, and keeps where each was written', async () => {
    const config = await parseConfigFile(FULL_EXAMPLE, FILE)
    expect(config.defaults.options).toEqual({
      nodeSelector: { 'kubernetes.io/arch': 'amd64' },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'image-builds', effect: 'NoSchedule' }],
    })
    expect(config.images.get('services/api/Dockerfile')?.options).toEqual({
      name: 'api-server',
      context: 'services',
      buildArgs: { GO_VERSION: '1.23' },
      target: 'runtime',
      extraTags: ['latest'],
      platform: 'linux/arm64',
      resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '8Gi' } },
      nodeSelector: { 'kubernetes.io/arch': 'arm64' },
    })
    expect(config.images.get('services/web/Dockerfile')?.options).toEqual({ skip: true })
    expect(config.images.get('services/api/Dockerfile')?.positions.get('target')).toEqual({ line: 17, column: 13 })
  })

  it('takes an empty file, or one with only comments, as no settings', async () => {
    for (const text of ['', '# nothing yet\n', '---\n']) {
      const config = await parseConfigFile(text, FILE)
      expect(config.images.size).toBe(0)
      expect(config.defaults.options).toEqual({})
    }
  })

  it('normalizes Dockerfile paths and refuses two entries for one file', async () => {
    const config = await parseConfigFile('images:\n  ./a/Dockerfile: { target: x }\n', FILE)
    expect([...config.images.keys()]).toEqual(['a/Dockerfile'])
    const error = await errorOf(parseConfigFile('images:\n  ./a/Dockerfile: {}\n  a/Dockerfile: {}\n', FILE))
    expect(error.message).toBe(
      ".github/kaniko-gitops.yml:3:3: images has 'a/Dockerfile' twice (as 'a/Dockerfile'): expected one entry per Dockerfile",
    )
  })

  it('takes what Kubernetes takes: equal values in other units, precision finer than nano (rounded up to 1n)', async () => {
    const resources = [
      'requests: { memory: 1Gi, cpu: 1 }\n      limits: { memory: 1073741824, cpu: 1000m }',
      'requests: { cpu: 0.0001m }\n      limits: { cpu: 100n }',
      'requests: { cpu: 0.0000001m }\n      limits: { cpu: 1n }',
      'requests: { memory: 1e3 }\n      limits: { memory: 1k }',
      'requests: { memory: 8Ei }\n      limits: { memory: 9223372036854775807 }',
      'requests: { cpu: 1e400 }\n      limits: { cpu: 1e401 }',
      'requests: { nvidia.com/gpu: 2000m }\n      limits: { nvidia.com/gpu: 2, memory: 1Gi, hugepages-2Mi: 1Gi }',
    ]
    for (const lines of resources) {
      const config = await parseConfigFile(`images:\n  Dockerfile:\n    resources:\n      ${lines}\n`, FILE)
      expect(config.images.get('Dockerfile')?.options.resources, lines).toBeDefined()
    }
  })

  it('keeps numbers as written in quantities (0.50 stays 0.50)', async () => {
    const config = await parseConfigFile('images:\n  Dockerfile:\n    resources: { requests: { cpu: 0.50 } }\n', FILE)
    expect(config.images.get('Dockerfile')?.options.resources).toEqual({ requests: { cpu: '0.50' } })
  })

  const at = (line: number, column: number, message: string) => `.github/kaniko-gitops.yml:${line}:${column}: ${message}`
  const IMG = 'images › Dockerfile'
  const cases: [string, string, string][] = [
    [
      'an unknown top-level key',
      'image:\n  Dockerfile: {}\n',
      at(1, 1, "the top level has the unknown key 'image': expected one of defaults, images"),
    ],
    ['a list at the top', '- Dockerfile\n', at(1, 1, 'the top level has a list: expected a mapping with the keys defaults and images')],
    [
      'an unknown image key, with the near spelling',
      'images:\n  Dockerfile:\n    build_args: { A: b }\n',
      at(3, 5, `${IMG} has the unknown key 'build_args': expected 'buildArgs'`),
    ],
    [
      'an unknown image key',
      'images:\n  Dockerfile:\n    cpu: 2\n',
      at(
        3,
        5,
        `${IMG} has the unknown key 'cpu': expected one of name, context, buildArgs, target, extraTags, platform, platforms, resources, nodeSelector, tolerations, skip`,
      ),
    ],
    [
      'a per-image key under defaults',
      'defaults:\n  target: x\n',
      at(2, 3, "defaults has the key 'target', which applies to one image only: expected it under images › <Dockerfile>"),
    ],
    [
      'an entry without settings',
      'images:\n  Dockerfile:\n',
      at(
        2,
        3,
        `${IMG} has no value: expected a mapping of image settings (name, context, buildArgs, target, extraTags, platform, platforms, resources, nodeSelector, tolerations, skip)`,
      ),
    ],
    [
      'a name with upper case',
      'images:\n  Dockerfile:\n    name: Api\n',
      at(3, 11, `${IMG} › name has the value 'Api': expected an image name of lower-case letters, digits and -, at most 52 characters`),
    ],
    [
      'a context outside the repository',
      'images:\n  Dockerfile:\n    context: ../other\n',
      at(3, 14, `${IMG} › context has the value '../other': expected a folder inside the repository`),
    ],
    [
      'a build arg that YAML reads as a number',
      'images:\n  Dockerfile:\n    buildArgs:\n      GO_VERSION: 1.10\n',
      at(4, 19, `${IMG} › buildArgs › GO_VERSION has the value '1.10', which YAML reads as a number: expected a string (quote it)`),
    ],
    [
      'a build arg name with a dash',
      'images:\n  Dockerfile:\n    buildArgs: { GO-VERSION: "1" }\n',
      at(3, 18, `a key of ${IMG} › buildArgs has the value 'GO-VERSION': expected a build argument name such as GO_VERSION`),
    ],
    [
      'buildArgs as a list',
      'images:\n  Dockerfile:\n    buildArgs: [A=b]\n',
      at(3, 16, `${IMG} › buildArgs has a list: expected a mapping of build argument names to values`),
    ],
    [
      'a target with a space',
      'images:\n  Dockerfile:\n    target: "final stage"\n',
      at(3, 13, `${IMG} › target has the value 'final stage': expected the name of a stage (FROM ... AS <name>)`),
    ],
    [
      'an extra tag with a colon',
      'images:\n  Dockerfile:\n    extraTags: ["v1:x"]\n',
      at(
        3,
        17,
        `an item of ${IMG} › extraTags has the value 'v1:x': expected a tag: letters, digits, _, . and -, at most 128, not starting with . or -`,
      ),
    ],
    [
      'an extra tag that looks like a content tag',
      'images:\n  Dockerfile:\n    extraTags: [0123456789abcdef]\n',
      at(
        3,
        17,
        `an item of ${IMG} › extraTags has the value '0123456789abcdef': expected a tag that cannot be taken for a content tag (16 hex digits, alone or followed by -)`,
      ),
    ],
    [
      "an extra tag that looks like a platform build's tag",
      'images:\n  Dockerfile:\n    extraTags: [0123456789abcdef-linux-amd64]\n',
      at(
        3,
        17,
        `an item of ${IMG} › extraTags has the value '0123456789abcdef-linux-amd64': expected a tag that cannot be taken for a content tag (16 hex digits, alone or followed by -)`,
      ),
    ],
    [
      'an extra tag twice',
      'images:\n  Dockerfile:\n    extraTags: [latest, latest]\n',
      at(3, 25, `${IMG} › extraTags has 'latest' twice: expected each tag once`),
    ],
    [
      'extraTags as a string',
      'images:\n  Dockerfile:\n    extraTags: latest\n',
      at(3, 16, `${IMG} › extraTags has the value 'latest': expected a list of tags such as [latest]`),
    ],
    [
      'a platform without an architecture',
      'images:\n  Dockerfile:\n    platform: arm64\n',
      at(3, 15, `${IMG} › platform has the value 'arm64': expected a platform such as linux/amd64 or linux/arm64/v8`),
    ],
    [
      'a memory quantity in GB',
      'images:\n  Dockerfile:\n    resources:\n      limits: { memory: 4GB }\n',
      at(4, 25, `${IMG} › resources › limits › memory has the value '4GB': expected a Kubernetes quantity such as 500m, 2 or 4Gi`),
    ],
    [
      'a quantity with two decimal points',
      'images:\n  Dockerfile:\n    resources:\n      limits: { memory: 1.5.3 }\n',
      at(4, 25, `${IMG} › resources › limits › memory has the value '1.5.3': expected a Kubernetes quantity such as 500m, 2 or 4Gi`),
    ],
    [
      'a quantity with an unknown suffix',
      'images:\n  Dockerfile:\n    resources:\n      requests: { memory: 10XB }\n',
      at(4, 27, `${IMG} › resources › requests › memory has the value '10XB': expected a Kubernetes quantity such as 500m, 2 or 4Gi`),
    ],
    [
      'a negative quantity',
      'images:\n  Dockerfile:\n    resources:\n      requests: { cpu: -1 }\n',
      at(4, 24, `${IMG} › resources › requests › cpu has the value '-1': expected a Kubernetes quantity such as 500m, 2 or 4Gi`),
    ],
    [
      'a request above its limit',
      'images:\n  Dockerfile:\n    resources:\n      requests: { cpu: 2, memory: 1Gi }\n      limits: { cpu: 1500m }\n',
      at(4, 24, `${IMG} › resources › requests › cpu has the value '2': expected at most its limit, 1500m`),
    ],
    [
      'a request above its limit in other units',
      'images:\n  Dockerfile:\n    resources:\n      requests: { memory: 1025Mi }\n      limits: { memory: 1Gi }\n',
      at(4, 27, `${IMG} › resources › requests › memory has the value '1025Mi': expected at most its limit, 1Gi`),
    ],
    [
      'a request above its limit in the defaults',
      'defaults:\n  resources:\n    requests: { ephemeral-storage: 10G }\n    limits: { ephemeral-storage: 9.5G }\n',
      at(3, 36, "defaults › resources › requests › ephemeral-storage has the value '10G': expected at most its limit, 9.5G"),
    ],
    [
      'a resource name Kubernetes does not know',
      'images:\n  Dockerfile:\n    resources:\n      limits: { gpu: 1 }\n',
      at(
        4,
        17,
        `a key of ${IMG} › resources › limits has the value 'gpu': expected cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource such as nvidia.com/gpu`,
      ),
    ],
    [
      'a fraction of an extended resource',
      'images:\n  Dockerfile:\n    resources:\n      limits: { nvidia.com/gpu: 0.5 }\n',
      at(4, 33, `${IMG} › resources › limits › nvidia.com/gpu has the value '0.5': expected a whole number (an extended resource)`),
    ],
    [
      'an extended resource requested below its limit',
      'images:\n  Dockerfile:\n    resources:\n      requests: { nvidia.com/gpu: 1 }\n      limits: { nvidia.com/gpu: 2 }\n',
      at(
        4,
        35,
        `${IMG} › resources › requests › nvidia.com/gpu has the value '1': expected the same value as its limit, 2 (Kubernetes never overcommits it)`,
      ),
    ],
    [
      'an extended resource requested without a limit',
      'images:\n  Dockerfile:\n    resources:\n      requests: { nvidia.com/gpu: 1 }\n',
      at(
        4,
        35,
        `${IMG} › resources › requests › nvidia.com/gpu has the value '1': expected a limit of nvidia.com/gpu too, the same as the request (Kubernetes never overcommits it)`,
      ),
    ],
    [
      'huge pages without cpu or memory',
      'images:\n  Dockerfile:\n    resources:\n      limits: { hugepages-2Mi: 1Gi }\n',
      at(4, 7, `${IMG} › resources has huge pages and neither cpu nor memory: expected a cpu or memory request or limit with them`),
    ],
    [
      'resources with an unknown key',
      'images:\n  Dockerfile:\n    resources:\n      limit: { memory: 4Gi }\n',
      at(4, 7, `${IMG} › resources has the unknown key 'limit': expected one of requests, limits`),
    ],
    [
      'a node selector value that YAML reads as a boolean',
      'images:\n  Dockerfile:\n    nodeSelector: { gpu: true }\n',
      at(
        3,
        26,
        `${IMG} › nodeSelector › gpu has the value 'true', which YAML reads as a boolean: expected a label value: at most 63 letters, digits, -, _ and ., starting and ending with a letter or digit (quote it)`,
      ),
    ],
    [
      'a node selector key with two slashes',
      'images:\n  Dockerfile:\n    nodeSelector: { "a/b/c": x }\n',
      at(3, 21, `a key of ${IMG} › nodeSelector has the value 'a/b/c': expected a label key such as kubernetes.io/arch`),
    ],
    [
      'a toleration with Exists and a value',
      'images:\n  Dockerfile:\n    tolerations:\n      - { key: a, operator: Exists, value: b }\n',
      at(4, 9, `an item of ${IMG} › tolerations has operator Exists and a value: expected no value with Exists`),
    ],
    [
      'a toleration with an unknown effect',
      'images:\n  Dockerfile:\n    tolerations:\n      - { key: a, effect: NoRun }\n',
      at(4, 27, `an item of ${IMG} › tolerations › effect has the value 'NoRun': expected NoSchedule, PreferNoSchedule or NoExecute`),
    ],
    [
      'tolerationSeconds without NoExecute',
      'images:\n  Dockerfile:\n    tolerations:\n      - { key: a, effect: NoSchedule, tolerationSeconds: 60 }\n',
      at(4, 9, `an item of ${IMG} › tolerations has tolerationSeconds: expected it only with effect NoExecute`),
    ],
    [
      'a toleration without a key',
      'images:\n  Dockerfile:\n    tolerations:\n      - { operator: Equal, value: a }\n',
      at(4, 9, `an item of ${IMG} › tolerations has no key: expected a key, or operator Exists to tolerate every taint`),
    ],
    ['skip: yes', 'images:\n  Dockerfile:\n    skip: yes\n', at(3, 11, `${IMG} › skip has the value 'yes': expected true or false`)],
    [
      'a key twice',
      'images:\n  Dockerfile:\n    target: a\n    target: b\n',
      at(4, 5, 'expected valid YAML, but a key appears twice in one mapping'),
    ],
    [
      'a key twice in a flow mapping',
      'images:\n  Dockerfile: { target: a, target: b }\n',
      at(2, 28, 'expected valid YAML, but a key appears twice in one mapping'),
    ],
    ['a top-level key twice', 'images: {}\nimages: {}\n', at(2, 1, 'expected valid YAML, but a key appears twice in one mapping')],
    ['broken YAML', 'images:\n  Dockerfile: { target: a\n', at(3, 1, 'expected valid YAML, but')],
    ['two documents', 'images: {}\n---\nimages: {}\n', at(2, 1, 'expected valid YAML, but')],
  ]
  for (const [name, text, message] of cases) {
    it(`names file, line and column: ${name}`, async () => {
      const error = await errorOf(parseConfigFile(text, FILE))
      if (message.endsWith('but')) expect(error.message.startsWith(message)).toBe(true)
      else expect(error.message).toBe(message)
      // The annotation points at the same place.
      const [, line, column] = /:(\d+):(\d+):/.exec(message) ?? []
      expect(error.location).toEqual({ file: FILE.annotationPath, line: Number(line), column: Number(column) })
    })
  }

  // Keys are checked for duplicates in one pass: one mapping of 10,000 keys costs about what ten
  // mappings of 1,000 do (comparing each key with every key before it costs ten times as much).
  it('finds a key written twice in time linear in the keys of a mapping', async () => {
    const args = (n: number, indent: string) => Array.from({ length: n }, (_, i) => `${indent}A${i}: "x"\n`).join('')
    const one = `defaults:\n  buildArgs:\n${args(10_000, '    ')}`
    const ten = `images:\n${Array.from({ length: 10 }, (_, k) => `  d${k}/Dockerfile:\n    buildArgs:\n${args(1000, '      ')}`).join('')}`
    const [oneTime, tenTime] = await cpuTimes(
      () => parseConfigFile(one, FILE),
      () => parseConfigFile(ten, FILE),
    )
    expect(oneTime / tenTime).toBeLessThan(2.5)
    const error = await errorOf(parseConfigFile(`defaults:\n  buildArgs:\n${args(9999, '    ')}    A0: "y"\n`, FILE))
    expect(error.message).toBe(at(10_002, 5, 'expected valid YAML, but a key appears twice in one mapping'))
  })

  // Reading stops at the first error: a flood of bad tokens costs no more than as many good ones.
  it('stops at the first error of a flood of bad tokens', async () => {
    const commas = `images: [${','.repeat(200_000)}]\n`
    const comments = `${'#\n'.repeat(100_000)}images: {}\n`
    const [floodTime, plainTime] = await cpuTimes(
      () => parseConfigFile(commas, FILE).catch(() => undefined),
      () => parseConfigFile(comments, FILE),
    )
    expect(floodTime / plainTime).toBeLessThan(2.5)
    const error = await errorOf(parseConfigFile(commas, FILE))
    expect(error.message).toBe(at(1, 11, 'expected valid YAML, but Unexpected , in flow sequence'))
  })

  it('names the input, line and column for the inline settings', async () => {
    const error = await errorOf(parseInlineConfig('target: runtime\nplatform: amd64\n', INPUT))
    expect(error.message).toBe(
      "Input 'image-config' (line 2, column 11): the image › platform has the value 'amd64': expected a platform such as linux/amd64 or linux/arm64/v8",
    )
    expect(error.location).toBeUndefined()
  })
})

describe('config file: rendering', () => {
  const withConfig = (files: Tree, config: string): string => repo({ ...files, [CONFIG]: config })

  it('renders every setting of the full example into a valid Pod', async () => {
    const dir = withConfig(TWO, FULL_EXAMPLE)
    const out = await renderIn(dir, { config: CONFIG })
    expect(validateManifest(manifestOf(dir))).toEqual([])
    expect(out.images.map((i) => i.name)).toEqual(['api-server'])
    const pod = podNamed(dir, 'api-server')
    const args: string[] = builderOf(pod).args
    expect(args).toContain('--context-sub-path=services')
    expect(args).toContain('--dockerfile=api/Dockerfile')
    expect(args).toContain('--target=runtime')
    expect(args).toContain('--custom-platform=linux/arm64')
    expect(args).toContain('--build-arg=GO_VERSION=1.23')
    const image = out.images[0]?.image as string
    expect(args.filter((a) => a.startsWith('--destination='))).toEqual([
      `--destination=${image}`,
      '--destination=registry.example.com/acme/api-server:latest',
    ])
    expect(builderOf(pod).resources).toEqual({ requests: { cpu: '1', memory: '2Gi' }, limits: { memory: '8Gi' } })
    // The image's own nodeSelector replaces the default; the default tolerations apply.
    expect(pod.spec.nodeSelector).toEqual({ 'kubernetes.io/arch': 'arm64' })
    expect(pod.spec.tolerations).toEqual([{ key: 'dedicated', operator: 'Equal', value: 'image-builds', effect: 'NoSchedule' }])
    // The init container checks the content tag only and keeps its small resources.
    expect(pod.spec.initContainers[0].resources.limits.memory).toBe('128Mi')
    expect(pod.metadata.annotations['kaniko-gitops/hash-covers']).toBe(
      'context services: 3 file(s) of the working tree; config: context services, target runtime, platform linux/arm64, build args GO_VERSION',
    )
  })

  it('passes the local context the configured folder', async () => {
    const dir = withConfig(TWO, 'images:\n  services/api/Dockerfile:\n    context: services\n')
    await renderIn(dir, { config: CONFIG, context: 'local', 'local-path': '/srv/repo' })
    const args: string[] = builderOf(podNamed(dir, 'api')).args
    expect(args.slice(0, 2)).toEqual(['--context=dir:///context/services', '--dockerfile=/context/services/api/Dockerfile'])
  })

  it('changes the tag for settings that change the image, and only the Pod for the others', async () => {
    const plain = await renderIn(repo(TWO))
    const tagOf = (out: typeof plain, name: string) => out.images.find((i) => i.name === name)?.tag
    const podOf = (out: typeof plain, name: string) => out.images.find((i) => i.name === name)?.pod
    const base = tagOf(plain, 'api')
    const variants: [string, boolean][] = [
      ['buildArgs: { GO_VERSION: "1.23" }', true],
      ['target: build', true],
      ['platform: linux/arm64', true],
      ['context: services', true],
      ['context: services/api', false],
      ['extraTags: [latest]', false],
      ['resources: { limits: { memory: 8Gi } }', false],
      ['nodeSelector: { pool: builds }', false],
      ['tolerations: [{ operator: Exists }]', false],
    ]
    for (const [setting, changesTag] of variants) {
      const out = await renderIn(withConfig(TWO, `images:\n  services/api/Dockerfile:\n    ${setting}\n`), { config: CONFIG })
      expect(tagOf(out, 'api') !== base, setting).toBe(changesTag)
      if (setting !== 'context: services/api') expect(podOf(out, 'api'), setting).not.toBe(podOf(plain, 'api'))
      // The other image is untouched: same tag, same Pod.
      expect(podOf(out, 'web'), setting).toBe(podOf(plain, 'web'))
    }
  })

  it('renders the same bytes with an empty config as without one', async () => {
    const dir = repo(TWO)
    await renderIn(dir)
    const before = manifestOf(dir)
    writeFileSync(path.join(dir, 'kaniko-gitops.yml'), '# nothing configured\n')
    const out = await renderIn(dir, { config: 'kaniko-gitops.yml' })
    expect(out.changed).toBe(false)
    expect(manifestOf(dir)).toBe(before)
  })

  it('skips an image, and reports its Pod of the previous manifest as removed', async () => {
    const dir = repo(TWO)
    await renderIn(dir)
    writeFileSync(path.join(dir, 'kaniko-gitops.yml'), 'images:\n  services/web/Dockerfile: { skip: true }\n')
    const out = await renderIn(dir, { config: 'kaniko-gitops.yml' })
    expect(podsOf(dir).map((p) => p.metadata.labels['app.kubernetes.io/name'])).toEqual(['api'])
    expect(out.removed.map((r) => r.name)).toEqual(['web'])
    expect(out.log.infos.join('\n')).toContain('web: removed (skipped by the config)')
    // The summary's table says so, and a skipped image that had no Pod is listed as skipped.
    expect(imageRows(out).map((r) => [r[1], r[4]])).toEqual([
      ['services/api/Dockerfile', 'unchanged'],
      ['services/web/Dockerfile', 'removed, skipped'],
    ])
    const fresh = await renderIn(repo({ ...TWO, 'kaniko-gitops.yml': 'images:\n  services/web/Dockerfile: { skip: true }\n' }), {
      config: 'kaniko-gitops.yml',
    })
    expect(imageRows(fresh).map((r) => [r[1], r[4]])).toEqual([
      ['services/api/Dockerfile', 'new'],
      ['services/web/Dockerfile', 'skipped'],
    ])
  })

  it('never renames another image: naming or skipping one keeps the names derived for the others', async () => {
    const files: Tree = { 'images/a/cuda/Dockerfile': 'FROM alpine:3.20\n', 'images/b/cuda/Dockerfile': 'FROM alpine:3.21\n' }
    const plain = await renderIn(repo(files))
    expect(plain.images.map((i) => i.name)).toEqual(['a-cuda', 'b-cuda'])
    const named = await renderIn(withConfig(files, 'images:\n  images/a/cuda/Dockerfile: { name: gpu-base }\n'), { config: CONFIG })
    expect(named.images.map((i) => i.name)).toEqual(['b-cuda', 'gpu-base'])
    const skipped = await renderIn(withConfig(files, 'images:\n  images/a/cuda/Dockerfile: { skip: true }\n'), { config: CONFIG })
    expect(skipped.images.map((i) => i.name)).toEqual(['b-cuda'])
    // The unconfigured image keeps its Pod, byte for byte.
    expect(named.images.find((i) => i.name === 'b-cuda')?.pod).toBe(plain.images.find((i) => i.name === 'b-cuda')?.pod)
    expect(skipped.images[0]?.pod).toBe(plain.images.find((i) => i.name === 'b-cuda')?.pod)
  })

  it('lets a build arg lead FROM to an in-repo parent, and pins it to the parent content tag', async () => {
    const files: Tree = {
      'base/Dockerfile': 'FROM debian:12\n',
      'app/Dockerfile': 'ARG BASE=docker.io/library/debian:12\nFROM $BASE\n',
    }
    const dir = withConfig(files, 'images:\n  app/Dockerfile:\n    buildArgs: { BASE: registry.example.com/acme/base:latest }\n')
    const out = await renderIn(dir, { config: CONFIG })
    const baseTag = out.images.find((i) => i.name === 'base')?.tag
    const app = podNamed(dir, 'app')
    expect(app.spec.initContainers[0].env).toContainEqual({ name: 'PARENT_IMAGES', value: `registry.example.com/acme/base:${baseTag}` })
    expect(builderOf(app).args).toContain(`--build-arg=BASE=registry.example.com/acme/base:${baseTag}`)
    expect(builderOf(app).args.filter((a: string) => a.startsWith('--build-arg=BASE='))).toHaveLength(1)
  })

  it('applies the inline input to a repository with one Dockerfile', async () => {
    const dir = repo({ Dockerfile: 'FROM alpine:3.20 AS base\nFROM base AS final\n' })
    const out = await renderIn(dir, { 'image-config': 'name: tool\ntarget: final\nextraTags:\n  - latest\n' })
    expect(out.images.map((i) => i.name)).toEqual(['tool'])
    expect(builderOf(podNamed(dir, 'tool')).args).toContain('--target=final')
    expect(validateManifest(manifestOf(dir))).toEqual([])
  })

  const errors: [string, Tree, Record<string, string>, string][] = [
    [
      'an entry for a Dockerfile that was not found',
      { ...TWO, [CONFIG]: 'images:\n  services/apx/Dockerfile:\n    target: runtime\n' },
      { config: CONFIG },
      ".github/kaniko-gitops.yml:3:5: images has an entry for 'services/apx/Dockerfile', but the 'dockerfiles' patterns matched no such file: expected one of services/api/Dockerfile, services/web/Dockerfile",
    ],
    [
      'a target that is not a stage',
      { ...TWO, [CONFIG]: 'images:\n  services/api/Dockerfile:\n    target: final\n' },
      { config: CONFIG },
      ".github/kaniko-gitops.yml:3:13: images › services/api/Dockerfile › target has the value 'final': expected a stage of services/api/Dockerfile (build, runtime)",
    ],
    [
      'a context that does not hold the Dockerfile',
      { ...TWO, [CONFIG]: 'images:\n  services/api/Dockerfile:\n    context: services/web\n' },
      { config: CONFIG },
      ".github/kaniko-gitops.yml:3:14: images › services/api/Dockerfile › context has the value 'services/web': expected a folder that holds the Dockerfile (services/api or one above it)",
    ],
    [
      'a name another image has',
      { ...TWO, [CONFIG]: 'images:\n  services/api/Dockerfile:\n    name: web\n' },
      { config: CONFIG },
      ".github/kaniko-gitops.yml:3:11: the image name 'web' of services/api/Dockerfile is also the name of services/web/Dockerfile's image: expected a name no other image has (or give services/web/Dockerfile another name).",
    ],
    [
      'every image skipped',
      { ...TWO, [CONFIG]: 'defaults: {}\nimages:\n  services/api/Dockerfile: { skip: true }\n  services/web/Dockerfile: { skip: true }\n' },
      { config: CONFIG },
      "Every Dockerfile that matched is skipped by '.github/kaniko-gitops.yml' (services/api/Dockerfile, services/web/Dockerfile): expected at least one image to build.",
    ],
    [
      'a config file that is not there',
      TWO,
      { config: CONFIG },
      "Input 'config' has the value '.github/kaniko-gitops.yml': expected a file in the repository, but there is none at that path.",
    ],
    [
      'a config path that is not YAML',
      TWO,
      { config: 'kaniko.json' },
      "Input 'config' has the value 'kaniko.json': expected a YAML file path such as .github/kaniko-gitops.yml.",
    ],
    [
      'the inline input with two Dockerfiles',
      TWO,
      { 'image-config': 'target: runtime' },
      "Input 'image-config' sets the settings of a repository's only image, but 2 Dockerfiles matched (services/api/Dockerfile, services/web/Dockerfile): expected one, or the settings in a config file (input 'config') keyed by Dockerfile path.",
    ],
    [
      'both the file and the inline input',
      { ...TWO, [CONFIG]: 'images: {}\n' },
      { config: CONFIG, 'image-config': 'target: runtime' },
      "Inputs 'config' ('.github/kaniko-gitops.yml') and 'image-config' are both set: expected one of them (the file for several images, the input for a repository with one).",
    ],
  ]
  for (const [name, files, inputs, message] of errors) {
    it(`refuses ${name}, and writes nothing`, async () => {
      const dir = repo(files)
      const error = await renderIn(dir, inputs).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(describeError(error)).toBe(message)
      expect(() => manifestOf(dir)).toThrow(/ENOENT/)
    })
  }
})

describe('config file: the action', () => {
  it('fails with an annotation on the file, line and column', async () => {
    const dir = repo({ ...TWO, 'sub/x': '', [CONFIG]: 'images:\n  services/api/Dockerfile:\n    target: final\n' })
    const result = await runAction(
      process.execPath,
      { ...inputEnv({ mode: 'render', registry: 'registry.example.com/acme', config: CONFIG }), ...githubEnv(dir) },
      dir,
    )
    expect(result.status).toBe(1)
    expect(result.stdout).toContain(
      "::error file=.github/kaniko-gitops.yml,line=3,col=13::.github/kaniko-gitops.yml:3:13: images › services/api/Dockerfile › target has the value 'final'",
    )
  })
})
