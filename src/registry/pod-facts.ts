/**
 * What mode: wait takes from each chosen Pod beyond its annotations: the image its containers name in
 * DOCKER_IMAGENAME and DOCKER_IMAGETAG (what the check asks for and kaniko pushes), and whether it is a
 * forced build. The wait trusts none of it: each reference must be `<registry>/<name>:<tag>` of the
 * `registry` input, the Pod's own name label and env, and its `kaniko-gitops/image` annotation.
 */
import { visible } from '../common/inert.js'
import { ANNOTATION } from '../manifest/annotations.js'
import type { PreviousImage } from '../plan/plan.js'
import type { WaitTarget } from './wait.js'

type Json = Record<string, unknown>

function record(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {}
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** A Pod's object by its name, from the whole manifest: for a manifest whose Pods have no verified text. */
async function podsByName(text: string): Promise<Map<string, Json | undefined>> {
  const { parseAllDocuments } = await import('yaml')
  const pods = new Map<string, Json | undefined>()
  for (const doc of parseAllDocuments(text)) {
    const object = record(doc.toJS())
    if (object.kind !== 'Pod') continue
    const name = record(object.metadata).name
    // Two Pods of one name: neither is taken.
    if (typeof name === 'string') pods.set(name, pods.has(name) ? undefined : object)
  }
  return pods
}

/** The values each container of the Pod sets for DOCKER_IMAGENAME and DOCKER_IMAGETAG (the last entry counts, as in Kubernetes). */
function imageEnv(pod: Json): { container: string; repository: unknown; tag: unknown }[] {
  const spec = record(pod.spec)
  return [...list(spec.initContainers), ...list(spec.containers)].flatMap((item) => {
    const container = record(item)
    const env = list(container.env).map(record)
    const last = (name: string) => env.findLast((entry) => entry.name === name)?.value
    const repository = last('DOCKER_IMAGENAME')
    const tag = last('DOCKER_IMAGETAG')
    if (repository === undefined && tag === undefined) return []
    return [{ container: String(container.name), repository, tag }]
  })
}

const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/
const NONCE = /^[0-9A-Za-z.:-]{1,64}$/

/** Why the Pod's image is not `<registry>/<name>:<tag>` of its own env and annotation, or undefined when it is. */
function disagreement(image: PreviousImage, pod: Json, registry: string): string | undefined {
  const env = imageEnv(pod)
  const repository = `${registry}/${image.name}`
  if (!env.some((e) => e.container === 'kaniko-init')) return 'its kaniko-init container sets no DOCKER_IMAGENAME and DOCKER_IMAGETAG'
  for (const e of env) {
    if (e.repository !== repository)
      return `its container ${e.container} sets DOCKER_IMAGENAME '${String(e.repository)}', not '${repository}' (the registry input and the image's name)`
    if (typeof e.tag !== 'string' || !TAG.test(e.tag))
      return `its container ${e.container} sets DOCKER_IMAGETAG '${String(e.tag)}', which is no tag`
    if (`${repository}:${e.tag}` !== image.image)
      return `its container ${e.container} names '${repository}:${e.tag}', its annotation ${ANNOTATION.image} '${image.image}'`
  }
  const nonce = record(record(pod.metadata).annotations)[ANNOTATION.forced]
  if (nonce !== undefined && (typeof nonce !== 'string' || !NONCE.test(nonce)))
    return `its annotation ${ANNOTATION.forced} is '${String(nonce)}', not a force nonce`
  return undefined
}

/**
 * The targets of the chosen images, each checked against its Pod (see the file's comment); a Pod that
 * does not agree is an error naming it. `text` is the whole manifest, parsed only when a chosen Pod has
 * no verified text of its own.
 */
export async function checkedTargets(chosen: readonly PreviousImage[], text: () => string, registry: string): Promise<WaitTarget[]> {
  let all: Map<string, Json | undefined> | undefined
  const { parseDocument } = await import('yaml')
  const targets: WaitTarget[] = []
  for (const image of chosen) {
    let pod: Json | undefined
    if (image.text !== undefined) pod = record(parseDocument(image.text).toJS())
    else {
      all ??= await podsByName(text())
      pod = all.get(image.pod)
    }
    const why = pod === undefined ? 'it is not one Pod of that name in the manifest' : disagreement(image, pod, registry)
    if (why !== undefined)
      throw new Error(
        `The manifest's Pod '${visible(image.pod)}' of the image '${visible(image.name)}' cannot be waited for: ${visible(why)}. The manifest at the checked-out commit was edited by hand, or rendered with another registry: render it again (mode: commit) with this registry input.`,
      )
    const nonce = record(record(pod?.metadata).annotations)[ANNOTATION.forced]
    const at = image.image.lastIndexOf(':')
    const target = { name: image.name, reference: image.image, repository: image.image.slice(0, at), tag: image.image.slice(at + 1) }
    targets.push(typeof nonce === 'string' ? { ...target, forceNonce: nonce } : target)
  }
  return targets
}
