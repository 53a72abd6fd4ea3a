import { statSync } from 'node:fs'
import path from 'node:path'
import type { Settings } from './action/settings.js'
import { statusText } from './action/summary.js'
import { InputError } from './common/errors.js'
import { explainPathEscape, realpathOrUndefined, removeStaleTemporaries, writeFileAtomic } from './common/fs-atomic.js'
import { inert } from './common/inert.js'
import { LIMITS, LimitError } from './common/limits.js'
import { type FileKind, readRepoFile, showBytes } from './common/repo-file.js'
import { codeIdentity } from './manifest/code-id.js'
import {
  buildPod,
  buildScriptsConfigMap,
  type NamedDocument,
  nameDocument,
  POD_SETTING_KEYS,
  type PodSettings,
  renderKey,
} from './manifest/pod.js'
import { type PreviousManifest, readPreviousManifest } from './manifest/previous.js'
import { loadScripts } from './manifest/scripts.js'
import { sameDocuments, serializeManifest } from './manifest/yaml.js'
import {
  buildInputs,
  type ConfigSource,
  checkTarget,
  type ImageConfig,
  type ImageEntry,
  matchConfig,
  parseConfigFile,
  parseInlineConfig,
  resolveSettings,
} from './plan/config.js'
import { type HashedDockerfile, type ImageStatus, type PlanOptions, type PreviousImage, planImages } from './plan/plan.js'
import { ContextHasher } from './scan/context-hash.js'
import { discoverDockerfiles } from './scan/discover.js'
import { parseFromLines } from './scan/dockerfile.js'
import { gitObjectFormat, readGitIndex } from './scan/git-index.js'
import { hashDockerfile, sha256Hex } from './scan/hash.js'

/** How the pipeline talks to the person running it: @actions/core in the action, the terminal in the CLI. */
export interface Logger {
  info(message: string): void
  warning(message: string): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
}

/** One image as reported in the `images` output, the summary and the CLI. */
export interface ImageReport {
  readonly name: string
  readonly dockerfile: string
  readonly sha256: string
  readonly image: string
  readonly tag: string
  readonly pod: string
  readonly forced: boolean
  readonly status: ImageStatus
  /** With status `renamed`: the image's name in the previous manifest. */
  readonly previousName?: string
  /** With status `renamed`, when its Dockerfile moved: the Dockerfile's path in the previous manifest. */
  readonly previousDockerfile?: string
}

export interface RenderOutcome {
  /** The new manifest text. */
  readonly manifest: string
  /** Does it differ from the file on disk? */
  readonly changed: boolean
  readonly images: readonly ImageReport[]
  /** Images of the previous manifest whose Dockerfile is gone. */
  readonly removed: readonly PreviousImage[]
  /** Dockerfiles the per-image settings skip. */
  readonly skipped?: readonly string[]
}

/** The Dockerfiles of the repository with their hashes: everything a render needs from the disk. */
export interface Scan {
  readonly files: readonly HashedDockerfile[]
  /** Dockerfiles the config marks `skip: true`. */
  readonly skipped: readonly string[]
}

/** Discovers and hashes the Dockerfiles; reads the disk, writes nothing. */
export async function scanRepository(settings: Settings, log: Logger): Promise<Scan> {
  const rootProblem = await explainRoot(settings)
  if (rootProblem)
    throw new InputError(
      `Input 'path' has the value '${settings.contextPrefix || '.'}': expected a folder inside the workspace, but ${rootProblem}.`,
    )
  const outputEscape = await explainPathEscape(settings.root, settings.outputPath)
  if (outputEscape)
    throw new InputError(`Input 'output' has the value '${settings.output}': expected a file inside the repository, but ${outputEscape}.`)

  const config = await readConfig(settings)
  // The build container runs its wrapper with /busybox/sh, which only kaniko's -debug images carry.
  if (!/debug/i.test(settings.executorImage.split('/').at(-1) ?? '')) {
    log.warning(
      `Input 'executor-image' is '${settings.executorImage}', which does not look like a kaniko -debug image: the build container runs /busybox/sh, which only the -debug images have, and fails to start without it. Ignore this if the image has /busybox/sh.`,
    )
  }

  const discovery = await log.group('Discover Dockerfiles', async () => {
    const found = await discoverDockerfiles(settings.root, settings.dockerfiles, { generated: new Set([settings.output]) })
    for (const warning of found.warnings) log.warning(warning)
    // One write per phase: a line per file cost a system call each on large repositories.
    log.info(
      [...found.notes, ...found.paths.map(inert), `${found.paths.length} Dockerfile(s) matched ${settings.dockerfiles.join(', ')}`].join(
        '\n',
      ),
    )
    return found
  })
  if (discovery.paths.length === 0) {
    throw new InputError(
      `Input 'dockerfiles' has the value '${settings.dockerfiles.join('\\n')}': no file in '${settings.root}' matched (node_modules and .git are never searched); expected patterns such as Dockerfile or services/*/Dockerfile.`,
    )
  }

  const entries = config ? matchConfig(config, discovery.paths) : new Map<string, ImageEntry>()
  const skipped = discovery.paths.filter((file) => entries.get(file)?.options.skip === true)
  if (skipped.length > 0)
    log.info(`skipped by ${config?.source.kind === 'file' ? config.source.name : 'image-config'}: ${skipped.map(inert).join(', ')}`)

  const files = await log.group('Hash', async () => {
    const hashed: HashedDockerfile[] = []
    const contexts = settings.hash === 'context' ? contextHasher(settings, log) : undefined
    let total = 0
    for (const file of discovery.paths) {
      const entry = entries.get(file)
      if (entry?.options.skip === true) continue
      // Its context's walk (working tree) takes the bytes read here: a Dockerfile is read once.
      const { sha256, text, bytes } = hashDockerfile(
        settings.root,
        file,
        contexts ? (data, mode) => contexts.knownFile(file, data, mode) : undefined,
      )
      // The texts are kept for the plan: their sum is bounded as well as each.
      total += bytes
      if (total > LIMITS.dockerfilesBytes) {
        throw new LimitError(
          `the Dockerfiles have more than ${showBytes(LIMITS.dockerfilesBytes)} bytes in all ('${file}' reached it): expected at most that; leave some out with 'dockerfiles'`,
        )
      }
      const slash = file.lastIndexOf('/')
      const folder = slash === -1 ? '' : file.slice(0, slash)
      const configured = entry && config ? resolveSettings(config, entry, file, folder) : undefined
      // The plan parses the FROM lines: a run that takes the manifest as it is never does.
      if (configured?.target) {
        checkTarget(config as ImageConfig, entry as ImageEntry, file, configured.target, parseFromLines(text, configured.buildArgs))
      }
      const dir = configured?.contextDir ?? folder
      let effective = sha256
      let covers = 'dockerfile'
      if (contexts) {
        const context = await contexts.hash(dir, file)
        if (contexts.commits(file) === false) {
          log.warning(
            `${inert(file)} is not committed: kaniko's git context builds the commit, where it is missing, so its build will fail. Commit it, or leave it out with 'dockerfiles'.`,
          )
        }
        effective = sha256Hex(`kaniko-gitops context v2\n${sha256}\n${context.sha256}\n`)
        covers = `context ${dir || '.'}: ${context.files} file(s) of the ${contexts.source}${context.ignoreFile ? `, ${context.ignoreFile} applied` : ''}`
      }
      // What the config changes about the build enters the tag; an image without such settings keeps its hash.
      const build = configured ? buildInputs(configured, folder) : undefined
      if (build) {
        effective = sha256Hex(`kaniko-gitops build v1\n${effective}\n${JSON.stringify(build.key)}\n`)
        covers = `${covers}; config: ${build.covers}`
      }
      hashed.push({ path: file, sha256, effective, covers, text, ...(configured ? { settings: configured } : {}) })
    }
    log.info(hashed.map((f) => `${f.effective}  ${inert(f.path)} (${inert(f.covers)})`).join('\n'))
    return hashed
  })
  if (files.length === 0) {
    throw new InputError(
      `Every Dockerfile that matched is skipped by ${config?.source.kind === 'file' ? `'${config.source.name}'` : "input 'image-config'"} (${skipped.join(', ')}): expected at least one image to build.`,
    )
  }
  return { files, skipped }
}

/**
 * For the git context, kaniko builds the commit: the contexts are its files, as the git index lists
 * them. The local context builds the working tree, and an index that cannot be read (no git, a split
 * or sparse index) falls back to it with a note in the log.
 */
function contextHasher(settings: Settings, log: Logger): ContextHasher {
  const generated = new Set([settings.output])
  if (settings.context === 'git') {
    const read = readGitIndex(settings.root, workspaceOf(settings))
    if ('index' in read) return new ContextHasher(settings.root, generated, read.index)
    log.info(`Build contexts are hashed from the working tree: the git index cannot be used (${read.reason}).`)
  }
  return new ContextHasher(settings.root, generated, undefined, gitObjectFormat(settings.root, workspaceOf(settings)))
}

const CONFIG_FILE: FileKind = { the: 'the config file', a: 'a config file', limit: LIMITS.configBytes }
const MANIFEST: FileKind = { the: 'the existing manifest', a: 'a manifest', limit: LIMITS.manifestBytes }

/** Reads and parses the config file or the `image-config` input; undefined when neither is set. */
async function readConfig(settings: Settings): Promise<ImageConfig | undefined> {
  if (settings.imageConfig !== '') {
    const source: ConfigSource = { kind: 'input', name: 'image-config', annotationPath: '' }
    const entry = await parseInlineConfig(settings.imageConfig, source)
    if (!entry) return undefined
    return { source, defaults: { ...entry, options: {} }, images: new Map([['', entry]]) }
  }
  if (settings.config === '') return undefined
  const file = path.join(settings.root, ...settings.config.split('/'))
  const outside = await explainPathEscape(settings.root, file)
  if (outside)
    throw new InputError(`Input 'config' has the value '${settings.config}': expected a file inside the repository, but ${outside}.`)
  // Checked above to lie inside the repository, and not to be a symlink.
  const text = readRepoFile(file, settings.config, CONFIG_FILE, settings.root)?.toString('utf8')
  if (text === undefined) {
    throw new InputError(
      `Input 'config' has the value '${settings.config}': expected a file in the repository, but there is none at that path.`,
    )
  }
  const annotationPath = settings.contextPrefix ? `${settings.contextPrefix}/${settings.config}` : settings.config
  return parseConfigFile(text, { kind: 'file', name: settings.config, annotationPath })
}

/** The workspace folder: `root` less the `path` input. */
function workspaceOf(settings: Settings): string {
  return settings.contextPrefix === '' ? settings.root : path.resolve(settings.root, ...settings.contextPrefix.split('/').map(() => '..'))
}

/** Why `root` is not a folder inside the workspace (symlinks resolved), or undefined. */
async function explainRoot(settings: Settings): Promise<string | undefined> {
  const workspace = workspaceOf(settings)
  const realRoot = realpathOrUndefined(settings.root)
  const realWorkspace = realpathOrUndefined(workspace) ?? workspace
  if (realRoot === undefined) return 'it does not exist'
  if (!statSync(realRoot).isDirectory()) return 'it is not a folder'
  const rel = path.relative(realWorkspace, realRoot)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return `it resolves to '${realRoot}', outside the workspace`
  return undefined
}

/**
 * Reads the manifest in the workspace, if there is one. Synchronous: the promise API reads in 512 KB
 * chunks through the thread pool, which cost 15 ms more for a 4 MB manifest than one read.
 */
export async function readWorkspaceManifest(settings: Settings): Promise<string | undefined> {
  return readWorkspaceManifestBytes(settings)?.toString('utf8')
}

/** The same, as bytes: a render checks the digest on them. */
function readWorkspaceManifestBytes(settings: Settings): Buffer | undefined {
  return readRepoFile(settings.outputPath, settings.output, MANIFEST, settings.root)
}

/** Discovers, hashes, plans and renders against the manifest in the workspace; writes nothing. */
export async function renderRepository(settings: Settings, log: Logger): Promise<RenderOutcome> {
  const scan = await scanRepository(settings, log)
  return renderScan(settings, scan, readWorkspaceManifestBytes(settings), `'${settings.output}'`, log)
}

/** What a render reads of the settings: each of them enters the run key, the commit only when forcing. */
export type RenderSettings = PodSettings & PlanOptions

const RUN_KEY_SETTINGS = [...POD_SETTING_KEYS, 'registry', 'forceBuild', 'forceImages'] as const satisfies readonly (keyof RenderSettings)[]

// A setting a render reads but the run key lacks would let a changed setting keep a stale manifest:
// this fails to compile when RenderSettings gains a field RUN_KEY_SETTINGS lacks. The commit is left
// out on purpose (but for a forced run): it only pins images that changed, and with the same key none did.
type UnkeyedRenderSettings = Exclude<keyof RenderSettings, (typeof RUN_KEY_SETTINGS)[number] | 'commitSha'>
const everyRenderSettingKeyed: [UnkeyedRenderSettings] extends [never] ? true : UnkeyedRenderSettings = true
void everyRenderSettingKeyed

/**
 * The key of everything a render reads but the previous manifest and the commit: the settings, the
 * scanned Dockerfiles (paths, hashes, what their tags cover, per-image settings), the skipped ones,
 * the scripts (through the ConfigMap's content name) and the running code; when forcing, the commit
 * too, which the forced Pods are pinned to. A manifest rendered from
 * the same key, unedited, is what a render would write again: every image keeps its hash, so every
 * Pod keeps its pinned commit and its text (a render is idempotent, which test/run-key.test.ts checks).
 */
export function runKey(settings: RenderSettings, scan: Scan, scriptsConfigMap: string): string {
  // The force nonce changes with every run, and shapes only the Pods of forced images.
  const forcing = settings.forceBuild || settings.forceImages.length > 0
  const values = RUN_KEY_SETTINGS.map((key) => (key === 'forceNonce' && !forcing ? '' : settings[key]))
  // The Dockerfile's text is left out: its sha256 stands for it.
  const files = scan.files.map(({ text: _text, ...file }) => file)
  // A forced image is pinned to the commit being rendered: a forced run never takes an older one's Pods.
  const commit = forcing ? [settings.commitSha] : []
  return sha256Hex(JSON.stringify(['kaniko-gitops run v1', codeIdentity(), scriptsConfigMap, values, files, scan.skipped, ...commit]))
}

/**
 * Plans and renders the scanned Dockerfiles against a previous manifest (`previousText`, from
 * `source`), which supplies the pinned commits of unchanged images. Pure but for the log.
 *
 * Steady state: when the previous manifest is this action's own, unedited, and records the same run
 * key, it is the result as it is, and nothing is planned or rendered.
 */
export async function renderScan(
  settings: RenderSettings,
  scan: Scan,
  previousText: string | Uint8Array | undefined,
  source: string,
  log: Logger,
): Promise<RenderOutcome> {
  const { files } = scan
  const skipped = new Set(scan.skipped)
  const configMap = nameDocument(buildScriptsConfigMap(loadScripts(), settings.namespace), 'kaniko-gitops-scripts')
  const key = runKey(settings, scan, configMap.name)
  const previous = await readPreviousManifest(previousText)
  if (previous.problem) {
    log.warning(`The existing manifest ${source} is ignored: ${previous.problem}. It is rendered anew from the Dockerfiles.`)
  }
  if (previous.verified?.inputs === key && holdsEveryImage(previous, scan, configMap.name)) {
    return sameInputs(settings, scan, previous, key, log)
  }

  const plan = await log.group('Plan', async () => {
    const planned = planImages(files, settings, previous.images, scan.skipped)
    for (const warning of planned.warnings) log.warning(warning)
    log.info(
      [
        ...planned.images.map((image) => planLine({ ...image, ...renamedFrom(planned.renamed.get(image.dockerfile), image.dockerfile) })),
        ...planned.removed.map(
          (gone) =>
            `${inert(gone.name)}: removed (${skipped.has(gone.dockerfile) ? 'skipped by the config' : `${inert(gone.dockerfile)} is gone`})`,
        ),
      ].join('\n'),
    )
    return planned
  })

  return log.group('Render', async () => {
    let reused = 0
    const pods = plan.images.map((image): NamedDocument => {
      // Steady state: a Pod whose inputs did not change is the previous manifest's text, as is.
      const before = previous.images.get(image.dockerfile)
      if (before?.text !== undefined && before.renderKey === renderKey(image, settings, configMap.name)) {
        reused++
        return { name: before.pod, text: before.text }
      }
      return nameDocument(buildPod(image, settings, configMap.name), image.name)
    })
    const documents = [configMap, ...pods]
    // The same documents: the file stays as it is, its inputs line too (a render of other code, or
    // with warnings, differs only there, and a file that changes only there is not worth a commit).
    const same = sameDocuments(documents, previous)
    // The key is recorded only for a render without warnings: a run that skips rendering skips them too.
    const written = same ? undefined : serializeManifest(documents, plan.warnings.length === 0 ? key : undefined)
    // The next run reads it back, within the same limit (a UTF-16 unit is at most 3 bytes of UTF-8).
    if (written !== undefined && written.length * 3 > LIMITS.manifestBytes && Buffer.byteLength(written) > LIMITS.manifestBytes) {
      throw new LimitError(
        `the manifest would have ${Buffer.byteLength(written)} bytes, more than the ${showBytes(LIMITS.manifestBytes)} a manifest may have (${pods.length} Pods): expected fewer images, or smaller per-image settings`,
      )
    }
    // Other documents than the verified ones are another file (see serializeManifest): no need to decode
    // the old one to compare. A file that was not verified is compared as text.
    const changed = !same && (previous.verified !== undefined || written !== previous.text)
    const images = plan.images.map(
      (image, i): ImageReport => ({
        name: image.name,
        dockerfile: image.dockerfile,
        sha256: image.sha256,
        image: image.image,
        tag: image.tag,
        pod: pods[i]?.name ?? '',
        forced: image.forced,
        status: image.status,
        ...renamedFrom(plan.renamed.get(image.dockerfile), image.dockerfile),
      }),
    )
    log.info(
      `${pods.length} Pod(s) (${reused} unchanged, taken as they were)${written === undefined ? '' : `, ${written.length} bytes`}, ${changed ? 'changed' : 'unchanged'}`,
    )
    return {
      get manifest() {
        return written ?? previous.text
      },
      changed,
      images,
      removed: plan.removed,
      skipped: scan.skipped,
    }
  })
}

/**
 * Does the verified file hold the documents a render of `scan` writes, in their order: the scripts'
 * ConfigMap, then one Pod per Dockerfile, by image name? Each document was checked against its name;
 * this finds one dropped, added or moved by hand under a digest made again.
 */
function holdsEveryImage(previous: PreviousManifest, scan: Scan, configMap: string): boolean {
  const names = previous.verified?.names ?? []
  if (names.length !== scan.files.length + 1 || names[0] !== `ConfigMap/${configMap}` || previous.images.size !== scan.files.length) {
    return false
  }
  let i = 1
  let last = ''
  for (const image of previous.images.values()) {
    if (names[i++] !== `Pod/${image.pod}` || image.name <= last) return false
    last = image.name
  }
  return scan.files.every((file) => previous.images.has(file.path))
}

/** The report fields of a renamed image (`was`: what it was in the previous manifest); none for another. */
function renamedFrom(was: PreviousImage | undefined, dockerfile: string): Pick<ImageReport, 'previousName' | 'previousDockerfile'> {
  if (was === undefined) return {}
  return was.dockerfile === dockerfile ? { previousName: was.name } : { previousName: was.name, previousDockerfile: was.dockerfile }
}

function planLine(image: Pick<ImageReport, 'name' | 'image' | 'status' | 'forced' | 'previousName' | 'previousDockerfile'>): string {
  // Names and references of the previous manifest are text from a file, like any path.
  return `${inert(image.name)}: ${inert(image.image)} (${inert(statusText(image, true))})`
}

/** The outcome of a render whose inputs are those of the previous manifest: that manifest, every image unchanged. */
async function sameInputs(
  settings: RenderSettings,
  scan: Scan,
  previous: PreviousManifest,
  key: string,
  log: Logger,
): Promise<RenderOutcome> {
  const forced = new Set(settings.forceImages)
  const images = [...previous.images.values()]
    .map(
      (before): ImageReport => ({
        name: before.name,
        dockerfile: before.dockerfile,
        sha256: before.sha256,
        image: before.image,
        tag: before.image.slice(before.image.lastIndexOf(':') + 1),
        pod: before.pod,
        forced: settings.forceBuild || forced.has(before.name),
        status: 'unchanged',
      }),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  await log.group('Plan', async () => {
    log.info([...images.map(planLine), `The manifest was rendered from these same inputs (sha256:${key}): nothing to plan.`].join('\n'))
  })
  await log.group('Render', async () => {
    log.info(`${images.length} Pod(s) (${images.length} unchanged, taken as they were), unchanged`)
  })
  return {
    // Decoded only if asked for: render mode writes nothing, and never does.
    get manifest() {
      return previous.text
    },
    changed: false,
    images,
    removed: [],
    skipped: scan.skipped,
  }
}

/** Writes the manifest atomically when it changed; an unchanged file is not touched. */
export async function writeManifest(settings: Settings, outcome: RenderOutcome, log: Logger): Promise<void> {
  if (!outcome.changed) {
    await removeStaleTemporaries(settings.outputPath)
    log.info(`${settings.output} is up to date`)
    return
  }
  await log.group('Write manifest', async () => {
    await writeFileAtomic(settings.outputPath, outcome.manifest)
    log.info(`wrote ${settings.output}`)
  })
}
