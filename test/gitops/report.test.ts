import { describe, expect, it } from 'vitest'
import { COMMENT_LIMIT, commentMarker, compareWithBase, renderDiffMarkdown } from '../../src/gitops/report.js'
import type { ImageReport } from '../../src/render.js'

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
