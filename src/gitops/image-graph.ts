/**
 * The graph of images built on images of the same repository, for the pull-request comment and the
 * job summary (a Mermaid flowchart, which GitHub draws) and the command line (an indented tree). Only
 * images with an in-repo parent or child are in it: the others are in the table already.
 */
import { inert } from '../common/inert.js'
import type { ImageReport } from '../manifest/outcome.js'

/** How an image shows in the graph: built by the run, and why, or not. */
export type GraphKind = 'new' | 'rebuilt' | 'renamed' | 'forced' | 'unchanged'

export interface GraphImage {
  readonly name: string
  readonly kind: GraphKind
}

/** By image name, the names of its in-repo parents. */
export type ParentNames = ReadonlyMap<string, readonly string[]>

/**
 * The most nodes a drawing shows: a flowchart of more is a tangle at the width of a comment, and the
 * images a merge builds, with what they build on and what builds on them, are what a reader looks for.
 */
export const GRAPH_NODES = 50

/** The most edges a drawing shows: Mermaid refuses a flowchart of more than 500 (its `maxEdges`). */
export const GRAPH_EDGES = 200

/**
 * A label keeps at most this many characters (image names have at most 63; a hand-edited manifest may
 * hold longer ones). A character may take 9 as an entity code (`#1114111;`): GRAPH_NODES labels of this
 * length, GRAPH_EDGES edges and the rest keep the chart under MERMAID_MAX_TEXT.
 */
export const LABEL_CHARACTERS = 80

/** Mermaid draws no chart of more characters than this (its default `maxTextSize`), which GitHub keeps. */
export const MERMAID_MAX_TEXT = 50_000

/** The command line's tree indents at most this many levels; deeper lines say their level as a number. */
export const TEXT_INDENT_LEVELS = 20

/** The kind of an image of a render: what it is against the previous manifest. */
export function kindOfReport(image: Pick<ImageReport, 'name' | 'status' | 'forced'>): GraphImage {
  const kind: GraphKind =
    image.status === 'new'
      ? 'new'
      : image.status === 'changed'
        ? 'rebuilt'
        : image.status === 'renamed'
          ? 'renamed'
          : image.forced
            ? 'forced'
            : 'unchanged'
  return { name: image.name, kind }
}

export interface GraphSelection {
  /** The names shown, sorted. */
  readonly nodes: readonly string[]
  /** `[parent, child]` between shown images, sorted, at most GRAPH_EDGES. */
  readonly edges: readonly (readonly [string, string])[]
  /** Images with an in-repo parent or child that are not shown. */
  readonly nodesLeftOut: number
  readonly edgesLeftOut: number
  readonly kinds: ReadonlyMap<string, GraphKind>
}

/** Every `[parent, child]` between the images given (a parent not among them, or the image itself, is no edge). */
function edgesOf(images: readonly GraphImage[], parents: ParentNames): [string, string][] {
  const known = new Set(images.map((image) => image.name))
  const edges: [string, string][] = []
  for (const { name } of images) {
    for (const parent of new Set(parents.get(name) ?? [])) if (parent !== name && known.has(parent)) edges.push([parent, name])
  }
  return edges.sort(([a, b], [c, d]) => compare(a, c) || compare(b, d))
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The images to draw, at most `limit`, or undefined when no image has an in-repo parent. Kept first:
 * the images the run builds, then their ancestors and descendants (nearest first), then the others,
 * each connected group together.
 */
export function selectGraph(images: readonly GraphImage[], parents: ParentNames, limit = GRAPH_NODES): GraphSelection | undefined {
  const all = edgesOf(images, parents)
  if (all.length === 0) return undefined
  const up = new Map<string, string[]>()
  const down = new Map<string, string[]>()
  for (const [parent, child] of all) {
    up.set(child, [...(up.get(child) ?? []), parent])
    down.set(parent, [...(down.get(parent) ?? []), child])
  }
  const kinds = new Map(images.map((image) => [image.name, image.kind]))
  const connected = [...new Set(all.flat())].sort(compare)
  const order = new Set(connected.filter((name) => kinds.get(name) !== 'unchanged'))
  for (const name of lineage([...order], up, down)) order.add(name)
  const neighbours = (name: string) => [...(up.get(name) ?? []), ...(down.get(name) ?? [])]
  for (const name of connected) if (!order.has(name)) for (const found of breadthFirst([name], neighbours)) order.add(found)
  const shown = new Set([...order].slice(0, limit))
  const edges = all.filter(([parent, child]) => shown.has(parent) && shown.has(child))
  return {
    nodes: [...shown].sort(compare),
    edges: edges.slice(0, GRAPH_EDGES),
    nodesLeftOut: connected.length - shown.size,
    edgesLeftOut: Math.max(0, edges.length - GRAPH_EDGES),
    kinds,
  }
}

/**
 * The ancestors and the descendants of `start`, nearest first: up by parents alone and down by
 * children alone (a sibling is no relative of a change).
 */
function lineage(start: readonly string[], up: ReadonlyMap<string, string[]>, down: ReadonlyMap<string, string[]>): string[] {
  const found = new Set(start)
  const walked = new Set<string>()
  const queue = start.flatMap((name) => [['up', name] as const, ['down', name] as const])
  for (let i = 0; i < queue.length; i++) {
    const [way, name] = queue[i] as (typeof queue)[number]
    for (const next of [...((way === 'up' ? up : down).get(name) ?? [])].sort(compare)) {
      if (walked.has(`${way} ${next}`)) continue
      walked.add(`${way} ${next}`)
      found.add(next)
      queue.push([way, next])
    }
  }
  return [...found]
}

/** The names reached from `start` (itself included), nearest first, each once. */
function breadthFirst(start: readonly string[], next: (name: string) => readonly string[]): string[] {
  const seen = new Set(start)
  const queue = [...start]
  for (let i = 0; i < queue.length; i++) {
    for (const name of [...next(queue[i] as string)].sort(compare)) {
      if (seen.has(name)) continue
      seen.add(name)
      queue.push(name)
    }
  }
  return queue
}

/** Characters a label keeps as they are: none is Mermaid, Markdown or HTML syntax inside a quoted label. */
const LABEL_SAFE = /^[A-Za-z0-9 ._(),-]$/u

/**
 * A Mermaid label: a quoted string in which every character outside LABEL_SAFE (and a space at either end) is an entity code
 * (`#35;`), which Mermaid decodes after parsing. So no quote ends the string, no `#…;` of the text is
 * read as an entity, no `%%` starts a directive, no `<` makes HTML, and no backtick or tilde can end
 * the code fence around the chart.
 */
export function mermaidLabel(text: string): string {
  let out = ''
  for (const c of text) out += LABEL_SAFE.test(c) ? c : `#${c.codePointAt(0)};`
  // Mermaid trims a label: spaces at either end are kept as codes too.
  return `"${out.replace(/^ +| +$/g, (spaces) => '#32;'.repeat(spaces.length))}"`
}

const CLASS_DEFS = [
  '  classDef built fill:#fff1b8,stroke:#d48806,stroke-width:2px,color:#222',
  '  classDef unchanged fill:#f6f8fa,stroke:#d0d7de,color:#8c959f',
]

/** The shown text of an image: its name, and what happens to it when it is built. */
function labelText(name: string, kind: GraphKind | undefined): string {
  const chars = [...name]
  const shown = chars.length > LABEL_CHARACTERS ? `${chars.slice(0, LABEL_CHARACTERS - 1).join('')}\u2026` : name
  return kind === undefined || kind === 'unchanged' ? shown : `${shown} (${kind})`
}

/** The flowchart of a selection, parents above children, inside its code fence: node ids are `n0`, `n1`, …, never names. */
export function mermaidChart(selection: GraphSelection): string {
  const ids = new Map(selection.nodes.map((name, i) => [name, `n${i}`]))
  const lines = ['```mermaid', 'flowchart TD']
  for (const name of selection.nodes) {
    const kind = selection.kinds.get(name)
    lines.push(`  ${ids.get(name)}[${mermaidLabel(labelText(name, kind))}]:::${kind === 'unchanged' ? 'unchanged' : 'built'}`)
  }
  for (const [parent, child] of selection.edges) lines.push(`  ${ids.get(parent)} --> ${ids.get(child)}`)
  lines.push(...CLASS_DEFS, '```')
  return lines.join('\n')
}

/** What a drawing leaves out, as a sentence ('' when nothing). */
export function leftOutNote(selection: GraphSelection): string {
  const parts: string[] = []
  if (selection.nodesLeftOut > 0) {
    parts.push(
      `${selection.nodesLeftOut} more image(s) with an in-repo parent or child are left out (at most ${GRAPH_NODES} are drawn: first the images built, then their ancestors and descendants)`,
    )
  }
  if (selection.edgesLeftOut > 0)
    parts.push(`${selection.edgesLeftOut} more edge(s) between the images drawn are left out (at most ${GRAPH_EDGES})`)
  return parts.length === 0 ? '' : `${parts.join('; ')}.`
}

/**
 * The graph as Markdown: a line that says what it shows, the chart, and what it leaves out; '' when
 * no image has an in-repo parent.
 */
export function graphMarkdown(images: readonly GraphImage[], parents: ParentNames): string {
  const selection = selectGraph(images, parents)
  if (!selection) return ''
  const note = leftOutNote(selection)
  return [
    '**Images built on images of this repository** (parents above children; highlighted: built by this run):',
    '',
    mermaidChart(selection),
    ...(note ? ['', `_${note}_`] : []),
    '',
  ].join('\n')
}

/**
 * Two spaces a level, up to TEXT_INDENT_LEVELS; deeper, the level as a number (`[level 57] `), so a
 * long chain's text grows with its length, not with its square.
 */
function indentOf(level: number): string {
  const spaces = '  '.repeat(Math.min(level, TEXT_INDENT_LEVELS))
  return level > TEXT_INDENT_LEVELS ? `${spaces}[level ${level}] ` : spaces
}

/**
 * The graph for a terminal: each image under its first parent (by name), its subtree once, and
 * `(also under: …)` naming its other parents, so that the text grows with the images, not with the
 * paths between them. Names are `inert`. Undefined when no image has an in-repo parent.
 */
export function graphText(images: readonly GraphImage[], parents: ParentNames): string | undefined {
  const edges = edgesOf(images, parents)
  if (edges.length === 0) return undefined
  const kinds = new Map(images.map((image) => [image.name, image.kind]))
  const under = new Map<string, string[]>()
  const others = new Map<string, string[]>()
  for (const [parent, child] of edges) {
    if (!under.has(child)) under.set(child, [parent])
    else others.set(child, [...(others.get(child) ?? []), parent])
  }
  const children = new Map<string, string[]>()
  for (const [child, [parent]] of under) children.set(parent as string, [...(children.get(parent as string) ?? []), child])
  const lines: string[] = []
  const walk = (name: string, level: number) => {
    const also = others.get(name)
    const kind = kinds.get(name)
    const status = [kind !== undefined && kind !== 'unchanged' ? kind : '', also ? `also under: ${also.map(inert).join(', ')}` : '']
    const detail = status.filter((s) => s !== '').join('; ')
    lines.push(`${indentOf(level)}${inert(name)}${detail ? ` (${detail})` : ''}`)
    for (const child of (children.get(name) ?? []).sort(compare)) walk(child, level + 1)
  }
  const roots = [...new Set(edges.map(([parent]) => parent))].filter((name) => !under.has(name)).sort(compare)
  for (const root of roots) walk(root, 0)
  return lines.join('\n')
}
