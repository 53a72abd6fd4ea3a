import { ConfigMap } from 'kubernetes-models/v1/ConfigMap'
import { Pod } from 'kubernetes-models/v1/Pod'
import { parseAllDocuments } from 'yaml'
import { explainPinnedImage } from '../../src/reference.js'

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
const QUALIFIED_NAME = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/
const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/

type Json = Record<string, unknown>

export function parseManifest(text: string): Json[] {
  return parseAllDocuments(text).map((doc) => {
    if (doc.errors.length > 0) throw doc.errors[0]
    return doc.toJS() as Json
  })
}

/**
 * Validates every document against the Kubernetes schema (kubernetes-models) and the rules the schema
 * does not carry: name syntax, required and pinned images, label syntax, mounts that name volumes.
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
    for (const key of Object.keys((metadata.annotations ?? {}) as Json)) {
      if (!QUALIFIED_NAME.test(key)) problems.push(`${where}: annotation key '${key}' invalid`)
    }
    if (doc.kind !== 'Pod') continue
    const spec = (doc.spec ?? {}) as Json
    const volumes = new Set(((spec.volumes ?? []) as Json[]).map((v) => String(v.name)))
    for (const v of volumes) if (!DNS1123_LABEL.test(v)) problems.push(`${where}: volume name '${v}' invalid`)
    const containers = [...((spec.initContainers ?? []) as Json[]), ...((spec.containers ?? []) as Json[])]
    if (((spec.containers ?? []) as Json[]).length === 0) problems.push(`${where}: no containers`)
    for (const c of containers) {
      const cname = String(c.name ?? '')
      if (!DNS1123_LABEL.test(cname)) problems.push(`${where}: container name '${cname}' invalid`)
      const image = typeof c.image === 'string' ? c.image : ''
      if (image === '') problems.push(`${where}: container '${cname}' has no image`)
      else if (explainPinnedImage(image)) problems.push(`${where}: container '${cname}' image '${image}' is not pinned`)
      for (const m of (c.volumeMounts ?? []) as Json[]) {
        if (!volumes.has(String(m.name))) problems.push(`${where}: container '${cname}' mounts unknown volume '${String(m.name)}'`)
      }
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
