import { InputError } from '../common/errors.js'
import type { ImageReference } from '../scan/dockerfile.js'
import { sha256Hex } from '../scan/hash.js'
import { isDns1123Label, MAX_IMAGE_NAME_LENGTH, normalizeName } from './naming.js'
import { canonicalRepository } from './reference.js'

export interface GraphNode {
  /** Repository-relative Dockerfile path. */
  readonly path: string
  readonly name: string
  /** The node's own hash (Dockerfile, or Dockerfile and context). */
  readonly own: string
  /** The images its Dockerfile names (FROM, COPY --from, RUN --mount from=). */
  readonly references: readonly ImageReference[]
}

export interface ParentEdge {
  readonly parent: string
  /** The ARG the reference goes through, which the build pins to the parent's content tag. */
  readonly arg?: string
}

export interface ImageGraph {
  /** Each image's hash with its in-repo parents' hashes folded in. */
  readonly effective: ReadonlyMap<string, string>
  /** Longest chain of in-repo parents above each image (0 for none): its ArgoCD sync wave. */
  readonly depth: ReadonlyMap<string, number>
  readonly parents: ReadonlyMap<string, readonly ParentEdge[]>
  /**
   * References that name an in-repo image with a fixed tag (the build takes that tag, not the one
   * just built), and references under the registry to an image built elsewhere whose name is near
   * one of this repository's.
   */
  readonly warnings: readonly string[]
}

/**
 * Finds the images built on images of the same repository (a FROM, COPY --from or RUN --mount from=
 * that names `<registry>/<name>` of another Dockerfile here, in any spelling the registry resolves to
 * the same repository), so that a parent's change rebuilds every descendant and children build after
 * their parents. Any other image, under the registry or not, is built elsewhere: no edge. A cycle is
 * an error that names the files.
 */
export function resolveImageGraph(nodes: readonly GraphNode[], registry: string): ImageGraph {
  const byRepository = new Map(nodes.map((n) => [canonicalRepository(`${registry}/${n.name}`) as string, n]))
  // The registry's namespace as its repositories are spelled: `docker.io` -> `docker.io/library/`.
  const namespace = (canonicalRepository(`${registry}/x`) as string).slice(0, -1)
  const parents = new Map<string, ParentEdge[]>()
  const warnings: string[] = []
  const nearImage = nearImageFinder(nodes)
  for (const node of nodes) {
    const edges: ParentEdge[] = []
    const stages = new Set<string>()
    for (const ref of node.references) {
      const lower = ref.image.toLowerCase()
      // A FROM of an earlier stage, or a COPY --from / mount of one (by name or index), is no image.
      const ofStage = stages.has(lower) || (ref.instruction !== 'FROM' && /^\d+$/.test(ref.image))
      const repository = ofStage ? undefined : canonicalRepository(ref.image)
      const parent = repository === undefined ? undefined : byRepository.get(repository)
      // An image built on its own earlier push (a cache pattern) takes what the registry has: no edge.
      if (parent === node) {
        // Neither a parent nor an image built elsewhere.
      } else if (parent) {
        edges.push({ parent: parent.path, ...(ref.arg ? { arg: ref.arg } : {}) })
        if (!ref.arg) warnings.push(fixedReferenceWarning(node, ref, parent, registry))
      } else if (repository?.startsWith(namespace)) {
        const wanted = repository.slice(namespace.length)
        const near = nearImage(wanted, node)
        if (near) warnings.push(nearNameWarning(node, ref, repository, wanted, near, registry))
      }
      if (ref.stage) stages.add(ref.stage)
    }
    parents.set(node.path, edges)
  }

  const effective = new Map<string, string>()
  const depth = new Map<string, number>()
  const byPath = new Map(nodes.map((n) => [n.path, n]))
  const visiting: string[] = []
  const visit = (path: string): void => {
    if (effective.has(path)) return
    const cycleAt = visiting.indexOf(path)
    if (cycleAt !== -1) {
      throw new InputError(`The Dockerfiles build on each other in a cycle: ${[...visiting.slice(cycleAt), path].join(' -> ')}.`)
    }
    visiting.push(path)
    const edges = parents.get(path) ?? []
    for (const edge of edges) visit(edge.parent)
    visiting.pop()
    const node = byPath.get(path) as GraphNode
    if (edges.length === 0) {
      effective.set(path, node.own)
      depth.set(path, 0)
      return
    }
    const parentHashes = [...new Set(edges.map((e) => effective.get(e.parent) as string))].sort()
    effective.set(path, sha256Hex(`kaniko-gitops parents v1\n${node.own}\n${parentHashes.join('\n')}\n`))
    depth.set(path, 1 + Math.max(...edges.map((e) => depth.get(e.parent) as number)))
  }
  for (const node of [...nodes].sort((a, b) => (a.path < b.path ? -1 : 1))) visit(node.path)
  return { effective, depth, parents, warnings }
}

/** How a reference is written in the Dockerfile, for messages: `FROM x`, `COPY --from=x`, `RUN --mount from=x`. */
function written(ref: ImageReference): string {
  return ref.instruction === 'FROM'
    ? `FROM ${ref.raw}`
    : ref.instruction === 'COPY --from'
      ? `COPY --from=${ref.raw}`
      : `RUN --mount from=${ref.raw}`
}

function fixedReferenceWarning(node: GraphNode, ref: ImageReference, parent: GraphNode, registry: string): string {
  const repository = `${registry}/${parent.name}`
  const fix =
    ref.instruction === 'FROM'
      ? `Write ARG BASE_IMAGE=${repository} and FROM $BASE_IMAGE, and the build gets its content tag.`
      : `Write ARG BASE_IMAGE=${repository}, a stage FROM $BASE_IMAGE AS base-image, and ${ref.instruction === 'COPY --from' ? 'COPY --from=base-image' : 'from=base-image'}, and the build gets its content tag (builders do not expand ARGs in from).`
  return `'${node.path}' line ${ref.line}: ${written(ref)} names ${repository}, which this repository builds, with a fixed reference: the build takes that one, not the image just built from ${parent.path}. ${fix}`
}

function nearNameWarning(
  node: GraphNode,
  ref: ImageReference,
  repository: string,
  wanted: string,
  near: GraphNode,
  registry: string,
): string {
  // The per-image `name` setting could give the in-repo image the name written, when it is a valid one.
  const rename =
    isDns1123Label(wanted) && wanted.length <= MAX_IMAGE_NAME_LENGTH
      ? `, or name that image ${wanted} with the per-image setting \`name\` (images › ${near.path} › name: ${wanted})`
      : ''
  return `'${node.path}' line ${ref.line}: ${written(ref)} names ${repository}, which no Dockerfile of this repository builds: it is taken as an image built elsewhere (no parent, no pinned tag, no wave). If it means the image of ${near.path} (${registry}/${near.name}), write that name${rename}.`
}

/**
 * Finds the in-repo image a name under the registry most likely means: one whose Dockerfile's folder
 * has that name (its image got another: a configured `name`, or a longer one that tells apart two
 * folders of the same name), else one whose name is a typo away (at most 2 edits, and at most one per
 * 4 characters); the image that names it is left out. Runs only for references under the registry
 * that match no image, and once per name: a thousand Dockerfiles on one shared base built elsewhere
 * cost one search.
 */
function nearImageFinder(nodes: readonly GraphNode[]): (name: string, self: GraphNode) => GraphNode | undefined {
  const found = new Map<string, GraphNode[]>()
  const search = (name: string): GraphNode[] => {
    const byFolder = nodes.filter((node) => {
      const parts = node.path.split('/')
      return parts.length > 1 && normalizeName(parts[parts.length - 2] as string) === name
    })
    const byName = nodes
      .map((node) => ({ node, distance: editDistance(name, node.name, 2) }))
      .filter((x) => x.distance <= 2 && x.distance * 4 <= Math.max(name.length, x.node.name.length))
      .sort((x, y) => x.distance - y.distance)
      .map((x) => x.node)
    return [...byFolder, ...byName]
  }
  return (name, self) => {
    let candidates = found.get(name)
    if (!candidates) {
      candidates = search(name)
      found.set(name, candidates)
    }
    return candidates.find((node) => node !== self)
  }
}

/** Levenshtein distance, or `limit + 1` once it is known to exceed `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
      current.push(value)
      rowMin = Math.min(rowMin, value)
    }
    if (rowMin > limit) return limit + 1
    previous = current
  }
  return Math.min(previous[b.length] as number, limit + 1)
}
