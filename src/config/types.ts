import type { SourceLocation } from '../common/errors.js'

export interface ResourceList {
  readonly [resource: string]: string
}

export interface Resources {
  readonly requests?: ResourceList
  readonly limits?: ResourceList
}

export interface Toleration {
  readonly key?: string
  readonly operator?: 'Exists' | 'Equal'
  readonly value?: string
  readonly effect?: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
  readonly tolerationSeconds?: number
}

/** The settings one image can have; every field is optional in the file. */
export interface ImageOptions {
  /** Image name under the registry, instead of the one derived from the path. */
  readonly name?: string
  /** Build context folder, repository-relative ('' for the top). */
  readonly context?: string
  readonly buildArgs?: Readonly<Record<string, string>>
  readonly target?: string
  /** More tags pushed with the content tag, e.g. `latest`. */
  readonly extraTags?: readonly string[]
  /** `--custom-platform`, e.g. `linux/arm64`. */
  readonly platform?: string
  /** Platforms of a multi-arch image: one build per platform on its own nodes, then an OCI index. */
  readonly platforms?: readonly string[]
  /** The build container's resources (replace the defaults). */
  readonly resources?: Resources
  readonly nodeSelector?: Readonly<Record<string, string>>
  readonly tolerations?: readonly Toleration[]
  readonly skip?: boolean
}

export type OptionKey = keyof ImageOptions

/** One entry of the file: the options of one Dockerfile, and where each was written. */
export interface ImageEntry {
  /** Repository-relative Dockerfile path ('' for the inline input, which applies to the only image). */
  readonly dockerfile: string
  readonly options: ImageOptions
  /** Where the entry starts, for errors about the entry as a whole. */
  readonly at: SourceLocation
  /** Where each key's value was written. */
  readonly positions: ReadonlyMap<OptionKey, SourceLocation>
}

export interface ImageConfig {
  /** How errors name where the config came from: the file path, or the input. */
  readonly source: ConfigSource
  readonly defaults: ImageEntry
  readonly images: ReadonlyMap<string, ImageEntry>
}

export interface ConfigSource {
  /** `file`: the config file (repository-relative path); `input`: the `image-config` input. */
  readonly kind: 'file' | 'input'
  readonly name: string
  /** The file's path from the workspace, for annotations ('' for the input). */
  readonly annotationPath: string
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
  /**
   * The platforms of a multi-arch image (two or more; absent for every other image, so that its
   * settings, tag and render key stay as they were): a build Pod per platform, and an index Pod.
   */
  readonly platforms?: readonly string[]
  /** Tags pushed besides the content tag. */
  readonly extraTags: readonly string[]
  /** The build container's resources (undefined: the defaults). */
  readonly resources?: Resources
  readonly nodeSelector: Readonly<Record<string, string>>
  readonly tolerations: readonly Toleration[]
}
