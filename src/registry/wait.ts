/**
 * mode: wait, without the runner: which images to wait for, and the polling loop. Asking the registry
 * is the caller's (`check`, see check.ts), and so are the clock and the pauses, so tests drive them.
 */
import { InputError } from '../common/errors.js'
import { visible } from '../common/inert.js'
import { isDns1123Label } from '../common/names.js'
import { splitTaggedReference } from '../common/reference.js'
import type { PreviousImage } from '../plan/plan.js'

/** What the registry answered for one reference; `present` is the only final one. */
export type ImageState = 'present' | 'missing' | 'refused' | 'unreachable'

export interface WaitTarget {
  readonly name: string
  /** `<repository>:<tag>`, as the Pod's check asks for it. */
  readonly reference: string
  readonly repository: string
  readonly tag: string
}

export interface Probe {
  readonly status: ImageState
  readonly digest?: string
  /** The check's last log line, for the log. */
  readonly detail?: string
}

export interface WaitedImage {
  readonly name: string
  readonly reference: string
  readonly status: ImageState
  readonly digest?: string
  /** Seconds from the start of the wait until the image was seen (when present). */
  readonly seconds?: number
}

export interface WaitOptions {
  readonly timeoutMs: number
  /** The first pause; each pause doubles up to `maxIntervalMs`. */
  readonly intervalMs: number
  readonly maxIntervalMs: number
}

export interface WaitClock {
  now(): number
  sleep(ms: number): Promise<void>
}

/** Pauses longer than this are not made by doubling (a longer `wait-interval` is kept as it is). */
export const MAX_INTERVAL_MS = 60_000

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 }

/** `90s`, `30m`, `2h` in milliseconds; undefined for anything else (0 included). */
export function parseDuration(text: string): number | undefined {
  const match = /^([0-9]{1,6})([smh])$/.exec(text)
  if (!match) return undefined
  const ms = Number(match[1]) * (UNITS[match[2] as string] as number)
  return ms > 0 ? ms : undefined
}

/** A duration as the inputs write it: `2h`, `30m`, `90s`. */
export function durationText(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`
  if (ms % 60_000 === 0) return `${ms / 60_000}m`
  return `${Math.round(ms / 1000)}s`
}

/**
 * The images to wait for, from the manifest's Pods: those named in `names`, or else those whose Pod
 * pins `commit` (a Pod keeps the commit of its last build, so these are what that commit built or forced).
 */
export function selectTargets(images: Iterable<PreviousImage>, names: readonly string[], commit: string): WaitTarget[] {
  const all = [...images].filter((image) => image.image !== '')
  const badName = all.find((image) => !isDns1123Label(image.name))
  if (badName) throw new Error(`The manifest has a Pod whose image name is not a DNS-1123 label: '${visible(badName.name)}'.`)
  const known = new Set(all.map((image) => image.name))
  const unknown = names.filter((name) => !known.has(name))
  if (unknown.length > 0) {
    throw new InputError(
      `Input 'wait-images' has the value '${names.join(',')}': ${unknown.map((n) => `'${n}'`).join(', ')} not in the manifest; expected some of: ${[...known].sort().join(', ')}.`,
    )
  }
  const chosen = names.length > 0 ? all.filter((image) => names.includes(image.name)) : all.filter((image) => image.commit === commit)
  return chosen
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((image) => {
      const parts = splitTaggedReference(image.image)
      if (parts === undefined)
        throw new Error(`The manifest's Pod of '${image.name}' has no image reference with a tag: '${visible(image.image)}'.`)
      return { name: image.name, reference: image.image, ...parts }
    })
}

/** The pause before each look after the first: `intervalMs`, doubling up to the larger of it and `maxIntervalMs`. */
export function nextPause(previous: number | undefined, options: Pick<WaitOptions, 'intervalMs' | 'maxIntervalMs'>): number {
  if (previous === undefined) return options.intervalMs
  return Math.min(previous * 2, Math.max(options.maxIntervalMs, options.intervalMs))
}

/**
 * Asks for every image not yet present, pauses, and asks again, until all are present or the time is
 * up (the last look is made at the deadline). `onChange` hears each round that changed an answer.
 */
export async function waitForImages(
  targets: readonly WaitTarget[],
  check: (target: WaitTarget) => Promise<Probe>,
  options: WaitOptions,
  clock: WaitClock,
  onChange: (images: readonly WaitedImage[]) => Promise<void> | void = () => undefined,
): Promise<{ result: 'ready' | 'timed-out'; images: WaitedImage[] }> {
  const start = clock.now()
  const deadline = start + options.timeoutMs
  let images: WaitedImage[] = targets.map((t) => ({ name: t.name, reference: t.reference, status: 'missing' }))
  let pause: number | undefined
  let first = true
  for (;;) {
    let changed = first
    first = false
    const round: WaitedImage[] = []
    for (const [i, image] of images.entries()) {
      if (image.status === 'present') {
        round.push(image)
        continue
      }
      const probe = await check(targets[i] as WaitTarget)
      const seconds = Math.round((clock.now() - start) / 1000)
      const next: WaitedImage = { name: image.name, reference: image.reference, status: probe.status }
      round.push(probe.status === 'present' ? { ...next, ...(probe.digest ? { digest: probe.digest } : {}), seconds } : next)
      if (probe.status !== image.status) changed = true
    }
    images = round
    if (changed) await onChange(images)
    if (images.every((image) => image.status === 'present')) return { result: 'ready', images }
    const left = deadline - clock.now()
    if (left <= 0) return { result: 'timed-out', images }
    pause = nextPause(pause, options)
    await clock.sleep(Math.min(pause, left))
  }
}
