import type { ImageReport, RenderOutcome } from './render.js'

export const TABLE_HEADER = ['Image', 'Dockerfile', 'sha256', 'Reference', 'Status'] as const

/** Rows of the image table shared by the job summary and the CLI. */
export function imageRows(outcome: Pick<RenderOutcome, 'images' | 'removed'>): string[][] {
  const rows = outcome.images.map((image: ImageReport) => [
    image.name,
    image.dockerfile,
    image.sha256.slice(0, 12),
    image.image,
    image.forced ? `${image.status}, forced` : image.status,
  ])
  for (const gone of outcome.removed) rows.push([gone.name, gone.dockerfile, gone.sha256.slice(0, 12), '', 'removed'])
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
