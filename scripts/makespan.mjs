// A model of how long a set of build Pods takes under each ordering, and what one failed build holds
// up. Every Pod is applied at once and the cluster runs every build that may start (no slot limit).
//   registry:   an image starts when its own parents finished (its check polls the registry).
//   sync-waves: a wave starts when every Pod of the earlier waves finished (ArgoCD).

/**
 * @typedef {{ parents: readonly string[], wave: number, minutes: number }} ModelImage
 * @typedef {{ makespan: number, starts: Map<string, number>, waitingPodMinutes: number }} Schedule
 */

/**
 * When each image starts, when the last one ends, and the Pod-minutes children spend created but
 * waiting for their parents (registry ordering only: under sync waves a later wave is not created yet).
 * @param {Record<string, ModelImage>} images by name
 * @param {'registry' | 'sync-waves'} ordering
 * @returns {Schedule}
 */
export function schedule(images, ordering) {
  const starts = new Map()
  const ends = new Map()
  if (ordering === 'registry') {
    const end = (name) => {
      if (!ends.has(name)) {
        const start = Math.max(0, ...images[name].parents.map(end))
        starts.set(name, start)
        ends.set(name, start + images[name].minutes)
      }
      return ends.get(name)
    }
    for (const name of Object.keys(images)) end(name)
  } else {
    let waveStart = 0
    for (const wave of [...new Set(Object.values(images).map((i) => i.wave))].sort((a, b) => a - b)) {
      const members = Object.keys(images).filter((name) => images[name].wave === wave)
      for (const name of members) starts.set(name, waveStart)
      waveStart += Math.max(...members.map((name) => images[name].minutes))
    }
    for (const [name, start] of starts) ends.set(name, start + images[name].minutes)
  }
  const waitingPodMinutes = ordering === 'registry' ? [...starts.values()].reduce((sum, start) => sum + start, 0) : 0
  return { makespan: Math.max(0, ...ends.values()), starts, waitingPodMinutes }
}

/**
 * The images a failed build of `failed` keeps from being built, sorted: under registry ordering its
 * descendants (they wait for it until parent-timeout, then fail); under sync waves every image of a
 * later wave (the sync stops at the failed wave).
 * @param {Record<string, ModelImage>} images
 * @param {'registry' | 'sync-waves'} ordering
 * @param {string} failed
 * @returns {string[]}
 */
export function blockedBy(images, ordering, failed) {
  if (ordering === 'sync-waves') {
    return Object.keys(images)
      .filter((name) => images[name].wave > images[failed].wave)
      .sort()
  }
  const blocked = new Set()
  const descends = (name) => images[name].parents.some((parent) => parent === failed || descends(parent))
  for (const name of Object.keys(images)) if (descends(name)) blocked.add(name)
  return [...blocked].sort()
}
