import { inert } from '../common/inert.js'
import { LIMITS, LimitError } from '../common/limits.js'
import type { Logger } from '../common/log.js'
import { showBytes } from '../common/repo-file.js'
import { sha256Hex } from '../common/sha256.js'
import { imageParents, type Plan, type PlannedImage, type PlanOptions, type PreviousImage, planImages } from '../plan/plan.js'
import type { Scan } from '../scan/scan.js'
import { type ImageReport, type RenderOutcome, statusText } from './outcome.js'
import {
  buildPod,
  buildScriptsConfigMap,
  type NamedDocument,
  nameDocument,
  POD_SETTING_KEYS,
  type PodSettings,
  platformBuild,
  podPrefix,
  renderKey,
  type Scripts,
} from './pod.js'
import { type PreviousManifest, platformKey, readPreviousManifest } from './previous.js'
import { sameDocuments, serializeManifest } from './yaml.js'

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
 * Pod keeps its pinned commit and its text (a render is idempotent, which test/manifest/run-key.test.ts checks).
 */
export function runKey(settings: RenderSettings, scan: Scan, scriptsConfigMap: string, codeIdentity: string): string {
  // The force nonce changes with every run, and shapes only the Pods of forced images.
  const forcing = settings.forceBuild || settings.forceImages.length > 0
  const values = RUN_KEY_SETTINGS.map((key) => (key === 'forceNonce' && !forcing ? '' : settings[key]))
  // The Dockerfile's text is left out: its sha256 stands for it.
  const files = scan.files.map(({ text: _text, ...file }) => file)
  // A forced image is pinned to the commit being rendered: a forced run never takes an older one's Pods.
  const commit = forcing ? [settings.commitSha] : []
  return sha256Hex(JSON.stringify(['kaniko-gitops run v1', codeIdentity, scriptsConfigMap, values, files, scan.skipped, ...commit]))
}

/** The code that renders, given by the caller so that rendering reads no file: its scripts and its identity. */
export interface RenderCode {
  readonly scripts: Scripts
  /** A hash of the running code: a manifest rendered by other code is rendered again. */
  readonly identity: string
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
  code: RenderCode,
): Promise<RenderOutcome> {
  const configMap = nameDocument(buildScriptsConfigMap(scriptsOf(code.scripts, scan), settings.namespace), 'kaniko-gitops-scripts')
  const key = runKey(settings, scan, configMap.name, code.identity)
  const previous = await readPreviousManifest(previousText)
  if (previous.problem) {
    log.warning(`The existing manifest ${source} is ignored: ${previous.problem}. It is rendered anew from the Dockerfiles.`)
  }
  if (previous.verified?.inputs === key && holdsEveryImage(previous, scan, configMap.name)) {
    return sameInputs(settings, scan, previous, key, log)
  }
  const plan = await log.group('Plan', async () => planAndLog(settings, scan, previous, log))
  return log.group('Render', async () => {
    const { pods, reused } = renderPods(plan, settings, previous, configMap.name)
    const documents = [configMap, ...pods.flat()]
    // The same documents: the file stays as it is, its inputs line too (a render of other code, or
    // with warnings, differs only there, and a file that changes only there is not worth a commit).
    const same = sameDocuments(documents, previous)
    // The key is recorded only for a render without warnings: a run that skips rendering skips them too.
    const written = same ? undefined : serializeManifest(documents, plan.warnings.length === 0 ? key : undefined)
    if (written !== undefined) checkManifestSize(written, documents.length - 1)
    // Other documents than the verified ones are another file (see serializeManifest): no need to decode
    // the old one to compare. A file that was not verified is compared as text.
    const changed = !same && (previous.verified !== undefined || written !== previous.text)
    log.info(
      `${documents.length - 1} Pod(s) (${reused} unchanged, taken as they were)${written === undefined ? '' : `, ${written.length} bytes`}, ${changed ? 'changed' : 'unchanged'}`,
    )
    return {
      get manifest() {
        return written ?? previous.text
      },
      changed,
      images: plan.images.map((image, i) => reportOf(image, pods[i]?.[0]?.name ?? '', plan)),
      removed: plan.removed,
      skipped: scan.skipped,
      reused,
      sameInputs: false,
      parents: plan.parents,
    }
  })
}

/** Plans the images, and logs the plan: a line per image, and per image removed. */
function planAndLog(settings: RenderSettings, scan: Scan, previous: PreviousManifest, log: Logger): Plan {
  const skipped = new Set(scan.skipped)
  const planned = planImages(scan.files, settings, previous.images, scan.skipped)
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
}

/**
 * The Pods of each planned image: one, or a multi-arch image's index Pod and then a Pod per platform;
 * each the previous manifest's text when its inputs did not change, else a new one.
 */
function renderPods(
  plan: Plan,
  settings: RenderSettings,
  previous: PreviousManifest,
  configMap: string,
): { pods: NamedDocument[][]; reused: number } {
  let reused = 0
  const render = (image: PlannedImage, before: PreviousImage | undefined): NamedDocument => {
    if (before?.text !== undefined && before.renderKey === renderKey(image, settings, configMap)) {
      reused++
      return { name: before.pod, text: before.text }
    }
    return nameDocument(buildPod(image, settings, configMap), podPrefix(image))
  }
  const pods = plan.images.map((image): NamedDocument[] => [
    render(image, previous.images.get(image.dockerfile)),
    ...(image.platforms ?? []).map((platform) =>
      render(platformBuild(image, platform), previous.platformPods?.get(platformKey(image.dockerfile, platform))),
    ),
  ])
  return { pods, reused }
}

/** The scripts of the ConfigMap: the index Pod's only when an image is multi-arch, so that no other manifest changes. */
function scriptsOf(scripts: Scripts, scan: Scan): Scripts {
  if (scan.files.some((file) => file.settings?.platforms !== undefined)) return scripts
  const { index: _index, ...rest } = scripts
  return rest
}

/** The next run reads the manifest back, within the same limit (a UTF-16 unit is at most 3 bytes of UTF-8). */
function checkManifestSize(written: string, pods: number): void {
  if (written.length * 3 <= LIMITS.manifestBytes || Buffer.byteLength(written) <= LIMITS.manifestBytes) return
  throw new LimitError(
    `the manifest would have ${Buffer.byteLength(written)} bytes, more than the ${showBytes(LIMITS.manifestBytes)} a manifest may have (${pods} Pods): expected fewer images, or smaller per-image settings`,
  )
}

function reportOf(image: PlannedImage, pod: string, plan: Plan): ImageReport {
  return {
    name: image.name,
    dockerfile: image.dockerfile,
    sha256: image.sha256,
    image: image.image,
    tag: image.tag,
    pod,
    forced: image.forced,
    status: image.status,
    ...(image.platforms ? { platforms: image.platforms } : {}),
    ...renamedFrom(plan.renamed.get(image.dockerfile), image.dockerfile),
  }
}

/**
 * Does the verified file hold the documents a render of `scan` writes, in their order: the scripts'
 * ConfigMap, then one Pod per Dockerfile, by image name? Each document was checked against its name;
 * this finds one dropped, added or moved by hand under a digest made again.
 */
function holdsEveryImage(previous: PreviousManifest, scan: Scan, configMap: string): boolean {
  const names = previous.verified?.names ?? []
  const platforms = scan.files.reduce((sum, file) => sum + (file.settings?.platforms?.length ?? 0), 0)
  const pods = scan.files.length + platforms
  if (names.length !== pods + 1 || names[0] !== `ConfigMap/${configMap}` || previous.images.size !== scan.files.length) return false
  let i = 1
  let last = ''
  for (const image of previous.images.values()) {
    if (names[i++] !== `Pod/${image.pod}` || image.name <= last) return false
    last = image.name
    // Its platform Pods follow the index Pod, in the order of its platforms.
    for (const platform of (platforms > 0 ? platformLists(scan) : undefined)?.get(image.dockerfile) ?? []) {
      if (names[i++] !== `Pod/${previous.platformPods?.get(platformKey(image.dockerfile, platform))?.pod}`) return false
    }
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

const platformListsCache = new WeakMap<Scan, ReadonlyMap<string, readonly string[]>>()

/** The platforms of each multi-arch image of the scan, by Dockerfile path (once per scan). */
function platformLists(scan: Scan): ReadonlyMap<string, readonly string[]> {
  let lists = platformListsCache.get(scan)
  if (lists === undefined) {
    lists = new Map(scan.files.flatMap((file) => (file.settings?.platforms ? [[file.path, file.settings.platforms] as const] : [])))
    platformListsCache.set(scan, lists)
  }
  return lists
}

/** The report field of a multi-arch image's platforms, from its scanned settings. */
function platformsOf(scan: Scan, dockerfile: string): Pick<ImageReport, 'platforms'> {
  const platforms = platformLists(scan).get(dockerfile)
  return platforms ? { platforms } : {}
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
  let parents: ReadonlyMap<string, readonly string[]> | undefined
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
        ...platformsOf(scan, before.dockerfile),
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
    reused: images.length,
    sameInputs: true,
    // Worked out only when a report draws the graph: this path exists to skip planning.
    get parents() {
      parents ??= imageParents(scan.files, new Map(images.map((image) => [image.dockerfile, image.name])), settings.registry)
      return parents
    },
  }
}
