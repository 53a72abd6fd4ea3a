import type { ImageReport } from '../manifest/outcome.js'
import type { PreviousImage } from '../plan/plan.js'
import { type GraphImage, type GraphKind, graphMarkdown, type ParentNames } from './image-graph.js'
import { codeSpan, escapeHtml, markdownText, tableCode } from './markdown.js'
import { boundedDiff } from './text-diff.js'

export type ImageChange = 'added' | 'rebuilt' | 'renamed' | 'forced' | 'removed' | 'unchanged'

export interface ChangeRow {
  readonly name: string
  readonly dockerfile: string
  readonly change: ImageChange
  /** The reference the merge builds ('' for a removed image). */
  readonly image: string
  /** A multi-arch image's platforms: the reference is its index. */
  readonly platforms?: readonly string[]
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
  /** Unified diff of the base manifest and the render ('' when equal), stopped at DIFF_LIMIT characters. */
  readonly diff: string
  /** Documents of the manifest that differ after the diff stopped (0 when `diff` is all of it). */
  readonly moreDocuments: number
  /** By image name, the names of its in-repo parents (see RenderOutcome.parents): the image graph. */
  readonly parents?: ParentNames
}

/**
 * The diff stops at this many characters (at the end of a hunk, or cut in a document that is larger),
 * the most a job summary can show: when every Pod changes, its 1,000 Pods make a 2.5 MB diff that
 * nobody reads, and the table says which images change.
 */
export const DIFF_LIMIT = 1_000_000

/** What merging builds: images of the render compared with the manifest on the base branch. */
export function compareWithBase(
  base: string | undefined,
  rendered: { manifest: string; images: readonly ImageReport[]; removed: readonly PreviousImage[]; parents?: ParentNames },
  manifestPath: string,
): ManifestDiff {
  const rows: ChangeRow[] = rendered.images.map((image) => ({
    name: image.name,
    dockerfile: image.dockerfile,
    change: changeOf(image),
    image: image.image,
    ...(image.platforms === undefined ? {} : { platforms: image.platforms }),
    ...(image.previousName === undefined ? {} : { previousName: image.previousName }),
    ...(image.previousDockerfile === undefined ? {} : { previousDockerfile: image.previousDockerfile }),
  }))
  for (const gone of rendered.removed) rows.push({ name: gone.name, dockerfile: gone.dockerfile, change: 'removed', image: '' })
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const names = (change: ImageChange) => rows.filter((r) => r.change === change).map((r) => r.name)
  const { text, more } = boundedDiff(base ?? '', rendered.manifest, manifestPath, DIFF_LIMIT)
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
    diff: text,
    moreDocuments: more,
    ...(rendered.parents ? { parents: rendered.parents } : {}),
  }
}

function changeOf(image: ImageReport): ImageChange {
  if (image.status === 'new') return 'added'
  if (image.status === 'changed') return 'rebuilt'
  if (image.status === 'renamed') return 'renamed'
  return image.forced ? 'forced' : 'unchanged'
}

/** GitHub refuses comment bodies longer than this many characters. */
export const COMMENT_LIMIT = 65_536

/** GitHub refuses a step's job summary over 1 MiB: the diff's summary stays under this, with room to spare. */
export const SUMMARY_LIMIT = 1_000_000

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

/** The change of a row; `compact`: its kind alone (as in the `diff` output), for rows that must be short. */
function changeCell(row: ChangeRow, compact = false): string {
  if (row.change === 'renamed') return `renamed from ${markdownText(row.previousName ?? '')}`
  return compact ? row.change : CHANGE_LABEL[row.change]
}

/** The reference, and a multi-arch image's platforms (validated `os/arch[/variant]`, escaped all the same). */
function referenceCell(row: ChangeRow): string {
  return row.platforms === undefined ? tableCode(row.image) : `${tableCode(row.image)} (${row.platforms.map(tableCode).join(', ')})`
}

function dockerfileCell(row: ChangeRow): string {
  return row.previousDockerfile === undefined
    ? tableCode(row.dockerfile)
    : `${tableCode(row.dockerfile)} (moved from ${tableCode(row.previousDockerfile)})`
}

/** Where a rendering of the diff goes, and what its limit is called in a note. */
export type DiffTarget = 'comment' | 'summary'

const LIMIT: Record<DiffTarget, { bytes: number; text: string }> = {
  comment: { bytes: COMMENT_LIMIT, text: `GitHub's ${COMMENT_LIMIT}-character limit for a comment` },
  summary: { bytes: SUMMARY_LIMIT, text: "GitHub's 1 MiB limit for a job summary" },
}

/** Room kept for the notes and the wrapper of the diff, which are written after the parts are measured. */
const NOTES = 1024

/** The headline names at most this many images; the table has them all. */
const HEADLINE_NAMES = 20

const bytes = (text: string) => Buffer.byteLength(text)

/**
 * Markdown for the pull-request comment or the job summary, within GitHub's limit for it (counted in
 * UTF-8 bytes, which are never fewer than characters). The table of images comes first: when its
 * rows do not fit, they become compact (no reference), and when those do not fit either, the rows
 * that fit are listed with a count of the others. The unified diff gets the room that is left and is
 * cut at a line, with a note that says where the rest is.
 */
export function renderDiffMarkdown(diff: ManifestDiff, manifestPath: string, target: DiffTarget = 'comment'): string {
  const { head, table, graph, room } = layout(diff, manifestPath, target)
  const parts = [head, ...table, ...graph]
  if (diff.diff === '') return parts.join('\n')
  // The comment points to the summary for the lines it leaves out, when the summary has them.
  const summary = target === 'comment' ? layout(diff, manifestPath, 'summary') : undefined
  const holder =
    summary && cutAt(diff.diff, summary.room - wrapperBytes(diff.diff, manifestPath)) === diff.diff.length
      ? 'The job summary of this run'
      : 'The log of this run'
  const cutNote = `do not fit ${LIMIT[target].text}. ${holder} has ${diff.moreDocuments > 0 ? 'them' : 'the full diff'}.`
  const stopNote =
    diff.moreDocuments > 0
      ? `The diff stops at ${DIFF_LIMIT} characters: ${diff.moreDocuments} more document(s) of the manifest differ.`
      : ''
  parts.push(diffDetails(diff.diff, manifestPath, room, cutNote, stopNote))
  return parts.join('\n')
}

/** The head, the table and the image graph of a rendering, and the bytes left for the diff. */
function layout(
  diff: ManifestDiff,
  manifestPath: string,
  target: DiffTarget,
): { head: string; table: string[]; graph: string[]; drawn: boolean; room: number } {
  const s = diff.summary
  const builds = [...s.added, ...s.rebuilt, ...s.renamed.map((r) => r.name), ...s.forced]
  const named = builds.slice(0, HEADLINE_NAMES).map(codeSpan)
  if (builds.length > HEADLINE_NAMES) named.push(`and ${builds.length - HEADLINE_NAMES} more`)
  const headline =
    diff.diff === ''
      ? `Merging leaves ${codeSpan(manifestPath)} as it is: no image is built.`
      : builds.length === 0
        ? `Merging changes ${codeSpan(manifestPath)} but builds no image.`
        : `Merging builds **${builds.length}** image(s): ${named.join(', ')}.`
  const counts = `${s.added.length} added, ${s.rebuilt.length} rebuilt, ${s.renamed.length} renamed, ${s.forced.length} forced, ${s.removed.length} removed, ${s.unchanged} unchanged.`
  const head = [commentMarker(manifestPath), '### kaniko-gitops', '', headline, counts, ''].join('\n')
  const rows = diff.rows.filter((r) => r.change !== 'unchanged')
  const room = LIMIT[target].bytes - NOTES - bytes(head)
  // What the comment leaves out, the summary has when its own table is complete (with references when full).
  const inSummary = target === 'comment' ? fitTable(rows, SUMMARY_LIMIT - NOTES - bytes(head), 'summary', {}).mode : 'cut'
  const table = fitTable(rows, room, target, {
    rows: inSummary === 'cut' ? 'the `diff` output of this step names' : 'the job summary of this run lists',
    references: inSummary === 'full' ? 'the job summary of this run has' : 'the `images` output of this step has',
  }).lines
  const left = room - table.reduce((n, line) => n + bytes(line) + 1, 0)
  const { lines: graph, drawn } = fitGraph(diff, left, target, () => layout(diff, manifestPath, 'summary').drawn)
  return { head, table, graph, drawn, room: left - graph.reduce((n, line) => n + bytes(line) + 1, 0) }
}

const GRAPH_KIND: Record<Exclude<ImageChange, 'removed'>, GraphKind> = {
  added: 'new',
  rebuilt: 'rebuilt',
  renamed: 'renamed',
  forced: 'forced',
  unchanged: 'unchanged',
}

/**
 * The image graph within `room` bytes (after the table, which matters more, and before the diff, which
 * is cut to what is left), else a note that it is left out; nothing when no image has an in-repo
 * parent. `inSummary`: does the job summary draw it?
 */
function fitGraph(diff: ManifestDiff, room: number, target: DiffTarget, inSummary: () => boolean): { lines: string[]; drawn: boolean } {
  if (!diff.parents || diff.parents.size === 0) return { lines: [], drawn: false }
  const images: GraphImage[] = []
  for (const row of diff.rows) if (row.change !== 'removed') images.push({ name: row.name, kind: GRAPH_KIND[row.change] })
  const graph = graphMarkdown(images, diff.parents)
  if (graph === '') return { lines: [], drawn: false }
  if (bytes(graph) + 1 <= room) return { lines: [graph], drawn: true }
  const elsewhere = target === 'comment' && inSummary() ? ': the job summary of this run has it' : ''
  const note = `The graph of the images built on images of this repository does not fit ${LIMIT[target].text}${elsewhere}.`
  return { lines: [note, ''], drawn: false }
}

/**
 * The table within `room` bytes: full rows, else compact rows (no reference), else the compact rows
 * that fit and a count of the others; `elsewhere` says where a reader finds what is left out.
 */
function fitTable(
  rows: readonly ChangeRow[],
  room: number,
  target: DiffTarget,
  elsewhere: { rows?: string; references?: string },
): { lines: string[]; mode: 'full' | 'compact' | 'cut' } {
  if (rows.length === 0) return { lines: [], mode: 'full' }
  const full = [
    '| Image | Change | Dockerfile | Reference |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${markdownText(r.name)} | ${changeCell(r)} | ${dockerfileCell(r)} | ${referenceCell(r)} |`),
  ]
  if (full.reduce((n, line) => n + bytes(line) + 1, 0) <= room) return { lines: [...full, ''], mode: 'full' }
  const compact = [
    '| Image | Change | Dockerfile |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| ${markdownText(r.name)} | ${changeCell(r, true)} | ${dockerfileCell(r)} |`),
  ]
  let used = 0
  let kept = 0
  while (kept < compact.length && used + bytes(compact[kept] as string) + 1 <= room) used += bytes(compact[kept++] as string) + 1
  const left = compact.length - kept
  const shown = kept > 2 ? [...compact.slice(0, kept), ''] : []
  if (left === 0)
    return {
      lines: [...shown, `Compact rows, to fit ${LIMIT[target].text}: ${elsewhere.references} each image's reference.`, ''],
      mode: 'compact',
    }
  const note = `**${left} more image(s)** do not fit ${LIMIT[target].text}: ${elsewhere.rows} every image.`
  return { lines: [...shown, note, ''], mode: 'cut' }
}

/** The collapsed block around the diff, with a fence longer than any run of backticks in it. */
function wrapper(text: string, manifestPath: string): { open: string; close: string } {
  // A loop, not Math.max(...runs): a diff with a few hundred thousand runs would overflow the stack.
  let longestTicks = 2
  for (const run of text.matchAll(/`+/g)) longestTicks = Math.max(longestTicks, run[0].length)
  const fence = '`'.repeat(longestTicks + 1)
  return {
    open: `<details><summary>Diff of <code>${escapeHtml(manifestPath)}</code></summary>\n\n${fence}diff\n`,
    close: `${fence}\n</details>\n`,
  }
}

function wrapperBytes(text: string, manifestPath: string): number {
  const { open, close } = wrapper(text, manifestPath)
  return bytes(open) + bytes(close)
}

/**
 * The diff in its block, cut at the last line that fits in `room` bytes; `cutNote` follows
 * "N more line(s)" when it is cut, and `stopNote` says what the diff itself left out.
 */
function diffDetails(text: string, manifestPath: string, room: number, cutNote: string, stopNote: string): string {
  const { open, close } = wrapper(text, manifestPath)
  const cut = cutAt(text, room - bytes(open) - bytes(close))
  if (cut === text.length) return `\n${open}${text}${close}${stopNote ? `\n**${stopNote}**\n` : ''}`
  let more = 0
  for (let at = cut; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) more++
  const note = `\n**The diff is cut here: ${more} more line(s)** ${cutNote}${stopNote ? ` ${stopNote}` : ''}\n`
  return cut === 0 ? note : `\n${open}${text.slice(0, cut)}${close}${note}`
}

/** The length of a run of whole lines at the start of `text` within `room` UTF-8 bytes. */
function cutAt(text: string, room: number): number {
  if (bytes(text) <= room) return text.length
  if (room <= 0) return 0
  // A character is at least one byte: `room` characters are at least `room` bytes, and stepping back
  // by the excess in characters drops at least the excess in bytes.
  const cut = text.lastIndexOf('\n', room - 1) + 1
  const excess = bytes(text.slice(0, cut)) - room
  if (excess <= 0) return cut
  return cut - excess - 1 >= 0 ? text.lastIndexOf('\n', cut - excess - 1) + 1 : 0
}
