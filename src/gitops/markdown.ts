/**
 * Repository text in the Markdown of the pull-request comment and the job summary, escaped for where
 * it stands. The comment is posted by the token's identity (github-actions[bot] by default): a name
 * that ended a table row or made a heading or a link would put the pull request author's words in
 * its mouth. Every text is `visible` first (one line; `%` and control characters percent-encoded).
 */
import { visible } from '../common/inert.js'

/** Markdown's and GFM's punctuation: links, images, emphasis, HTML, entities, code, table pipes, autolinks (`:`, `@`, `.`). */
const PUNCTUATION = /[!"#$&'()*+,.:;<=>?@[\\\]^_`{|}~]/g

/**
 * Plain text: every punctuation character that Markdown could read as syntax as a character
 * reference, and so are the spaces at either end, which a table cell would trim.
 */
export function markdownText(text: string): string {
  return visible(text)
    .replace(PUNCTUATION, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/^ +| +$/g, (spaces) => '&#32;'.repeat(spaces.length))
}

/**
 * A code span (nothing in it is Markdown, and references are not decoded there, so nothing else is
 * escaped): its fence is longer than any run of backticks in the text, with a space inside when the
 * text starts or ends with a backtick or a space that the span would strip.
 */
export function codeSpan(text: string): string {
  const shown = visible(text)
  if (shown === '') return ''
  const fence = '`'.repeat(Math.max(0, ...(shown.match(/`+/g) ?? []).map((run) => run.length)) + 1)
  const pad = /^[` ]|[` ]$/.test(shown) && shown.trim() !== '' ? ' ' : ''
  return `${fence}${pad}${shown}${pad}${fence}`
}

/** A code span in a table cell: GFM splits cells at every `|` not escaped with `\`, inside code spans too, and takes the `\` away. */
export function tableCode(text: string): string {
  return codeSpan(text.replace(/\|/g, '\\|'))
}

const HTML_SPECIAL = /[&<>"']/
/**
 * HTML text for the job summary, which GitHub reads as Markdown: a newline in a name could end the
 * HTML block (at a blank line) and turn the rest into Markdown, so the text is `visible` first.
 */
export function escapeHtml(text: string): string {
  const shown = visible(text)
  // Most cells have nothing to escape: a test is cheaper than a replace with a callback.
  return HTML_SPECIAL.test(shown) ? shown.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : shown
}
