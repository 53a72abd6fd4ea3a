import { isUtf8 } from 'node:buffer'
import { isKnownPlatform, platformPodPrefix } from '../common/platforms.js'
import { sha256Hex } from '../common/sha256.js'
import type { PreviousImage } from '../plan/plan.js'
import { ANNOTATION, LABEL } from './annotations.js'
import { nameOfText } from './pod.js'
import { DIGEST_PREFIX, INPUTS_PREFIX, MANIFEST_HEADER } from './yaml.js'

export interface PreviousManifest {
  /** The file's text ('' when there is none); decoded on first use when the file was given as bytes. */
  readonly text: string
  /** Images keyed by Dockerfile path (a multi-arch image: its index Pod). */
  readonly images: Map<string, PreviousImage>
  /** The platform Pods of multi-arch images, keyed by platformKey (Dockerfile path and platform). */
  readonly platformPods?: Map<string, PreviousImage>
  /**
   * When the file is this action's own and unedited (its digest holds, and each document has the name
   * its text gives it): the documents in file order (decoded on first use), their `Kind/name`, and the
   * key of the inputs they were rendered from, when the file records one.
   */
  readonly verified?: { readonly documents: readonly string[]; readonly names: readonly string[]; readonly inputs?: string }
  /** Why the file could not be used, when it could not (it is then ignored). */
  readonly problem?: string
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

const OWN = Buffer.from(`${MANIFEST_HEADER}\n${DIGEST_PREFIX}`)
const INPUTS = Buffer.from(INPUTS_PREFIX)

/**
 * Reads what an earlier run wrote: for each build Pod, its Dockerfile, hash, pinned commit and name.
 * A file this action wrote (it starts with MANIFEST_HEADER) is read line by line, taking only those
 * annotations: parsing a thousand documents into YAML trees cost more than the rest of a run. Any
 * other file goes through the YAML parser; one that is not valid YAML is reported through `problem`
 * and otherwise ignored: the manifest is generated, and rendering it anew only re-pins commits.
 *
 * An own file is read as bytes: the digest is checked on them, only each Pod's metadata becomes a
 * string (see scanOwnManifest), and the text of the file and of each document is decoded when asked
 * for. A run that takes the file as it is never turns megabytes into a string (which also cost a
 * full garbage collection).
 */
export async function readPreviousManifest(content: string | Uint8Array | undefined): Promise<PreviousManifest> {
  if (content === undefined) return { text: '', images: new Map() }
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content.buffer, content.byteOffset, content.byteLength)
  let whole = typeof content === 'string' ? content : undefined
  const textOf = () => {
    whole ??= bytes.toString('utf8')
    return whole
  }
  if (bytes.length < OWN.length || bytes.compare(OWN, 0, OWN.length, 0, OWN.length) !== 0) return parseManifest(textOf())
  const digestEnd = bytes.indexOf(10, OWN.length)
  const digest = bytes.toString('latin1', OWN.length, digestEnd === -1 ? OWN.length : digestEnd)
  // The inputs line, when there is one, is outside the digest: the digest is of the documents alone.
  const hasInputs =
    digestEnd !== -1 &&
    digestEnd + 1 + INPUTS.length <= bytes.length &&
    bytes.compare(INPUTS, 0, INPUTS.length, digestEnd + 1, digestEnd + 1 + INPUTS.length) === 0
  const inputsEnd = hasInputs ? bytes.indexOf(10, digestEnd + 1) : digestEnd
  const inputs = hasInputs
    ? bytes.toString('latin1', digestEnd + 1 + INPUTS.length, inputsEnd === -1 ? bytes.length : inputsEnd)
    : undefined
  const bodyStart = digestEnd === -1 || inputsEnd === -1 ? bytes.length : inputsEnd + 1
  const body = bytes.subarray(bodyStart)
  // The action writes UTF-8, and every document after a `---` line: then the documents joined again are the body.
  const intact = body.length >= 4 && body.toString('latin1', 0, 4) === '---\n' && isUtf8(body) && digest === sha256Hex(body)
  const scanned = scanOwnManifest(body, intact)
  // A field written as a block scalar (a path that ends in a newline) is beyond the line reader.
  if (scanned === undefined) return parseManifest(textOf())
  const known = inputs !== undefined && /^[0-9a-f]{64}$/.test(inputs) ? { inputs } : {}
  return {
    get text() {
      return textOf()
    },
    images: scanned.images,
    platformPods: scanned.platformPods,
    ...(intact && scanned.names !== undefined
      ? {
          verified: {
            get documents() {
              return scanned.documents()
            },
            names: scanned.names,
            ...known,
          },
        }
      : {}),
  }
}

/** The fields read from each Pod, as the emitter writes them: each on one line of the metadata. */
const FIELDS = [
  ['name', '\n  name: '],
  [LABEL.name, `\n    ${LABEL.name}: `],
  [ANNOTATION.dockerfile, `\n    ${ANNOTATION.dockerfile}: `],
  [ANNOTATION.dockerfileSha256, `\n    ${ANNOTATION.dockerfileSha256}: `],
  [ANNOTATION.effectiveSha256, `\n    ${ANNOTATION.effectiveSha256}: `],
  [ANNOTATION.image, `\n    ${ANNOTATION.image}: `],
  [ANNOTATION.platform, `\n    ${ANNOTATION.platform}: `],
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
const SEPARATOR = Buffer.from('\n---\n')
const SPEC = Buffer.from('\nspec:\n')

/**
 * `body` is everything after the header lines. Documents are found with Buffer.indexOf, and only each
 * Pod's metadata (up to `spec:`) becomes a string, as latin1 so that its offsets are the bytes':
 * three calls into the runtime per Pod, string searches within, and no string of megabytes. A value
 * beyond ASCII is decoded again from its bytes as UTF-8. With `intact`, each document is checked
 * against its name (a hand edit under a digest made again keeps a name its text no longer gives), a
 * Pod that passes keeps its text for reuse, `names` lists the names when every document passed, and
 * `documents` gives every document's text in file order; texts are decoded on first use, once.
 */
function scanOwnManifest(
  body: Buffer,
  intact: boolean,
):
  | { images: Map<string, PreviousImage>; platformPods: Map<string, PreviousImage>; documents: () => string[]; names?: string[] }
  | undefined {
  const images = new Map<string, PreviousImage>()
  const platformPods = new Map<string, PreviousImage>()
  let names: string[] | undefined = intact ? [] : undefined
  const ranges: number[] = []
  const decoded: (string | undefined)[] = []
  const documentText = (i: number): string => {
    let doc = decoded[i]
    if (doc === undefined) {
      doc = body.toString('utf8', ranges[2 * i], ranges[2 * i + 1])
      decoded[i] = doc
    }
    return doc
  }
  let at = body.length >= 4 && body.toString('latin1', 0, 4) === '---\n' ? 4 : 0
  while (at < body.length) {
    const next = body.indexOf(SEPARATOR, at)
    const end = next === -1 ? body.length : next + 1
    const index = ranges.length / 2
    ranges.push(at, end)
    const specAt = body.indexOf(SPEC, at)
    const meta = body.toString('latin1', at, specAt === -1 || specAt > end ? end : specAt)
    const named = intact ? nameOfText(body.subarray(at, end), meta) : undefined
    if (named === undefined) names = undefined
    else names?.push(`${named.kind}/${named.name}`)
    if (meta.startsWith(POD_START)) {
      const ascii = !NOT_ASCII.test(meta)
      const fields: Record<string, string | undefined> = {}
      // The fields are looked for in the order the emitter writes them, each from where the last
      // one ended: one pass over the metadata. A field not found there (an edited file) is looked
      // for from the start.
      let from = 0
      for (let f = 0; f < FIELDS.length; f++) {
        const [key, marker] = FIELDS[f] as (typeof FIELDS)[number]
        let found = meta.indexOf(marker, from)
        if (found === -1 && from > 0) found = meta.indexOf(marker)
        if (found === -1) continue
        const valueAt = found + marker.length
        const newline = meta.indexOf('\n', valueAt)
        const lineEnd = newline === -1 ? meta.length : newline
        from = lineEnd
        let raw = meta.slice(valueAt, lineEnd)
        if (!ascii && NOT_ASCII.test(raw)) raw = body.toString('utf8', at + valueAt, at + lineEnd)
        // A field written as a block scalar (a path that ends in a newline) is beyond this reader.
        if (raw.startsWith('|') || raw.startsWith('>')) return undefined
        fields[key] = scalar(raw)
      }
      // A Pod is named after its image: the label, which its text (and so its name's hash) holds.
      const own = named?.kind === 'Pod' && named.prefix === prefixOf(fields[LABEL.name] ?? '', fields[ANNOTATION.platform] ?? '')
      if (!own) names = undefined
      addImage({ images, platformPods }, fields.name ?? '', fields[LABEL.name] ?? '', fields, own ? () => documentText(index) : undefined)
    }
    if (next === -1) break
    at = next + SEPARATOR.length
  }
  return {
    images,
    platformPods,
    documents: () => Array.from({ length: ranges.length / 2 }, (_, i) => documentText(i)),
    ...(names !== undefined ? { names } : {}),
  }
}

const NOT_ASCII = /[^\p{ASCII}]/u

/** A platform Pod's key in PreviousManifest.platformPods. */
export function platformKey(dockerfile: string, platform: string): string {
  return `${dockerfile}\n${platform}`
}

/** The name prefix of the Pod of image `name` (a platform Pod's: with its platform's suffix). */
function prefixOf(name: string, platform: string): string {
  return platform === '' ? name : platformPodPrefix(name, platform)
}

function addImage(
  { images, platformPods }: { images: Map<string, PreviousImage>; platformPods: Map<string, PreviousImage> },
  pod: string,
  name: string,
  annotations: Record<string, unknown>,
  doc?: () => string,
): void {
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
    image: text(annotations[ANNOTATION.image]),
  }
  const key = text(annotations[ANNOTATION.renderKey])
  const platform = text(annotations[ANNOTATION.platform])
  if (platform !== '' && !isKnownPlatform(platform)) return // The Pod's text is decoded when a render reuses it, not before.
  ;(platform === '' ? images : platformPods).set(
    platform === '' ? dockerfile : platformKey(dockerfile, platform),
    doc !== undefined && key !== ''
      ? {
          ...image,
          renderKey: key,
          get text() {
            return doc()
          },
        }
      : image,
  )
}

async function parseManifest(content: string): Promise<PreviousManifest> {
  // Loaded only for files this action did not write: the yaml package costs start-up time.
  const { parseAllDocuments } = await import('yaml')
  const images = new Map<string, PreviousImage>()
  const platformPods = new Map<string, PreviousImage>()
  for (const doc of parseAllDocuments(content)) {
    if (doc.errors.length > 0) {
      return { text: content, images: new Map(), problem: `it is not valid YAML (${doc.errors[0]?.message.split('\n')[0]})` }
    }
    const object = record(doc.toJS())
    if (object.kind !== 'Pod') continue
    const metadata = record(object.metadata)
    addImage({ images, platformPods }, text(metadata.name), text(record(metadata.labels)[LABEL.name]), record(metadata.annotations))
  }
  return { text: content, images, platformPods }
}
