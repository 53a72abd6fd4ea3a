import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap'
import type { IIoK8sApiCoreV1Container as Container } from 'kubernetes-models/v1/Container'
import type { IIoK8sApiCoreV1EnvVar as EnvVar } from 'kubernetes-models/v1/EnvVar'
import type { IPod } from 'kubernetes-models/v1/Pod'
import type { IIoK8sApiCoreV1Volume as Volume } from 'kubernetes-models/v1/Volume'
import type { IIoK8sApiCoreV1VolumeMount as VolumeMount } from 'kubernetes-models/v1/VolumeMount'
import { InputError } from '../common/errors.js'
import { limitName } from '../common/names.js'
import { platformNodeSelector, platformPodPrefix, platformTag } from '../common/platforms.js'
import { registryHost } from '../common/reference.js'
import { sha256Hex } from '../common/sha256.js'
import type { PlannedImage } from '../plan/plan.js'
import { ANNOTATION, FORCE_IMAGE_LABEL, LABEL, MANAGED_BY } from './annotations.js'
import { emitScalar, emitYaml, type Json } from './emit.js'

export type { IConfigMap, IPod }

/** The part of Settings that shapes a Pod. */
export interface PodSettings {
  readonly namespace: string
  readonly registrySecret: string
  readonly serviceAccount: string
  readonly credentialHelpers: Readonly<Record<string, string>>
  readonly executorImage: string
  readonly checkImage: string
  readonly insecureRegistries: readonly string[]
  readonly forceNonce: string
  readonly context: 'git' | 'local'
  readonly contextPrefix: string
  readonly gitUrl: string
  readonly gitRef: string
  readonly gitSecret: string
  readonly localPath: string
  readonly repositoryName: string
  readonly cache: boolean
  readonly cacheRepo: string
  readonly cacheTtl: string
  readonly snapshotMode: string
  readonly compressedCaching: boolean
  readonly extraArgs: readonly string[]
  /** How a child waits for its in-repo parents: its init container polls the registry, or ArgoCD sync waves. */
  readonly ordering: 'registry' | 'sync-waves'
  /** Seconds a child's init container waits for its parents' images (`registry` ordering), and an index Pod for its platforms'. */
  readonly parentTimeout: number
  /** The image of a multi-arch image's index Pod (buildah). */
  readonly indexImage: string
}

/** Where the containers find the registry credentials (kaniko's own DOCKER_CONFIG). */
export const DOCKER_CONFIG_DIR = '/kaniko/.docker'
/** Shared between kaniko-init and image-builder: the init container's decision. */
export const STATE_DIR = '/kaniko-gitops'
/** Where the scripts ConfigMap is mounted in both containers. */
export const SCRIPTS_DIR = '/kaniko-gitops-scripts'
export const CHECK_SCRIPT = 'check-image.sh'
export const BUILD_SCRIPT = 'build.sh'
export const SETUP_SCRIPT = 'setup.sh'
export const INDEX_SCRIPT = 'index.sh'
/** The index Pod's buildah storage, HOME and TMPDIR. */
export const INDEX_STORAGE_DIR = '/kaniko-gitops-index'
/** The credential helpers kaniko-setup copies from the executor image for the check (its image has none). */
export const HELPERS_DIR = '/kaniko-gitops-helpers'
/** The registry secret, in kaniko-setup only, when it merges the helpers into the secret's config.json. */
export const SECRET_DIR = '/kaniko-gitops-secret'
/** The Pod label Azure workload identity's webhook looks for (the acr-env helper needs its variables). */
export const AZURE_IDENTITY_LABEL = 'azure.workload.identity/use'

/** Mount point of the node's repository for `context: local` (not /workspace: kaniko resolves relative Dockerfile paths there first). */
export const LOCAL_CONTEXT_DIR = '/context'

const NAME_HASH_LENGTH = 10

export const POD_SETTING_KEYS = [
  'namespace',
  'registrySecret',
  'serviceAccount',
  'credentialHelpers',
  'executorImage',
  'checkImage',
  'insecureRegistries',
  'forceNonce',
  'context',
  'contextPrefix',
  'gitUrl',
  'gitRef',
  'gitSecret',
  'localPath',
  'repositoryName',
  'cache',
  'cacheRepo',
  'cacheTtl',
  'snapshotMode',
  'compressedCaching',
  'extraArgs',
  'ordering',
  'parentTimeout',
  'indexImage',
] as const satisfies readonly (keyof PodSettings)[]

/**
 * Settings that shape only the Pods of images with in-repo parents, or only the index Pods of
 * multi-arch images: they enter only those Pods' keys.
 */
const PARENT_SETTING_KEYS: ReadonlySet<string> = new Set(['ordering', 'parentTimeout', 'indexImage'] satisfies (keyof PodSettings)[])

// Every setting that shapes a Pod must be in its render key, or a changed setting would reuse a stale
// Pod: this fails to compile when PodSettings gains a field that POD_SETTING_KEYS lacks.
type UnkeyedSettings = Exclude<keyof PodSettings, (typeof POD_SETTING_KEYS)[number]>
const everySettingKeyed: [UnkeyedSettings] extends [never] ? true : UnkeyedSettings = true
void everySettingKeyed

/**
 * A hash of everything `buildPod` reads, and of the code that shapes a Pod (podCodeFingerprint). Two
 * Pods with the same key are the same document, so a run can reuse the text of the previous manifest
 * instead of writing the Pod again.
 */
export function renderKey(image: PlannedImage, settings: PodSettings, scriptsConfigMap: string): string {
  const {
    status: _status,
    parents,
    forcedParents,
    target,
    platform,
    platforms,
    extraTags,
    resources,
    nodeSelector,
    tolerations,
    ...inputs
  } = image
  // The text of JSON.stringify([fingerprint, inputs, shaping, scriptsConfigMap, configured?]),
  // with the settings part written once per run instead of once per image.
  // Only a Pod of the git context names its commit: a local one must not change with each new commit.
  const shaping = settings.context === 'git' ? inputs : { ...inputs, commit: '' }
  let key = `["${podCodeFingerprint()}",${JSON.stringify(shaping)},${shapingJson(settings, image.forced)},${JSON.stringify(scriptsConfigMap)}`
  // The per-image config enters the key only when it sets something, so that Pods without a config
  // keep the keys (and the names) they had before the config existed.
  const setsAny =
    target !== '' ||
    platform !== '' ||
    extraTags.length > 0 ||
    resources !== undefined ||
    Object.keys(nodeSelector).length > 0 ||
    tolerations.length > 0
  if (setsAny) {
    key += `,${JSON.stringify({ target, platform, extraTags, resources, nodeSelector, tolerations })}`
  }
  // Likewise the parents (and which of them are forced), and the settings of how a child waits for
  // them: an image without parents keeps its key whatever the ordering.
  if (parents.length > 0) key += `,${JSON.stringify([parents, forcedParents, settings.ordering, settings.parentTimeout])}`
  // A multi-arch image's Pods (its platforms' and its index's), and only they, take the code and
  // settings that shape them: every other Pod keeps its key.
  if (platforms) {
    const index = platform === '' ? [settings.indexImage, settings.parentTimeout] : []
    key += `,${JSON.stringify([multiArchFingerprint(), platforms, ...index])}`
  }
  return sha256Hex(`${key}]`).slice(0, 32)
}

const shapingCache = new WeakMap<PodSettings, { readonly plain: string; readonly forced: string }>()

/** The JSON of the settings that shape every Pod (the force nonce only for a forced one), once per settings object. */
function shapingJson(settings: PodSettings, forced: boolean): string {
  let cached = shapingCache.get(settings)
  if (!cached) {
    const json = (withNonce: boolean) =>
      JSON.stringify(
        POD_SETTING_KEYS.filter((key) => !PARENT_SETTING_KEYS.has(key)).map((key) =>
          key === 'forceNonce' && !withNonce ? '' : settings[key],
        ),
      )
    cached = { plain: json(false), forced: json(true) }
    shapingCache.set(settings, cached)
  }
  return forced ? cached.forced : cached.plain
}

/** A document as it goes into the manifest: its name and its YAML text (without the `---` line). */
export interface NamedDocument {
  readonly name: string
  readonly text: string
}

/** How every document starts, up to its name: apiVersion, its kind, then metadata with the name first. */
const HEADS = (['Pod', 'ConfigMap'] as const).map((kind) => [kind, `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: `] as const)
const NAME_LINE = '\nmetadata:\n  name: '

/**
 * Writes an object whose `metadata.name` is '' once, and names it `<prefix>-<10 hex of that text>`:
 * one name, one text. The name is spliced into the text rather than written again. The hash is of
 * what follows the name line: the lines before it are the same in every document of a kind, and what
 * follows is one run of bytes in the file, so a reader checks a name with one hash (see nameOfText).
 */
export function nameDocument(object: IPod | IConfigMap, prefix: string): NamedDocument {
  const unnamed = emitYaml(object as unknown as { [key: string]: Json })
  const slot = '\nmetadata:\n  name: ""\n'
  const at = unnamed.indexOf(slot)
  const head = unnamed.slice(0, at + NAME_LINE.length)
  if (at === -1 || !HEADS.some(([, known]) => known === head)) {
    throw new Error('nameDocument: the object must start with apiVersion v1, kind Pod or ConfigMap, and an empty metadata.name')
  }
  // A `---` line would end the document in the file (emitYaml indents and quotes, so it writes none):
  // the manifest is its documents joined, and read back by splitting at those lines.
  if (unnamed.includes('\n---\n')) throw new Error('nameDocument: the text has a `---` line')
  const name = `${prefix}-${sha256Hex(unnamed.slice(at + slot.length)).slice(0, NAME_HASH_LENGTH)}`
  ;(object.metadata as { name?: string }).name = name
  return { name, text: `${head}${emitScalar(name)}\n${unnamed.slice(at + slot.length)}` }
}

/** A document's kind and name, checked against its text. */
export interface NamedText {
  readonly kind: (typeof HEADS)[number][0]
  readonly name: string
  /** The name before its hash: the image name of a Pod. */
  readonly prefix: string
}

/**
 * The name `nameDocument` gave `text` (one document's bytes, as the manifest holds them); undefined
 * when the text is not what it named: another start, a name that is not `<prefix>-<10 hex of the text
 * after the name line>`, or one not written as the emitter writes it. A hand edit that keeps the name
 * is found here, at the cost of one hash of the document. `start` is the text's beginning, through
 * its name line, as latin1 (a reader that has it already saves decoding it again).
 */
export function nameOfText(text: Buffer, start: string = text.toString('latin1', 0, 256)): NamedText | undefined {
  const slot = start.indexOf(NAME_LINE)
  const valueAt = slot + NAME_LINE.length
  const lineEnd = slot === -1 ? -1 : start.indexOf('\n', valueAt)
  if (lineEnd === -1) return undefined
  const head = start.slice(0, valueAt)
  const kind = HEADS.find(([, known]) => known === head)?.[0]
  const raw = start.slice(valueAt, lineEnd)
  // The emitter quotes a name YAML could take for a number or a date (`2024-01-0123456789`).
  const name = raw.startsWith('"') ? unquote(raw) : raw
  const dash = name.length - NAME_HASH_LENGTH - 1
  if (kind === undefined || dash < 1 || name.charCodeAt(dash) !== 45 || emitScalar(name) !== raw) return undefined
  const hash = sha256Hex(text.subarray(lineEnd + 1))
  return hash.slice(0, NAME_HASH_LENGTH) === name.slice(dash + 1) ? { kind, name, prefix: name.slice(0, dash) } : undefined
}

function unquote(raw: string): string {
  try {
    const value: unknown = JSON.parse(raw)
    return typeof value === 'string' ? value : ''
  } catch {
    return ''
  }
}

/** The shell scripts the Pod's containers run (templates/ in the project). */
export interface Scripts {
  readonly check: string
  readonly build: string
  readonly setup: string
  /** The index Pod's: in the ConfigMap only when an image is multi-arch (every other manifest keeps its ConfigMap). */
  readonly index?: string
}

/**
 * One ConfigMap carries the containers' scripts for every Pod (instead of a copy in each). It is
 * immutable and `nameDocument` names it after a hash of its text, so a Pod always runs the scripts it
 * was rendered with, and a new script version is a new ConfigMap (and, through the name, new Pods).
 */
export function buildScriptsConfigMap(scripts: Scripts, namespace: string): IConfigMap {
  const data: Record<string, string> = { [BUILD_SCRIPT]: scripts.build, [CHECK_SCRIPT]: scripts.check }
  if (scripts.index !== undefined) data[INDEX_SCRIPT] = scripts.index
  data[SETUP_SCRIPT] = scripts.setup
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: '',
      namespace,
      labels: { [LABEL.component]: 'image-build', [LABEL.managedBy]: MANAGED_BY },
    },
    immutable: true,
    data,
  }
}

/**
 * Builds the kaniko build Pod for one image, unnamed: `nameDocument` names it after a hash of its
 * text, so a name always stands for one exact document: any change (new content, forced rebuild,
 * another executor image) yields a new Pod, which ArgoCD creates, instead of an in-place update
 * Kubernetes refuses.
 */
export function buildPod(image: PlannedImage, settings: PodSettings, scriptsConfigMap: string): IPod {
  return podObject(image, settings, scriptsConfigMap, renderKey(image, settings, scriptsConfigMap))
}

/**
 * What a multi-arch image's platform Pod builds: the image for one platform, under the platform's tag
 * (`<tag>-<os>-<arch>[-<variant>]`), on nodes of that platform (kaniko does not emulate). The extra
 * tags name the index: its Pod pushes them. `platforms` stays: it tells the platform Pod's code.
 */
export function platformBuild(image: PlannedImage, platform: string): PlannedImage {
  const tag = platformTag(image.tag, platform)
  const selector = { ...image.nodeSelector, ...platformNodeSelector(platform) }
  const nodeSelector = Object.fromEntries(Object.entries(selector).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  return { ...image, platform, tag, image: `${image.repository}:${tag}`, extraTags: [], nodeSelector }
}

/** The Pod's name before its hash: the image name, and a platform Pod's `-<arch><variant>`. */
export function podPrefix(image: PlannedImage): string {
  return image.platforms !== undefined && image.platform !== '' ? platformPodPrefix(image.name, image.platform) : image.name
}

/** A multi-arch image's index Pod (its platform Pods have `platform` set). */
function isIndexPod(image: PlannedImage): boolean {
  return image.platforms !== undefined && image.platform === ''
}

/** The Pod with its render key given: podCodeFingerprint renders it without one (the key depends on it). */
function podObject(image: PlannedImage, settings: PodSettings, scriptsConfigMap: string, key: string): IPod {
  const index = isIndexPod(image)
  const { mounts, volumes } = podVolumes(settings, scriptsConfigMap, index)
  const env = imageEnv(image, settings)
  const helpers = Object.values(settings.credentialHelpers)
  const labels: Record<string, string> = {
    [LABEL.name]: image.name,
    [LABEL.component]: 'image-build',
    [LABEL.partOf]: limitName(settings.repositoryName, 63),
    [LABEL.managedBy]: MANAGED_BY,
  }
  if (helpers.includes('acr-env')) labels[AZURE_IDENTITY_LABEL] = 'true'
  const setup = helpers.length > 0 ? [verbatim(setupContainer(settings))] : []
  const pod: IPod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      namespace: settings.namespace,
      labels,
      annotations: podAnnotations(image, settings, key),
    },
    spec: {
      restartPolicy: 'Never',
      // A cloud identity (IRSA, Pod Identity, workload identity) needs the account's token in the Pod.
      ...(settings.serviceAccount === '' ? {} : { serviceAccountName: settings.serviceAccount }),
      automountServiceAccountToken: settings.serviceAccount !== '',
      enableServiceLinks: false,
      initContainers: [...setup, verbatim(initContainer(image, settings, [...env, ...waitEnv(image, settings)], mounts))],
      containers: [verbatim(index ? indexContainer(image, settings, env, mounts) : builderContainer(image, settings, env, mounts))],
      volumes,
    },
  }
  if (pod.spec && Object.keys(image.nodeSelector).length > 0) pod.spec.nodeSelector = { ...image.nodeSelector }
  if (pod.spec && image.tolerations.length > 0) pod.spec.tolerations = image.tolerations.map((t) => ({ ...t }))
  return pod
}

/**
 * The container as the kubelet must start it: the kubelet expands `$(NAME)` in command, args and env
 * values with the container's variables (GIT_PASSWORD among them) and reduces `$$` to `$`. Every `$`
 * is written as `$$`, so the kubelet hands back the text as it was rendered: a folder or build arg
 * of the repository cannot take a variable's value, nor lose a `$`.
 */
function verbatim(container: Container): Container {
  const text = (value: string) => (value.includes('$') ? value.replaceAll('$', () => '$$') : value)
  const { command, args, env } = container
  if (command) container.command = command.map(text)
  if (args) container.args = args.map(text)
  if (env) container.env = env.map((e) => (e.value?.includes('$') ? { ...e, value: text(e.value) } : e))
  return container
}

/**
 * The volumes both containers mount (registry credentials, state, scripts), and the local context's.
 * The credentials are the secret's config.json, or with credential helpers the one kaniko-setup
 * writes (the secret then mounts in kaniko-setup alone), or none.
 */
function podVolumes(settings: PodSettings, scriptsConfigMap: string, index: boolean): { mounts: VolumeMount[]; volumes: Volume[] } {
  const helpers = Object.keys(settings.credentialHelpers).length > 0
  const mounts: VolumeMount[] = []
  const volumes: Volume[] = []
  if (helpers || settings.registrySecret !== '') {
    mounts.push({ name: 'docker-config', mountPath: DOCKER_CONFIG_DIR, readOnly: true })
    // Memory, as a secret volume is: the merged file holds the secret's credentials.
    volumes.push(
      helpers ? { name: 'docker-config', emptyDir: { medium: 'Memory', sizeLimit: '2Mi' } } : secretVolume('docker-config', settings),
    )
  }
  mounts.push({ name: 'state', mountPath: STATE_DIR }, { name: 'scripts', mountPath: SCRIPTS_DIR, readOnly: true })
  volumes.push(
    { name: 'state', emptyDir: { medium: 'Memory', sizeLimit: '1Mi' } },
    { name: 'scripts', configMap: { name: scriptsConfigMap } },
  )
  if (helpers) {
    // On disk: each helper takes 10 to 20 MB.
    volumes.push({ name: 'credential-helpers', emptyDir: { sizeLimit: '256Mi' } })
    if (settings.registrySecret !== '') volumes.push(secretVolume('registry-secret', settings))
  }
  // On disk: buildah's storage holds the manifests of the index alone, no layers.
  if (index) volumes.push({ name: 'index-storage', emptyDir: { sizeLimit: '64Mi' } })
  else if (settings.context === 'local') volumes.push({ name: 'context', hostPath: { path: settings.localPath, type: 'Directory' } })
  return { mounts, volumes }
}

/**
 * Optional: a missing secret, or one without `.dockerconfigjson`, mounts an empty folder instead of
 * holding the Pod in ContainerCreating; the scripts then warn and ask anonymously, and a push that
 * needs credentials fails visibly.
 */
function secretVolume(name: string, settings: PodSettings): Volume {
  return {
    name,
    secret: { secretName: settings.registrySecret, items: [{ key: '.dockerconfigjson', path: 'config.json' }], optional: true },
  }
}

/** kaniko's arguments: where the context is, what to build, where to push, the cache. */
function kanikoArgs(image: PlannedImage, settings: PodSettings): string[] {
  const subPath = joinPosix(settings.contextPrefix, image.contextDir)
  const args: string[] = []
  if (settings.context === 'git') {
    args.push(`--context=${settings.gitUrl}#${settings.gitRef}#${image.commit}`)
    if (subPath !== '') args.push(`--context-sub-path=${subPath}`)
    args.push(`--dockerfile=${image.dockerfileInContext}`)
  } else {
    const dir = joinPosix(LOCAL_CONTEXT_DIR, subPath)
    args.push(`--context=dir://${dir}`, `--dockerfile=${joinPosix(dir, image.dockerfileInContext)}`)
  }
  if (image.target !== '') args.push(`--target=${image.target}`)
  if (image.platform !== '') args.push(`--custom-platform=${image.platform}`)
  args.push(`--destination=${image.image}`)
  // Extra tags (e.g. latest) are pushed with the content tag; the registry check looks at the content tag.
  for (const tag of image.extraTags) args.push(`--destination=${image.repository}:${tag}`)
  args.push('--digest-file=/dev/termination-log')
  // A FROM that goes through an ARG builds on the parent's content tag, not on whatever `latest` is.
  for (const buildArg of image.buildArgs) args.push(`--build-arg=${buildArg}`)
  for (const host of settings.insecureRegistries) args.push(`--insecure-registry=${host}`, `--skip-tls-verify-registry=${host}`)
  if (settings.context === 'git') args.push(`--label=org.opencontainers.image.revision=${image.commit}`)
  // Tells this run's forced build from an older one under the same tag: forced children wait for it.
  if (image.forced) args.push(`--label=${FORCE_IMAGE_LABEL}=${settings.forceNonce}`)
  args.push(`--cache=${settings.cache}`)
  if (settings.cache && settings.cacheRepo !== '') args.push(`--cache-repo=${settings.cacheRepo}`)
  if (settings.cache && settings.cacheTtl !== '') args.push(`--cache-ttl=${settings.cacheTtl}`)
  args.push(`--snapshot-mode=${settings.snapshotMode}`, `--compressed-caching=${settings.compressedCaching}`, ...settings.extraArgs)
  return args
}

/** What both containers' scripts read: the image, whether to force, where the credentials are. */
function imageEnv(image: PlannedImage, settings: PodSettings): EnvVar[] {
  return [
    { name: 'DOCKER_FILENAME', value: image.dockerfile },
    { name: 'DOCKER_IMAGENAME', value: image.repository },
    { name: 'DOCKER_IMAGETAG', value: image.tag },
    { name: 'FORCE_BUILD', value: image.forced ? 'Y' : 'N' },
    { name: 'REGISTRY_INSECURE', value: String(settings.insecureRegistries.includes(registryHost(image.repository))) },
    { name: 'DOCKER_CONFIG', value: DOCKER_CONFIG_DIR },
    { name: 'STATE_DIR', value: STATE_DIR },
  ]
}

/** What the check waits for: an index Pod, for its platforms' images (whatever the ordering); another, for its parents'. */
function waitEnv(image: PlannedImage, settings: PodSettings): EnvVar[] {
  if (!isIndexPod(image)) return parentEnv(image, settings)
  const platforms = platformImages(image)
  // A forced index waits for this run's platform builds, not for older images under their tags.
  return waitFor(platforms, image.forced ? platforms : '', settings)
}

/** The references of a multi-arch image's platform images, blank-separated. */
function platformImages(image: PlannedImage): string {
  return (image.platforms ?? []).map((platform) => `${image.repository}:${platformTag(image.tag, platform)}`).join(' ')
}

/**
 * With `registry` ordering, what the check waits for before its own question: the in-repo parents'
 * content-tagged images (references of the registry's validated form: no blanks, no shell syntax),
 * and of a forced image's forced parents, their build of this run (the force nonce in their label).
 */
function parentEnv(image: PlannedImage, settings: PodSettings): EnvVar[] {
  if (settings.ordering !== 'registry' || image.parents.length === 0) return []
  return waitFor(image.parents.join(' '), image.forcedParents.join(' '), settings)
}

/** The check's variables to wait for `images` first, of which `forced` must be this run's builds. */
function waitFor(images: string, forced: string, settings: PodSettings): EnvVar[] {
  const env = [
    { name: 'PARENT_IMAGES', value: images },
    { name: 'PARENT_TIMEOUT_SECONDS', value: String(settings.parentTimeout) },
  ]
  if (forced !== '') env.push({ name: 'FORCED_PARENT_IMAGES', value: forced }, { name: 'FORCE_NONCE', value: settings.forceNonce })
  return env
}

/** The small containers' user and rights: an unprivileged user that writes only to its volumes. */
function restricted(): Container['securityContext'] {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    runAsUser: 65532,
  }
}

/** The registry check: is `image:tag` there already? With credential helpers, as the push asks. */
function initContainer(image: PlannedImage, settings: PodSettings, env: EnvVar[], mounts: VolumeMount[]): Container {
  const names = helperNames(settings)
  const checkEnv = [
    ...env,
    { name: 'HOME', value: STATE_DIR },
    { name: 'TMPDIR', value: STATE_DIR },
    { name: 'REGISTRY_CREDENTIALS', value: registryCredentials(settings) },
  ]
  let checkMounts = mounts
  if (names !== '') {
    const helper = settings.credentialHelpers[registryHost(image.repository)]
    checkEnv.push({ name: 'CREDENTIAL_HELPERS_DIR', value: HELPERS_DIR }, { name: 'CREDENTIAL_HELPER_NAMES', value: names })
    if (helper !== undefined) checkEnv.push({ name: 'CREDENTIAL_HELPER', value: helper })
    checkMounts = [...mounts, { name: 'credential-helpers', mountPath: HELPERS_DIR, readOnly: true }]
  }
  return {
    name: 'kaniko-init',
    image: settings.checkImage,
    command: ['/bin/sh', `${SCRIPTS_DIR}/${CHECK_SCRIPT}`],
    env: checkEnv,
    resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '128Mi' } },
    securityContext: restricted(),
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeMounts: checkMounts,
  }
}

/** Where the check's config.json comes from: none (asks anonymously), the secret, or kaniko-setup. */
function registryCredentials(settings: PodSettings): 'none' | 'secret' | 'helpers' {
  if (Object.keys(settings.credentialHelpers).length > 0) return 'helpers'
  return settings.registrySecret === '' ? 'none' : 'secret'
}

/** The configured helper names, each once, separated by spaces ('' for none). */
function helperNames(settings: PodSettings): string {
  return [...new Set(Object.values(settings.credentialHelpers))].sort().join(' ')
}

/**
 * Runs first when credential helpers are configured, from the executor image (which ships them):
 * copies the helpers for the check, and writes the config.json the check and kaniko read, with the
 * helpers' map (JSON of validated hosts and names) merged into the secret's config.json when there is one.
 */
function setupContainer(settings: PodSettings): Container {
  const env: EnvVar[] = [
    { name: 'CREDENTIAL_HELPERS', value: JSON.stringify(settings.credentialHelpers) },
    { name: 'CREDENTIAL_HELPER_NAMES', value: helperNames(settings) },
    { name: 'HELPERS_DIR', value: HELPERS_DIR },
    { name: 'DOCKER_CONFIG', value: DOCKER_CONFIG_DIR },
  ]
  const mounts: VolumeMount[] = [
    { name: 'docker-config', mountPath: DOCKER_CONFIG_DIR },
    { name: 'credential-helpers', mountPath: HELPERS_DIR },
    { name: 'scripts', mountPath: SCRIPTS_DIR, readOnly: true },
  ]
  if (settings.registrySecret !== '') {
    env.push({ name: 'REGISTRY_SECRET_CONFIG', value: `${SECRET_DIR}/config.json` })
    mounts.push({ name: 'registry-secret', mountPath: SECRET_DIR, readOnly: true })
  }
  return {
    name: 'kaniko-setup',
    image: settings.executorImage,
    command: ['/busybox/sh', `${SCRIPTS_DIR}/${SETUP_SCRIPT}`],
    env,
    resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { memory: '64Mi' } },
    securityContext: restricted(),
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeMounts: mounts,
  }
}

/** kaniko: builds and pushes, unless the check found the image. */
function builderContainer(image: PlannedImage, settings: PodSettings, env: EnvVar[], mounts: VolumeMount[]): Container {
  const builderEnv: EnvVar[] = [...env]
  if (settings.gitSecret !== '' && settings.context === 'git') {
    for (const key of ['GIT_USERNAME', 'GIT_PASSWORD']) {
      builderEnv.push({ name: key, valueFrom: { secretKeyRef: { name: settings.gitSecret, key } } })
    }
  }
  return {
    name: 'image-builder',
    image: settings.executorImage,
    command: ['/busybox/sh', `${SCRIPTS_DIR}/${BUILD_SCRIPT}`],
    args: kanikoArgs(image, settings),
    env: builderEnv,
    resources: image.resources ? { ...image.resources } : { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '4Gi' } },
    // kaniko unpacks base images as root inside its container; it needs no privileges beyond that.
    securityContext: { privileged: false },
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeMounts: settings.context === 'local' ? [...mounts, { name: 'context', mountPath: LOCAL_CONTEXT_DIR, readOnly: true }] : mounts,
  }
}

/**
 * buildah: assembles the OCI index of the platform images and pushes it under the content tag (last,
 * after the extra tags), unless the check found it. As root without privileges: unprivileged buildah
 * would enter a user namespace, which a Pod's default seccomp profile refuses; root reads the
 * config.json kaniko-setup wrote for its own user. Storage, HOME and TMPDIR are an emptyDir.
 */
function indexContainer(image: PlannedImage, settings: PodSettings, env: EnvVar[], mounts: VolumeMount[]): Container {
  const indexEnv: EnvVar[] = [
    ...env,
    { name: 'PLATFORM_IMAGES', value: platformImages(image) },
    { name: 'EXTRA_TAGS', value: image.extraTags.join(' ') },
    { name: 'INDEX_STORAGE', value: INDEX_STORAGE_DIR },
  ]
  if (registryCredentials(settings) !== 'none') indexEnv.push({ name: 'REGISTRY_AUTH_FILE', value: `${DOCKER_CONFIG_DIR}/config.json` })
  const indexMounts = [...mounts, { name: 'index-storage', mountPath: INDEX_STORAGE_DIR }]
  if (helperNames(settings) !== '') {
    indexEnv.push({ name: 'CREDENTIAL_HELPERS_DIR', value: HELPERS_DIR })
    indexMounts.push({ name: 'credential-helpers', mountPath: HELPERS_DIR, readOnly: true })
  }
  return {
    name: 'index-builder',
    image: settings.indexImage,
    command: ['/bin/sh', `${SCRIPTS_DIR}/${INDEX_SCRIPT}`],
    env: indexEnv,
    resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
    securityContext: { allowPrivilegeEscalation: false, privileged: false, runAsNonRoot: false, runAsUser: 0 },
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeMounts: indexMounts,
  }
}

/** What the next run, ArgoCD and a reader of the manifest learn about the build from the Pod. */
function podAnnotations(image: PlannedImage, settings: PodSettings, key: string): Record<string, string> {
  const annotations: Record<string, string> = {
    [ANNOTATION.dockerfile]: image.dockerfile,
    [ANNOTATION.dockerfileSha256]: image.sha256,
    [ANNOTATION.effectiveSha256]: image.effective,
    [ANNOTATION.hashCovers]: image.covers,
    [ANNOTATION.image]: image.image,
  }
  if (image.platforms !== undefined && image.platform !== '') annotations[ANNOTATION.platform] = image.platform
  if (settings.context === 'git') annotations[ANNOTATION.commit] = image.commit
  if (image.forced) annotations[ANNOTATION.forced] = settings.forceNonce
  // ArgoCD starts a wave when the earlier ones are Healthy: a child builds after its parents Succeeded.
  if (settings.ordering === 'sync-waves' && image.wave > 0) annotations['argocd.argoproj.io/sync-wave'] = String(image.wave)
  annotations[ANNOTATION.renderKey] = key
  checkAnnotationsSize(image.dockerfile, annotations)
  return annotations
}

/**
 * A Pod with every optional part set (git context, registry ordering, a secret merged with
 * credential helpers), its opposite (local context, nothing set but the secret), credential helpers
 * without a secret, neither, and the first under sync-wave ordering.
 */
const SAMPLE_IMAGE: PlannedImage = {
  name: 'sample',
  // Characters the emitter must quote or escape, and references the kubelet would expand (verbatim),
  // in a path and a build arg, so that a change in how either is written shows.
  dockerfile: 'apps/sample: "x" #1/$(GIT_PASSWORD)$$/\u00fc/Dockerfile',
  sha256: '0'.repeat(64),
  effective: '1'.repeat(64),
  covers: 'context apps: 2 file(s) of the commit; parents: base',
  tag: '1'.repeat(16),
  repository: 'registry.sample:5000/team/sample',
  image: `registry.sample:5000/team/sample:${'1'.repeat(16)}`,
  contextDir: 'apps',
  dockerfileInContext: 'sample: "x" #1/$(GIT_PASSWORD)$$/\u00fc/Dockerfile',
  commit: '2'.repeat(40),
  forced: true,
  status: 'unchanged',
  wave: 1,
  parents: [`registry.sample:5000/team/base:${'3'.repeat(16)}`, `registry.sample:5000/team/tools:${'4'.repeat(16)}`],
  forcedParents: [`registry.sample:5000/team/base:${'3'.repeat(16)}`],
  buildArgs: [`BASE=registry.sample:5000/team/base:${'3'.repeat(16)}`, 'V=1.10$(GIT_PASSWORD)'],
  target: 'runtime',
  platform: 'linux/arm64',
  extraTags: ['latest'],
  resources: { requests: { cpu: '1' }, limits: { memory: '2Gi' } },
  // A value YAML 1.1 would read as a number (sexagesimal) unless quoted.
  nodeSelector: { 'kubernetes.io/arch': 'arm64', 'example.com/rack': '1_2:3' },
  tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'builds', effect: 'NoSchedule' }],
}
const SAMPLE_SETTINGS: PodSettings = {
  namespace: 'sample',
  registrySecret: 'sample-registry',
  serviceAccount: 'sample-builder',
  // The image's host has a helper; acr-env adds Azure's label.
  credentialHelpers: { 'registry.sample:5000': 'ecr-login', 'sample.azurecr.io': 'acr-env' },
  executorImage: 'ghcr.io/sample/kaniko:v1-debug',
  checkImage: 'quay.io/sample/skopeo:v1',
  insecureRegistries: ['registry.sample:5000'],
  forceNonce: '1-1',
  context: 'git',
  contextPrefix: 'sub',
  gitUrl: 'git://github.com/sample/sample.git',
  gitRef: 'refs/heads/main',
  gitSecret: 'sample-git',
  localPath: '/srv/sample',
  repositoryName: 'sample-'.repeat(10),
  cache: true,
  cacheRepo: 'registry.sample:5000/cache',
  cacheTtl: '1h',
  snapshotMode: 'redo',
  compressedCaching: false,
  extraArgs: ['--push-retry=3'],
  ordering: 'registry',
  parentTimeout: 10800,
  indexImage: 'quay.io/sample/buildah:v1',
}

let fingerprint: string | undefined

/**
 * A hash of the Pods this code renders for two fixed samples that between them take every branch of
 * podObject, named and written as in a manifest. It enters every render key, so that a change to the
 * code that shapes a Pod (podObject, the emitter, naming) renders every Pod anew instead of reusing the
 * text an older version wrote; a change elsewhere keeps the keys. Computed once per process.
 */
export function podCodeFingerprint(): string {
  if (fingerprint === undefined) {
    const { resources: _resources, ...plain } = SAMPLE_IMAGE
    const local: PlannedImage = {
      ...plain,
      contextDir: '',
      dockerfileInContext: plain.dockerfile,
      forced: false,
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
    const localSettings: PodSettings = {
      ...SAMPLE_SETTINGS,
      context: 'local',
      contextPrefix: '',
      insecureRegistries: [],
      cache: false,
      serviceAccount: '',
      credentialHelpers: {},
    }
    const helpersOnly: PodSettings = { ...localSettings, registrySecret: '', credentialHelpers: { 'other.sample': 'gcr' } }
    const texts = [
      nameDocument(podObject(SAMPLE_IMAGE, SAMPLE_SETTINGS, 'sample-scripts', 'sample-key'), SAMPLE_IMAGE.name).text,
      nameDocument(podObject(local, localSettings, 'sample-scripts', 'sample-key'), local.name).text,
      nameDocument(podObject(local, helpersOnly, 'sample-scripts', 'sample-key'), local.name).text,
      // No credentials at all: no secret, no helpers.
      nameDocument(podObject(local, { ...localSettings, registrySecret: '' }, 'sample-scripts', 'sample-key'), local.name).text,
      // The other ordering: the sync wave instead of the wait.
      nameDocument(
        podObject(SAMPLE_IMAGE, { ...SAMPLE_SETTINGS, ordering: 'sync-waves' }, 'sample-scripts', 'sample-key'),
        SAMPLE_IMAGE.name,
      ).text,
    ]
    fingerprint = sha256Hex(texts.join('---\n'))
  }
  return fingerprint
}

let multiArch: string | undefined

/**
 * Like podCodeFingerprint, for the Pods of a multi-arch image (a platform's and the index's, with
 * and without credential helpers and a secret, forced and not): it enters only their keys.
 */
export function multiArchFingerprint(): string {
  if (multiArch === undefined) {
    const image: PlannedImage = { ...SAMPLE_IMAGE, platform: '', platforms: ['linux/amd64', 'linux/arm/v7'] }
    const plain: PlannedImage = { ...image, forced: false, extraTags: [], parents: [], forcedParents: [] }
    const bare: PodSettings = { ...SAMPLE_SETTINGS, credentialHelpers: {}, registrySecret: '', insecureRegistries: [], context: 'local' }
    const texts = [
      nameDocument(podObject(image, SAMPLE_SETTINGS, 'sample-scripts', 'sample-key'), podPrefix(image)).text,
      nameDocument(podObject(plain, bare, 'sample-scripts', 'sample-key'), podPrefix(plain)).text,
      nameDocument(podObject(platformBuild(image, 'linux/arm/v7'), SAMPLE_SETTINGS, 'sample-scripts', 'sample-key'), 'sample-armv7').text,
      nameDocument(podObject(platformBuild(plain, 'linux/amd64'), bare, 'sample-scripts', 'sample-key'), 'sample-amd64').text,
    ]
    multiArch = sha256Hex(texts.join('---\n'))
  }
  return multiArch
}

/** What Kubernetes allows for all of an object's annotations, keys and values together, in bytes. */
const MAX_ANNOTATIONS_BYTES = 256 * 1024

/**
 * The API server refuses a Pod whose annotations take more than 256 KiB: the paths and the lists of
 * build args and parents in them could, in a repository built to. Refused here, before anything is written.
 */
function checkAnnotationsSize(dockerfile: string, annotations: Readonly<Record<string, string>>): void {
  let chars = 0
  for (const [key, value] of Object.entries(annotations)) chars += key.length + value.length
  // A character takes 1 to 3 bytes in UTF-8: most Pods need no count of bytes.
  if (chars * 3 <= MAX_ANNOTATIONS_BYTES) return
  const sizes = Object.entries(annotations).map(([key, value]) => [key, Buffer.byteLength(key) + Buffer.byteLength(value)] as const)
  const total = sizes.reduce((sum, [, size]) => sum + size, 0)
  if (total <= MAX_ANNOTATIONS_BYTES) return
  const [largest, size] = sizes.reduce((a, b) => (b[1] > a[1] ? b : a))
  throw new InputError(
    `The Pod of ${dockerfile} has annotations of ${total} bytes in all (${largest}: ${size}): expected at most ${MAX_ANNOTATIONS_BYTES} (256 KiB), the most Kubernetes takes (shorter paths, fewer build args or parents).`,
  )
}

function joinPosix(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/')
}
