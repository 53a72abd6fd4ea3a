import { type FromLine, repositoryOf } from './dockerfile.js'
import { sha256Hex } from './hash.js'
import { InputError } from './settings.js'

export interface GraphNode {
  /** Repository-relative Dockerfile path. */
  readonly path: string
  readonly name: string
  /** The node's own hash (Dockerfile, or Dockerfile and context). */
  readonly own: string
  readonly froms: readonly FromLine[]
}

export interface ParentEdge {
  readonly parent: string
  /** The ARG the FROM goes through, which the build pins to the parent's content tag. */
  readonly arg?: string
}

export interface ImageGraph {
  /** Each image's hash with its in-repo parents' hashes folded in. */
  readonly effective: ReadonlyMap<string, string>
  /** Longest chain of in-repo parents above each image (0 for none): its ArgoCD sync wave. */
  readonly depth: ReadonlyMap<string, number>
  readonly parents: ReadonlyMap<string, readonly ParentEdge[]>
  /** FROM lines that name an in-repo image with a fixed tag: the build takes that tag, not the one just built. */
  readonly warnings: readonly string[]
}

/**
 * Finds the images built on images of the same repository (a FROM that names `<registry>/<name>` of
 * another Dockerfile here), so that a parent's change rebuilds every descendant and children build
 * after their parents. A cycle, or a FROM under the registry naming an image no Dockerfile here
 * builds, is an error that names the files.
 */
export function resolveImageGraph(nodes: readonly GraphNode[], registry: string): ImageGraph {
  const byRepository = new Map(nodes.map((n) => [`${registry}/${n.name}`, n]))
  const parents = new Map<string, ParentEdge[]>()
  const warnings: string[] = []
  const underRegistry = `${registry}/`
  for (const node of nodes) {
    const edges: ParentEdge[] = []
    const stages = new Set<string>()
    for (const from of node.froms) {
      const image = from.image.toLowerCase()
      // Only an image under the registry can be one of this repository's.
      if (!stages.has(image) && image.startsWith(underRegistry)) {
        const repository = repositoryOf(image)
        const parent = byRepository.get(repository)
        if (parent) {
          edges.push({ parent: parent.path, ...(from.arg ? { arg: from.arg } : {}) })
          if (!from.arg) {
            warnings.push(
              `'${node.path}' line ${from.line}: FROM ${from.raw} names ${repository}, which this repository builds, with a fixed reference: the build takes that one, not the image just built from ${parent.path}. Write ARG BASE_IMAGE=${repository} and FROM $BASE_IMAGE, and the build gets its content tag.`,
            )
          }
        } else {
          throw new InputError(
            `'${node.path}' line ${from.line}: FROM ${from.raw} names ${repository}, an image of the registry '${registry}', but no Dockerfile of this repository builds it; its images are ${[...byRepository.keys()].sort().join(', ')}.`,
          )
        }
      }
      if (from.stage) stages.add(from.stage)
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
