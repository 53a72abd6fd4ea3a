import type { Resources, Toleration } from './config.js'
import { parseFromLines } from './dockerfile.js'
import { type ParentEdge, resolveImageGraph } from './graph.js'
import { assignImageNames } from './naming.js'
import { InputError } from './settings.js'

/** A Dockerfile found in the repository, the sha256 of its bytes, and the hash its tag comes from. */
export interface HashedDockerfile {
  readonly path: string
  readonly sha256: string
  /** The hash the tag is made of: the Dockerfile's own, or with its build context. */
  readonly effective: string
  /** What `effective` covers, for the annotation: `dockerfile`, or `context <dir>: N files`. */
  readonly covers: string
  /** Its text, whose FROM lines (with its build args) name the images it builds on. */
  readonly text: string
  /** What the config file says about it, defaults applied (absent: nothing configured). */
  readonly settings?: ImageSettings
}

/** One image's configured settings, resolved: what the plan and the Pod take from the config. */
export interface ImageSettings extends ConfiguredBuild {
  /** Configured image name, and where it was configured (for errors). */
  readonly name?: { readonly value: string; readonly at: string }
  /** Build context folder, repository-relative ('' for the top). */
  readonly contextDir: string
  readonly buildArgs: Readonly<Record<string, string>>
}

/** What the config sets about the build and the Pod beyond build args: in ImageSettings and PlannedImage alike. */
export interface ConfiguredBuild {
  /** Target stage ('' for the last). */
  readonly target: string
  /** `--custom-platform` ('' for the node's own). */
  readonly platform: string
  /** Tags pushed besides the content tag. */
  readonly extraTags: readonly string[]
  /** The build container's resources (undefined: the defaults). */
  readonly resources?: Resources
  readonly nodeSelector: Readonly<Record<string, string>>
  readonly tolerations: readonly Toleration[]
}

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

export type ImageStatus = 'new' | 'changed' | 'unchanged'

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
   * `NAME=value` build args, sorted: the configured ones, and `NAME=<parent>:<content tag>` for each
   * FROM that goes through an ARG to an in-repo parent (which wins over a configured value).
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
  /** Images in the previous manifest whose Dockerfile is gone. */
  readonly removed: readonly PreviousImage[]
  /** What the user should know (a FROM with a fixed tag on an in-repo image). */
  readonly warnings: readonly string[]
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
  const names = assignNames(files, skipped, options.repositoryName)
  const known = new Set(names.values())
  const unknown = options.forceImages.filter((name) => !known.has(name))
  if (unknown.length > 0) {
    throw new InputError(
      `Input 'force-images' has the value '${options.forceImages.join(',')}': ${unknown.map((n) => `'${n}'`).join(', ')} ${unknown.length === 1 ? 'is not an image' : 'are not images'} of this repository; expected some of: ${[...known].sort().join(', ')}.`,
    )
  }
  const forced = new Set(options.forceImages)
  const graph = resolveImageGraph(
    files.map((f) => ({
      path: f.path,
      name: names.get(f.path) as string,
      own: f.effective,
      froms: parseFromLines(f.text, f.settings?.buildArgs),
    })),
    options.registry,
  )
  const tagOf = (path: string) => (graph.effective.get(path) as string).slice(0, TAG_LENGTH)
  const images = files
    .map((file): PlannedImage => {
      const name = names.get(file.path) as string
      const effective = graph.effective.get(file.path) as string
      const edges = graph.parents.get(file.path) ?? []
      const before = previous.get(file.path)
      const status: ImageStatus = !before ? 'new' : before.effective === effective ? 'unchanged' : 'changed'
      const isForced = options.forceBuild || forced.has(name)
      const tag = effective.slice(0, TAG_LENGTH)
      // Most images have no in-repo parent and no config: those skip building empty collections.
      const parentNames = edges.length === 0 ? [] : [...new Set(edges.map((e) => names.get(e.parent) as string))].sort()
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
        buildArgs: edges.length === 0 && file.settings === undefined ? [] : pinnedBuildArgs(file, edges, names, options.registry, tagOf),
        target: file.settings?.target ?? '',
        platform: file.settings?.platform ?? '',
        extraTags: file.settings?.extraTags ?? [],
        ...(file.settings?.resources ? { resources: file.settings.resources } : {}),
        nodeSelector: file.settings?.nodeSelector ?? {},
        tolerations: file.settings?.tolerations ?? [],
      }
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const present = new Set(files.map((f) => f.path))
  const removed = [...previous.values()].filter((p) => !present.has(p.dockerfile)).sort((a, b) => (a.name < b.name ? -1 : 1))
  return { images, removed, warnings: graph.warnings }
}

/** The repository-relative folder of a file ('' for the top). */
function folderOf(file: string): string {
  const slash = file.lastIndexOf('/')
  return slash === -1 ? '' : file.slice(0, slash)
}

/** `NAME=value` build args, sorted: the configured ones, and each ARG a FROM takes to an in-repo parent, pinned to its tag. */
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

/**
 * Image names: the configured ones, and for the others the names derived from the paths of every
 * Dockerfile found (`skipped` ones too), so that skipping an image or naming one in the config never
 * renames another. A configured name that another image has is an error that says where it was set.
 */
function assignNames(files: readonly HashedDockerfile[], skipped: readonly string[], repositoryName: string): Map<string, string> {
  const derived = assignImageNames([...files.map((f) => f.path), ...skipped], repositoryName)
  const names = new Map<string, string>()
  const owner = new Map<string, string>()
  for (const file of files) {
    if (file.settings?.name) continue
    const name = derived.get(file.path) as string
    names.set(file.path, name)
    owner.set(name, file.path)
  }
  for (const file of files) {
    if (!file.settings?.name) continue
    const { value, at } = file.settings.name
    const other = owner.get(value)
    if (other !== undefined) {
      const hint =
        names.get(other) === value && !files.find((f) => f.path === other)?.settings?.name ? ` (or give ${other} another name)` : ''
      throw new InputError(
        `${at}: the image name '${value}' of ${file.path} is also the name of ${other}'s image: expected a name no other image has${hint}.`,
      )
    }
    owner.set(value, file.path)
    names.set(file.path, value)
  }
  return names
}
