import type { ImageStatus, PreviousImage } from '../plan/plan.js'

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
  /** A multi-arch image's platforms (its `pod` is the index Pod); absent for every other image. */
  readonly platforms?: readonly string[]
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
  /** Pods whose text was taken as it was from the previous manifest, not rendered again. */
  readonly reused: number
  /** The previous manifest records these same inputs: it is the outcome as it is, and nothing was planned. */
  readonly sameInputs: boolean
  /** By image name, the names of its in-repo parents, sorted (an image without one is absent): for the image graph. */
  readonly parents: ReadonlyMap<string, readonly string[]>
}

/**
 * An image's status as the log, the summary, the CLI and the commit message show it: `changed`,
 * `renamed from api, forced`; `withPath` adds the Dockerfile a renamed image moved from.
 */
export function statusText(
  image: Pick<ImageReport, 'status' | 'forced' | 'previousName' | 'previousDockerfile'>,
  withPath = false,
): string {
  let status: string = image.status
  if (image.status === 'renamed') {
    status = `renamed from ${image.previousName ?? ''}`
    if (withPath && image.previousDockerfile !== undefined) status += ` (${image.previousDockerfile})`
  }
  return image.forced ? `${status}, forced` : status
}
