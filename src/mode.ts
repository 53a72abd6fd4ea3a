import { InputError, type Mode } from './settings.js'

export interface ResolvedMode {
  readonly mode: 'render'
  /** Why this mode, for the log. */
  readonly reason: string
}

/** Turns the `mode` input and the event into what this run does. */
export function resolveMode(mode: Mode, eventName: string): ResolvedMode {
  if (mode === 'commit' || mode === 'diff') {
    throw new InputError(`Input 'mode' has the value '${mode}': this version of kaniko-gitops can only render; expected render or auto.`)
  }
  if (mode === 'render') return { mode, reason: 'mode: render' }
  return {
    mode: 'render',
    reason: `mode: auto on the '${eventName || 'unknown'}' event renders the manifest and commits nothing`,
  }
}
