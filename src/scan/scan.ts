import { statSync } from 'node:fs'
import path from 'node:path'
import { InputError } from '../common/errors.js'
import { explainPathEscape, realpathOrUndefined } from '../common/fs-atomic.js'
import { inert } from '../common/inert.js'
import { LIMITS, LimitError } from '../common/limits.js'
import type { Logger } from '../common/log.js'
import { showBytes } from '../common/repo-file.js'
import { sha256Hex } from '../common/sha256.js'
import { type ConfigSettings, readConfig } from '../config/read.js'
import { buildInputs, checkTarget, matchConfig, resolveSettings, withPlatforms } from '../config/resolve.js'
import type { ImageConfig, ImageEntry, ImageSettings } from '../config/types.js'
import { ContextHasher } from './context-hash.js'
import { discoverDockerfiles } from './discover.js'
import { parseFromLines } from './dockerfile.js'
import { gitObjectFormat, readCommitTree } from './git-tree.js'
import { hashDockerfile } from './hash.js'

/** What the scan takes of the settings. */
export interface ScanSettings extends ConfigSettings {
  /** What a content tag covers: the build context, or the Dockerfile alone. */
  readonly hash: 'context' | 'dockerfile'
  /** Where kaniko takes the build context from: the commit, or the working tree. */
  readonly context: 'git' | 'local'
  /** The commit the git context pins (GITHUB_SHA): kaniko builds its files. */
  readonly commitSha: string
  /** Glob patterns relative to `root`; a leading '!' excludes. */
  readonly dockerfiles: readonly string[]
  /** The manifest, relative to `root` and absolute: never a Dockerfile's context. */
  readonly output: string
  readonly outputPath: string
  readonly executorImage: string
  /** The `platforms` input: every image's platforms but those whose config sets platform or platforms. */
  readonly platforms?: readonly string[]
}

/** A Dockerfile found in the repository, the sha256 of its bytes, and the hash its tag comes from. */
export interface HashedDockerfile {
  readonly path: string
  readonly sha256: string
  /** The hash the tag is made of: the Dockerfile's own, or with its build context. */
  readonly effective: string
  /** What `effective` covers, for the annotation: `dockerfile`, or `context <dir>: N files`. */
  readonly covers: string
  /** Its text, whose FROM, COPY --from and RUN --mount from= (with its build args) name the images it builds on. */
  readonly text: string
  /** What the config file says about it, defaults applied (absent: nothing configured). */
  readonly settings?: ImageSettings
}

/** The Dockerfiles of the repository with their hashes: everything a render needs from the disk. */
export interface Scan {
  readonly files: readonly HashedDockerfile[]
  /** Dockerfiles the config marks `skip: true`. */
  readonly skipped: readonly string[]
}

/** Discovers and hashes the Dockerfiles; reads the disk, writes nothing. */
export async function scanRepository(settings: ScanSettings, log: Logger): Promise<Scan> {
  await checkPlaces(settings)
  const config = await readConfig(settings)
  warnAboutExecutor(settings.executorImage, log)
  const paths = await log.group('Discover Dockerfiles', () => discover(settings, log))
  const entries = config ? matchConfig(config, paths) : new Map<string, ImageEntry>()
  const skipped = paths.filter((file) => entries.get(file)?.options.skip === true)
  const configName = config?.source.kind === 'file' ? `'${config.source.name}'` : "input 'image-config'"
  if (skipped.length > 0) log.info(`skipped by ${configName}: ${skipped.map(inert).join(', ')}`)
  const files = await log.group('Hash', () => hashAll(settings, paths, config, entries, log))
  if (files.length === 0) {
    throw new InputError(
      `Every Dockerfile that matched is skipped by ${configName} (${skipped.join(', ')}): expected at least one image to build.`,
    )
  }
  return { files, skipped }
}

/** The repository folder lies inside the workspace, and the manifest inside the repository. */
async function checkPlaces(settings: ScanSettings): Promise<void> {
  const rootProblem = await explainRoot(settings)
  if (rootProblem)
    throw new InputError(
      `Input 'path' has the value '${settings.contextPrefix || '.'}': expected a folder inside the workspace, but ${rootProblem}.`,
    )
  const outputEscape = await explainPathEscape(settings.root, settings.outputPath)
  if (outputEscape)
    throw new InputError(`Input 'output' has the value '${settings.output}': expected a file inside the repository, but ${outputEscape}.`)
}

/** The build container runs its wrapper with /busybox/sh, which only kaniko's -debug images carry. */
function warnAboutExecutor(executorImage: string, log: Logger): void {
  if (/debug/i.test(executorImage.split('/').at(-1) ?? '')) return
  log.warning(
    `Input 'executor-image' is '${executorImage}', which does not look like a kaniko -debug image: the build container runs /busybox/sh, which only the -debug images have, and fails to start without it. Ignore this if the image has /busybox/sh.`,
  )
}

/** The Dockerfiles the patterns match; none is an error (an empty manifest would prune every build Pod). */
async function discover(settings: ScanSettings, log: Logger): Promise<readonly string[]> {
  const found = await discoverDockerfiles(settings.root, settings.dockerfiles, { generated: new Set([settings.output]) })
  for (const warning of found.warnings) log.warning(warning)
  // One write per phase: a line per file cost a system call each on large repositories.
  log.info(
    [...found.notes, ...found.paths.map(inert), `${found.paths.length} Dockerfile(s) matched ${settings.dockerfiles.join(', ')}`].join(
      '\n',
    ),
  )
  if (found.paths.length === 0) {
    throw new InputError(
      `Input 'dockerfiles' has the value '${settings.dockerfiles.join('\\n')}': no file in '${settings.root}' matched (node_modules and .git are never searched); expected patterns such as Dockerfile or services/*/Dockerfile.`,
    )
  }
  return found.paths
}

/** Hashes every Dockerfile the config does not skip, with its context under `hash: context`. */
async function hashAll(
  settings: ScanSettings,
  paths: readonly string[],
  config: ImageConfig | undefined,
  entries: ReadonlyMap<string, ImageEntry>,
  log: Logger,
): Promise<HashedDockerfile[]> {
  const hashed: HashedDockerfile[] = []
  const contexts = settings.hash === 'context' ? contextHasher(settings, log) : undefined
  let total = 0
  for (const file of paths) {
    const entry = entries.get(file)
    if (entry?.options.skip === true) continue
    // Its context's walk (working tree) takes the bytes read here: a Dockerfile is read once.
    const read = hashDockerfile(settings.root, file, contexts ? (data, mode) => contexts.knownFile(file, data, mode) : undefined)
    // The texts are kept for the plan: their sum is bounded as well as each.
    total += read.bytes
    if (total > LIMITS.dockerfilesBytes) {
      throw new LimitError(
        `the Dockerfiles have more than ${showBytes(LIMITS.dockerfilesBytes)} bytes in all ('${file}' reached it): expected at most that; leave some out with 'dockerfiles'`,
      )
    }
    const own = entry && config ? configure(config, entry, file, read.text) : undefined
    const configured = withInputPlatforms(own, entry, file, settings.platforms ?? [])
    hashed.push(await hashOne(file, read, configured, contexts, log))
  }
  log.info(hashed.map((f) => `${f.effective}  ${inert(f.path)} (${inert(f.covers)})`).join('\n'))
  return hashed
}

/** The settings with the `platforms` input applied, unless the image's config sets its platform(s). */
function withInputPlatforms(
  own: ImageSettings | undefined,
  entry: ImageEntry | undefined,
  file: string,
  platforms: readonly string[],
): ImageSettings | undefined {
  if (platforms.length === 0 || entry?.options.platform !== undefined || entry?.options.platforms !== undefined) return own
  const bare: ImageSettings = {
    contextDir: folderOf(file),
    buildArgs: {},
    target: '',
    platform: '',
    extraTags: [],
    nodeSelector: {},
    tolerations: [],
  }
  return withPlatforms(own ?? bare, platforms)
}

/** An entry's settings, resolved and checked against the Dockerfile's stages. */
function configure(config: ImageConfig, entry: ImageEntry, file: string, text: string): ImageSettings {
  const configured = resolveSettings(config, entry, file, folderOf(file))
  // The plan parses the FROM lines: a run that takes the manifest as it is never does.
  if (configured.target) checkTarget(config, entry, file, configured.target, parseFromLines(text, configured.buildArgs, file))
  return configured
}

/** The hash a Dockerfile's tag is made of: its own, with its context's, with what the config changes about the build. */
async function hashOne(
  file: string,
  read: { sha256: string; text: string },
  configured: ImageSettings | undefined,
  contexts: ContextHasher | undefined,
  log: Logger,
): Promise<HashedDockerfile> {
  const dir = configured?.contextDir ?? folderOf(file)
  let effective = read.sha256
  let covers = 'dockerfile'
  if (contexts) {
    const context = await contexts.hash(dir, file)
    if (contexts.commits(file) === false) {
      log.warning(
        `${inert(file)} is not committed: kaniko's git context builds the commit, where it is missing, so its build will fail. Commit it, or leave it out with 'dockerfiles'.`,
      )
    }
    effective = sha256Hex(`kaniko-gitops context v2\n${read.sha256}\n${context.sha256}\n`)
    covers = `context ${dir || '.'}: ${context.files} file(s) of the ${contexts.source}${context.ignoreFile ? `, ${context.ignoreFile} applied` : ''}`
  }
  // What the config changes about the build enters the tag; an image without such settings keeps its hash.
  const build = configured ? buildInputs(configured, folderOf(file)) : undefined
  if (build) {
    effective = sha256Hex(`kaniko-gitops build v1\n${effective}\n${JSON.stringify(build.key)}\n`)
    covers = `${covers}; config: ${build.covers}`
  }
  return { path: file, sha256: read.sha256, effective, covers, text: read.text, ...(configured ? { settings: configured } : {}) }
}

function folderOf(file: string): string {
  const slash = file.lastIndexOf('/')
  return slash === -1 ? '' : file.slice(0, slash)
}

/**
 * For the git context, kaniko builds the pinned commit: the contexts are its files, as `git ls-tree`
 * lists them (not the index, where an earlier step may have staged other content). The local context
 * builds the working tree, and so does a run whose commit cannot be listed (no git, no checkout, the
 * commit not fetched), with a note in the log.
 */
function contextHasher(settings: ScanSettings, log: Logger): ContextHasher {
  const generated = new Set([settings.output])
  if (settings.context === 'git') {
    const read = readCommitTree(settings.root, settings.commitSha, workspaceOf(settings))
    if ('tree' in read) return new ContextHasher(settings.root, generated, read.tree)
    log.info(`Build contexts are hashed from the working tree: the commit's files cannot be listed (${inert(read.reason)}).`)
    return new ContextHasher(settings.root, generated, undefined, read.objectFormat)
  }
  return new ContextHasher(settings.root, generated, undefined, gitObjectFormat(settings.root, workspaceOf(settings)))
}

/** The workspace folder: `root` less the `path` input. */
function workspaceOf(settings: ScanSettings): string {
  return settings.contextPrefix === '' ? settings.root : path.resolve(settings.root, ...settings.contextPrefix.split('/').map(() => '..'))
}

/** Why `root` is not a folder inside the workspace (symlinks resolved), or undefined. */
async function explainRoot(settings: ScanSettings): Promise<string | undefined> {
  const workspace = workspaceOf(settings)
  const realRoot = realpathOrUndefined(settings.root)
  const realWorkspace = realpathOrUndefined(workspace) ?? workspace
  if (realRoot === undefined) return 'it does not exist'
  if (!statSync(realRoot).isDirectory()) return 'it is not a folder'
  const rel = path.relative(realWorkspace, realRoot)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return `it resolves to '${realRoot}', outside the workspace`
  return undefined
}
