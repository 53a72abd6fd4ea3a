import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain JavaScript bench script without types
import { blockedBy, schedule } from '../scripts/makespan.mjs'

// a (1 min) -> b (5), a -> c (1) -> d (1): by hand, with every Pod applied at once,
//   registry:   a 0-1, b 1-6, c 1-2, d 2-3: done at 6; b, c wait 1 min each and d 2 (4 Pod-minutes).
//   sync-waves: wave 0 (a) 0-1, wave 1 (b, c) 1-6, wave 2 (d) 6-7: done at 7, d behind the slow b.
const TINY = {
  a: { parents: [], wave: 0, minutes: 1 },
  b: { parents: ['a'], wave: 1, minutes: 5 },
  c: { parents: ['a'], wave: 1, minutes: 1 },
  d: { parents: ['c'], wave: 2, minutes: 1 },
}

describe('the makespan model of the bench', () => {
  it('starts an image after its own parents (registry) or after every earlier wave (sync waves)', () => {
    const registry = schedule(TINY, 'registry')
    expect(registry.makespan).toBe(6)
    expect(Object.fromEntries(registry.starts)).toEqual({ a: 0, b: 1, c: 1, d: 2 })
    expect(registry.waitingPodMinutes).toBe(4)
    const waves = schedule(TINY, 'sync-waves')
    expect(waves.makespan).toBe(7)
    expect(Object.fromEntries(waves.starts)).toEqual({ a: 0, b: 1, c: 1, d: 6 })
    expect(waves.waitingPodMinutes).toBe(0)
  })

  it('blocks the descendants of a failed build (registry), or every later wave (sync waves)', () => {
    expect(blockedBy(TINY, 'registry', 'b')).toEqual([])
    expect(blockedBy(TINY, 'sync-waves', 'b')).toEqual(['d'])
    expect(blockedBy(TINY, 'registry', 'c')).toEqual(['d'])
    expect(blockedBy(TINY, 'registry', 'a')).toEqual(['b', 'c', 'd'])
    expect(blockedBy(TINY, 'sync-waves', 'a')).toEqual(['b', 'c', 'd'])
    expect(blockedBy(TINY, 'sync-waves', 'd')).toEqual([])
  })
})
