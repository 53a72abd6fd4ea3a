import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { SUMMARY_ALL_ROWS, SUMMARY_TABLE_BUDGET, summaryHtml, waitSummaryHtml } from '../../src/action/summary.js'
import { GRAPH_NODES } from '../../src/gitops/image-graph.js'
import { escapeHtml } from '../../src/gitops/markdown.js'
import type { ImageReport } from '../../src/manifest/outcome.js'

const image = (i: number, status: ImageReport['status'] = 'unchanged'): ImageReport => ({
  name: `service-with-a-rather-long-name-${i}`,
  dockerfile: `services/group-${i % 20}/service-with-a-rather-long-name-${i}/Dockerfile`,
  sha256: 'ab'.repeat(32),
  image: `registry.example.com/acme/service-with-a-rather-long-name-${i}:${'ab'.repeat(8)}`,
  tag: 'ab'.repeat(8),
  pod: `service-with-a-rather-long-name-${i}-0123456789`,
  forced: false,
  status,
})

describe('escapeHtml', () => {
  it('escapes the five characters HTML gives meaning to, and leaves other text as it is', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&#38;b&#60;c&#62;d&#34;e&#39;f')
    expect(escapeHtml('services/api/Dockerfile')).toBe('services/api/Dockerfile')
  })
})

describe('summaryHtml', () => {
  it('shows a renamed image with its old name, and the old path of a moved Dockerfile, escaped', () => {
    const renamed: ImageReport = { ...image(1, 'renamed'), previousName: 'api' }
    const moved: ImageReport = { ...image(2, 'renamed'), previousName: 'web', previousDockerfile: 'old/<web>/Dockerfile', forced: true }
    const html = summaryHtml({ images: [renamed, moved], removed: [] }, 'changed')
    expect(html).toContain('<td>renamed from api</td>')
    expect(html).toContain('<td>renamed from web (old/&#60;web&#62;/Dockerfile), forced</td>')
  })

  it('shows a multi-arch image in one row, its reference with its platforms', () => {
    const multi: ImageReport = { ...image(1, 'new'), platforms: ['linux/amd64', 'linux/arm64'] }
    const html = summaryHtml({ images: [multi, image(2, 'new')], removed: [] }, 'changed')
    expect(html).toContain(`<td>${multi.image} (linux/amd64, linux/arm64)</td>`)
    expect(html).toContain(`<td>${image(2).image}</td>`)
  })

  it('lists every image of a repository of ordinary size', () => {
    const html = summaryHtml({ images: [image(1), image(2)], removed: [] }, 'unchanged')
    expect(html.match(/<tr>/g)).toHaveLength(3)
    expect(html).toContain('<td>service-with-a-rather-long-name-2</td>')
    expect(html).not.toContain('left out')
  })

  it('stays under the 1 MiB GitHub takes for a job summary, and says how many rows it left out', () => {
    const images = Array.from({ length: 6000 }, (_, i) => image(i, 'new'))
    const html = summaryHtml({ images, removed: [] }, 'unchanged')
    expect(Buffer.byteLength(html)).toBeLessThan(1024 * 1024)
    expect(Buffer.byteLength(html)).toBeGreaterThan(SUMMARY_TABLE_BUDGET)
    const shown = (html.match(/<tr>/g) ?? []).length - 1
    expect(shown).toBeLessThan(images.length)
    expect(html).toContain(`<p>${images.length - shown} more row(s) left out`)
  })

  it('lists, on a large repository, the images a run builds, and counts the unchanged ones', () => {
    const images = Array.from({ length: SUMMARY_ALL_ROWS + 50 }, (_, i) => image(i, i === 7 ? 'changed' : i === 9 ? 'new' : 'unchanged'))
    const forced = { ...image(11), forced: true }
    images[11] = forced
    const html = summaryHtml({ images, removed: [] }, 'changed')
    expect(html.match(/<tr>/g)).toHaveLength(4)
    for (const i of [7, 9, 11]) expect(html).toContain(`<td>service-with-a-rather-long-name-${i}</td>`)
    expect(html).toContain(`<p>${images.length - 3} unchanged image(s) not listed`)
    // Up to SUMMARY_ALL_ROWS images, every one is listed.
    const few = summaryHtml({ images: images.slice(0, SUMMARY_ALL_ROWS), removed: [] }, 'changed')
    expect(few.match(/<tr>/g)).toHaveLength(SUMMARY_ALL_ROWS + 1)
    expect(few).not.toContain('not listed')
  })
})

describe('waitSummaryHtml', () => {
  it('one escaped row per image, with the time it took to appear', () => {
    const html = waitSummaryHtml(
      [
        { name: 'api<b>', reference: 'r/api:1', status: 'present', digest: 'sha256:abc', seconds: 12 },
        { name: 'web', reference: 'r/web:"1"&', status: 'missing' },
      ],
      'waiting for 1 of 2 image(s)',
    )
    expect(html).toContain('<tr><td>api&#60;b&#62;</td><td>r/api:1</td><td>present</td><td>sha256:abc</td><td>12 s</td></tr>')
    expect(html).toContain('<tr><td>web</td><td>r/web:&#34;1&#34;&#38;</td><td>missing</td><td></td><td></td></tr>')
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('left out')
  })

  it('stops the table within its budget and says how many rows it left out', () => {
    const images = Array.from({ length: 8000 }, (_, i) => ({
      name: `image-${i}`,
      reference: `r/${'x'.repeat(100)}:${i}`,
      status: 'missing' as const,
    }))
    const html = waitSummaryHtml(images, 'waiting for 8000 of 8000 image(s)')
    const rows = html.match(/<tr><td>/g)?.length ?? 0
    expect(rows).toBeGreaterThan(0)
    expect(rows).toBeLessThan(8000)
    expect(Buffer.byteLength(html)).toBeLessThan(SUMMARY_TABLE_BUDGET + 1024)
    expect(html).toContain(`<p>${8000 - rows} more row(s) left out: a job summary holds at most 1 MiB.`)
  })
})

describe('summaryHtml and the image graph', () => {
  const fences = (html: string) =>
    new MarkdownIt({ html: true })
      .parse(html, {})
      .filter((token) => token.type === 'fence')
      .map((token) => ({ info: token.info, content: token.content }))

  it('draws the images on in-repo parents after the table, as a Markdown fence past the HTML, and nothing without them', () => {
    const images = [image(1, 'changed'), image(2), image(3, 'new')]
    expect(fences(summaryHtml({ images, removed: [], parents: new Map() }, 'changed'))).toEqual([])
    const html = summaryHtml(
      { images, removed: [], parents: new Map([[images[1]?.name as string, [images[0]?.name as string]]]) },
      'changed',
    )
    expect(fences(html)).toEqual([
      {
        info: 'mermaid',
        content: [
          'flowchart TD',
          '  n0["service-with-a-rather-long-name-1 (rebuilt)"]:::built',
          '  n1["service-with-a-rather-long-name-2"]:::unchanged',
          '  n0 --> n1',
          '  classDef built fill:#fff1b8,stroke:#d48806,stroke-width:2px,color:#222',
          '  classDef unchanged fill:#f6f8fa,stroke:#d0d7de,color:#8c959f',
          '',
        ].join('\n'),
      },
    ])
    expect(html.indexOf('</table>')).toBeLessThan(html.indexOf('```mermaid'))
  })

  it('stays under 1 MiB with the table at its budget and the graph at its bound', () => {
    // Images with long non-ASCII paths fill the table's budget; every one is built on the first.
    const images = Array.from({ length: 3000 }, (_, i) => ({ ...image(i, 'changed'), dockerfile: `${'ü'.repeat(300)}/${i}/Dockerfile` }))
    const parents = new Map(images.slice(1).map((each) => [each.name, [images[0]?.name as string]]))
    const html = summaryHtml({ images, removed: [], parents }, 'changed')
    expect(html).toContain('more row(s) left out')
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(1024 * 1024)
    expect(
      fences(html)[0]
        ?.content.split('\n')
        .filter((line) => line.includes(':::')),
    ).toHaveLength(GRAPH_NODES)
  })
})
