import { InputError } from '../common/errors.js'
import { isDns1123Label, MAX_IMAGE_NAME_LENGTH } from '../common/names.js'
import type { ConfiguredBuild, ImageSettings } from '../config/types.js'
import { parseImageReferences } from '../scan/dockerfile.js'
import type { HashedDockerfile } from '../scan/scan.js'
import { type GraphNode, type ImageGraph, type ParentEdge, resolveImageGraph } from './graph.js'
import { assignImageNames, distinctImageName } from './naming.js'

/** What the manifest already on disk says about one image. */
export interface PreviousImage {
  readonly name: string
  readonly dockerfile: string
  readonly sha256: string
  /** The hash its tag was made of (the Dockerfile's own before context hashing). */
  readonly effective: string
  readonly commit: string
  readonly pod: string
  /** Its `<registry>/<name>:<tag>` ('' when absent). */
  readonly image: string
  /** `kaniko-gitops/render-key` of its Pod ('' when absent). */
  readonly renderKey?: string
  /** The Pod's text, when the manifest is this action's own and unedited (its digest holds). */
  readonly text?: string
}

/** `renamed`: the image had another name in the previous manifest (see Plan.renamed). */
export type ImageStatus = 'new' | 'changed' | 'unchanged' | 'renamed'

/** One image to build: everything the renderer needs, derived from data alone. */
export interface PlannedImage extends ConfiguredBuild {
  readonly name: string
  /** Repository-relative path of the Dockerfile. */
  readonly dockerfile: string
  /** sha256 of the Dockerfile's bytes. */
  readonly sha256: string
  /** The hash the tag is made of (see HashedDockerfile). */
  readonly effective: string
  readonly covers: string
  /** Content tag: the first TAG_LENGTH hex digits of the effective hash. */
  readonly tag: string
  /** `<registry>/<name>` */
  readonly repository: string
  /** `<registry>/<name>:<tag>` */
  readonly image: string
  /** Build context folder, repository-relative ('' for the root). */
  readonly contextDir: string
  /** The Dockerfile's path relative to the context folder. */
  readonly dockerfileInContext: string
  /** Commit the build context is pinned to: the one at which this hash first appeared (a forced build: the rendered one). */
  readonly commit: string
  readonly forced: boolean
  readonly status: ImageStatus
  /** Depth below in-repo parent images: the ArgoCD sync wave (0 when it has none). */
  readonly wave: number
  /**
   * `<registry>/<parent>:<content tag>` of each in-repo parent (FROM, COPY --from, RUN --mount from=),
   * sorted, without repeats: the images the build needs in the registry before it starts.
   */
  readonly parents: readonly string[]
  /**
   * Of `parents`, those this render forces too, when the image itself is forced ([] otherwise): the
   * forced build must wait for their rebuild of this run, not take their images already in the registry.
   */
  readonly forcedParents: readonly string[]
  /**
   * `NAME=value` build args, sorted: the configured ones, and `NAME=<parent>:<content tag>` for each
   * FROM (or COPY --from, RUN --mount from=) that goes through an ARG to an in-repo parent (which wins
   * over a configured value).
   */
  readonly buildArgs: readonly string[]
}

export const TAG_LENGTH = 16

export interface PlanOptions {
  readonly registry: string
  readonly commitSha: string
  readonly repositoryName: string
  readonly forceBuild: boolean
  readonly forceImages: readonly string[]
}

export interface Plan {
  readonly images: readonly PlannedImage[]
  /** Images in the previous manifest whose Dockerfile is gone (but those that moved and were renamed). */
  readonly removed: readonly PreviousImage[]
  /**
   * By Dockerfile path, what each image with status `renamed` was in the previous manifest: the same
   * path under another name, or the Dockerfile it moved from (see movedImages).
   */
  readonly renamed: ReadonlyMap<string, PreviousImage>
  /** What the user should know (a fixed tag on an in-repo image, a name near an in-repo one). */
  readonly warnings: readonly string[]
  /** By image name, the names of its in-repo parents, sorted (an image without one is absent). */
  readonly parents: ReadonlyMap<string, readonly string[]>
}

/**
 * Names, tags and statuses for every Dockerfile. An image whose hash is unchanged keeps the commit
 * recorded in the previous manifest, so its Pod renders byte-identical (Pods are immutable); a forced
 * one is pinned to the commit being rendered.
 */
export function planImages(
  files: readonly HashedDockerfile[],
  options: PlanOptions,
  previous: ReadonlyMap<string, PreviousImage>,
  skipped: readonly string[] = [],
): Plan {
  const names = assignNames(files, skipped, options.repositoryName, previous)
  checkForcedNames(options.forceImages, new Set(names.values()))
  const graph = resolveImageGraph(graphNodes(files, names), options.registry)
  const present = new Set(files.map((f) => f.path))
  const context: PlanContext = {
    options,
    previous,
    names,
    graph,
    parents: parentNames(graph, names),
    forced: new Set(options.forceImages),
    moved: movedImages(files, previous, present, new Set(skipped)),
    renamed: new Map<string, PreviousImage>(),
  }
  const images = files.map((file) => planImage(file, context)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const movedAway = new Set([...context.renamed.values()].map((was) => was.dockerfile))
  const removed = [...previous.values()]
    .filter((p) => !present.has(p.dockerfile) && !movedAway.has(p.dockerfile))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
  const warnings = [...graph.warnings, ...platformWarnings(images, context.parents)]
  return { images, removed, renamed: context.renamed, warnings, parents: context.parents }
}

function graphNodes(files: readonly HashedDockerfile[], names: ReadonlyMap<string, string>): GraphNode[] {
  return files.map((f) => ({
    path: f.path,
    name: names.get(f.path) as string,
    own: f.effective,
    references: parseImageReferences(f.text, f.settings?.buildArgs, f.path),
  }))
}

/** By image name, the sorted names of its in-repo parents; images without one are left out. */
function parentNames(graph: ImageGraph, names: ReadonlyMap<string, string>): Map<string, readonly string[]> {
  const parents = new Map<string, readonly string[]>()
  for (const [path, edges] of graph.parents) {
    if (edges.length > 0) parents.set(names.get(path) as string, [...new Set(edges.map((e) => names.get(e.parent) as string))].sort())
  }
  return parents
}

/**
 * The in-repo parents of each image (see Plan.parents) of Dockerfiles already named (by path): for a
 * render that takes the previous manifest as it is, and plans nothing. Its warnings were given by the
 * render that wrote it.
 */
export function imageParents(
  files: readonly HashedDockerfile[],
  names: ReadonlyMap<string, string>,
  registry: string,
): Map<string, readonly string[]> {
  return parentNames(resolveImageGraph(graphNodes(files, names), registry), names)
}

/**
 * A multi-arch image built on a multi-arch image of the repository needs each of its platforms in
 * the parent's index: kaniko would fail that platform's build (it pulls the parent for that platform).
 */
function platformWarnings(images: readonly PlannedImage[], parents: ReadonlyMap<string, readonly string[]>): string[] {
  const platformsOf = new Map(images.map((image) => [image.name, image.platforms]))
  const warnings: string[] = []
  for (const image of images) {
    if (image.platforms === undefined) continue
    for (const parent of parents.get(image.name) ?? []) {
      const theirs = platformsOf.get(parent)
      const missing = theirs === undefined ? [] : image.platforms.filter((p) => !theirs.includes(p))
      if (missing.length > 0) {
        warnings.push(
          `${image.name} is built for ${missing.join(', ')}, which its parent ${parent} is not built for (${theirs?.join(', ')}): those builds will fail; add them to ${parent}'s platforms.`,
        )
      }
    }
  }
  return warnings
}

/** `force-images` names images of this repository. */
function checkForcedNames(forceImages: readonly string[], known: ReadonlySet<string>): void {
  const unknown = forceImages.filter((name) => !known.has(name))
  if (unknown.length === 0) return
  throw new InputError(
    `Input 'force-images' has the value '${forceImages.join(',')}': ${unknown.map((n) => `'${n}'`).join(', ')} ${unknown.length === 1 ? 'is not an image' : 'are not images'} of this repository; expected some of: ${[...known].sort().join(', ')}.`,
  )
}

/** What planning one image needs of the whole plan. */
interface PlanContext {
  readonly options: PlanOptions
  readonly previous: ReadonlyMap<string, PreviousImage>
  readonly names: ReadonlyMap<string, string>
  readonly graph: ImageGraph
  /** See Plan.parents. */
  readonly parents: ReadonlyMap<string, readonly string[]>
  readonly forced: ReadonlySet<string>
  /** Previous images whose Dockerfile moved here, by new path. */
  readonly moved: ReadonlyMap<string, PreviousImage>
  /** Filled in: the renamed images, by path. */
  readonly renamed: Map<string, PreviousImage>
}

function planImage(
  file: HashedDockerfile,
  { options, previous, names, graph, parents, forced, moved, renamed }: PlanContext,
): PlannedImage {
  const name = names.get(file.path) as string
  const effective = graph.effective.get(file.path) as string
  const edges = graph.parents.get(file.path) ?? []
  const before = previous.get(file.path)
  const was = keptName(before) !== undefined ? before : moved.get(file.path)
  const status = statusOf(before, was, name, effective)
  if (status === 'renamed') renamed.set(file.path, was as PreviousImage)
  const isForced = options.forceBuild || forced.has(name)
  const tag = effective.slice(0, TAG_LENGTH)
  const tagOf = (path: string) => (graph.effective.get(path) as string).slice(0, TAG_LENGTH)
  const parentNames = parents.get(name) ?? []
  const repository = `${options.registry}/${name}`
  const contextDir = file.settings?.contextDir ?? folderOf(file.path)
  return {
    name,
    dockerfile: file.path,
    sha256: file.sha256,
    effective,
    covers: parentNames.length > 0 ? `${file.covers}; parents: ${parentNames.join(', ')}` : file.covers,
    tag,
    repository,
    image: `${repository}:${tag}`,
    contextDir,
    dockerfileInContext: contextDir === '' ? file.path : file.path.slice(contextDir.length + 1),
    // A forced build builds the commit being rendered: with `hash: dockerfile` the pinned commit can
    // predate every source change since the Dockerfile last changed.
    commit: !isForced && status === 'unchanged' && before?.commit ? before.commit : options.commitSha,
    forced: isForced,
    status,
    wave: graph.depth.get(file.path) as number,
    parents: parentNames.length === 0 ? [] : parentImages(edges, names, () => true, options.registry, tagOf),
    // A forced child builds on its forced parents' new images: it waits for those, not for the tag alone.
    forcedParents:
      isForced && parentNames.length > 0
        ? parentImages(edges, names, (parent) => options.forceBuild || forced.has(parent), options.registry, tagOf)
        : [],
    buildArgs: edges.length === 0 && file.settings === undefined ? [] : pinnedBuildArgs(file, edges, names, options.registry, tagOf),
    target: file.settings?.target ?? '',
    platform: file.settings?.platform ?? '',
    ...(file.settings?.platforms ? { platforms: file.settings.platforms } : {}),
    extraTags: file.settings?.extraTags ?? [],
    ...(file.settings?.resources ? { resources: file.settings.resources } : {}),
    nodeSelector: file.settings?.nodeSelector ?? {},
    tolerations: file.settings?.tolerations ?? [],
  }
}

/** `<registry>/<parent>:<content tag>` of each in-repo parent whose name is `taken`, sorted, without repeats. */
function parentImages(
  edges: readonly ParentEdge[],
  names: ReadonlyMap<string, string>,
  taken: (name: string) => boolean,
  registry: string,
  tagOf: (path: string) => string,
): string[] {
  const kept = edges.filter((e) => taken(names.get(e.parent) as string))
  return [...new Set(kept.map((e) => `${registry}/${names.get(e.parent)}:${tagOf(e.parent)}`))].sort()
}

/** `renamed` when the image was (`was`) named otherwise; else new, changed or unchanged against the previous image at its path. */
function statusOf(before: PreviousImage | undefined, was: PreviousImage | undefined, name: string, effective: string): ImageStatus {
  if (was !== undefined && was.name !== name) return 'renamed'
  return !before ? 'new' : before.effective === effective ? 'unchanged' : 'changed'
}

/** The repository-relative folder of a file ('' for the top). */
function folderOf(file: string): string {
  const slash = file.lastIndexOf('/')
  return slash === -1 ? '' : file.slice(0, slash)
}

/** `NAME=value` build args, sorted: the configured ones, and each ARG a reference takes to an in-repo parent, pinned to its tag. */
function pinnedBuildArgs(
  file: HashedDockerfile,
  edges: readonly ParentEdge[],
  names: ReadonlyMap<string, string>,
  registry: string,
  tagOf: (path: string) => string,
): string[] {
  const pinned = new Map(edges.filter((e) => e.arg).map((e) => [e.arg as string, `${registry}/${names.get(e.parent)}:${tagOf(e.parent)}`]))
  const buildArgs = new Map([...Object.entries(file.settings?.buildArgs ?? {}), ...pinned])
  return [...buildArgs].map(([key, value]) => `${key}=${value}`).sort()
}

/** The name the previous manifest gives an image, if it is one this action could have written (a hand edit may not be). */
function keptName(before: PreviousImage | undefined): string | undefined {
  return before !== undefined && before.name.length <= MAX_IMAGE_NAME_LENGTH && isDns1123Label(before.name) && agrees(before)
    ? before.name
    : undefined
}

/**
 * Does the image's name agree with the rest of its Pod: the Pod's name and the image it pushes are
 * made from it, so an edit of the name label alone (the digest does not guard a file edited by hand)
 * cannot hand one image the name, and the registry repository, of another.
 */
function agrees(before: PreviousImage): boolean {
  if (!before.pod.startsWith(`${before.name}-`)) return false
  if (before.image === '') return true
  const repository = before.image.slice(0, before.image.lastIndexOf(':'))
  return repository.endsWith(`/${before.name}`)
}

/**
 * Image names, stable from run to run: an image keeps the name the previous manifest gives it,
 * whatever Dockerfiles come and go, and a configured name replaces it. A new image takes the name
 * derived from the paths of every Dockerfile found (`skipped` ones too), or, when another image has
 * that name already, a distinct one (see distinctImageName). A configured name that another image
 * has is an error that says where it was set, unless the configured image had that name already.
 */
function assignNames(
  files: readonly HashedDockerfile[],
  skipped: readonly string[],
  repositoryName: string,
  previous: ReadonlyMap<string, PreviousImage>,
): Map<string, string> {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const configured = new Map(files.flatMap((f) => (f.settings?.name ? [[f.path, f.settings.name] as const] : [])))
  const names = new Map<string, string>()
  const owner = new Map<string, string>()
  const claim = (path: string, name: string) => {
    names.set(path, name)
    owner.set(name, path)
  }
  // A configured name the image did not have before must not be taken from another image.
  const newlyConfigured = (path: string | undefined): boolean =>
    path !== undefined && configured.has(path) && keptName(previous.get(path)) !== configured.get(path)?.value
  // Names the images had first: a conflict is then reported on the image that newly takes the name.
  const claims = [...configured].sort(([a], [b]) => Number(newlyConfigured(a)) - Number(newlyConfigured(b)) || (a < b ? -1 : 1))
  for (const [path, name] of claims) {
    const other = owner.get(name.value)
    if (other !== undefined) throw nameTaken(path, name, other, 'configured')
    claim(path, name.value)
  }
  // A name two images of the manifest claim (an edited file) is kept by neither: each is named anew.
  const claimed = new Map<string, number>()
  for (const before of previous.values()) claimed.set(before.name, (claimed.get(before.name) ?? 0) + 1)
  for (const { path } of sorted) {
    const kept = configured.has(path) ? undefined : keptName(previous.get(path))
    if (kept === undefined || (claimed.get(kept) ?? 0) > 1) continue
    const other = owner.get(kept)
    if (newlyConfigured(other)) throw nameTaken(other as string, configured.get(other as string) as ConfiguredName, path, 'kept')
    // Else taken by an image configured with it before (two images of an edited manifest): this one is named anew.
    if (other === undefined) claim(path, kept)
  }
  // Most runs keep every name: the paths are named only when a Dockerfile needs a name.
  let derived: Map<string, string> | undefined
  const crowded: string[] = []
  for (const { path } of sorted) {
    if (names.has(path)) continue
    derived ??= assignImageNames([...files.map((f) => f.path), ...skipped], repositoryName)
    const natural = derived.get(path) as string
    const other = owner.get(natural)
    if (newlyConfigured(other)) throw nameTaken(other as string, configured.get(other as string) as ConfiguredName, path, 'derived')
    if (other === undefined) claim(path, natural)
    else crowded.push(path)
  }
  const taken = (name: string) => owner.has(name)
  for (const path of crowded) claim(path, distinctImageName(path, repositoryName, taken))
  return names
}

type ConfiguredName = NonNullable<ImageSettings['name']>

/**
 * The error for the configured `name` of `path` that `other` has: as its configured name, as its
 * name in the manifest, or as its derived name.
 */
function nameTaken(path: string, name: ConfiguredName, other: string, how: 'configured' | 'kept' | 'derived'): InputError {
  const whose = how === 'kept' ? `the name ${other}'s image has in the manifest` : `also the name of ${other}'s image`
  const hint =
    how === 'configured'
      ? ''
      : how === 'kept'
        ? ` (names in the manifest are kept: to hand this one over, give ${other} another name in the config too)`
        : ` (or give ${other} another name)`
  return new InputError(`${name.at}: the image name '${name.value}' of ${path} is ${whose}: expected a name no other image has${hint}.`)
}

/**
 * Dockerfiles that moved: a new path whose bytes (sha256) are those of exactly one Dockerfile of the
 * previous manifest that is gone (neither found nor skipped), and of no other new path. The image at
 * the new path is named like any new one; when that name differs, it is reported as renamed rather
 * than as one image added and another removed. Matching only decides that report, never a name.
 */
function movedImages(
  files: readonly HashedDockerfile[],
  previous: ReadonlyMap<string, PreviousImage>,
  present: ReadonlySet<string>,
  skipped: ReadonlySet<string>,
): Map<string, PreviousImage> {
  const moved = new Map<string, PreviousImage>()
  // null: more than one has those bytes, so which moved where is a guess.
  const gone = new Map<string, PreviousImage | null>()
  for (const before of previous.values()) {
    if (present.has(before.dockerfile) || skipped.has(before.dockerfile) || keptName(before) === undefined) continue
    gone.set(before.sha256, gone.has(before.sha256) ? null : before)
  }
  if (gone.size === 0) return moved
  const added = new Map<string, string | null>()
  for (const file of files) if (!previous.has(file.path)) added.set(file.sha256, added.has(file.sha256) ? null : file.path)
  for (const [sha256, path] of added) {
    const before = gone.get(sha256)
    if (path !== null && before) moved.set(path, before)
  }
  return moved
}
