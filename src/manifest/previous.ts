import { sha256Hex } from '../hash.js'
import type { PreviousImage } from '../plan.js'
import { ANNOTATION, LABEL } from './annotations.js'
import { DIGEST_PREFIX, MANIFEST_HEADER } from './yaml.js'

export interface PreviousManifest {
  /** The file's text ('' when there is none). */
  readonly text: string
  /** Images keyed by Dockerfile path. */
  readonly images: Map<string, PreviousImage>
  /** The documents in file order, when the file is this action's own and unedited (its digest holds). */
  readonly verified?: { readonly documents: readonly string[] }
  /** Why the file could not be used, when it could not (it is then ignored). */
  readonly problem?: string
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

const OWN = `${MANIFEST_HEADER}\n${DIGEST_PREFIX}`

/**
 * Reads what an earlier run wrote: for each build Pod, its Dockerfile, hash, pinned commit and name.
 * A file this action wrote (it starts with MANIFEST_HEADER) is read line by line, taking only those
 * annotations: parsing a thousand documents into YAML trees cost more than the rest of a run. Any
 * other file goes through the YAML parser; one that is not valid YAML is reported through `problem`
 * and otherwise ignored: the manifest is generated, and rendering it anew only re-pins commits.
 *
 * Given the file's bytes, the digest is checked on them as they are (a string would be encoded to
 * UTF-8 again to be hashed: a few milliseconds on a manifest of megabytes).
 */
export async function readPreviousManifest(content: string | Uint8Array | undefined): Promise<PreviousManifest> {
  if (content === undefined) return { text: '', images: new Map() }
  const bytes = typeof content === 'string' ? undefined : Buffer.from(content.buffer, content.byteOffset, content.byteLength)
  const whole = bytes ? bytes.toString('utf8') : (content as string)
  if (whole.startsWith(OWN)) {
    const bodyStart = whole.indexOf('\n', OWN.length) + 1
    const digest = whole.slice(OWN.length, bodyStart - 1)
    const bodyBytes = bytes?.subarray(bytes.indexOf(10, OWN.length) + 1)
    const body = whole.slice(bodyStart)
    // Bytes that are not UTF-8 decode to U+FFFD: kept as text, they would not be the bytes the digest covers.
    const lossless = bytes === undefined || !whole.includes('\uFFFD') || Buffer.from(whole).equals(bytes)
    // The action writes every document after a `---` line: then the documents joined again are the body.
    const intact = bodyStart > 0 && body.startsWith('---\n') && lossless && digest === sha256Hex(bodyBytes ?? body)
    const documents: string[] = []
    const images = scanOwnManifest(body, intact, documents)
    // A field written as a block scalar (a path that ends in a newline) is beyond the line reader.
    if (images === undefined) return parseManifest(whole)
    return { text: whole, images, ...(intact ? { verified: { documents } } : {}) }
  }
  return parseManifest(whole)
}

/** The fields read from each Pod, as the emitter writes them: each on one line of the metadata. */
const FIELDS = [
  ['name', '\n  name: '],
  [LABEL.name, `\n    ${LABEL.name}: `],
  [ANNOTATION.dockerfile, `\n    ${ANNOTATION.dockerfile}: `],
  [ANNOTATION.dockerfileSha256, `\n    ${ANNOTATION.dockerfileSha256}: `],
  [ANNOTATION.effectiveSha256, `\n    ${ANNOTATION.effectiveSha256}: `],
  [ANNOTATION.commit, `\n    ${ANNOTATION.commit}: `],
  [ANNOTATION.renderKey, `\n    ${ANNOTATION.renderKey}: `],
] as const

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

const POD_START = 'apiVersion: v1\nkind: Pod\nmetadata:'
const SEPARATOR = '\n---\n'

/**
 * `body` is everything after the digest line; with `intact`, each Pod's text is kept for reuse and
 * every document's text goes into `documents`, in file order.
 * Documents are found with indexOf and each field with one indexOf in the metadata (which ends at
 * `spec:`): no regular expression runs over the megabytes of a large manifest.
 */
function scanOwnManifest(body: string, intact: boolean, documents: string[]): Map<string, PreviousImage> | undefined {
  const images = new Map<string, PreviousImage>()
  let at = body.startsWith('---\n') ? 4 : 0
  while (at < body.length) {
    const next = body.indexOf(SEPARATOR, at)
    const end = next === -1 ? body.length : next + 1
    const doc = intact ? body.slice(at, end) : undefined
    if (doc !== undefined) documents.push(doc)
    if (body.startsWith(POD_START, at)) {
      const specAt = body.indexOf('\nspec:\n', at)
      const metaEnd = specAt === -1 || specAt > end ? end : specAt
      // A slice, so that a field a Pod lacks (the commit, with a local context) is looked for in its own metadata only.
      const meta = body.slice(at, metaEnd)
      const fields: Record<string, string | undefined> = {}
      // The fields are looked for in the order the emitter writes them, each from where the last
      // one ended: one pass over the metadata. A field not found there (an edited file) is looked
      // for from the start.
      let from = 0
      for (const [key, marker] of FIELDS) {
        let found = meta.indexOf(marker, from)
        if (found === -1 && from > 0) found = meta.indexOf(marker)
        if (found === -1) continue
        const valueAt = found + marker.length
        const lineEnd = meta.indexOf('\n', valueAt)
        from = lineEnd === -1 ? meta.length : lineEnd
        const raw = meta.slice(valueAt, lineEnd === -1 ? meta.length : lineEnd)
        // A field written as a block scalar (a path that ends in a newline) is beyond this reader.
        if (raw.startsWith('|') || raw.startsWith('>')) return undefined
        fields[key] = scalar(raw)
      }
      addImage(images, fields.name ?? '', fields[LABEL.name] ?? '', fields, doc)
    }
    if (next === -1) break
    at = next + SEPARATOR.length
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
      return { text: content, images: new Map(), problem: `it is not valid YAML (${doc.errors[0]?.message.split('\n')[0]})` }
    }
    const object = record(doc.toJS())
    if (object.kind !== 'Pod') continue
    const metadata = record(object.metadata)
    addImage(images, text(metadata.name), text(record(metadata.labels)[LABEL.name]), record(metadata.annotations))
  }
  return { text: content, images }
}
