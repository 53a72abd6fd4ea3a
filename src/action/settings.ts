import path from 'node:path'
import { InputError } from '../common/errors.js'
import { isDns1123Label, normalizeName } from '../common/names.js'
import { explainPinnedImage, explainRegistryHost, explainRegistryPrefix, registryHost } from '../common/reference.js'
import { globToRegExp } from '../scan/glob.js'
import type { RunEvent } from './event.js'
import * as core from './runner.js'

export const MODES = ['auto', 'render', 'diff', 'commit'] as const
export type Mode = (typeof MODES)[number]
export const CONTEXTS = ['git', 'local'] as const
export type ContextKind = (typeof CONTEXTS)[number]
export const HASH_KINDS = ['context', 'dockerfile'] as const
export type HashKind = (typeof HASH_KINDS)[number]
export const SNAPSHOT_MODES = ['redo', 'full', 'time'] as const
export type SnapshotMode = (typeof SNAPSHOT_MODES)[number]
export const COMMIT_METHODS = ['api', 'git'] as const
export type CommitMethod = (typeof COMMIT_METHODS)[number]

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
  /** Name of the `kubernetes.io/dockerconfigjson` secret with registry credentials. */
  readonly registrySecret: string
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
}

/** A place in a file, 1-based. */
function fail(input: string, value: string, expected: string): never {
  throw new InputError(`Input '${input}' has the value '${value}': ${expected}.`)
}

function getBoolean(name: string): boolean {
  const value = core.getInput(name).trim()
  if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true'
  return fail(name, value, 'expected true or false')
}

function getChoice<T extends string>(name: string, choices: readonly T[]): T {
  const value = core.getInput(name).trim()
  if ((choices as readonly string[]).includes(value)) return value as T
  return fail(name, value, `expected one of ${choices.join(', ')}`)
}

function getRequired(name: string): string {
  const value = core.getInput(name).trim()
  if (value === '') fail(name, value, 'a value is required')
  return value
}

/** A repository-relative POSIX path that stays inside the repository. */
function getRelativePath(name: string): string {
  const raw = core.getInput(name).trim()
  const value = raw.replace(/\\/g, '/')
  if (value === '' || path.posix.isAbsolute(value) || path.win32.isAbsolute(raw)) {
    fail(name, raw, 'expected a path relative to the repository')
  }
  const normalized = path.posix.normalize(value).replace(/\/+$/, '')
  if (normalized === '..' || normalized.startsWith('../')) fail(name, raw, 'expected a path inside the repository')
  return normalized === '.' ? '' : normalized
}

/**
 * `true` (the registry's host), `false`, or a list of hosts such as `registry.kaniko.svc:5000`: the
 * host forms `registry` takes (names, IPv4, `[IPv6]`, a port of 1 to 65535), by the same rule.
 */
function getInsecureRegistries(registry: string): string[] {
  const raw = core.getInput('insecure-registry').trim()
  if (/^(true|false)$/i.test(raw)) return raw.toLowerCase() === 'true' ? [registryHost(registry)] : []
  const hosts = getList('insecure-registry')
  for (const host of hosts) {
    const problem = explainRegistryHost(host)
    if (problem) fail('insecure-registry', raw, `expected true, false or registry hosts such as registry.kaniko.svc:5000, but ${problem}`)
  }
  return [...new Set(hosts)].sort()
}

function getCacheSettings(): Pick<Settings, 'cache' | 'cacheRepo' | 'cacheTtl' | 'snapshotMode' | 'compressedCaching' | 'extraArgs'> {
  const cacheRepo = core.getInput('cache-repo').trim()
  if (cacheRepo !== '') {
    const problem = explainRegistryPrefix(cacheRepo)
    if (problem) fail('cache-repo', cacheRepo, `expected a repository such as registry.kaniko.svc:5000/team/cache, but ${problem}`)
  }
  const cacheTtl = core.getInput('cache-ttl').trim()
  if (cacheTtl !== '' && !/^([0-9]+(\.[0-9]+)?(h|m|s|ms))+$/.test(cacheTtl))
    fail('cache-ttl', cacheTtl, 'expected a duration such as 168h or 90m')
  const extraArgs = core.getMultilineInput('extra-args')
  for (const arg of extraArgs) {
    if (!/^--[a-z][a-z0-9-]*(=.*)?$/.test(arg)) fail('extra-args', arg, 'expected one kaniko flag per line, such as --push-retry=3')
  }
  return {
    cache: getBoolean('cache'),
    cacheRepo,
    cacheTtl,
    snapshotMode: getChoice('snapshot-mode', SNAPSHOT_MODES),
    compressedCaching: getBoolean('compressed-caching'),
    extraArgs: Object.freeze(extraArgs),
  }
}

function getList(name: string): string[] {
  return core
    .getMultilineInput(name)
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '')
}

function env(vars: NodeJS.ProcessEnv, name: string): string {
  return (vars[name] ?? '').trim()
}

/** `https://github.com` + `acme/shop` -> `git://github.com/acme/shop.git` (kaniko's git context). */
export function gitContextUrl(serverUrl: string, repository: string): string {
  const host = serverUrl.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')
  return `git://${host}/${repository}.git`
}

/**
 * Builds the frozen Settings from the action's inputs (read through @actions/core, so `INPUT_*`
 * variables) and the runner's `GITHUB_*` variables. Every error names the input, its value and what
 * was expected.
 */
export function getSettings(vars: NodeJS.ProcessEnv = process.env, event: RunEvent = { name: vars.GITHUB_EVENT_NAME ?? '' }): Settings {
  const token = core.getInput('token').trim()
  if (token !== '') core.setSecret(token)
  const mode = getChoice('mode', MODES)
  const workspace = path.resolve(env(vars, 'GITHUB_WORKSPACE') || process.cwd())
  const contextPrefix = core.getInput('path').trim() === '' ? '' : getRelativePath('path')
  const root = path.resolve(workspace, contextPrefix)

  const dockerfiles = core.getMultilineInput('dockerfiles').filter((p) => p.trim() !== '' && !p.trim().startsWith('#'))
  for (const pattern of dockerfiles) {
    try {
      globToRegExp(pattern.trim().replace(/^!/, ''))
    } catch (error) {
      fail('dockerfiles', core.getInput('dockerfiles'), `expected glob patterns, but ${(error as Error).message}`)
    }
  }
  if (!dockerfiles.some((p) => !p.trim().startsWith('!'))) {
    fail('dockerfiles', core.getInput('dockerfiles'), 'expected at least one glob pattern that includes files')
  }

  const registry = getRequired('registry')
  const registryProblem = explainRegistryPrefix(registry)
  if (registryProblem) fail('registry', registry, `expected a registry prefix such as docker.io/acme, but ${registryProblem}`)

  const output = getRelativePath('output')
  if (output === '' || !/\.ya?ml$/.test(output))
    fail('output', core.getInput('output'), 'expected a YAML file path such as deploy/manifest.yaml')
  if (output.split('/').includes('.git')) fail('output', core.getInput('output'), 'expected a path outside .git')
  const namespace = getRequired('namespace')
  if (!isDns1123Label(namespace)) fail('namespace', namespace, 'expected a DNS-1123 label: lower-case letters, digits and -, at most 63')
  const registrySecret = getRequired('registry-secret')
  if (!isDns1123Subdomain(registrySecret)) fail('registry-secret', registrySecret, 'expected a Kubernetes secret name')
  const gitSecret = core.getInput('git-secret').trim()
  if (gitSecret !== '' && !isDns1123Subdomain(gitSecret)) fail('git-secret', gitSecret, 'expected a Kubernetes secret name')

  const executorImage = getRequired('executor-image')
  const executorProblem = explainPinnedImage(executorImage)
  if (executorProblem) fail('executor-image', executorImage, `expected a pinned image reference, but ${executorProblem}`)
  const checkImage = getRequired('check-image')
  const checkProblem = explainPinnedImage(checkImage)
  if (checkProblem) fail('check-image', checkImage, `expected a pinned image reference, but ${checkProblem}`)

  const context = getChoice('context', CONTEXTS)
  const localPath = core.getInput('local-path').trim()
  if (context === 'local' && !localPath.startsWith('/')) fail('local-path', localPath, 'expected an absolute path on the node')

  const repository = env(vars, 'GITHUB_REPOSITORY')
  const commitSha = env(vars, 'GITHUB_SHA')
  if (context === 'git') {
    if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) {
      throw new InputError(`GITHUB_REPOSITORY is '${repository}': expected owner/name (the git context clones it).`)
    }
    if (!/^[0-9a-f]{40}$/.test(commitSha)) {
      throw new InputError(`GITHUB_SHA is '${commitSha}': expected a 40-character commit id (the git context pins it).`)
    }
  }
  const ref = env(vars, 'GITHUB_REF')
  const branchInput = core.getInput('branch').trim()
  if (branchInput !== '' && !isBranchName(branchInput)) fail('branch', branchInput, 'expected a branch name such as main')
  const runBranch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ''
  const branch = branchInput || event.defaultBranch || runBranch || env(vars, 'GITHUB_BASE_REF') || 'main'
  const gitRef = `refs/heads/${branchInput || runBranch || env(vars, 'GITHUB_BASE_REF') || branch}`
  const commitMessage = core.getInput('commit-message').trim()
  if (commitMessage === '') fail('commit-message', commitMessage, 'a value is required')

  const config = core.getInput('config').trim() === '' ? '' : getRelativePath('config')
  if (core.getInput('config').trim() !== '' && (config === '' || !/\.ya?ml$/.test(config)))
    fail('config', core.getInput('config'), 'expected a YAML file path such as .github/kaniko-gitops.yml')
  const imageConfig = core.getInput('image-config')
  if (config !== '' && imageConfig.trim() !== '') {
    throw new InputError(
      `Inputs 'config' ('${config}') and 'image-config' are both set: expected one of them (the file for several images, the input for a repository with one).`,
    )
  }

  const runId = env(vars, 'GITHUB_RUN_ID')
  const attempt = env(vars, 'GITHUB_RUN_ATTEMPT') || '1'

  return Object.freeze({
    mode,
    root,
    contextPrefix,
    hash: getChoice('hash', HASH_KINDS),
    dockerfiles: Object.freeze(dockerfiles.map((p) => p.trim())),
    registry,
    output,
    outputPath: path.join(root, ...output.split('/')),
    namespace,
    registrySecret,
    executorImage,
    checkImage,
    insecureRegistries: Object.freeze(getInsecureRegistries(registry)),
    forceBuild: getBoolean('force-build'),
    forceImages: Object.freeze(getList('force-images')),
    forceNonce: runId ? `${runId}-${attempt}` : new Date().toISOString(),
    context,
    gitUrl: gitContextUrl(env(vars, 'GITHUB_SERVER_URL') || 'https://github.com', repository),
    gitRef,
    commitSha,
    gitSecret,
    localPath: localPath.replace(/\/+$/, ''),
    repositoryName: normalizeName(repository.split('/')[1] ?? '') || normalizeName(path.basename(root)) || 'image',
    owner: repository.split('/')[0] ?? '',
    repo: repository.split('/')[1] ?? '',
    token,
    apiUrl: (env(vars, 'GITHUB_API_URL') || 'https://api.github.com').replace(/\/+$/, ''),
    branch,
    manifestRepoPath: contextPrefix ? `${contextPrefix}/${output}` : output,
    commitMethod: getChoice('commit-method', COMMIT_METHODS),
    commitMessage,
    failOnDrift: getBoolean('fail-on-drift'),
    comment: getBoolean('comment'),
    allowPullRequestTarget: getBoolean('allow-pull-request-target'),
    ...getCacheSettings(),
    config,
    imageConfig: imageConfig.trim() === '' ? '' : imageConfig,
    event,
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

function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && value.split('.').every((label) => isDns1123Label(label))
}
