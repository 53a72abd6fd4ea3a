import { parseAllDocuments } from 'yaml'
import type { PreviousImage } from '../plan.js'
import { ANNOTATION, LABEL } from './annotations.js'

export interface PreviousManifest {
  /** Images keyed by Dockerfile path. */
  readonly images: Map<string, PreviousImage>
  /** Why the file could not be used, when it could not (it is then ignored). */
  readonly problem?: string
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

/**
 * Reads what an earlier run wrote: for each build Pod, its Dockerfile, hash, pinned commit and name.
 * A file that is not valid YAML is reported through `problem` and otherwise ignored: the manifest is
 * generated, and rendering from scratch only costs a re-pin of the commits.
 */
export function readPreviousManifest(content: string | undefined): PreviousManifest {
  const images = new Map<string, PreviousImage>()
  if (content === undefined) return { images }
  const docs = parseAllDocuments(content)
  if (!Array.isArray(docs)) return { images, problem: 'it is not a YAML stream' }
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      return { images: new Map(), problem: `it is not valid YAML (${doc.errors[0]?.message.split('\n')[0]})` }
    }
    const object = record(doc.toJS())
    if (object.kind !== 'Pod') continue
    const metadata = record(object.metadata)
    const annotations = record(metadata.annotations)
    const dockerfile = text(annotations[ANNOTATION.dockerfile])
    const sha256 = text(annotations[ANNOTATION.dockerfileSha256])
    if (dockerfile === '' || !/^[0-9a-f]{64}$/.test(sha256)) continue
    images.set(dockerfile, {
      name: text(record(metadata.labels)[LABEL.name]),
      dockerfile,
      sha256,
      commit: text(annotations[ANNOTATION.commit]),
      pod: text(metadata.name),
    })
  }
  return { images }
}
