/**
 * Deterministic YAML for the JSON-shaped objects the action builds (maps, lists, strings, numbers,
 * booleans): keys in the order the objects were built, block style, two-space indent, lists under
 * their key, no line folding. Strings are written plain only when no YAML reader could take them for
 * anything else; every other string is written JSON-quoted (JSON strings are valid YAML double-quoted
 * scalars), with all non-ASCII escaped. Multi-line strings that end in one newline become literal
 * blocks. Written for speed: the `yaml` package's general stringifier takes 2.5 times as long for
 * 1,000 Pods (see docs/decisions/yaml-emitter.md).
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

/** The characters a plain scalar may hold: no space, quote, '#', flow indicator, or ':' before a space. */
const PLAIN = /^[A-Za-z0-9./][A-Za-z0-9._/@%+=-]*(?::[A-Za-z0-9._/@%+=-]+)*$/
/**
 * The words YAML 1.1 or 1.2 reads as booleans, nulls or special floats, in any case, and an exponent
 * alone (`E1` is a float to the yaml package's YAML 1.1 schema).
 */
const KEYWORD = /^(?:y|n|yes|no|on|off|true|false|null|\.inf|\.nan|e[-+0-9._]*)$/i
/** A letter no number or date holds: they hold b, e, o, t, x, z, and after an x the digits a to f. */
const WORD_LETTER = /[ac-df-np-su-wy]/i
/** How a number, date or time may start, signs aside (PLAIN keeps those out). */
const NUMBER_START = /^[0-9.]/
/** A date and whatever follows it, kept quoted in case a reader is lax about where a timestamp ends. */
const DATE_START = /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}/

/**
 * Plain only when no YAML 1.1 or 1.2 reader (nor go-yaml, which drops every '_' and reads Go's base
 * prefixes in any case) could take it for anything but this string. Numbers, dates and times start
 * with a sign, a digit or a dot. A string that starts with a sign is always quoted; one that starts
 * with a digit or a dot stays plain only when it has no x, holds a word letter (a hex digest almost
 * always does, and so does `.dockerconfigjson`) and does not start with a date. Any other starts with
 * a letter or '/', and only the keywords are not strings.
 */
function isPlain(value: string): boolean {
  if (!PLAIN.test(value) || KEYWORD.test(value) || DATE_START.test(value)) return false
  if (!NUMBER_START.test(value)) return true
  return !value.includes('x') && !value.includes('X') && WORD_LETTER.test(value)
}

export function emitScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null'
  if (typeof value === 'boolean') return value ? 'true' : 'false'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write the number ${value} as YAML`)
    return String(value)
  }
  let written = scalars.get(value)
  if (written === undefined) {
    written = isPlain(value) ? value : quote(value)
    if (scalars.size < 100_000) scalars.set(value, written)
  }
  return written
}

/** Keys and most values repeat from Pod to Pod: remembering how each was written halves the work. */
const scalars = new Map<string, string>()

/** JSON-quoted, with every character outside printable ASCII escaped. */
function quote(value: string): string {
  let out = '"'
  for (const ch of value) {
    const code = ch.codePointAt(0) as number
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (code >= 0x20 && code < 0x7f) out += ch
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`
    else out += `\\U${code.toString(16).padStart(8, '0')}`
  }
  return `${out}"`
}

/** A literal block keeps the text as is: one trailing newline, no CR, no leading space on line one. */
function isLiteralBlock(value: string): boolean {
  return (
    value.includes('\n') &&
    value.endsWith('\n') &&
    !value.endsWith('\n\n') &&
    !/^[ \t\n]/.test(value) &&
    // Printable ASCII, tabs and newlines only: anything else is written escaped.
    /^[\x20-\x7e\t\n]*$/.test(value)
  )
}

function isEmpty(value: Json): boolean {
  return Array.isArray(value) ? value.length === 0 : typeof value === 'object' && value !== null && Object.keys(value).length === 0
}

function emitValue(value: Json, indent: string, out: string[], key: string): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${key} []\n`)
    else {
      out.push(`${key}\n`)
      emitSeq(value, `${indent}  `, out)
    }
  } else if (value !== null && typeof value === 'object') {
    if (isEmpty(value)) out.push(`${key} {}\n`)
    else {
      out.push(`${key}\n`)
      emitMap(value, `${indent}  `, out)
    }
  } else if (typeof value === 'string' && isLiteralBlock(value)) {
    out.push(`${key} |\n`)
    const inner = `${indent}  `
    for (const line of value.slice(0, -1).split('\n')) out.push(line === '' ? '\n' : `${inner}${line}\n`)
  } else {
    out.push(`${key} ${emitScalar(value)}\n`)
  }
}

function emitMap(map: { [key: string]: Json }, indent: string, out: string[], firstPrefix?: string): void {
  let first = true
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue
    const lead = first && firstPrefix !== undefined ? firstPrefix : indent
    emitValue(v, indent, out, `${lead}${emitScalar(k)}:`)
    first = false
  }
}

function emitSeq(items: Json[], indent: string, out: string[]): void {
  for (const item of items) {
    if (item !== null && typeof item === 'object' && !Array.isArray(item) && !isEmpty(item)) {
      emitMap(item, `${indent}  `, out, `${indent}- `)
    } else if (Array.isArray(item) && item.length > 0) {
      out.push(`${indent}-\n`)
      emitSeq(item, `${indent}  `, out)
    } else if (typeof item === 'string' && isLiteralBlock(item)) {
      out.push(`${indent}- ${quote(item)}\n`)
    } else {
      out.push(`${indent}- ${Array.isArray(item) ? '[]' : item !== null && typeof item === 'object' ? '{}' : emitScalar(item)}\n`)
    }
  }
}

/** One YAML document (without the `---` line) for a JSON-shaped object. */
export function emitYaml(value: { [key: string]: Json }): string {
  if (isEmpty(value)) return '{}\n'
  const out: string[] = []
  emitMap(value, '', out)
  return out.join('')
}
