import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import {
  GRAPH_EDGES,
  GRAPH_NODES,
  type GraphImage,
  type GraphKind,
  graphMarkdown,
  graphText,
  LABEL_CHARACTERS,
  MERMAID_MAX_TEXT,
  mermaidChart,
  mermaidLabel,
  selectGraph,
  TEXT_INDENT_LEVELS,
} from '../../src/gitops/image-graph.js'

const markdown = new MarkdownIt({ html: true })

const KINDS: readonly GraphKind[] = ['new', 'rebuilt', 'renamed', 'forced', 'unchanged']

/** base (rebuilt) -> api, web; tools -> web; api, web -> app (forced); lonely has no in-repo parent or child. */
const SMALL: GraphImage[] = [
  { name: 'base', kind: 'rebuilt' },
  { name: 'api', kind: 'unchanged' },
  { name: 'web', kind: 'new' },
  { name: 'tools', kind: 'unchanged' },
  { name: 'lonely', kind: 'new' },
  { name: 'app', kind: 'forced' },
]
const SMALL_PARENTS = new Map([
  ['api', ['base']],
  ['web', ['base', 'tools']],
  ['app', ['api', 'web']],
])

/** The text of a label as Mermaid shows it: its entity codes decoded. */
const decode = (label: string) => label.replace(/#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))

const NODE_LINE = /^ {2}(n\d+)\["([^"]*)"\]:::(built|unchanged)$/
const EDGE_LINE = /^ {2}(n\d+) --> (n\d+)$/

/** The chart's lines between its fences, each checked to be a node, an edge or a class definition. */
function chartParts(chart: string): { labels: Map<string, string>; edges: [string, string][] } {
  const lines = chart.split('\n')
  expect(lines[0]).toBe('```mermaid')
  expect(lines.at(-1)).toBe('```')
  const labels = new Map<string, string>()
  const edges: [string, string][] = []
  for (const line of lines.slice(1, -1)) {
    // Nothing between the fences can end the fence, start a Mermaid comment or directive, or be a backtick or tilde.
    expect(line).not.toMatch(/[`~]|%%/)
    const node = NODE_LINE.exec(line)
    const edge = EDGE_LINE.exec(line)
    if (node) {
      // Inside the quotes: safe characters and whole entity codes only, and no space at either end (Mermaid trims it).
      expect(node[2]?.replace(/#\d+;/g, '')).toMatch(/^[A-Za-z0-9 ._(),-]*$/)
      expect(node[2]).not.toMatch(/^ | $/)
      labels.set(node[1] as string, decode(node[2] as string))
    } else if (edge) edges.push([edge[1] as string, edge[2] as string])
    else expect(line === 'flowchart TD' || line.startsWith('  classDef '), line).toBe(true)
  }
  return { labels, edges }
}

describe('the Mermaid chart of the image graph', () => {
  it('draws a small graph, parents above children, built images highlighted and unchanged ones dimmed', () => {
    expect(graphMarkdown(SMALL, SMALL_PARENTS)).toBe(
      [
        '**Images built on images of this repository** (parents above children; highlighted: built by this run):',
        '',
        '```mermaid',
        'flowchart TD',
        '  n0["api"]:::unchanged',
        '  n1["app (forced)"]:::built',
        '  n2["base (rebuilt)"]:::built',
        '  n3["tools"]:::unchanged',
        '  n4["web (new)"]:::built',
        '  n0 --> n1',
        '  n2 --> n0',
        '  n2 --> n4',
        '  n3 --> n4',
        '  n4 --> n1',
        '  classDef built fill:#fff1b8,stroke:#d48806,stroke-width:2px,color:#222',
        '  classDef unchanged fill:#f6f8fa,stroke:#d0d7de,color:#8c959f',
        '```',
        '',
      ].join('\n'),
    )
  })

  it('is empty when no image has an in-repo parent among the images', () => {
    const images = SMALL.map((image) => ({ ...image }))
    expect(graphMarkdown(images, new Map())).toBe('')
    // A parent that is no image of the graph (removed, or built elsewhere), or the image itself, is no edge.
    expect(graphMarkdown(images, new Map([['api', ['gone', 'api']]]))).toBe('')
    expect(selectGraph(images, new Map([['api', ['gone']]]))).toBeUndefined()
  })

  it('writes every label as one quoted string whose decoded text is the name, whatever the name holds', () => {
    const piece = fc.constantFrom(
      '"',
      '`',
      '```',
      '~~~',
      ']',
      '[',
      ')',
      '(',
      ';',
      '#',
      '#35;',
      '#quot;',
      '\n',
      '\r',
      '\u2028',
      '<',
      '>',
      '&',
      '&amp;',
      '-->',
      '%%',
      '%%{init: {"securityLevel": "loose"}}%%',
      'click',
      ' click n0 call alert(1)',
      '<img src=x onerror=alert(1)>',
      '</script>',
      ':::',
      '|',
      '\\',
      '{',
      '}',
      ' ',
      'a',
      '-',
      '\u00fc',
      '\u{1F600}',
    )
    const hostile = fc
      .oneof(
        fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join('')),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
      )
      .filter((name) => [...name].length <= LABEL_CHARACTERS)
    const graph = fc.uniqueArray(fc.record({ name: hostile, kind: fc.constantFrom(...KINDS) }), {
      minLength: 2,
      maxLength: 8,
      selector: (image) => image.name,
    })
    fc.assert(
      fc.property(graph, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (images, links) => {
        // Each link makes image i a child of an earlier image.
        const parents = new Map<string, string[]>()
        links.forEach((link, i) => {
          const child = images[1 + (i % (images.length - 1))] as GraphImage
          const parent = images[link % images.indexOf(child)] as GraphImage
          parents.set(child.name, [...(parents.get(child.name) ?? []), parent.name])
        })
        const selection = selectGraph(images, parents)
        expect(selection).toBeDefined()
        const chart = mermaidChart(selection as NonNullable<typeof selection>)
        const { labels, edges } = chartParts(chart)
        const shown = (name: string) => {
          const kind = images.find((image) => image.name === name)?.kind
          return kind === 'unchanged' ? name : `${name} (${kind})`
        }
        const names = selection?.nodes ?? []
        expect([...labels.values()]).toEqual(names.map(shown))
        const ids = new Map(names.map((name, i) => [name, `n${i}`]))
        expect(edges).toEqual(selection?.edges.map(([parent, child]) => [ids.get(parent), ids.get(child)]))
        // In Markdown the chart is one fenced block of its own, whatever the names.
        const tokens = markdown.parse(graphMarkdown(images, parents), {})
        const fences = tokens.filter((token) => token.type === 'fence')
        expect(fences.map((fence) => fence.info)).toEqual(['mermaid'])
        expect(fences[0]?.content).toBe(`${chart.split('\n').slice(1, -1).join('\n')}\n`)
      }),
      { numRuns: 300 },
    )
  })

  it(`cuts a name at ${LABEL_CHARACTERS} characters, and keeps the kind after it`, () => {
    const long = { name: '<'.repeat(LABEL_CHARACTERS + 10), kind: 'new' as const }
    const selection = selectGraph([long, { name: 'base', kind: 'unchanged' }], new Map([[long.name, ['base']]]))
    const { labels } = chartParts(mermaidChart(selection as NonNullable<typeof selection>))
    expect([...labels.values()]).toEqual([`${'<'.repeat(LABEL_CHARACTERS - 1)}\u2026 (new)`, 'base'])
    expect(mermaidLabel('a"b')).toBe('"a#34;b"')
    // Mermaid trims the text of a label: spaces at either end are codes.
    expect(mermaidLabel('  a b ')).toBe('"#32;#32;a b#32;"')
  })
})

describe('the bound on the chart', () => {
  it(`draws at most ${GRAPH_NODES} of 500 images, keeping the images built and their ancestors and descendants, and says how many are left out`, () => {
    // 250 pairs parent-i -> child-i; child-7 and parent-300's line change; unrelated pairs fill the rest.
    const images: GraphImage[] = []
    const parents = new Map<string, string[]>()
    for (let i = 0; i < 250; i++) {
      const n = String(i).padStart(3, '0')
      images.push({ name: `parent-${n}`, kind: i === 200 ? 'rebuilt' : 'unchanged' })
      images.push({ name: `child-${n}`, kind: i === 7 ? 'new' : 'unchanged' })
      parents.set(`child-${n}`, [`parent-${n}`])
    }
    const markdown = graphMarkdown(images, parents)
    const chart = /```mermaid\n[\s\S]*?\n```/.exec(markdown)?.[0] as string
    const { labels, edges } = chartParts(chart)
    expect(labels.size).toBe(GRAPH_NODES)
    expect(edges.length).toBe(GRAPH_NODES / 2)
    const shown = [...labels.values()]
    for (const name of ['child-007 (new)', 'parent-007', 'parent-200 (rebuilt)', 'child-200']) expect(shown).toContain(name)
    expect(markdown).toContain(
      `_${500 - GRAPH_NODES} more image(s) with an in-repo parent or child are left out (at most ${GRAPH_NODES} are drawn`,
    )
  })

  it('keeps an image built with its ancestors and descendants before unrelated images', () => {
    // A chain c0 -> c1 -> ... -> c59 where c30 is rebuilt: what is kept is c30, then outward.
    const images: GraphImage[] = Array.from({ length: 60 }, (_, i) => ({
      name: `c${String(i).padStart(2, '0')}`,
      kind: i === 30 ? 'rebuilt' : 'unchanged',
    }))
    const parents = new Map(images.slice(1).map((image, i) => [image.name, [(images[i] as GraphImage).name]]))
    const selection = selectGraph(images, parents, 11)
    expect(selection?.nodes).toEqual(['c25', 'c26', 'c27', 'c28', 'c29', 'c30', 'c31', 'c32', 'c33', 'c34', 'c35'])
    expect(selection?.nodesLeftOut).toBe(49)
  })

  it(`draws at most ${GRAPH_EDGES} edges, and says how many are left out`, () => {
    // 40 images, each on every earlier one: 780 edges.
    const images: GraphImage[] = Array.from({ length: 40 }, (_, i) => ({ name: `i${String(i).padStart(2, '0')}`, kind: 'unchanged' }))
    const parents = new Map(images.map((image, i) => [image.name, images.slice(0, i).map((p) => p.name)]))
    const markdown = graphMarkdown(images, parents)
    const { labels, edges } = chartParts(/```mermaid\n[\s\S]*?\n```/.exec(markdown)?.[0] as string)
    expect(labels.size).toBe(40)
    expect(edges.length).toBe(GRAPH_EDGES)
    expect(markdown).toContain(`${780 - GRAPH_EDGES} more edge(s) between the images drawn are left out (at most ${GRAPH_EDGES})`)
  })
})

describe("the chart's size", () => {
  it(`stays under Mermaid's maxTextSize (${MERMAID_MAX_TEXT}) at its bound, with the longest labels and codes`, () => {
    // GRAPH_NODES names whose every character is a 7-digit entity code, each on every earlier one, all renamed.
    const images: GraphImage[] = Array.from({ length: GRAPH_NODES }, (_, i) => ({
      name: String.fromCodePoint(0x10ff00 + i) + '\u{10FFFF}'.repeat(300),
      kind: 'renamed',
    }))
    const parents = new Map(images.map((image, i) => [image.name, images.slice(0, i).map((p) => p.name)]))
    const chart = mermaidChart(selectGraph(images, parents) as NonNullable<ReturnType<typeof selectGraph>>)
    const { labels, edges } = chartParts(chart)
    expect(labels.size).toBe(GRAPH_NODES)
    expect(edges).toHaveLength(GRAPH_EDGES)
    // What Mermaid parses is the text between the fences; the whole chart is under the limit too.
    expect(chart.length).toBeLessThan(MERMAID_MAX_TEXT)
    expect(chart.length).toBeGreaterThan(MERMAID_MAX_TEXT * 0.7)
  })
})

describe('the graph as text for the command line', () => {
  it('puts each image under its first parent, once, naming its other parents', () => {
    expect(graphText(SMALL, SMALL_PARENTS)).toBe(
      ['base (rebuilt)', '  api', '    app (forced; also under: web)', '  web (new; also under: tools)', 'tools'].join('\n'),
    )
  })

  it('is undefined without an in-repo parent, and keeps a hostile name on its line', () => {
    expect(graphText(SMALL, new Map())).toBeUndefined()
    const text = graphText(
      [
        { name: 'a\nb', kind: 'unchanged' },
        { name: '::error::x', kind: 'new' },
      ],
      new Map([['::error::x', ['a\nb']]]),
    )
    expect(text).toBe('a%0Ab\n  %3A:error::x (new)')
  })

  it(`indents at most ${TEXT_INDENT_LEVELS} levels: a chain of 2,000 images grows linearly`, () => {
    const images: GraphImage[] = Array.from({ length: 2000 }, (_, i) => ({
      name: `image-${String(i).padStart(4, '0')}`,
      kind: 'unchanged',
    }))
    const parents = new Map(images.slice(1).map((image, i) => [image.name, [(images[i] as GraphImage).name]]))
    const lines = (graphText(images, parents) as string).split('\n')
    expect(lines).toHaveLength(2000)
    expect(lines[1]).toBe('  image-0001')
    expect(lines[TEXT_INDENT_LEVELS]).toBe(`${'  '.repeat(TEXT_INDENT_LEVELS)}image-00${TEXT_INDENT_LEVELS}`)
    expect(lines[TEXT_INDENT_LEVELS + 1]).toBe(
      `${'  '.repeat(TEXT_INDENT_LEVELS)}[level ${TEXT_INDENT_LEVELS + 1}] image-00${TEXT_INDENT_LEVELS + 1}`,
    )
    expect(lines[1999]).toBe(`${'  '.repeat(TEXT_INDENT_LEVELS)}[level 1999] image-1999`)
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(2 * TEXT_INDENT_LEVELS + 24)
  })
})
