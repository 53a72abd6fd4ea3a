/**
 * What the action needs from a Dockerfile: its FROM lines, with the global ARGs (those before the
 * first FROM) substituted the way the builder does, so that `FROM $BASE_IMAGE` with
 * `ARG BASE_IMAGE=$REGISTRY/$OWNER/base-notebook` resolves to the image it names.
 */

export interface FromLine {
  /** The image as written, e.g. `$BASE_IMAGE` or `python:3.13`. */
  readonly raw: string
  /** The image with global ARG defaults substituted. */
  readonly image: string
  /** The single ARG the whole image is, when it is one (`$BASE_IMAGE`, `${BASE_IMAGE}`). */
  readonly arg?: string
  /** The stage name (`AS build`). */
  readonly stage?: string
  /** 1-based line of the FROM. */
  readonly line: number
}

/** Joins continued lines (a trailing backslash) and drops comments, keeping the first line numbers. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = []
  let current = ''
  let start = 0
  const lines = text.split(/\r?\n/)
  lines.forEach((raw, i) => {
    if (current === '' && /^\s*#/.test(raw)) return
    if (current === '') start = i + 1
    if (/\\\s*$/.test(raw)) {
      current += `${raw.replace(/\\\s*$/, '')} `
      return
    }
    current += raw
    if (current.trim() !== '') out.push({ text: current.trim(), line: start })
    current = ''
  })
  if (current.trim() !== '') out.push({ text: current.trim(), line: start })
  return out
}

/** `$NAME`, `${NAME}`, `${NAME:-default}` and `${NAME:+alternative}`, with `vars`; unknown names become ''. */
export function substitute(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
    const value = vars.get((braced ?? bare) as string)
    if (op === '-') return value ? value : (word as string)
    if (op === '+') return value ? (word as string) : ''
    return value ?? ''
  })
}

const UNQUOTE = (value: string) => value.replace(/^(['"])(.*)\1$/, '$2')

/**
 * The FROM lines of a Dockerfile, global ARGs substituted. `buildArgs` are the `--build-arg` values
 * the build gets: as in the builder, they replace the default of a global ARG the Dockerfile declares.
 */
export function parseFromLines(text: string, buildArgs: Readonly<Record<string, string>> = {}): FromLine[] {
  const globals = new Map<string, string>()
  const froms: FromLine[] = []
  for (const { text: instruction, line } of logicalLines(text)) {
    // Only ARG and FROM matter: other instructions (long RUN lines) are not split into words.
    if (!/^(?:arg|from)\s/i.test(instruction)) continue
    const [keyword = '', ...rest] = instruction.split(/\s+/)
    const upper = keyword.toUpperCase()
    if (upper === 'ARG' && froms.length === 0) {
      for (const decl of rest) {
        const eq = decl.indexOf('=')
        const name = eq === -1 ? decl : decl.slice(0, eq)
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue
        const given = Object.hasOwn(buildArgs, name) ? buildArgs[name] : undefined
        globals.set(
          name,
          given !== undefined ? given : eq === -1 ? (globals.get(name) ?? '') : substitute(UNQUOTE(decl.slice(eq + 1)), globals),
        )
      }
    } else if (upper === 'FROM') {
      const words = rest.filter((w) => !w.startsWith('--'))
      const raw = words[0] ?? ''
      const asIndex = words.findIndex((w) => w.toUpperCase() === 'AS')
      const arg = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(raw)
      froms.push({
        raw,
        image: substitute(raw, globals),
        ...(arg ? { arg: (arg[1] ?? arg[2]) as string } : {}),
        ...(asIndex > 0 && words[asIndex + 1] ? { stage: (words[asIndex + 1] as string).toLowerCase() } : {}),
        line,
      })
    }
  }
  return froms
}

/** `registry/name:tag@sha256:…` -> `registry/name`. */
export function repositoryOf(image: string): string {
  const noDigest = image.split('@')[0] ?? image
  const lastSlash = noDigest.lastIndexOf('/')
  const colon = noDigest.lastIndexOf(':')
  return colon > lastSlash ? noDigest.slice(0, colon) : noDigest
}
