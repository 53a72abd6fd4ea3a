import { sha256Hex } from '../hash.js'
import type { PreviousImage } from '../plan.js'
import { ANNOTATION, LABEL } from './annotations.js'
import { DIGEST_PREFIX, MANIFEST_HEADER } from './yaml.js'

export interface PreviousManifest {
  /** Images keyed by Dockerfile path. */
  readonly images: Map<string, PreviousImage>
  /** The documents and their digest, when the file is this action's own and unedited. */
  readonly verified?: { readonly body: string; readonly digest: string }
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
 * A file this action wrote (it starts with MANIFEST_HEADER) is read line by line, taking only those
 * annotations: parsing a thousand documents into YAML trees cost more than the rest of a run. Any
 * other file goes through the YAML parser; one that is not valid YAML is reported through `problem`
 * and otherwise ignored: the manifest is generated, and rendering it anew only re-pins commits.
 */
export async function readPreviousManifest(content: string | undefined): Promise<PreviousManifest> {
  if (content === undefined) return { images: new Map() }
  const own = `${MANIFEST_HEADER}\n${DIGEST_PREFIX}`
  if (content.startsWith(own)) {
    const bodyStart = content.indexOf('\n', own.length) + 1
    const body = content.slice(bodyStart)
    const digest = content.slice(own.length, bodyStart - 1)
    const intact = bodyStart > 0 && digest === sha256Hex(body)
    const images = scanOwnManifest(body, intact)
    // A field written as a block scalar (a path that ends in a newline) is beyond the line reader.
    if (images === undefined) return parseManifest(content)
    return { images, ...(intact ? { verified: { body, digest } } : {}) }
  }
  return parseManifest(content)
}

const OWN_LINE =
  /^ {2}name: (.*)$|^ {4}(app\.kubernetes\.io\/name|kaniko-gitops\/dockerfile|kaniko-gitops\/dockerfile-sha256|kaniko-gitops\/effective-sha256|kaniko-gitops\/commit|kaniko-gitops\/render-key): (.*)$/gm

/** A scalar as emitYaml writes it: plain, or JSON-quoted. */
function scalar(text: string): string {
  if (!text.startsWith('"')) return text
  try {
    const value: unknown = JSON.parse(
      text.replace(/\\U([0-9a-fA-F]{8})/g, (_m, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16))),
    )
    return typeof value === 'string' ? value : ''
  } catch {
    return ''
  }
}

/** `body` is everything after the digest line; with `intact`, each Pod's text is kept for reuse. */
function scanOwnManifest(body: string, intact: boolean): Map<string, PreviousImage> | undefined {
  const images = new Map<string, PreviousImage>()
  for (const chunk of body.split(/^---\n/m)) {
    const doc = chunk
    if (!doc.startsWith('apiVersion: v1\nkind: Pod\n')) continue
    const fields = new Map<string, string>()
    // The fields read here all live in the metadata, before `spec:`.
    const specAt = doc.indexOf('\nspec:\n')
    for (const m of (specAt === -1 ? doc : doc.slice(0, specAt)).matchAll(OWN_LINE)) {
      const raw = m[1] ?? m[3] ?? ''
      if (raw.startsWith('|') || raw.startsWith('>')) return undefined
      if (m[1] !== undefined) {
        if (!fields.has('name')) fields.set('name', scalar(m[1]))
      } else fields.set(m[2] as string, scalar(m[3] as string))
    }
    addImage(
      images,
      fields.get('name') ?? '',
      fields.get(LABEL.name) ?? '',
      {
        [ANNOTATION.dockerfile]: fields.get(ANNOTATION.dockerfile),
        [ANNOTATION.dockerfileSha256]: fields.get(ANNOTATION.dockerfileSha256),
        [ANNOTATION.effectiveSha256]: fields.get(ANNOTATION.effectiveSha256),
        [ANNOTATION.commit]: fields.get(ANNOTATION.commit),
        [ANNOTATION.renderKey]: fields.get(ANNOTATION.renderKey),
      },
      intact ? doc : undefined,
    )
  }
  return images
}

function addImage(images: Map<string, PreviousImage>, pod: string, name: string, annotations: Record<string, unknown>, doc?: string): void {
  const dockerfile = text(annotations[ANNOTATION.dockerfile])
  const sha256 = text(annotations[ANNOTATION.dockerfileSha256])
  const commit = text(annotations[ANNOTATION.commit])
  if (dockerfile === '' || !/^[0-9a-f]{64}$/.test(sha256)) return
  const effective = text(annotations[ANNOTATION.effectiveSha256])
  const image: PreviousImage = {
    name,
    dockerfile,
    sha256,
    effective: /^[0-9a-f]{64}$/.test(effective) ? effective : sha256,
    commit: /^[0-9a-f]{40}$/.test(commit) ? commit : '',
    pod,
  }
  const key = text(annotations[ANNOTATION.renderKey])
  images.set(dockerfile, doc !== undefined && key !== '' ? { ...image, renderKey: key, text: doc } : image)
}

async function parseManifest(content: string): Promise<PreviousManifest> {
  // Loaded only for files this action did not write: the yaml package costs start-up time.
  const { parseAllDocuments } = await import('yaml')
  const images = new Map<string, PreviousImage>()
  for (const doc of parseAllDocuments(content)) {
    if (doc.errors.length > 0) {
      return { images: new Map(), problem: `it is not valid YAML (${doc.errors[0]?.message.split('\n')[0]})` }
    }
    const object = record(doc.toJS())
    if (object.kind !== 'Pod') continue
    const metadata = record(object.metadata)
    addImage(images, text(metadata.name), text(record(metadata.labels)[LABEL.name]), record(metadata.annotations))
  }
  return { images }
}
