/**
 * mode: wait, without the runner: which images to wait for, and the polling loop. Asking the registry
 * is the caller's (`check`, see check.ts), and so are the clock and the pauses, so tests drive them.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { InputError } from '../common/errors.js'
import { visible } from '../common/inert.js'
import { isDns1123Label } from '../common/names.js'
import type { PreviousImage } from '../plan/plan.js'

/** What the registry answered for one reference; `present` is the only final one. */
export type ImageState = 'present' | 'missing' | 'refused' | 'unreachable'

export interface WaitTarget {
  readonly name: string
  /** `<repository>:<tag>`, as the Pod's check asks for it. */
  readonly reference: string
  readonly repository: string
  readonly tag: string
  /** A forced Pod's `kaniko-gitops/forced`: the image counts only with the label of that run's build. */
  readonly forceNonce?: string
}

export interface Probe {
  readonly status: ImageState
  readonly digest?: string
  /** Why the image is not there (yet), for the log. */
  readonly detail?: string
}

export interface WaitedImage {
  readonly name: string
  readonly reference: string
  readonly status: ImageState
  readonly digest?: string
  /** Seconds from the start of the wait until the image was seen (when present). */
  readonly seconds?: number
  /** Why it is not there (yet), when it is not. */
  readonly detail?: string
}

export interface WaitOptions {
  readonly timeoutMs: number
  /** The first pause; each pause doubles up to `maxIntervalMs`. */
  readonly intervalMs: number
  readonly maxIntervalMs: number
  /** Checks run at once. */
  readonly parallel: number
  /** The least time a look gets, the last one at the deadline too: the wait ends at most this late. */
  readonly minLookMs: number
}

export interface WaitClock {
  now(): number
  sleep(ms: number): Promise<void>
}

/** Pauses longer than this are not made by doubling (a longer `wait-interval` is kept as it is). */
export const MAX_INTERVAL_MS = 60_000

/** The longest `wait-timeout` and `wait-interval`: a job on a GitHub-hosted runner runs at most 6 hours. */
export const MAX_WAIT_MS = 6 * 3_600_000

/** The longest timer Node keeps: a longer one fires at once (after 1 ms). */
const MAX_TIMER_MS = 2 ** 31 - 1

/** Waits `ms`, in timers Node can keep however long it is. */
export async function pause(ms: number, signal?: AbortSignal): Promise<void> {
  for (let left = ms; left > 0; left -= MAX_TIMER_MS) await sleep(Math.min(left, MAX_TIMER_MS), undefined, signal ? { signal } : {})
}

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
 * pins `commit` (a Pod keeps the commit of its last build, so these are what that commit built or
 * forced), by name. Their references are checked against their Pods after (see pod-facts.ts).
 */
export function chooseImages(images: Iterable<PreviousImage>, names: readonly string[], commit: string): PreviousImage[] {
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
  return chosen.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

/** The pause before each look after the first: `intervalMs`, doubling up to the larger of it and `maxIntervalMs`. */
export function nextPause(previous: number | undefined, options: Pick<WaitOptions, 'intervalMs' | 'maxIntervalMs'>): number {
  if (previous === undefined) return options.intervalMs
  return Math.min(previous * 2, Math.max(options.maxIntervalMs, options.intervalMs))
}

/** Runs `work` on each item, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/**
 * One look at every image not yet present, `parallel` at a time, each check given the time left until
 * `end`; a check there is no second left for is not made (the last answer stands). True when an answer changed.
 */
async function look(
  images: WaitedImage[],
  targets: readonly WaitTarget[],
  check: (target: WaitTarget, budgetMs: number) => Promise<Probe>,
  times: { start: number; end: number; parallel: number },
  clock: WaitClock,
): Promise<boolean> {
  let changed = false
  const waiting = [...images.keys()].filter((i) => images[i]?.status !== 'present')
  await eachLimited(waiting, times.parallel, async (i) => {
    const budget = times.end - clock.now()
    const image = images[i] as WaitedImage
    if (budget < 1000) return
    const probe = await check(targets[i] as WaitTarget, budget)
    const next: WaitedImage = { name: image.name, reference: image.reference, status: probe.status }
    if (probe.status === 'present') {
      const seconds = Math.round((clock.now() - times.start) / 1000)
      images[i] = { ...next, ...(probe.digest ? { digest: probe.digest } : {}), seconds }
    } else images[i] = probe.detail ? { ...next, detail: probe.detail } : next
    if (probe.status !== image.status || probe.detail !== image.detail) changed = true
  })
  return changed
}

/**
 * Asks for every image not yet present, pauses, and asks again, until all are present or the time is
 * up (the last look is made at the deadline, or ends within a second of it, and is given at least
 * `minLookMs`). `onChange` hears each
 * round that changed an answer or its reason.
 */
export async function waitForImages(
  targets: readonly WaitTarget[],
  check: (target: WaitTarget, budgetMs: number) => Promise<Probe>,
  options: WaitOptions,
  clock: WaitClock,
  onChange: (images: readonly WaitedImage[]) => Promise<void> | void = () => undefined,
): Promise<{ result: 'ready' | 'timed-out'; images: WaitedImage[] }> {
  const start = clock.now()
  const deadline = start + options.timeoutMs
  const images: WaitedImage[] = targets.map((t) => ({ name: t.name, reference: t.reference, status: 'missing' }))
  let wait: number | undefined
  let first = true
  for (;;) {
    const end = Math.max(deadline, clock.now() + options.minLookMs)
    const changed = await look(images, targets, check, { start, end, parallel: options.parallel }, clock)
    if (changed || first) await onChange([...images])
    first = false
    if (images.every((image) => image.status === 'present')) return { result: 'ready', images }
    const left = deadline - clock.now()
    // A look that ended within a second of the deadline was the last: another would only overrun it.
    if (left < 1000) return { result: 'timed-out', images }
    wait = nextPause(wait, options)
    await clock.sleep(Math.min(wait, left))
  }
}
