import path from 'node:path'
import { InputError } from '../common/errors.js'
import { isDns1123Label, normalizeName } from '../common/names.js'
import { isKnownPlatform, KNOWN_PLATFORMS, samePlatform } from '../common/platforms.js'
import { explainPinnedImage, explainRegistryHost, explainRegistryPrefix, isDockerHubHost, registryHost } from '../common/reference.js'
import { MAX_WAIT_MS, parseDuration } from '../registry/wait.js'
import { compileGlob } from '../scan/glob.js'
import type { RunEvent } from './event.js'
import * as core from './runner.js'

export const MODES = ['auto', 'render', 'diff', 'commit', 'wait'] as const
export type Mode = (typeof MODES)[number]
export const CONTEXTS = ['git', 'local'] as const
export type ContextKind = (typeof CONTEXTS)[number]
export const HASH_KINDS = ['context', 'dockerfile'] as const
export type HashKind = (typeof HASH_KINDS)[number]
export const SNAPSHOT_MODES = ['redo', 'full', 'time'] as const
export type SnapshotMode = (typeof SNAPSHOT_MODES)[number]
export const COMMIT_METHODS = ['api', 'git'] as const
export type CommitMethod = (typeof COMMIT_METHODS)[number]
export const ORDERINGS = ['registry', 'sync-waves'] as const
export type Ordering = (typeof ORDERINGS)[number]
/** The longest `parent-timeout`: a day. */
export const MAX_PARENT_TIMEOUT_SECONDS = 24 * 3600

/** Everything a run needs, validated once by `getSettings`, then frozen. */
export interface Settings {
  /** The mode asked for (`auto` is resolved by the caller from the event). */
  readonly mode: Mode
  /** Absolute path of the folder searched for Dockerfiles; repository-relative paths start here. */
  readonly root: string
  /** Where `root` lies inside the git repository kaniko clones (POSIX, '' for the top). */
  readonly contextPrefix: string
  /** What a content tag covers: the build context, or the Dockerfile alone. */
  readonly hash: HashKind
  /** Glob patterns relative to `root`; a leading '!' excludes. */
  readonly dockerfiles: readonly string[]
  /** Registry and namespace that images are pushed under, e.g. `docker.io/acme`. */
  readonly registry: string
  /** Manifest path relative to `root` (POSIX). */
  readonly output: string
  /** Absolute manifest path. */
  readonly outputPath: string
  /** Kubernetes namespace of the build Pods. */
  readonly namespace: string
  /** Name of the `kubernetes.io/dockerconfigjson` secret with registry credentials ('' for none). */
  readonly registrySecret: string
  /** ServiceAccount the build Pods run as, with its token mounted ('' for none: no token). */
  readonly serviceAccount: string
  /** Registry host -> docker credential helper name (`docker-credential-<name>`), sorted by host. */
  readonly credentialHelpers: Readonly<Record<string, string>>
  /** Pinned kaniko executor image (a `-debug` variant: the wrapper needs its busybox shell). */
  readonly executorImage: string
  /** Pinned image that runs the registry check (needs `/bin/sh` and `skopeo`). */
  readonly checkImage: string
  /** Registry hosts (`host[:port]`) that speak plain HTTP or have a certificate the Pods do not trust. */
  readonly insecureRegistries: readonly string[]
  /** Rebuild every image even when its tag exists. */
  readonly forceBuild: boolean
  /** Image names to rebuild even when their tag exists. */
  readonly forceImages: readonly string[]
  /** Tells one forced run from another so a forced Pod gets a fresh name (run id and attempt). */
  readonly forceNonce: string
  /** Where kaniko takes the build context from. */
  readonly context: ContextKind
  /** kaniko git context URL of the repository, `git://host/owner/repo.git`. */
  readonly gitUrl: string
  /** Ref the pinned commit is fetched through, e.g. `refs/heads/main`. */
  readonly gitRef: string
  /** The commit being rendered (40 hex). */
  readonly commitSha: string
  /** Secret with GIT_USERNAME/GIT_PASSWORD for private repositories ('' for none). */
  readonly gitSecret: string
  /** Node path of the repository for the `local` context (hostPath). */
  readonly localPath: string
  /** How a child waits for its in-repo parents: polling the registry, or ArgoCD sync waves. */
  readonly ordering: Ordering
  /** With `registry` ordering: how long a child waits for its parents' images, in seconds. */
  readonly parentTimeout: number
  /** The `platforms` input: every image's platforms (two or more: multi-arch) unless its config sets them; [] for none. */
  readonly platforms: readonly string[]
  /** Pinned image of a multi-arch image's index Pod (needs `/bin/sh` and `buildah`). */
  readonly indexImage: string
  /** Name used for a Dockerfile at the root and for the `part-of` label. */
  readonly repositoryName: string
  /** `owner` and `repo` of GITHUB_REPOSITORY. */
  readonly owner: string
  readonly repo: string
  /** Token for the GitHub API (masked in logs as soon as it is read). */
  readonly token: string
  /** GitHub REST API base URL (GITHUB_API_URL). */
  readonly apiUrl: string
  /** The branch the manifest is committed to. */
  readonly branch: string
  /** The manifest's path from the top of the git repository (`contextPrefix` + `output`). */
  readonly manifestRepoPath: string
  /** How commits reach the branch: the GitHub API (signed by GitHub) or `git push` from the checkout. */
  readonly commitMethod: CommitMethod
  /** Message of the manifest commit; `{manifest}` and `{sha}` are replaced. */
  readonly commitMessage: string
  /** Fail a pull request that edits the manifest so that it no longer matches the render. */
  readonly failOnDrift: boolean
  /** Keep one sticky comment with the diff on the pull request. */
  readonly comment: boolean
  /** kaniko's registry layer cache. */
  readonly cache: boolean
  /** `--cache-repo` ('' for kaniko's default). */
  readonly cacheRepo: string
  /** `--cache-ttl` ('' for kaniko's default). */
  readonly cacheTtl: string
  readonly snapshotMode: SnapshotMode
  readonly compressedCaching: boolean
  /** More kaniko flags, each `--name` or `--name=value`. */
  readonly extraArgs: readonly string[]
  /** Run on `pull_request_target` events (write token, possibly untrusted files). */
  readonly allowPullRequestTarget: boolean
  /** The per-image config file, relative to `root` ('' for none). */
  readonly config: string
  /** The `image-config` input: settings of the only image, as YAML ('' for none). */
  readonly imageConfig: string
  /** The event that started the run. */
  readonly event: RunEvent
  /** mode: wait: the image names to wait for (none: those the commit built or forced). */
  readonly waitImages: readonly string[]
  /** mode: wait: how long to wait, and the first pause between looks at the registry. */
  readonly waitTimeoutMs: number
  readonly waitIntervalMs: number
  /** mode: wait: fail the job when the images are not all there in time. */
  readonly failOnTimeout: boolean
  /** Post a commit status per image (pending from commit mode, success or failure from wait). */
  readonly statuses: boolean
}

/** Reads one input by its name in action.yml: the text as given, trimmed as @actions/core trims it. */
export type InputReader = (name: string) => string

/** @actions/core's `getBooleanInput`: YAML 1.2 core-schema words, in exactly these spellings. */
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['True', true],
  ['TRUE', true],
  ['false', false],
  ['False', false],
  ['FALSE', false],
])

function fail(input: string, value: string, expected: string): never {
  throw new InputError(`Input '${input}' has the value '${value}': ${expected}.`)
}

/** The inputs through a reader, by the rules @actions/core reads them with. */
class Inputs {
  readonly #read: InputReader

  constructor(read: InputReader) {
    this.#read = read
  }

  /** Trimmed here too, so that a reader of text as given (the command line's flags) reads like the runner's. */
  text(name: string): string {
    return this.#read(name).trim()
  }

  /** `getMultilineInput`: the non-empty lines, each trimmed (a line of blanks stays, as ''). */
  lines(name: string): string[] {
    return this.text(name)
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.trim())
  }

  /** Items separated by commas or new lines, empty ones dropped. */
  list(name: string): string[] {
    return this.lines(name)
      .flatMap((line) => line.split(','))
      .map((item) => item.trim())
      .filter((item) => item !== '')
  }

  boolean(name: string): boolean {
    const value = this.text(name)
    return BOOLEAN_WORDS.get(value) ?? fail(name, value, `expected one of ${[...BOOLEAN_WORDS.keys()].join(', ')}`)
  }

  choice<T extends string>(name: string, choices: readonly T[]): T {
    const value = this.text(name)
    if ((choices as readonly string[]).includes(value)) return value as T
    return fail(name, value, `expected one of ${choices.join(', ')}`)
  }

  required(name: string): string {
    const value = this.text(name)
    if (value === '') fail(name, value, 'a value is required')
    return value
  }

  /** A repository-relative POSIX path that stays inside the repository. */
  relativePath(name: string): string {
    const raw = this.text(name)
    const value = raw.replace(/\\/g, '/')
    if (value === '' || path.posix.isAbsolute(value) || path.win32.isAbsolute(raw)) {
      fail(name, raw, 'expected a path relative to the repository')
    }
    const normalized = path.posix.normalize(value).replace(/\/+$/, '')
    if (normalized === '..' || normalized.startsWith('../')) fail(name, raw, 'expected a path inside the repository')
    return normalized === '.' ? '' : normalized
  }

  /** A YAML file path inside the repository, such as `example`. */
  yamlPath(name: string, example: string): string {
    const value = this.relativePath(name)
    if (value === '' || !/\.ya?ml$/.test(value)) fail(name, this.text(name), `expected a YAML file path such as ${example}`)
    return value
  }
}

function variable(vars: NodeJS.ProcessEnv, name: string): string {
  return (vars[name] ?? '').trim()
}

/** `https://github.com` + `acme/shop` -> `git://github.com/acme/shop.git` (kaniko's git context). */
export function gitContextUrl(serverUrl: string, repository: string): string {
  const host = serverUrl.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')
  return `git://${host}/${repository}.git`
}

type RunPart = Pick<Settings, 'mode' | 'forceBuild' | 'forceImages' | 'forceNonce' | 'allowPullRequestTarget' | 'event'>

/** What to do: the mode, the images to force, and the event. */
function runSettings(inputs: Inputs, vars: NodeJS.ProcessEnv, event: RunEvent): RunPart {
  const runId = variable(vars, 'GITHUB_RUN_ID')
  const attempt = variable(vars, 'GITHUB_RUN_ATTEMPT') || '1'
  // The nonce reaches a label of forced images and a check script's environment: digits only.
  for (const [name, value] of [
    ['GITHUB_RUN_ID', runId],
    ['GITHUB_RUN_ATTEMPT', attempt],
  ] as const) {
    if (value !== '' && !/^[0-9]{1,20}$/.test(value)) {
      throw new InputError(`${name} is '${value}': expected a whole number (it marks the images a forced run builds).`)
    }
  }
  return {
    mode: inputs.choice('mode', MODES),
    forceBuild: inputs.boolean('force-build'),
    forceImages: Object.freeze(inputs.list('force-images')),
    forceNonce: runId ? `${runId}-${attempt}` : new Date().toISOString(),
    allowPullRequestTarget: inputs.boolean('allow-pull-request-target'),
    event,
  }
}

type ScanPart = Pick<
  Settings,
  'root' | 'contextPrefix' | 'hash' | 'dockerfiles' | 'output' | 'outputPath' | 'manifestRepoPath' | 'config' | 'imageConfig'
>

/** Where to look and what to write: the folder, the Dockerfile patterns, the manifest and the config. */
function scanSettings(inputs: Inputs, vars: NodeJS.ProcessEnv): ScanPart {
  const workspace = path.resolve(variable(vars, 'GITHUB_WORKSPACE') || process.cwd())
  const contextPrefix = inputs.text('path') === '' ? '' : inputs.relativePath('path')
  const root = path.resolve(workspace, contextPrefix)
  const dockerfiles = inputs.lines('dockerfiles').filter((p) => p !== '' && !p.startsWith('#'))
  for (const pattern of dockerfiles) {
    try {
      compileGlob(pattern.replace(/^!/, ''))
    } catch (error) {
      fail('dockerfiles', inputs.text('dockerfiles'), `expected glob patterns, but ${(error as Error).message}`)
    }
  }
  if (!dockerfiles.some((p) => !p.startsWith('!'))) {
    fail('dockerfiles', inputs.text('dockerfiles'), 'expected at least one glob pattern that includes files')
  }
  const output = inputs.yamlPath('output', 'deploy/manifest.yaml')
  if (output.split('/').includes('.git')) fail('output', inputs.text('output'), 'expected a path outside .git')
  const config = inputs.text('config') === '' ? '' : inputs.yamlPath('config', '.github/kaniko-gitops.yml')
  const imageConfig = inputs.text('image-config')
  if (config !== '' && imageConfig !== '') {
    throw new InputError(
      `Inputs 'config' ('${config}') and 'image-config' are both set: expected one of them (the file for several images, the input for a repository with one).`,
    )
  }
  return {
    root,
    contextPrefix,
    hash: inputs.choice('hash', HASH_KINDS),
    dockerfiles: Object.freeze(dockerfiles),
    output,
    outputPath: path.join(root, ...output.split('/')),
    manifestRepoPath: contextPrefix ? `${contextPrefix}/${output}` : output,
    config,
    imageConfig,
  }
}

type ImagePart = Pick<Settings, 'registry' | 'insecureRegistries' | 'executorImage' | 'checkImage'>

/** Where images go, which registries are insecure, and the pinned images the Pods run. */
function imageSettings(inputs: Inputs): ImagePart {
  const registry = inputs.required('registry')
  const registryProblem = explainRegistryPrefix(registry)
  if (registryProblem) fail('registry', registry, `expected a registry prefix such as docker.io/acme, but ${registryProblem}`)
  return {
    registry,
    insecureRegistries: Object.freeze(insecureRegistries(inputs, registry)),
    executorImage: pinnedImage(inputs, 'executor-image'),
    checkImage: pinnedImage(inputs, 'check-image'),
  }
}

function pinnedImage(inputs: Inputs, name: string): string {
  const image = inputs.required(name)
  const problem = explainPinnedImage(image)
  if (problem) fail(name, image, `expected a pinned image reference, but ${problem}`)
  return image
}

/**
 * A boolean (the registry's host, or none), or a list of hosts such as `registry.kaniko.svc:5000`:
 * the host forms `registry` takes (names, IPv4, `[IPv6]`, a port of 1 to 65535), by the same rule.
 */
function insecureRegistries(inputs: Inputs, registry: string): string[] {
  const raw = inputs.text('insecure-registry')
  const all = BOOLEAN_WORDS.get(raw)
  if (all !== undefined) return all ? [registryHost(registry)] : []
  const hosts = inputs.list('insecure-registry')
  for (const host of hosts) {
    const problem = explainRegistryHost(host)
    if (problem) fail('insecure-registry', raw, `expected true, false or registry hosts such as registry.kaniko.svc:5000, but ${problem}`)
  }
  return [...new Set(hosts)].sort()
}

type PodPart = Pick<
  Settings,
  'namespace' | 'registrySecret' | 'serviceAccount' | 'credentialHelpers' | 'gitSecret' | 'context' | 'localPath'
>

/** Where the Pods run, the secrets they mount, and where they take the build context from. */
function podSettings(inputs: Inputs): PodPart {
  const namespace = inputs.required('namespace')
  if (!isDns1123Label(namespace)) fail('namespace', namespace, 'expected a DNS-1123 label: lower-case letters, digits and -, at most 63')
  const registrySecret = inputs.text('registry-secret')
  if (registrySecret !== '' && !isDns1123Subdomain(registrySecret)) {
    fail('registry-secret', registrySecret, "expected a Kubernetes secret name, or '' for none (credential helpers or an open registry)")
  }
  const serviceAccount = inputs.text('service-account')
  if (serviceAccount !== '' && !isDns1123Subdomain(serviceAccount)) {
    fail('service-account', serviceAccount, 'expected a ServiceAccount name: lower-case letters, digits, - and ., at most 253')
  }
  const gitSecret = inputs.text('git-secret')
  if (gitSecret !== '' && !isDns1123Subdomain(gitSecret)) fail('git-secret', gitSecret, 'expected a Kubernetes secret name')
  const context = inputs.choice('context', CONTEXTS)
  const localPath = inputs.text('local-path')
  if (context === 'local' && !localPath.startsWith('/')) fail('local-path', localPath, 'expected an absolute path on the node')
  const credentialHelpers = credentialHelperMap(inputs)
  return { namespace, registrySecret, serviceAccount, credentialHelpers, gitSecret, context, localPath: localPath.replace(/\/+$/, '') }
}

/** A helper name: what follows `docker-credential-` (safe in a file name, a shell word and JSON). */
const HELPER_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/

/** `host=helper` pairs, by commas or lines: the host as `registry` takes it, each host once. */
function credentialHelperMap(inputs: Inputs): Readonly<Record<string, string>> {
  const raw = inputs.text('credential-helpers')
  const pairs: [string, string][] = []
  for (const item of inputs.list('credential-helpers')) {
    const at = item.indexOf('=')
    const host = item.slice(0, at).trim()
    const helper = item.slice(at + 1).trim()
    if (at === -1) fail('credential-helpers', raw, `expected host=helper pairs such as europe-docker.pkg.dev=gcr, but '${item}' has no '='`)
    const problem = explainRegistryHost(host)
    if (problem) fail('credential-helpers', raw, `expected host=helper pairs such as europe-docker.pkg.dev=gcr, but ${problem}`)
    // kaniko looks Docker Hub up as index.docker.io (or its v1 URL), skopeo as docker.io: no one
    // name serves both, and no cloud helper serves Docker Hub.
    if (isDockerHubHost(host)) {
      fail(
        'credential-helpers',
        raw,
        `expected hosts of cloud registries, but ${host} is Docker Hub, which kaniko and skopeo look up under different names; give Docker Hub's credentials in the registry-secret`,
      )
    }
    if (!HELPER_NAME.test(helper)) {
      fail(
        'credential-helpers',
        raw,
        `expected a helper name of [a-z0-9._-] (at most 64, such as ecr-login) for ${host}, but got '${helper}'`,
      )
    }
    if (pairs.some(([known]) => known === host)) fail('credential-helpers', raw, `expected each host once, but ${host} is given twice`)
    pairs.push([host, helper])
  }
  return Object.freeze(Object.fromEntries(pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))))
}

type OrderingPart = Pick<Settings, 'ordering' | 'parentTimeout'>

/** How children wait for their in-repo parents. */
function orderingSettings(inputs: Inputs): OrderingPart {
  const ordering = inputs.choice('ordering', ORDERINGS)
  const raw = inputs.text('parent-timeout')
  const match = /^([0-9]{1,9})([smh]?)$/.exec(raw)
  const seconds = match ? Number(match[1]) * { '': 1, s: 1, m: 60, h: 3600 }[match[2] as '' | 's' | 'm' | 'h'] : Number.NaN
  if (!(seconds > 0 && seconds <= MAX_PARENT_TIMEOUT_SECONDS)) {
    fail('parent-timeout', raw, 'expected a duration greater than 0 and at most 24h, such as 3h, 90m, 45s or 600 (seconds)')
  }
  return { ordering, parentTimeout: seconds }
}

type MultiArchPart = Pick<Settings, 'platforms' | 'indexImage'>

/** The platforms of every image, and the image that assembles a multi-arch image's index. */
function multiArchSettings(inputs: Inputs): MultiArchPart {
  const raw = inputs.text('platforms')
  const platforms: string[] = []
  for (const platform of inputs.list('platforms')) {
    if (!isKnownPlatform(platform))
      fail('platforms', raw, `'${platform}' is not a platform this action builds: expected some of ${KNOWN_PLATFORMS.join(', ')}`)
    const twice = platforms.find((other) => samePlatform(other) === samePlatform(platform))
    if (twice !== undefined) fail('platforms', raw, `'${platform}' is the platform '${twice}' again: expected each platform once`)
    platforms.push(platform)
  }
  return { platforms: Object.freeze(platforms), indexImage: pinnedImage(inputs, 'index-image') }
}

type GitPart = Pick<
  Settings,
  'gitUrl' | 'gitRef' | 'commitSha' | 'repositoryName' | 'owner' | 'repo' | 'branch' | 'commitMethod' | 'commitMessage'
>

/** The repository and commit kaniko clones, and the branch the manifest is committed to, and how. */
function gitSettings(inputs: Inputs, vars: NodeJS.ProcessEnv, event: RunEvent, scan: { context: ContextKind; root: string }): GitPart {
  const repository = variable(vars, 'GITHUB_REPOSITORY')
  const commitSha = variable(vars, 'GITHUB_SHA')
  if (scan.context === 'git') {
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
      throw new InputError(`GITHUB_REPOSITORY is '${repository}': expected owner/name (the git context clones it).`)
    }
    if (!/^[0-9a-f]{40}$/.test(commitSha)) {
      throw new InputError(`GITHUB_SHA is '${commitSha}': expected a 40-character commit id (the git context pins it).`)
    }
  }
  const ref = variable(vars, 'GITHUB_REF')
  const branchInput = inputs.text('branch')
  if (branchInput !== '' && !isBranchName(branchInput)) fail('branch', branchInput, 'expected a branch name such as main')
  const runBranch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ''
  const baseRef = variable(vars, 'GITHUB_BASE_REF')
  const branch = branchInput || event.defaultBranch || runBranch || baseRef || 'main'
  const [owner = '', repo = ''] = repository.split('/')
  return {
    gitUrl: gitContextUrl(variable(vars, 'GITHUB_SERVER_URL') || 'https://github.com', repository),
    gitRef: `refs/heads/${branchInput || runBranch || baseRef || branch}`,
    commitSha,
    repositoryName: normalizeName(repo) || normalizeName(path.basename(scan.root)) || 'image',
    owner,
    repo,
    branch,
    commitMethod: inputs.choice('commit-method', COMMIT_METHODS),
    commitMessage: inputs.required('commit-message'),
  }
}

type GitHubPart = Pick<Settings, 'token' | 'apiUrl' | 'comment' | 'failOnDrift'>

/** The GitHub API and what a pull request gets; the token is masked as soon as it is read. */
function gitHubSettings(inputs: Inputs, vars: NodeJS.ProcessEnv): GitHubPart {
  const token = inputs.text('token')
  if (token !== '') core.setSecret(token)
  return {
    token,
    apiUrl: (variable(vars, 'GITHUB_API_URL') || 'https://api.github.com').replace(/\/+$/, ''),
    comment: inputs.boolean('comment'),
    failOnDrift: inputs.boolean('fail-on-drift'),
  }
}

type CachePart = Pick<Settings, 'cache' | 'cacheRepo' | 'cacheTtl' | 'snapshotMode' | 'compressedCaching' | 'extraArgs'>

/** kaniko's cache and snapshot flags, and the extra flags passed as they are. */
function cacheSettings(inputs: Inputs): CachePart {
  const cacheRepo = inputs.text('cache-repo')
  if (cacheRepo !== '') {
    const problem = explainRegistryPrefix(cacheRepo)
    if (problem) fail('cache-repo', cacheRepo, `expected a repository such as registry.kaniko.svc:5000/team/cache, but ${problem}`)
  }
  const cacheTtl = inputs.text('cache-ttl')
  if (cacheTtl !== '' && !/^([0-9]+(\.[0-9]+)?(h|m|s|ms))+$/.test(cacheTtl))
    fail('cache-ttl', cacheTtl, 'expected a duration such as 168h or 90m')
  const extraArgs = inputs.lines('extra-args')
  for (const arg of extraArgs) {
    if (!/^--[a-z][a-z0-9-]*(=.*)?$/.test(arg)) fail('extra-args', arg, 'expected one kaniko flag per line, such as --push-retry=3')
  }
  return {
    cache: inputs.boolean('cache'),
    cacheRepo,
    cacheTtl,
    snapshotMode: inputs.choice('snapshot-mode', SNAPSHOT_MODES),
    compressedCaching: inputs.boolean('compressed-caching'),
    extraArgs: Object.freeze(extraArgs),
  }
}

type WaitPart = Pick<Settings, 'waitImages' | 'waitTimeoutMs' | 'waitIntervalMs' | 'failOnTimeout' | 'statuses'>

/** What mode: wait waits for and how long, and whether commit statuses are posted. */
function waitSettings(inputs: Inputs): WaitPart {
  const waitImages = inputs.list('wait-images')
  for (const name of waitImages) {
    if (!isDns1123Label(name))
      fail('wait-images', inputs.text('wait-images'), `expected image names as in the manifest, such as api, but '${name}' is none`)
  }
  const duration = (name: string) => {
    const ms =
      parseDuration(inputs.text(name)) ??
      fail(name, inputs.text(name), 'expected a duration of whole seconds, minutes or hours above 0, such as 90s, 30m or 1h')
    if (ms > MAX_WAIT_MS)
      fail(
        name,
        inputs.text(name),
        'expected at most 6h: a job on a GitHub-hosted runner runs at most 6 hours, so a longer wait never ends',
      )
    return ms
  }
  return {
    waitImages: Object.freeze(waitImages),
    waitTimeoutMs: duration('wait-timeout'),
    waitIntervalMs: duration('wait-interval'),
    failOnTimeout: inputs.boolean('fail-on-timeout'),
    statuses: inputs.boolean('statuses'),
  }
}

/**
 * Builds the frozen Settings from the action's inputs, read through `readInput` (the runner's
 * `INPUT_*` variables in the action, the flags on the command line), and the run's `GITHUB_*`
 * variables in `vars`. Every error names the input, its value and what was expected.
 */
export function getSettings(
  readInput: InputReader,
  vars: NodeJS.ProcessEnv,
  event: RunEvent = { name: vars.GITHUB_EVENT_NAME ?? '' },
): Settings {
  const inputs = new Inputs(readInput)
  // First, so that the token is masked before anything else can be logged.
  const github = gitHubSettings(inputs, vars)
  const run = runSettings(inputs, vars, event)
  const scan = scanSettings(inputs, vars)
  const images = imageSettings(inputs)
  const pod = podSettings(inputs)
  const git = gitSettings(inputs, vars, event, { context: pod.context, root: scan.root })
  // Object.assign, not spreads: Node 20 copies a later spread of this many properties on a slow path (0.5 ms).
  return Object.freeze(
    Object.assign(
      {},
      run,
      scan,
      images,
      pod,
      orderingSettings(inputs),
      multiArchSettings(inputs),
      git,
      github,
      cacheSettings(inputs),
      waitSettings(inputs),
    ),
  )
}

/**
 * The settings as log lines, `name: value` with the value as JSON (one line each, whatever it
 * holds); the token is never shown, only whether there is one.
 */
export function describeSettings(settings: Settings): string[] {
  return Object.entries(settings).map(([name, value]) => {
    if (name === 'token') return `token: ${settings.token === '' ? '(none)' : '(set, not shown)'}`
    const line = `${name}: ${JSON.stringify(value)}`
    return settings.token === '' ? line : line.replaceAll(settings.token, '***')
  })
}

/**
 * A branch name git accepts (`git check-ref-format --branch`), within a safe alphabet: components
 * separated by single slashes, none empty, none starting with '.' or ending with '.lock', no '..',
 * no leading '-', not ending with '.'.
 */
function isBranchName(value: string): boolean {
  return (
    /^[A-Za-z0-9._/-]+$/.test(value) &&
    !value.startsWith('-') &&
    !value.includes('..') &&
    !value.endsWith('.') &&
    value.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'))
  )
}

/** Kubernetes' IsDNS1123Subdomain: labels of [a-z0-9-] joined by dots, 253 characters in all, no limit per label. */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && DNS1123_SUBDOMAIN.test(value)
}
