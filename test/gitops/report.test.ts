import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { GRAPH_NODES } from '../../src/gitops/image-graph.js'
import { COMMENT_LIMIT, commentMarker, compareWithBase, DIFF_LIMIT, renderDiffMarkdown, SUMMARY_LIMIT } from '../../src/gitops/report.js'
import type { ImageReport } from '../../src/manifest/outcome.js'

const image = (name: string, status: ImageReport['status'], forced = false): ImageReport => ({
  name,
  dockerfile: `services/${name}/Dockerfile`,
  sha256: 'a'.repeat(64),
  image: `docker.io/acme/${name}:aaaa`,
  tag: 'aaaa',
  pod: `${name}-0123456789`,
  forced,
  status,
})

describe('compareWithBase', () => {
  it('sorts images into added, rebuilt, forced, removed and unchanged', () => {
    const diff = compareWithBase(
      'a\nb\n',
      {
        manifest: 'a\nc\n',
        images: [image('api', 'changed'), image('web', 'new'), image('worker', 'unchanged', true), image('db', 'unchanged')],
        removed: [
          {
            name: 'old',
            dockerfile: 'old/Dockerfile',
            sha256: 'b'.repeat(64),
            effective: 'b'.repeat(64),
            commit: '',
            pod: 'old-1',
            image: '',
          },
        ],
      },
      'deploy/manifest.yaml',
    )
    expect(diff.summary).toEqual({ added: ['web'], rebuilt: ['api'], renamed: [], forced: ['worker'], removed: ['old'], unchanged: 1 })
    expect(diff.rows.map((r) => r.name)).toEqual(['api', 'db', 'old', 'web', 'worker'])
    expect(diff.diff).toBe('--- a/deploy/manifest.yaml\n+++ b/deploy/manifest.yaml\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n')
  })
})

describe('renamed images', () => {
  const renamed = (name: string, previousName: string, previousDockerfile?: string): ImageReport => ({
    ...image(name, 'renamed'),
    previousName,
    ...(previousDockerfile === undefined ? {} : { previousDockerfile }),
  })

  it('are counted, listed with the old name (and the old path of a moved Dockerfile), and built', () => {
    const diff = compareWithBase(
      'a\n',
      { manifest: 'b\n', images: [renamed('api-server', 'api'), renamed('backend', 'old', 'legacy/<b>|/Dockerfile')], removed: [] },
      'deploy/manifest.yaml',
    )
    expect(diff.summary.renamed).toEqual([
      { name: 'api-server', previousName: 'api' },
      { name: 'backend', previousName: 'old' },
    ])
    const md = renderDiffMarkdown(diff, 'deploy/manifest.yaml')
    expect(md).toContain('Merging builds **2** image(s): `api-server`, `backend`.')
    expect(md).toContain('0 added, 0 rebuilt, 2 renamed, 0 forced, 0 removed, 0 unchanged.')
    expect(md).toContain('| api-server | renamed from api | `services/api-server/Dockerfile` | `docker.io/acme/api-server:aaaa` |')
    // Repository text is escaped as in every other cell.
    expect(md).toContain(
      '| backend | renamed from old | `services/backend/Dockerfile` (moved from `legacy/<b>\\|/Dockerfile`) | `docker.io/acme/backend:aaaa` |',
    )
  })
})

describe('a multi-arch image', () => {
  it('is one row whose reference is its index, with its platforms', () => {
    const multi: ImageReport = { ...image('api', 'new'), platforms: ['linux/amd64', 'linux/arm/v7'] }
    const diff = compareWithBase(undefined, { manifest: 'b\n', images: [multi, image('web', 'new')], removed: [] }, 'deploy/manifest.yaml')
    const md = renderDiffMarkdown(diff, 'deploy/manifest.yaml')
    expect(md).toContain('| api | added | `services/api/Dockerfile` | `docker.io/acme/api:aaaa` (`linux/amd64`, `linux/arm/v7`) |')
    expect(md).toContain('| web | added | `services/web/Dockerfile` | `docker.io/acme/web:aaaa` |')
  })
})

describe('renderDiffMarkdown', () => {
  const rendered = (lines: number, extra = '') => ({
    manifest: `${Array.from({ length: lines }, (_, i) => `line ${i} ${'x'.repeat(60)}`).join('\n')}\n${extra}`,
    images: [image('api', 'changed')],
    removed: [],
  })

  it('starts with the marker and says what merging builds', () => {
    const md = renderDiffMarkdown(compareWithBase('', rendered(3), 'deploy/manifest.yaml'), 'deploy/manifest.yaml')
    expect(md.startsWith(commentMarker('deploy/manifest.yaml'))).toBe(true)
    expect(md).toContain('Merging builds **1** image(s): `api`.')
    expect(md).toContain('| api | rebuilt (content changed) | `services/api/Dockerfile` | `docker.io/acme/api:aaaa` |')
  })

  it('stays within the comment limit, saying that the diff is cut', () => {
    const md = renderDiffMarkdown(compareWithBase('', rendered(5000), 'deploy/manifest.yaml'), 'deploy/manifest.yaml')
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(md).toMatch(/\*\*The diff is cut here: \d+ more line\(s\)\*\* do not fit GitHub's 65536-character limit/)
    expect(md.trimEnd().endsWith('The job summary of this run has the full diff.')).toBe(true)
  })

  it('uses a fence longer than any run of backticks in the diff', () => {
    const md = renderDiffMarkdown(compareWithBase('', rendered(1, '```` not a fence\n'), 'm.yaml'), 'm.yaml')
    expect(md).toContain('`````diff\n')
  })

  it('says when nothing changes', () => {
    const md = renderDiffMarkdown(
      compareWithBase('same\n', { manifest: 'same\n', images: [image('api', 'unchanged')], removed: [] }, 'm.yaml'),
      'm.yaml',
    )
    expect(md).toContain('Merging leaves `m.yaml` as it is: no image is built.')
    expect(md).not.toContain('<details>')
  })
})

describe('renderDiffMarkdown with 1,000 changed images', () => {
  const names = Array.from({ length: 1000 }, (_, i) => `svc-${String(i).padStart(4, '0')}`)
  /** A Pod document, in short, whose tag appears three times more than 6 lines apart. */
  const pod = (name: string, tag: string) =>
    [
      '---',
      'kind: Pod',
      'metadata:',
      `  name: ${name}-${tag}`,
      '  labels:',
      `    app.kubernetes.io/name: ${name}`,
      ...Array.from({ length: 8 }, (_, i) => `    line ${i}: the same in every Pod, and long enough for a large diff`),
      `    kaniko-gitops/image: docker.io/acme/${name}:${tag}`,
      ...Array.from({ length: 8 }, (_, i) => `    line ${10 + i}: the same in every Pod, and long enough for a large diff`),
      `        - "--destination=docker.io/acme/${name}:${tag}"`,
      ...Array.from({ length: 8 }, (_, i) => `    line ${20 + i}: the same in every Pod, and long enough for a large diff`),
      '',
    ].join('\n')
  // Every image is rebuilt, as when a shared base image changes: a diff of more than 1 MB.
  const diff = compareWithBase(
    names.map((n) => pod(n, 'aaaa')).join(''),
    { manifest: names.map((n) => pod(n, 'bbbb')).join(''), images: names.map((n) => image(n, 'changed')), removed: [] },
    'deploy/manifest.yaml',
  )
  const rows = (md: string) => md.split('\n').filter((l) => /^\| svc-/.test(l))

  it('names 20 of the images in the headline and counts the others', () => {
    const md = renderDiffMarkdown(diff, 'deploy/manifest.yaml')
    expect(md).toContain(
      `Merging builds **1000** image(s): ${names
        .slice(0, 20)
        .map((n) => `\`${n}\``)
        .join(', ')}, and 980 more.`,
    )
  })

  it('keeps the comment under 65,536 characters with a compact row for every image, and the diff cut', () => {
    const md = renderDiffMarkdown(diff, 'deploy/manifest.yaml')
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(rows(md)).toEqual(names.map((n) => `| ${n} | rebuilt | \`services/${n}/Dockerfile\` |`))
    expect(md).toContain(
      "Compact rows, to fit GitHub's 65536-character limit for a comment: the job summary of this run has each image's reference.",
    )
    expect(md).toMatch(
      /\*\*The diff is cut here: \d+ more line\(s\)\*\* do not fit GitHub's 65536-character limit for a comment\. The log of this run has them\. The diff stops at 1000000 characters: \d+ more document\(s\) of the manifest differ\./,
    )
  })

  it('keeps the job summary under 1 MiB with the full row of every image', () => {
    expect(diff.diff.length).toBeGreaterThanOrEqual(DIFF_LIMIT)
    expect(diff.moreDocuments).toBeGreaterThan(0)
    const md = renderDiffMarkdown(diff, 'deploy/manifest.yaml', 'summary')
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(rows(md)).toEqual(
      names.map((n) => `| ${n} | rebuilt (content changed) | \`services/${n}/Dockerfile\` | \`docker.io/acme/${n}:aaaa\` |`),
    )
    expect(md).toContain(`The diff stops at 1000000 characters: ${diff.moreDocuments} more document(s) of the manifest differ.`)
  })

  it('lists the rows that fit when even compact rows do not, and counts the others', () => {
    const long = (n: string) => `services/${'deeply/nested/'.repeat(5)}${n}/Dockerfile`
    const images = names.map((n) => ({ ...image(n, 'changed'), dockerfile: long(n) }))
    const wide = compareWithBase('a\n', { manifest: 'b\n', images, removed: [] }, 'm.yaml')
    const comment = renderDiffMarkdown(wide, 'm.yaml')
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(COMMENT_LIMIT)
    const listed = rows(comment)
    expect(listed.length).toBeGreaterThan(400)
    expect(listed).toEqual(names.slice(0, listed.length).map((n) => `| ${n} | rebuilt | \`${long(n)}\` |`))
    expect(comment).toContain(
      `**${1000 - listed.length} more image(s)** do not fit GitHub's 65536-character limit for a comment: the job summary of this run lists every image.`,
    )
    expect(rows(renderDiffMarkdown(wide, 'm.yaml', 'summary'))).toHaveLength(1000)
  })

  it('keeps the job summary under 1 MiB in bytes when paths are long and not ASCII', () => {
    const huge = (n: string) => `services/${'ü'.repeat(1000)}/${n}/Dockerfile`
    const images = names.map((n) => ({ ...image(n, 'changed'), dockerfile: huge(n) }))
    const wide = compareWithBase('a\n', { manifest: 'b\n', images, removed: [] }, 'm.yaml')
    const summary = renderDiffMarkdown(wide, 'm.yaml', 'summary')
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(SUMMARY_LIMIT)
    const listed = rows(summary).length
    expect(listed).toBeGreaterThan(400)
    expect(summary).toContain(
      `**${1000 - listed} more image(s)** do not fit GitHub's 1 MiB limit for a job summary: the \`diff\` output of this step names every image.`,
    )
    const comment = renderDiffMarkdown(wide, 'm.yaml')
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(comment).toMatch(
      /more image\(s\)\*\* do not fit GitHub's 65536-character limit for a comment: the `diff` output of this step names every image\./,
    )
  })
})

describe('the image graph in the comment and the summary', () => {
  const fences = (md: string) =>
    new MarkdownIt({ html: true })
      .parse(md, {})
      .filter((token) => token.type === 'fence')
      .map((token) => ({ info: token.info, content: token.content }))
  const nodes = (content: string) => content.split('\n').filter((line) => /^ {2}n\d+\["/.test(line))

  it('draws the images on in-repo parents between the table and the diff, and nothing without such parents', () => {
    const rendered = {
      manifest: 'b\n',
      images: [image('base', 'changed'), image('api', 'unchanged'), image('lone', 'new')],
      removed: [],
    }
    const plain = renderDiffMarkdown(compareWithBase('a\n', rendered, 'm.yaml'), 'm.yaml')
    expect(fences(plain).map((f) => f.info)).toEqual(['diff'])
    const md = renderDiffMarkdown(compareWithBase('a\n', { ...rendered, parents: new Map([['api', ['base']]]) }, 'm.yaml'), 'm.yaml')
    expect(fences(md)).toEqual([
      {
        info: 'mermaid',
        content: [
          'flowchart TD',
          '  n0["api"]:::unchanged',
          '  n1["base (rebuilt)"]:::built',
          '  n1 --> n0',
          '  classDef built fill:#fff1b8,stroke:#d48806,stroke-width:2px,color:#222',
          '  classDef unchanged fill:#f6f8fa,stroke:#d0d7de,color:#8c959f',
          '',
        ].join('\n'),
      },
      { info: 'diff', content: expect.any(String) },
    ])
    expect(md.indexOf('| base |')).toBeLessThan(md.indexOf('```mermaid'))
    // The summary draws it as well.
    expect(
      fences(
        renderDiffMarkdown(compareWithBase('a\n', { ...rendered, parents: new Map([['api', ['base']]]) }, 'm.yaml'), 'm.yaml', 'summary'),
      )[0]?.info,
    ).toBe('mermaid')
  })

  const names = Array.from({ length: 1000 }, (_, i) => `svc-${String(i).padStart(4, '0')}`)
  // Every image is built on svc-0000, and every one is rebuilt.
  const parents = new Map(names.slice(1).map((n) => [n, ['svc-0000']]))

  it(`keeps the comment within its limit with 1,000 images rebuilt on one base, drawing ${GRAPH_NODES} of them`, () => {
    const diff = compareWithBase('a\n', { manifest: 'b\n', images: names.map((n) => image(n, 'changed')), removed: [], parents }, 'm.yaml')
    for (const target of ['comment', 'summary'] as const) {
      const md = renderDiffMarkdown(diff, 'm.yaml', target)
      expect(Buffer.byteLength(md)).toBeLessThanOrEqual(target === 'comment' ? COMMENT_LIMIT : SUMMARY_LIMIT)
      const chart = fences(md).find((f) => f.info === 'mermaid')
      expect(nodes(chart?.content ?? '')).toHaveLength(GRAPH_NODES)
      expect(nodes(chart?.content ?? '')[0]).toBe('  n0["svc-0000 (rebuilt)"]:::built')
      expect(md).toContain(`_${1000 - GRAPH_NODES} more image(s) with an in-repo parent or child are left out`)
    }
  })

  it('leaves the graph out of a comment that the table fills, saying the job summary has it', () => {
    const long = (n: string) => `services/${'deeply/nested/'.repeat(5)}${n}/Dockerfile`
    const images = names.map((n) => ({ ...image(n, 'changed'), dockerfile: long(n) }))
    const diff = compareWithBase('a\n', { manifest: 'b\n', images, removed: [], parents }, 'm.yaml')
    const comment = renderDiffMarkdown(diff, 'm.yaml')
    expect(Buffer.byteLength(comment)).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(fences(comment).map((f) => f.info)).not.toContain('mermaid')
    expect(comment).toContain(
      "The graph of the images built on images of this repository does not fit GitHub's 65536-character limit for a comment: the job summary of this run has it.",
    )
    expect(fences(renderDiffMarkdown(diff, 'm.yaml', 'summary')).map((f) => f.info)).toContain('mermaid')
  })
})

describe('renderDiffMarkdown and backticks', () => {
  it('takes a fence longer than any run of backticks from a diff with 300,000 of them', () => {
    const runs = `${'`a'.repeat(300_000)} \`\`\`\``
    const md = renderDiffMarkdown(compareWithBase('', { manifest: `${runs}\n`, images: [], removed: [] }, 'm.yaml'), 'm.yaml', 'summary')
    expect(md).toContain('\n`````diff\n')
  })
})
