import { describe, expect, it } from 'vitest'
import { splitTaggedReference } from '../../src/common/reference.js'
import type { PreviousImage } from '../../src/plan/plan.js'
import { probeOf } from '../../src/registry/check.js'
import {
  chooseImages,
  durationText,
  nextPause,
  type Probe,
  parseDuration,
  pause,
  type WaitTarget,
  waitForImages,
} from '../../src/registry/wait.js'

const C1 = '1'.repeat(40)
const C0 = '0'.repeat(40)
const image = (name: string, commit: string, ref = `127.0.0.1:5000/team/${name}:t-${name}`): PreviousImage => ({
  name,
  dockerfile: `${name}/Dockerfile`,
  sha256: 'a'.repeat(64),
  effective: 'a'.repeat(64),
  commit,
  pod: `${name}-0123456789`,
  image: ref,
})

describe('parseDuration and durationText', () => {
  it('reads whole seconds, minutes and hours above 0, and writes them back', () => {
    expect(parseDuration('90s')).toBe(90_000)
    expect(parseDuration('30m')).toBe(1_800_000)
    expect(parseDuration('2h')).toBe(7_200_000)
    for (const bad of ['', '0s', '1', '1d', '1.5m', '-1s', ' 1s', '1S', '1234567s']) expect(parseDuration(bad)).toBeUndefined()
    expect([durationText(7_200_000), durationText(1_800_000), durationText(90_000)]).toEqual(['2h', '30m', '90s'])
  })
})

describe('nextPause', () => {
  it('starts at the interval and doubles up to 60 s, or keeps a longer interval', () => {
    const pauses: number[] = []
    let pause: number | undefined
    for (let i = 0; i < 6; i++) {
      pause = nextPause(pause, { intervalMs: 10_000, maxIntervalMs: 60_000 })
      pauses.push(pause)
    }
    expect(pauses).toEqual([10_000, 20_000, 40_000, 60_000, 60_000, 60_000])
    expect(
      nextPause(nextPause(undefined, { intervalMs: 120_000, maxIntervalMs: 60_000 }), { intervalMs: 120_000, maxIntervalMs: 60_000 }),
    ).toBe(120_000)
  })
})

describe('chooseImages', () => {
  const images = [image('web', C1), image('api', C1), image('db', C0)]

  it('by default, the images whose Pod pins the commit (what it built or forced), by name', () => {
    expect(chooseImages(images, [], C1).map((i) => i.name)).toEqual(['api', 'web'])
  })

  it('the named ones, whatever commit they pin; an unknown name is an input error listing the known ones', () => {
    expect(chooseImages(images, ['db'], C1).map((t) => t.name)).toEqual(['db'])
    expect(() => chooseImages(images, ['db', 'nope'], C1)).toThrow(
      "Input 'wait-images' has the value 'db,nope': 'nope' not in the manifest; expected some of: api, db, web.",
    )
  })

  it('refuses a hand-edited Pod whose name is no label', () => {
    expect(() => chooseImages([image('$(id)', C1)], [], C1)).toThrow('not a DNS-1123 label')
  })
})

describe('splitTaggedReference and probeOf', () => {
  it('splits a tagged reference only, and reads the decision words', () => {
    expect(splitTaggedReference('[::1]:5000/team/api:v1')).toEqual({ repository: '[::1]:5000/team/api', tag: 'v1' })
    expect(splitTaggedReference('team/api')).toBeUndefined()
    expect(splitTaggedReference('team/api:v1; rm -rf /')).toBeUndefined()
    const digest = `sha256:${'c'.repeat(64)}`
    expect(probeOf(`skip ${digest}\n`)).toEqual({ status: 'present', digest })
    expect(probeOf('skip unknown')).toEqual({ status: 'present' })
    expect(probeOf('build missing')).toEqual({ status: 'missing', detail: 'not in the registry' })
    expect(probeOf('build refused')).toEqual({ status: 'refused', detail: 'the registry refused the credentials' })
    expect(probeOf('build older')).toMatchObject({ status: 'missing', detail: expect.stringContaining('an older build') })
    expect(probeOf('what')).toBeUndefined()
  })
})

/** A clock that moves only when the wait pauses or a check takes time. */
function fakeClock() {
  let now = 0
  const pauses: number[] = []
  return {
    pauses,
    advance: (ms: number) => {
      now += ms
    },
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        pauses.push(ms)
        now += ms
      },
    },
  }
}

const OPTIONS = { timeoutMs: 0, intervalMs: 10_000, maxIntervalMs: 60_000, parallel: 8, minLookMs: 5000 }

const targets: WaitTarget[] = [
  { name: 'api', reference: 'r/api:1', repository: 'r/api', tag: '1' },
  { name: 'web', reference: 'r/web:1', repository: 'r/web', tag: '1' },
]

describe('waitForImages', () => {
  it('asks again for what is missing until all are present, reporting each change and the time each took', async () => {
    const time = fakeClock()
    const answers: Record<string, Probe[]> = {
      api: [{ status: 'missing' }, { status: 'present', digest: 'sha256:a' }],
      web: [{ status: 'unreachable' }, { status: 'refused' }, { status: 'present', digest: 'sha256:w' }],
    }
    const asked: string[] = []
    const reports: string[][] = []
    const waited = await waitForImages(
      targets,
      async (t) => {
        asked.push(t.name)
        return answers[t.name]?.shift() ?? { status: 'missing' }
      },
      { ...OPTIONS, timeoutMs: 600_000 },
      time.clock,
      (images) => {
        reports.push(images.map((i) => `${i.name}:${i.status}`))
      },
    )
    expect(waited.result).toBe('ready')
    expect(asked).toEqual(['api', 'web', 'api', 'web', 'web'])
    expect(time.pauses).toEqual([10_000, 20_000])
    expect(waited.images).toEqual([
      { name: 'api', reference: 'r/api:1', status: 'present', digest: 'sha256:a', seconds: 10 },
      { name: 'web', reference: 'r/web:1', status: 'present', digest: 'sha256:w', seconds: 30 },
    ])
    expect(reports).toEqual([
      ['api:missing', 'web:unreachable'],
      ['api:present', 'web:refused'],
      ['api:present', 'web:present'],
    ])
  })

  it('times out with the last answers, the last look at the deadline', async () => {
    const time = fakeClock()
    const waited = await waitForImages(
      targets,
      async (t) => (t.name === 'api' ? { status: 'present' } : { status: 'missing' }),
      { ...OPTIONS, timeoutMs: 25_000 },
      time.clock,
    )
    expect(waited.result).toBe('timed-out')
    expect(time.pauses).toEqual([10_000, 15_000])
    expect(waited.images.map((i) => i.status)).toEqual(['present', 'missing'])
  })

  it('is ready at once with nothing to wait for', async () => {
    const time = fakeClock()
    expect(
      await waitForImages(
        [],
        async () => ({ status: 'missing' }),
        { ...OPTIONS, timeoutMs: 1000, intervalMs: 1000, maxIntervalMs: 1000 },
        time.clock,
      ),
    ).toEqual({ result: 'ready', images: [] })
    expect(time.pauses).toEqual([])
  })
})

describe('waitForImages: bounded by the deadline', () => {
  it('gives each check the time left, and makes none there is no second left for', async () => {
    const time = fakeClock()
    const budgets: [string, number][] = []
    const three = [...targets, { name: 'db', reference: 'r/db:1', repository: 'r/db', tag: '1' }]
    // A registry that takes 6 s per answer: the third check would start at the deadline.
    const waited = await waitForImages(
      three,
      async (t, budget) => {
        budgets.push([t.name, budget])
        time.advance(6000)
        return { status: 'missing' }
      },
      { ...OPTIONS, timeoutMs: 12_000, parallel: 1 },
      time.clock,
    )
    expect(waited.result).toBe('timed-out')
    expect(budgets).toEqual([
      ['api', 12_000],
      ['web', 6000],
    ])
    expect(time.clock.now()).toBe(12_000)
  })

  it('gives the look at the deadline minLookMs', async () => {
    const time = fakeClock()
    const budgets: number[] = []
    await waitForImages(
      targets.slice(0, 1),
      async (_t, budget) => {
        budgets.push(budget)
        return { status: 'missing' }
      },
      { ...OPTIONS, timeoutMs: 10_000, intervalMs: 10_000 },
      time.clock,
    )
    expect(budgets).toEqual([10_000, 5000])
  })

  it('makes no other look after one that ended within a second of the deadline', async () => {
    const time = fakeClock()
    const budgets: number[] = []
    const waited = await waitForImages(
      targets.slice(0, 1),
      async (_t, budget) => {
        budgets.push(budget)
        time.advance(9500)
        return { status: 'missing' }
      },
      { ...OPTIONS, timeoutMs: 10_000 },
      time.clock,
    )
    expect(waited.result).toBe('timed-out')
    expect(budgets).toEqual([10_000])
    expect(time.pauses).toEqual([])
  })

  it('runs at most `parallel` checks at once', async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ name: `i${i}`, reference: `r/i${i}:1`, repository: `r/i${i}`, tag: '1' }))
    let running = 0
    let most = 0
    const waited = await waitForImages(
      many,
      async () => {
        running++
        most = Math.max(most, running)
        await new Promise((resolve) => setTimeout(resolve, 5))
        running--
        return { status: 'present' }
      },
      { ...OPTIONS, timeoutMs: 60_000 },
      { now: () => Date.now(), sleep: async () => undefined },
    )
    expect(waited.result).toBe('ready')
    expect(most).toBe(8)
  })
})

describe('pause', () => {
  it('waits past the longest timer Node keeps instead of firing at once', async () => {
    const stop = new AbortController()
    const long = pause(2 ** 31 + 1000, stop.signal).then(
      () => 'ended',
      () => 'stopped',
    )
    const first = await Promise.race([long, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 200))])
    stop.abort()
    expect(first).toBe('still waiting')
    expect(await long).toBe('stopped')
    const started = Date.now()
    await pause(30)
    expect(Date.now() - started).toBeGreaterThanOrEqual(25)
  })
})
