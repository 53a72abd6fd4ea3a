import type { ImageReport, RenderOutcome } from './render.js'

export const TABLE_HEADER = ['Image', 'Dockerfile', 'sha256', 'Reference', 'Status'] as const

/** Rows of the image table shared by the job summary and the CLI. */
export function imageRows(outcome: Pick<RenderOutcome, 'images' | 'removed' | 'skipped'>): string[][] {
  const rows = outcome.images.map((image: ImageReport) => [
    image.name,
    image.dockerfile,
    image.sha256.slice(0, 12),
    image.image,
    image.forced ? `${image.status}, forced` : image.status,
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

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** The job summary: a heading, one line of HTML (`line`, already escaped), and the image table. */
export function summaryHtml(outcome: Pick<RenderOutcome, 'images' | 'removed' | 'skipped'> | undefined, line: string): string {
  const parts = ['<h2>kaniko-gitops</h2>', `<p>${line}${outcome ? `, ${outcome.images.length} image(s)` : ''}</p>`]
  if (outcome) {
    const row = (cells: readonly string[], tag: 'th' | 'td') => `<tr>${cells.map((c) => `<${tag}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`
    parts.push(
      `<table>${row(TABLE_HEADER, 'th')}${imageRows(outcome)
        .map((r) => row(r, 'td'))
        .join('')}</table>`,
    )
  }
  return `${parts.join('\n')}\n`
}
