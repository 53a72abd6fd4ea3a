/**
 * Names a pull request's author picks, in the comment that github-actions[bot] posts and in the job
 * summary: rendered with a real Markdown parser (markdown-it, with HTML and autolinks on, as GitHub
 * has them), they make no heading, link, image, HTML element, emphasis or table row of their own.
 */
import fc from 'fast-check'
import MarkdownIt from 'markdown-it'
import type Token from 'markdown-it/lib/token.mjs'
import { describe, expect, it } from 'vitest'
import { summaryHtml } from '../../src/action/summary.js'
import { visible } from '../../src/common/inert.js'
import { codeSpan, markdownText, tableCode } from '../../src/gitops/markdown.js'
import { compareWithBase, renderDiffMarkdown } from '../../src/gitops/report.js'
import type { ImageReport } from '../../src/manifest/outcome.js'
import type { PreviousImage } from '../../src/plan/plan.js'
import { hostileText } from '../support/runner-commands.js'

const markdown = new MarkdownIt({ html: true, linkify: true })

/** Texts that are Markdown or HTML, or end a line, a table row or a block. */
const HOSTILE = [
  'x\n\n## Security review passed [approve](https://evil.example/approve)',
  '\r\n| x | y |\n| --- | --- |\n| a | b |',
  'a|b',
  'a\\|b',
  '|',
  '`',
  '``x``',
  ' `x` ',
  'x\\',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '</details>',
  '</code></summary>',
  '<!--',
  '-->',
  '[approve](https://evil.example)',
  '![i](https://evil.example/i.png)',
  '[x]: https://evil.example',
  '[x][y]',
  'https://evil.example',
  'www.evil.example',
  'mallory@evil.example',
  '<https://evil.example>',
  '**bold** _em_ ~~del~~ *x*',
  '&lt;b&gt; &amp; &#60;',
  '# heading',
  '> quote',
  '1. item',
  '- item',
  '---',
  '===',
  'a\u2028b\u0085c',
  '%0A',
  '\t',
  '  ',
]

const report = (name: string, status: ImageReport['status'], i: number): ImageReport => ({
  name,
  dockerfile: `${name}/Dockerfile`,
  sha256: String(i).padStart(64, '0'),
  image: `registry.example.com/acme/${name}:0000`,
  tag: '0000',
  pod: `pod-${i}`,
  forced: false,
  status,
})

const gone = (name: string, i: number): PreviousImage => ({
  name: `${name} (removed)`,
  dockerfile: `old/${name}`,
  sha256: String(i).padStart(64, '1'),
  effective: String(i).padStart(64, '1'),
  commit: '',
  pod: `old-${i}`,
  image: '',
})

/** Every token, the inline ones included. */
function allTokens(tokens: readonly Token[]): Token[] {
  return tokens.flatMap((t) => [t, ...allTokens(t.children ?? [])])
}

/** The element names in the HTML tokens. */
function htmlTags(tokens: readonly Token[]): Set<string> {
  const html = allTokens(tokens).filter((t) => t.type === 'html_block' || t.type === 'html_inline')
  return new Set(html.flatMap((t) => [...t.content.matchAll(/<\/?([A-Za-z][\w-]*)/g)].map((m) => (m[1] as string).toLowerCase())))
}

/** The inline content of each cell of the table's body, row by row. */
function bodyCells(tokens: readonly Token[]): Token[][][] {
  const rows: Token[][][] = []
  let inBody = false
  for (const t of tokens) {
    if (t.type === 'tbody_open') inBody = true
    else if (t.type === 'tbody_close') inBody = false
    else if (inBody && t.type === 'tr_open') rows.push([])
    else if (inBody && t.type === 'inline') rows.at(-1)?.push(t.children ?? [])
  }
  return rows
}

const textOf = (children: readonly Token[]) => children.map((c) => c.content).join('')

describe('the pull-request comment', () => {
  const images = HOSTILE.map((name, i) => report(name, i % 2 === 0 ? 'new' : 'changed', i))
  const diff = compareWithBase('', { manifest: 'kind: Pod\n', images, removed: HOSTILE.map(gone) }, 'deploy/manifest.yaml')
  const text = renderDiffMarkdown(diff, 'deploy/manifest.yaml')
  const tokens = markdown.parse(text, {})

  it('has the blocks it is made of, and no other', () => {
    const blocks = tokens.filter((t) => t.level === 0 && t.nesting !== -1).map((t) => t.type)
    expect(blocks).toEqual(['html_block', 'heading_open', 'paragraph_open', 'table_open', 'html_block', 'fence', 'html_block'])
    expect(allTokens(tokens).filter((t) => t.type === 'heading_open')).toHaveLength(1)
  })

  it('has no link, image, emphasis or HTML element from a name', () => {
    const types = new Set(allTokens(tokens).map((t) => t.type))
    for (const type of ['link_open', 'image', 'em_open', 's_open', 'hr', 'blockquote_open', 'bullet_list_open', 'ordered_list_open'])
      expect(types.has(type), type).toBe(false)
    // `**N**` of the headline is the comment's own.
    expect(allTokens(tokens).filter((t) => t.type === 'strong_open')).toHaveLength(1)
    expect(htmlTags(tokens)).toEqual(new Set(['details', 'summary', 'code']))
    expect(markdown.render(text)).not.toMatch(/<(a|img|script|h[124-6])\b/)
  })

  it('has one table row per image, with each name whole in its cell', () => {
    const rows = bodyCells(tokens)
    expect(rows).toHaveLength(diff.rows.length)
    for (const [i, row] of diff.rows.entries()) {
      const [name, , dockerfile, image] = rows[i] as Token[][]
      expect(name?.every((t) => t.type === 'text')).toBe(true)
      expect(textOf(name ?? [])).toBe(visible(row.name))
      expect(dockerfile?.map((t) => [t.type, t.content])).toEqual([['code_inline', visible(row.dockerfile)]])
      expect(image?.map((t) => [t.type, t.content])).toEqual(row.image === '' ? [] : [['code_inline', visible(row.image)]])
    }
  })

  it('names the images it builds in code spans', () => {
    const headline = tokens.find((t) => t.type === 'inline' && t.content.startsWith('Merging builds'))
    const spans = (headline?.children ?? []).filter((t) => t.type === 'code_inline').map((t) => t.content)
    // The headline names the first 20 images it builds (the table has them all), each whole.
    expect(spans).toHaveLength(Math.min(20, HOSTILE.length))
    for (const span of spans) expect(HOSTILE.map(visible)).toContain(span)
  })
})

describe('the job summary', () => {
  const images = HOSTILE.map((name, i) => report(name, 'new', i))
  const html = summaryHtml(
    { images, removed: HOSTILE.map(gone), skipped: HOSTILE.map((name) => `skipped/${name}`) },
    '<code>deploy/manifest.yaml</code>: changed',
  )
  const tokens = markdown.parse(html, {})

  it('stays one HTML block: no name ends it and turns into Markdown', () => {
    expect(tokens.map((t) => t.type)).toEqual(['html_block'])
    expect(htmlTags(tokens)).toEqual(new Set(['h2', 'p', 'code', 'table', 'tr', 'th', 'td']))
  })

  it('has one row per image, removed image and skipped Dockerfile, with each name whole in its cell', () => {
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
      [...(m[1] as string).matchAll(/<t[dh]>(.*?)<\/t[dh]>/g)].map((c) =>
        (c[1] as string).replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))),
      ),
    )
    expect(rows).toHaveLength(1 + HOSTILE.length * 3)
    const cells = rows.slice(1).map(([name, dockerfile]) => [name, dockerfile])
    expect(cells).toEqual(
      expect.arrayContaining([
        ...images.map((image) => [visible(image.name), visible(image.dockerfile)]),
        ...HOSTILE.map((name) => ['', visible(`skipped/${name}`)]),
      ]),
    )
  })
})

describe('the escapes, on any text (property)', () => {
  const anyText = fc.oneof(hostileText, fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 12 }))

  it('tableCode: a cell holding one code span with the text, visible', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        // A table's code cell holds a Dockerfile path or an image reference, never spaces alone (which
        // a table cell trims to one).
        fc.pre(text === '' || text.trim() !== '')
        const tokens = markdown.parse(`| a |\n| --- |\n| ${tableCode(text)} |\n`, {})
        const cells = bodyCells(tokens)
        expect(cells).toHaveLength(1)
        expect(cells[0]?.[0]?.map((t) => [t.type, t.content])).toEqual(text === '' ? [] : [['code_inline', visible(text)]])
      }),
    )
  })

  it('codeSpan and markdownText: text in a paragraph, visible, and nothing else', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const tokens = markdown.parse(`x ${codeSpan(text)} ${markdownText(text)} y`, {})
        expect(tokens.map((t) => t.type)).toEqual(['paragraph_open', 'inline', 'paragraph_close'])
        const children = tokens[1]?.children ?? []
        const code = children.filter((t) => t.type === 'code_inline').map((t) => t.content)
        expect(code).toEqual(text === '' ? [] : [visible(text)])
        expect(children.every((t) => t.type === 'text' || t.type === 'code_inline')).toBe(true)
        const prose = children.filter((t) => t.type === 'text').map((t) => t.content)
        expect(prose.join('|')).toBe(text === '' ? `x  ${visible(text)} y` : `x | ${visible(text)} y`)
      }),
    )
  })
})
