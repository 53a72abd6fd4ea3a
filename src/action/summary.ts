import { graphMarkdown, kindOfReport } from '../gitops/image-graph.js'
import { escapeHtml } from '../gitops/markdown.js'
import type { ImageReport, RenderOutcome } from '../manifest/outcome.js'
import { statusText } from '../manifest/outcome.js'
import type { WaitedImage } from '../registry/wait.js'

export const TABLE_HEADER = ['Image', 'Dockerfile', 'sha256', 'Reference', 'Status'] as const

/** Rows of the image table shared by the job summary and the CLI. */
export function imageRows(outcome: Pick<RenderOutcome, 'images' | 'removed' | 'skipped'>): string[][] {
  const rows = outcome.images.map((image: ImageReport) => [
    image.name,
    image.dockerfile,
    image.sha256.slice(0, 12),
    // A multi-arch image's reference is its index, of these platforms.
    image.platforms === undefined ? image.image : `${image.image} (${image.platforms.join(', ')})`,
    statusText(image, true),
  ])
  const skipped = new Set(outcome.skipped ?? [])
  for (const gone of outcome.removed) {
    rows.push([gone.name, gone.dockerfile, gone.sha256.slice(0, 12), '', skipped.has(gone.dockerfile) ? 'removed, skipped' : 'removed'])
    skipped.delete(gone.dockerfile)
  }
  for (const file of skipped) rows.push(['', file, '', '', 'skipped'])
  return rows
}

/** A plain-text table for terminals. */
export function formatTextTable(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')
}

/** GitHub refuses a step's job summary over 1 MiB; the table stops well before, with a note. */
export const SUMMARY_TABLE_BUDGET = 768 * 1024

/** Up to this many images the table lists them all; beyond, the ones a run builds, removes or skips. */
export const SUMMARY_ALL_ROWS = 100

/** One table row, every cell escaped. */
function htmlRow(cells: readonly string[], tag: 'th' | 'td'): string {
  let html = '<tr>'
  for (const cell of cells) html += `<${tag}>${escapeHtml(cell)}</${tag}>`
  return `${html}</tr>`
}

export const WAIT_TABLE_HEADER = ['Image', 'Reference', 'Status', 'Digest', 'Appeared after'] as const

/** The job summary of mode: wait: one line (already escaped) and a row per image, as the wait stands. */
export function waitSummaryHtml(images: readonly WaitedImage[], line: string): string {
  const rows: string[] = []
  let size = 0
  for (const image of images) {
    const cells = [image.name, image.reference, image.status, image.digest ?? '', image.seconds === undefined ? '' : `${image.seconds} s`]
    const text = htmlRow(cells, 'td')
    size += Buffer.byteLength(text)
    // The `built` output lists every image; the summary stops within GitHub's 1 MiB.
    if (size > SUMMARY_TABLE_BUDGET) break
    rows.push(text)
  }
  const table = images.length > 0 ? `\n<table>${htmlRow(WAIT_TABLE_HEADER, 'th')}${rows.join('')}</table>` : ''
  const left = images.length - rows.length
  const note =
    left > 0
      ? `\n<p>${left} more row(s) left out: a job summary holds at most 1 MiB. The <code>built</code> output lists every image.</p>`
      : ''
  return `<h2>kaniko-gitops</h2>\n<p>${line}</p>${table}${note}\n`
}

/**
 * The job summary: a heading, one line of HTML (`line`, already escaped), the image table, and the
 * graph of the images built on images of this repository, when there are such (at most GRAPH_NODES
 * images in it: tens of KiB beside the table's SUMMARY_TABLE_BUDGET, within the 1 MiB).
 */
export function summaryHtml(
  outcome: (Pick<RenderOutcome, 'images' | 'removed' | 'skipped'> & Partial<Pick<RenderOutcome, 'parents'>>) | undefined,
  line: string,
): string {
  const parts = ['<h2>kaniko-gitops</h2>', `<p>${line}${outcome ? `, ${outcome.images.length} image(s)` : ''}</p>`]
  if (outcome) {
    // On a large repository a row per unchanged image would bury the few that build: they are counted.
    const all = outcome.images.length <= SUMMARY_ALL_ROWS
    const shown = all ? outcome : { ...outcome, images: outcome.images.filter((image) => image.status !== 'unchanged' || image.forced) }
    const unlisted = outcome.images.length - shown.images.length
    const rows = imageRows(shown)
    const html = [htmlRow(TABLE_HEADER, 'th')]
    let size = 0
    for (const cells of rows) {
      const text = htmlRow(cells, 'td')
      size += Buffer.byteLength(text)
      if (size > SUMMARY_TABLE_BUDGET) break
      html.push(text)
    }
    const left = rows.length - (html.length - 1)
    if (all || html.length > 1) parts.push(`<table>${html.join('')}</table>`)
    if (unlisted > 0) {
      parts.push(`<p>${unlisted} unchanged image(s) not listed: the <code>images</code> output and the log list every image.</p>`)
    }
    if (left > 0)
      parts.push(
        `<p>${left} more row(s) left out: a job summary holds at most 1 MiB. The <code>images</code> output and the log list every image.</p>`,
      )
    // A blank line ends the HTML block: the chart's fence is Markdown.
    const graph = outcome.parents ? graphMarkdown(outcome.images.map(kindOfReport), outcome.parents) : ''
    if (graph !== '') parts.push('', graph)
  }
  return `${parts.join('\n')}\n`
}
