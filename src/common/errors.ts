/** An error's message followed by the messages of its causes: `cannot read 'x': EACCES: ...`. */
export function describeError(error: unknown): string {
  const parts: string[] = []
  let current: unknown = error
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    if (current instanceof Error) {
      parts.push(current.message)
      current = current.cause
    } else {
      parts.push(String(current))
      break
    }
  }
  return parts.join(': ')
}

/** A place in a file, 1-based. */
export interface SourceLocation {
  readonly line: number
  readonly column: number
}

/** Raised for a bad input; `main` reports its message as is, as an annotation on `location` when known. */
export class InputError extends Error {
  override name = 'InputError'
  /** The file (workspace-relative) and place the error is about, for the annotation. */
  readonly location?: SourceLocation & { readonly file: string }

  constructor(message: string, options: { location?: SourceLocation & { file: string } } = {}) {
    super(message)
    if (options.location) this.location = options.location
  }
}
