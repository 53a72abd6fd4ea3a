import { ConfigMap } from 'kubernetes-models/v1/ConfigMap'
import { Pod } from 'kubernetes-models/v1/Pod'
import { parseAllDocuments } from 'yaml'
import { explainPinnedImage } from '../../src/common/reference.js'

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/
/** resource.Quantity's grammar: <signedNumber><suffix>. */
const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/
const SUFFIX_POWERS: Record<string, [ten: number, two: number]> = {
  Ki: [0, 10],
  Mi: [0, 20],
  Gi: [0, 30],
  Ti: [0, 40],
  Pi: [0, 50],
  Ei: [0, 60],
  n: [-9, 0],
  u: [-6, 0],
  m: [-3, 0],
  '': [0, 0],
  k: [3, 0],
  M: [6, 0],
  G: [9, 0],
  T: [12, 0],
  P: [15, 0],
  E: [18, 0],
}
/** All annotations of an object, keys and values, in bytes (the API server's ValidateAnnotationsSize). */
const MAX_ANNOTATIONS_BYTES = 256 * 1024

/** A quantity in nano units, rounded up as Kubernetes parses it; undefined when it is not one (or beyond these tests). */
function nanos(quantity: string): bigint | undefined {
  const match = QUANTITY.exec(quantity)
  if (!match) return undefined
  const [, sign, number = '', suffix = ''] = match
  const [whole = '', fraction = ''] = number.split('.')
  const [ten, two] = /^[eE]/.test(suffix) ? [Number(suffix.slice(1)), 0] : (SUFFIX_POWERS[suffix] ?? [0, 0])
  const power = ten + 9 - fraction.length
  if (Math.abs(power) > 200) return undefined
  let value = BigInt(`${whole}${fraction}` || '0') * 2n ** BigInt(two)
  if (power >= 0) value *= 10n ** BigInt(power)
  else value = (value + 10n ** BigInt(-power) - 1n) / 10n ** BigInt(-power)
  return sign === '-' ? -value : value
}

/** What the API server checks of a container's resources: quantities, none negative, no request above its limit. */
function resourceProblems(where: string, resources: Json): string[] {
  const problems: string[] = []
  const requests = (resources.requests ?? {}) as Json
  const limits = (resources.limits ?? {}) as Json
  for (const [kind, list] of [
    ['requests', requests],
    ['limits', limits],
  ] as const) {
    for (const [name, value] of Object.entries(list)) {
      const amount = nanos(String(value))
      if (amount === undefined || amount < 0n) problems.push(`${where}: ${kind}.${name} '${String(value)}' is not a valid quantity`)
    }
  }
  for (const [name, value] of Object.entries(requests)) {
    const request = nanos(String(value))
    const limit = limits[name] === undefined ? undefined : nanos(String(limits[name]))
    if (request !== undefined && limit !== undefined && request > limit)
      problems.push(`${where}: requests.${name} ${String(value)} is above its limit ${String(limits[name])}`)
  }
  return problems
}

/** What the API server checks of tolerations and the node selector beyond the schema. */
function schedulingProblems(where: string, spec: Json): string[] {
  const problems: string[] = []
  for (const [key, value] of Object.entries((spec.nodeSelector ?? {}) as Json)) {
    if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value))
      problems.push(`${where}: nodeSelector ${key}='${String(value)}' is not a label value`)
  }
  for (const t of (spec.tolerations ?? []) as Json[]) {
    const value = typeof t.value === 'string' ? t.value : ''
    if (t.operator === 'Exists' && value !== '') problems.push(`${where}: toleration ${String(t.key)} has operator Exists and a value`)
    if (value.length > 63 || !LABEL_VALUE.test(value)) problems.push(`${where}: toleration value '${value}' is not a label value`)
    if ((t.key ?? '') === '' && t.operator !== 'Exists') problems.push(`${where}: a toleration without a key must have operator Exists`)
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') problems.push(`${where}: tolerationSeconds without effect NoExecute`)
  }
  return problems
}

type Json = Record<string, unknown>

export function parseManifest(text: string): Json[] {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw doc.errors[0]
    return doc.toJS() as Json
  })
}

/**
 * Validates every document against the Kubernetes schema (kubernetes-models) and the rules the schema
 * does not carry: name syntax, required and pinned images, label syntax, mounts that name volumes,
 * quantities and requests within limits, tolerations, node selector values, the size of annotations.
 * Returns the problems found; [] means valid.
 */
export function validateManifest(text: string): string[] {
  const problems: string[] = []
  const names = new Set<string>()
  for (const doc of parseManifest(text)) {
    const metadata = (doc.metadata ?? {}) as Json
    const name = String(metadata.name ?? '')
    const where = `${String(doc.kind)} '${name}'`
    try {
      if (doc.kind === 'Pod') new Pod(doc as never).validate()
      else if (doc.kind === 'ConfigMap') new ConfigMap(doc as never).validate()
      else problems.push(`${where}: unexpected kind`)
    } catch (error) {
      problems.push(`${where}: schema: ${(error as Error).message}`)
    }
    if (!DNS1123_LABEL.test(name) || name.length > 63) problems.push(`${where}: name is not a DNS-1123 label of at most 63 characters`)
    if (names.has(`${String(doc.kind)}/${name}`)) problems.push(`${where}: duplicate name`)
    names.add(`${String(doc.kind)}/${name}`)
    if (!DNS1123_LABEL.test(String(metadata.namespace ?? ''))) problems.push(`${where}: namespace missing or invalid`)
    for (const [key, value] of Object.entries((metadata.labels ?? {}) as Json)) {
      if (!QUALIFIED_NAME.test(key.split('/').at(-1) ?? '')) problems.push(`${where}: label key '${key}' invalid`)
      if (typeof value !== 'string' || value.length > 63 || !LABEL_VALUE.test(value))
        problems.push(`${where}: label ${key}='${String(value)}' invalid`)
    }
    let annotationBytes = 0
    for (const [key, value] of Object.entries((metadata.annotations ?? {}) as Json)) {
      if (!QUALIFIED_NAME.test(key)) problems.push(`${where}: annotation key '${key}' invalid`)
      annotationBytes += Buffer.byteLength(key) + Buffer.byteLength(String(value))
    }
    if (annotationBytes > MAX_ANNOTATIONS_BYTES) problems.push(`${where}: annotations take ${annotationBytes} bytes, over 256 KiB`)
    if (doc.kind !== 'Pod') continue
    const spec = (doc.spec ?? {}) as Json
    const volumes = new Set(((spec.volumes ?? []) as Json[]).map((v) => String(v.name)))
    for (const v of volumes) if (!DNS1123_LABEL.test(v)) problems.push(`${where}: volume name '${v}' invalid`)
    const containers = [...((spec.initContainers ?? []) as Json[]), ...((spec.containers ?? []) as Json[])]
    if (((spec.containers ?? []) as Json[]).length === 0) problems.push(`${where}: no containers`)
    problems.push(...schedulingProblems(where, spec))
    for (const c of containers) {
      const cname = String(c.name ?? '')
      if (!DNS1123_LABEL.test(cname)) problems.push(`${where}: container name '${cname}' invalid`)
      const image = typeof c.image === 'string' ? c.image : ''
      if (image === '') problems.push(`${where}: container '${cname}' has no image`)
      else if (explainPinnedImage(image)) problems.push(`${where}: container '${cname}' image '${image}' is not pinned`)
      for (const m of (c.volumeMounts ?? []) as Json[]) {
        if (!volumes.has(String(m.name))) problems.push(`${where}: container '${cname}' mounts unknown volume '${String(m.name)}'`)
      }
      problems.push(...resourceProblems(`${where}: container '${cname}'`, (c.resources ?? {}) as Json))
      for (const e of (c.env ?? []) as Json[])
        if (!ENV_NAME.test(String(e.name))) problems.push(`${where}: env name '${String(e.name)}' invalid`)
    }
  }
  return problems
}

/** Each document's text keyed by `Kind/name` (as a reviewer or ArgoCD would tell them apart). */
export function documentsByName(text: string): Map<string, string> {
  const docs = new Map<string, string>()
  for (const doc of text.split(/^---$/m).slice(1)) {
    const kind = /^kind: (.+)$/m.exec(doc)?.[1] ?? ''
    const name = /^ {2}name: (.+)$/m.exec(doc)?.[1] ?? ''
    docs.set(`${kind}/${name}`, doc)
  }
  return docs
}
