/**
 * Text from the repository (paths, config values, Dockerfile lines) on its way to the log, the job
 * summary and the pull-request comment. A pull request's author picks every such text. How the runner
 * finds workflow commands in the log is told at `inertLines` (src/runner.ts), which is the log's last
 * line of defence; `inert` makes the text itself harmless, and readable.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is escaped
const ESCAPED = /[%\u0000-\u001f\u007f-\u009f\u2028\u2029]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same set, tested without the global flag's state
const HAS_ESCAPED = /[%\u0000-\u001f\u007f-\u009f\u2028\u2029]/

// biome-ignore lint/suspicious/noControlCharactersInRegex: names with control characters are refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/

/** Does the text hold a control character (C0, DEL, C1 such as NEL) or a Unicode line or paragraph separator? */
export function hasControlCharacter(text: string): boolean {
  return CONTROL.test(text)
}

/**
 * The text with `%`, the control characters and U+2028/U+2029 percent-encoded, as the runner escapes
 * command data (`%25`, `%0D`, `%0A`; `%C2%85` for NEL): one line, and every character still there to see.
 */
export function visible(text: string): string {
  // Most texts have nothing to escape: a test is cheaper than a replace with a callback.
  return HAS_ESCAPED.test(text) ? text.replace(ESCAPED, (c) => encodeURIComponent(c)) : text
}

/** A `:` at the start, after white space as the runner trims it (see runner.ts). */
const LEADING_COLON = /^([\s\u0085]*):/

/**
 * A repository text as it may appear in a log line, whatever stands before or after it there:
 * `visible` (so one line), a `:` it starts with as `%3A` (so no `::` at the start of a line), and a
 * `[` that starts it or follows `#` as `%5B` (so no `##[`).
 */
export function inert(text: string): string {
  let out = visible(text)
  // Only a text that starts at or below `:` (U+003A) or beyond ASCII can start with white space or `:`:
  // most paths start with a letter and skip the pattern.
  const first = out.charCodeAt(0)
  if ((first <= 0x3a || first > 0x7f) && LEADING_COLON.test(out)) out = out.replace(LEADING_COLON, '$1%3A')
  return out.includes('[') ? out.replace(/(^|#)\[/g, '$1%5B') : out
}
