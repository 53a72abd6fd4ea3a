import type { PreviousImage } from '../plan.js'
import type { ImageReport } from '../render.js'
import { escapeHtml } from '../summary.js'
import { codeSpan, markdownText, tableCode } from './markdown.js'
import { unifiedDiff } from './text-diff.js'

export type ImageChange = 'added' | 'rebuilt' | 'renamed' | 'forced' | 'removed' | 'unchanged'

export interface ChangeRow {
  readonly name: string
  readonly dockerfile: string
  readonly change: ImageChange
  /** The reference the merge builds ('' for a removed image). */
  readonly image: string
  /** A renamed image's name, and the Dockerfile it moved from, in the base manifest. */
  readonly previousName?: string
  readonly previousDockerfile?: string
}

/** The short machine-readable summary of a diff (the `diff` output). */
export interface DiffSummary {
  readonly added: string[]
  readonly rebuilt: string[]
  /** Images that have another name than on the base branch: the name in the config changed, or the Dockerfile moved. */
  readonly renamed: { readonly name: string; readonly previousName: string }[]
  readonly forced: string[]
  readonly removed: string[]
  readonly unchanged: number
}

export interface ManifestDiff {
  readonly rows: readonly ChangeRow[]
  readonly summary: DiffSummary
  /** Unified diff of the base manifest and the render ('' when equal). */
  readonly diff: string
}

/** What merging builds: images of the render compared with the manifest on the base branch. */
export function compareWithBase(
  base: string | undefined,
  rendered: { manifest: string; images: readonly ImageReport[]; removed: readonly PreviousImage[] },
  manifestPath: string,
): ManifestDiff {
  const rows: ChangeRow[] = rendered.images.map((image) => ({
    name: image.name,
    dockerfile: image.dockerfile,
    change: changeOf(image),
    image: image.image,
    ...(image.previousName === undefined ? {} : { previousName: image.previousName }),
    ...(image.previousDockerfile === undefined ? {} : { previousDockerfile: image.previousDockerfile }),
  }))
  for (const gone of rendered.removed) rows.push({ name: gone.name, dockerfile: gone.dockerfile, change: 'removed', image: '' })
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const names = (change: ImageChange) => rows.filter((r) => r.change === change).map((r) => r.name)
  return {
    rows,
    summary: {
      added: names('added'),
      rebuilt: names('rebuilt'),
      renamed: rows.filter((r) => r.change === 'renamed').map((r) => ({ name: r.name, previousName: r.previousName ?? '' })),
      forced: names('forced'),
      removed: names('removed'),
      unchanged: names('unchanged').length,
    },
    diff: unifiedDiff(base ?? '', rendered.manifest, manifestPath),
  }
}

function changeOf(image: ImageReport): ImageChange {
  if (image.status === 'new') return 'added'
  if (image.status === 'changed') return 'rebuilt'
  if (image.status === 'renamed') return 'renamed'
  return image.forced ? 'forced' : 'unchanged'
}

/** GitHub refuses comment bodies longer than this. */
export const COMMENT_LIMIT = 65_536

/** The hidden marker that finds the sticky comment again; one per manifest path. */
export function commentMarker(manifestPath: string): string {
  return `<!-- kaniko-gitops:diff ${manifestPath.replace(/-->/g, '')} -->`
}

const CHANGE_LABEL: Record<ImageChange, string> = {
  added: 'added',
  rebuilt: 'rebuilt (content changed)',
  renamed: 'renamed',
  forced: 'forced',
  removed: 'removed',
  unchanged: 'unchanged',
}

function changeCell(row: ChangeRow): string {
  return row.change === 'renamed' ? `renamed from ${markdownText(row.previousName ?? '')}` : CHANGE_LABEL[row.change]
}

function dockerfileCell(row: ChangeRow): string {
  return row.previousDockerfile === undefined
    ? tableCode(row.dockerfile)
    : `${tableCode(row.dockerfile)} (moved from ${tableCode(row.previousDockerfile)})`
}

/** Markdown for the PR comment and the job summary, at most `limit` characters. */
export function renderDiffMarkdown(diff: ManifestDiff, manifestPath: string, limit = COMMENT_LIMIT): string {
  const s = diff.summary
  const builds = [...s.added, ...s.rebuilt, ...s.renamed.map((r) => r.name), ...s.forced]
  const headline =
    diff.diff === ''
      ? `Merging leaves ${codeSpan(manifestPath)} as it is: no image is built.`
      : builds.length === 0
        ? `Merging changes ${codeSpan(manifestPath)} but builds no image.`
        : `Merging builds **${builds.length}** image(s): ${builds.map(codeSpan).join(', ')}.`
  const counts = `${s.added.length} added, ${s.rebuilt.length} rebuilt, ${s.renamed.length} renamed, ${s.forced.length} forced, ${s.removed.length} removed, ${s.unchanged} unchanged.`
  const table = [
    '| Image | Change | Dockerfile | Reference |',
    '| --- | --- | --- | --- |',
    ...diff.rows
      .filter((r) => r.change !== 'unchanged')
      .map((r) => `| ${markdownText(r.name)} | ${changeCell(r)} | ${dockerfileCell(r)} | ${tableCode(r.image)} |`),
  ]
  const head = [
    commentMarker(manifestPath),
    '### kaniko-gitops',
    '',
    headline,
    counts,
    '',
    ...(table.length > 2 ? [...table, ''] : []),
  ].join('\n')
  if (diff.diff === '') return head
  const longestTicks = Math.max(2, ...(diff.diff.match(/`+/g) ?? []).map((t) => t.length))
  const fence = '`'.repeat(longestTicks + 1)
  const open = `<details><summary>Diff of <code>${escapeHtml(manifestPath)}</code></summary>\n\n${fence}diff\n`
  const close = `${fence}\n</details>\n`
  const lines = diff.diff.split('\n')
  let body = diff.diff
  const room = limit - head.length - open.length - close.length - 200
  if (body.length > room) {
    let used = 0
    let kept = 0
    while (kept < lines.length && used + (lines[kept] as string).length + 1 <= room) used += (lines[kept++] as string).length + 1
    body = `${lines.slice(0, kept).join('\n')}\n`
    const note = `\n**The diff is cut here: ${lines.length - kept} more line(s)** do not fit GitHub's ${limit}-character limit for a comment. The job summary of this run has the full diff.\n`
    return `${head}\n${open}${body}${close}${note}`
  }
  return `${head}\n${open}${body}${close}`
}
