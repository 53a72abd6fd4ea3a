import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import * as real from '../../src/manifest/pod.js'
import type { PlannedImage } from '../../src/plan/plan.js'

// The render key must change whenever the code that shapes a Pod changes, or a run of a new version
// would reuse the Pods an older one wrote. These tests change that code for real: a copy of the
// source with one edit, loaded beside the real modules, must give another key for the same inputs.

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))
const scratch = mkdtempSync(path.join(os.tmpdir(), 'kaniko-gitops-mutant-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

type PodModule = typeof real
type Edit = readonly [file: string, from: string, to: string]

let copies = 0
/**
 * The pod module with `edits` made to its source or to the modules it uses (paths under src/): the
 * edited files are copied to a scratch folder, their relative imports pointed at the copies or, for
 * files not edited, at the real modules.
 */
async function edited(edits: readonly Edit[]): Promise<PodModule> {
  const root = path.join(scratch, String(copies++))
  const files = new Set(['manifest/pod.ts', ...edits.map(([file]) => file)])
  for (const file of files) {
    let text = readFileSync(path.join(SRC, file), 'utf8')
    for (const [target, from, to] of edits) {
      if (target !== file) continue
      expect(text, `${file} has ${from}`).toContain(from)
      text = text.replace(from, () => to)
    }
    text = text.replace(/from '(\.{1,2}\/[^']+)\.js'/g, (_m, relative: string) => {
      const module = path.posix.join(path.posix.dirname(file), `${relative}.ts`)
      return `from '${files.has(module) ? path.join(root, module) : path.join(SRC, module)}'`
    })
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    writeFileSync(path.join(root, file), text)
  }
  return import(path.join(root, 'manifest/pod.ts'))
}

/** An image as most are: git context, nothing configured, not forced, no parent, an ASCII path. */
const PLAIN: PlannedImage = {
  name: 'api',
  dockerfile: 'services/api/Dockerfile',
  sha256: 'a'.repeat(64),
  effective: 'a'.repeat(64),
  covers: 'dockerfile',
  tag: 'a'.repeat(16),
  repository: 'registry.example.com/acme/api',
  image: `registry.example.com/acme/api:${'a'.repeat(16)}`,
  contextDir: 'services/api',
  dockerfileInContext: 'Dockerfile',
  commit: 'c'.repeat(40),
  forced: false,
  status: 'unchanged',
  wave: 0,
  parents: [],
  forcedParents: [],
  buildArgs: [],
  target: '',
  platform: '',
  extraTags: [],
  nodeSelector: {},
  tolerations: [],
}
const SETTINGS: real.PodSettings = {
  namespace: 'kaniko',
  registrySecret: 'docker-config-secret',
  serviceAccount: '',
  credentialHelpers: {},
  executorImage: 'ghcr.io/osscontainertools/kaniko:v1.28.0-debug',
  checkImage: 'quay.io/skopeo/stable:v1.22.2',
  insecureRegistries: [],
  forceNonce: '1-1',
  context: 'git',
  contextPrefix: '',
  gitUrl: 'git://github.com/acme/shop.git',
  gitRef: 'refs/heads/main',
  gitSecret: '',
  localPath: '/workspace',
  repositoryName: 'shop',
  cache: true,
  cacheRepo: '',
  cacheTtl: '',
  snapshotMode: 'redo',
  compressedCaching: false,
  extraArgs: [],
  ordering: 'registry',
  parentTimeout: 10800,
}
/** An image with an in-repo parent. */
const CHILD: PlannedImage = {
  ...PLAIN,
  name: 'app',
  wave: 1,
  parents: [`registry.example.com/acme/api:${'a'.repeat(16)}`],
  buildArgs: [`BASE=registry.example.com/acme/api:${'a'.repeat(16)}`],
}
/** Images and settings that take the other branches, to show that an edit changes some Pod. */
const VARIANTS: [PlannedImage, real.PodSettings][] = [
  [PLAIN, SETTINGS],
  [
    { ...CHILD, wave: 2, forced: true, dockerfile: 'dienste/straße/Dockerfile' },
    { ...SETTINGS, repositoryName: 'r'.repeat(80), ordering: 'sync-waves' },
  ],
  [CHILD, SETTINGS],
  [{ ...CHILD, forced: true, forcedParents: CHILD.parents }, SETTINGS],
  [PLAIN, { ...SETTINGS, context: 'local' }],
  [PLAIN, { ...SETTINGS, serviceAccount: 'builder', credentialHelpers: { 'registry.example.com': 'ecr-login' } }],
  [PLAIN, { ...SETTINGS, registrySecret: '', credentialHelpers: { 'registry.example.com': 'acr-env' } }],
  [
    { ...PLAIN, dockerfile: 'x$(GIT_PASSWORD)/Dockerfile', contextDir: 'x$(GIT_PASSWORD)', buildArgs: ['LEAK=$(GIT_PASSWORD)$$'] },
    { ...SETTINGS, gitSecret: 'git' },
  ],
]

const textOf = (pod: PodModule, [image, settings]: [PlannedImage, real.PodSettings]) =>
  pod.nameDocument(pod.buildPod(image, settings, 'scripts'), image.name).text.replace(/\n {4}kaniko-gitops\/render-key: .*\n/, '\n')

const EDITS: Edit[] = [
  ['manifest/pod.ts', 'securityContext: { privileged: false }', 'securityContext: { privileged: true }'],
  ['manifest/pod.ts', "sizeLimit: '1Mi'", "sizeLimit: '2Mi'"],
  // Pods of the local context only.
  ['manifest/pod.ts', "type: 'Directory' }", "type: 'DirectoryOrCreate' }"],
  // Images with in-repo parents only, under sync-wave ordering.
  ['manifest/pod.ts', 'String(image.wave)', 'String(image.wave + 1)'],
  // Images with in-repo parents only, under registry ordering.
  ['manifest/pod.ts', "image.parents.join(' ')", "image.parents.join(',')"],
  // Forced children of forced parents only, under registry ordering.
  ['manifest/pod.ts', "name: 'FORCED_PARENT_IMAGES'", "name: 'FORCED_PARENTS'"],
  // Values beyond ASCII only: the emitter.
  ['manifest/emit.ts', "padStart(4, '0')", "padStart(4, '0').toUpperCase()"],
  // Repository names over 63 characters only: naming.
  ['common/names.ts', 'shortHash(name, 6)', 'shortHash(name, 7)'],
  // Texts with `$` only: how they are kept from the kubelet's expansion of `$(NAME)` and `$$`.
  ['manifest/pod.ts', "replaceAll('$', () => '$$')", "replaceAll('$', () => '$')"],
  // Pods with credential helpers only.
  ['manifest/pod.ts', "sizeLimit: '256Mi'", "sizeLimit: '512Mi'"],
  ['manifest/pod.ts', 'mountPath: SECRET_DIR, readOnly: true', 'mountPath: SECRET_DIR, readOnly: false'],
  ['manifest/pod.ts', "labels[AZURE_IDENTITY_LABEL] = 'true'", "labels[AZURE_IDENTITY_LABEL] = 'yes'"],
  // Pods with a service account only.
  ['manifest/pod.ts', '{ serviceAccountName: settings.serviceAccount }', '{ serviceAccountName: settings.serviceAccount.toUpperCase() }'],
]

describe('the render key', () => {
  it('is the same for a copy of the code without edits (the copies below differ by their edit alone)', async () => {
    const copy = await edited([])
    expect(copy.renderKey(PLAIN, SETTINGS, 'scripts')).toBe(real.renderKey(PLAIN, SETTINGS, 'scripts'))
    expect(copy.podCodeFingerprint()).toBe(real.podCodeFingerprint())
    for (const variant of VARIANTS) expect(textOf(copy, variant)).toBe(textOf(real, variant))
  })

  it('of an image without in-repo parents does not depend on the ordering settings; of a child it does', () => {
    const other = { ...SETTINGS, ordering: 'sync-waves', parentTimeout: 60 } as const
    expect(real.renderKey(PLAIN, other, 'scripts')).toBe(real.renderKey(PLAIN, SETTINGS, 'scripts'))
    expect(real.renderKey(CHILD, other, 'scripts')).not.toBe(real.renderKey(CHILD, SETTINGS, 'scripts'))
    expect(real.renderKey(CHILD, { ...SETTINGS, parentTimeout: 60 }, 'scripts')).not.toBe(real.renderKey(CHILD, SETTINGS, 'scripts'))
    const otherParent = { ...CHILD, parents: [`registry.example.com/acme/base:${'b'.repeat(16)}`] }
    expect(real.renderKey(otherParent, SETTINGS, 'scripts')).not.toBe(real.renderKey(CHILD, SETTINGS, 'scripts'))
    // A forced child renders otherwise when its parent is forced too (it waits for that build).
    const forcedChild = { ...CHILD, forced: true }
    expect(real.renderKey({ ...forcedChild, forcedParents: CHILD.parents }, SETTINGS, 'scripts')).not.toBe(
      real.renderKey(forcedChild, SETTINGS, 'scripts'),
    )
  })

  it.each(EDITS)('changes for every image when the code that shapes a Pod changes: %s, %s', async (...edit) => {
    const pod = await edited([edit])
    // The edit shapes some Pod...
    expect(VARIANTS.some((variant) => textOf(pod, variant) !== textOf(real, variant))).toBe(true)
    // ... and so no Pod an older version rendered is taken for one of this version, even one the edit leaves alone.
    expect(pod.renderKey(PLAIN, SETTINGS, 'scripts')).not.toBe(real.renderKey(PLAIN, SETTINGS, 'scripts'))
  })
})
