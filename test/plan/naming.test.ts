import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { isDns1123Label, limitName, MAX_IMAGE_NAME_LENGTH, normalizeName } from '../../src/common/names.js'
import { assignImageNames, distinctImageName, fileVariant } from '../../src/plan/naming.js'

describe('normalizeName', () => {
  it.each([
    ['API', 'api'],
    ['my service', 'my-service'],
    ['Crème Brûlée', 'creme-brulee'],
    ['a__b..c', 'a-b-c'],
    ['--x--', 'x'],
    ['日本', ''],
    ['v1.2', 'v1-2'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected)
  })
})

describe('fileVariant', () => {
  it.each([
    ['Dockerfile', ''],
    ['dockerfile', ''],
    ['Containerfile', ''],
    ['Dockerfile.dev', 'dev'],
    ['worker.Dockerfile', 'worker'],
    ['migrate.dockerfile', 'migrate'],
    ['Build.containerfile', 'Build'],
  ])('%s -> %j', (file, expected) => {
    expect(fileVariant(file)).toBe(expected)
  })
})

describe('assignImageNames', () => {
  const names = (paths: string[], root = 'shop') => Object.fromEntries(assignImageNames(paths, root))

  it('names an image after its folder and file variant', () => {
    expect(names(['services/api/Dockerfile', 'services/api/Dockerfile.dev', 'jobs/db/migrate.dockerfile', 'Dockerfile'])).toEqual({
      Dockerfile: 'shop',
      'jobs/db/migrate.dockerfile': 'db-migrate',
      'services/api/Dockerfile': 'api',
      'services/api/Dockerfile.dev': 'api-dev',
    })
  })

  it('tells folders of the same name apart by their parents', () => {
    expect(names(['images/a/cuda/Dockerfile', 'images/b/cuda/Dockerfile', 'other/Dockerfile'])).toEqual({
      'images/a/cuda/Dockerfile': 'a-cuda',
      'images/b/cuda/Dockerfile': 'b-cuda',
      'other/Dockerfile': 'other',
    })
  })

  it('climbs as far as needed and only for the colliding names', () => {
    expect(names(['x/a/cuda/Dockerfile', 'y/a/cuda/Dockerfile', 'z/cuda2/Dockerfile'])).toEqual({
      'x/a/cuda/Dockerfile': 'x-a-cuda',
      'y/a/cuda/Dockerfile': 'y-a-cuda',
      'z/cuda2/Dockerfile': 'cuda2',
    })
  })

  it('adds a path hash when folders cannot tell two names apart', () => {
    const result = names(['My App/Dockerfile', 'my-app/Dockerfile'])
    expect(new Set(Object.values(result)).size).toBe(2)
    for (const name of Object.values(result)) expect(name).toMatch(/^my-app-[0-9a-f]{6}$/)
  })

  it('resolves a collision with a name made by climbing', () => {
    const result = names(['a/cuda/Dockerfile', 'b/cuda/Dockerfile', 'a-cuda/Dockerfile'])
    expect(new Set(Object.values(result)).size).toBe(3)
  })

  it('gives the same names whatever the order of the paths', () => {
    const paths = ['b/cuda/Dockerfile', 'a/cuda/Dockerfile', 'x/Dockerfile', 'X/Dockerfile']
    expect(names(paths)).toEqual(names([...paths].reverse()))
  })

  it('keeps every name a DNS-1123 label short enough for a Pod name suffix', () => {
    const long = `${'very-long-folder-name/'.repeat(8)}Dockerfile`
    const weird = ['ÜBER/Dockerfile', '日本/Dockerfile', `${'x'.repeat(80)}/Dockerfile`, long, '-/Dockerfile', 'a b/c d.Dockerfile']
    for (const name of assignImageNames(weird, 'Repo').values()) {
      expect(isDns1123Label(name), name).toBe(true)
      expect(name.length).toBeLessThanOrEqual(MAX_IMAGE_NAME_LENGTH)
    }
  })

  it('uses the repository name for a root Dockerfile, and image when nothing is left of it', () => {
    expect(names(['Dockerfile'], '')).toEqual({ Dockerfile: 'image' })
    expect(names(['Dockerfile'], 'Shop')).toEqual({ Dockerfile: 'shop' })
    expect(names(['Dockerfile'], '日本')).toEqual({ Dockerfile: 'image' })
  })

  // Otherwise such a folder would take the repository's name, which collides with the root image's
  // and would push a hash suffix onto both.
  it('names a folder with no Latin letter or digit after a hash of its name, not after the repository', () => {
    const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 6)
    expect(names(['Dockerfile', 'services/сервис/Dockerfile', '服务/Dockerfile', '日本/Dockerfile.dev'])).toEqual({
      Dockerfile: 'shop',
      'services/сервис/Dockerfile': `img-${hash('сервис')}`,
      '服务/Dockerfile': `img-${hash('服务')}`,
      '日本/Dockerfile.dev': `img-${hash('日本')}-dev`,
    })
    // Two such folders of the same name take in their parents, as any other.
    expect(names(['a/сервис/Dockerfile', 'b/сервис/Dockerfile'])).toEqual({
      'a/сервис/Dockerfile': `a-img-${hash('сервис')}`,
      'b/сервис/Dockerfile': `b-img-${hash('сервис')}`,
    })
    // So does a file variant.
    expect(names(['api/Dockerfile', 'api/日本.Dockerfile'])).toEqual({
      'api/Dockerfile': 'api',
      'api/日本.Dockerfile': `api-img-${hash('日本')}`,
    })
  })
})

describe('distinctImageName', () => {
  it('takes in parent folders until the name is free, then a hash of the path, longer while that is taken', () => {
    const taken = new Set(['api', 'services-api'])
    expect(distinctImageName('x/services/api/Dockerfile', 'shop', (n) => taken.has(n))).toBe('x-services-api')
    taken.add('x-services-api')
    const hashed = distinctImageName('x/services/api/Dockerfile', 'shop', (n) => taken.has(n))
    expect(hashed).toMatch(/^x-services-api-[0-9a-f]{6}$/)
    taken.add(hashed)
    expect(distinctImageName('x/services/api/Dockerfile', 'shop', (n) => taken.has(n))).toMatch(/^x-services-api-[0-9a-f]{8}$/)
    expect(distinctImageName('Dockerfile', 'shop', (n) => n === 'shop')).toMatch(/^shop-[0-9a-f]{6}$/)
    expect(() => distinctImageName('api/Dockerfile', 'shop', () => true)).toThrow(/every name derived from 'api\/Dockerfile' is taken/)
  })
})

describe('limitName', () => {
  it('keeps short names and shortens long ones uniquely', () => {
    expect(limitName('short')).toBe('short')
    const a = limitName(`${'a'.repeat(60)}-one`)
    const b = limitName(`${'a'.repeat(60)}-two`)
    expect(a).not.toBe(b)
    expect(a.length).toBeLessThanOrEqual(MAX_IMAGE_NAME_LENGTH)
    expect(isDns1123Label(a)).toBe(true)
  })
})
