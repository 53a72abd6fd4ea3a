import { describe, expect, it } from 'vitest'
import {
  assignImageNames,
  distinctImageName,
  fileVariant,
  isDns1123Label,
  limitName,
  MAX_IMAGE_NAME_LENGTH,
  normalizeName,
} from '../src/naming.js'

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

  it('uses the repository name for a root Dockerfile and image when nothing is left', () => {
    expect(names(['Dockerfile'], '')).toEqual({ Dockerfile: 'image' })
    expect(names(['日本/Dockerfile'], 'Shop')).toEqual({ '日本/Dockerfile': 'shop' })
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
