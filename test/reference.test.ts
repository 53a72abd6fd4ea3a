import { describe, expect, it } from 'vitest'
import { explainPinnedImage, explainRegistryPrefix } from '../src/reference.js'

describe('explainRegistryPrefix', () => {
  it.each([
    'docker.io/acme',
    'registry.kaniko.svc:5000/team',
    'ghcr.io/acme/images',
    'localhost:5000',
    '127.0.0.1:5000/a',
    'quay.io/a_b/c-d',
  ])('accepts %s', (value) => {
    expect(explainRegistryPrefix(value)).toBeUndefined()
  })
  it.each([
    ['', 'empty'],
    ['docker.io/ acme', 'white space'],
    ['https://docker.io/acme', 'URL scheme'],
    ['docker.io/acme/', 'ends with a slash'],
    ['docker.io//acme', "'//'"],
    ['Docker.io/Acme', 'upper-case'],
    ['acme', "'acme' is not a registry host"],
    ['docker.io/-acme', 'path components'],
    ['docker.io/acme:tag', 'path components'],
  ])('refuses %j: %s', (value, reason) => {
    expect(explainRegistryPrefix(value)).toContain(reason)
  })
})

describe('explainPinnedImage', () => {
  it.each([
    'ghcr.io/osscontainertools/kaniko:v1.28.0-debug',
    'quay.io/skopeo/stable:v1.22.2',
    `quay.io/skopeo/stable@sha256:${'a'.repeat(64)}`,
    `busybox:1.37@sha256:${'b'.repeat(64)}`,
  ])('accepts %s', (value) => {
    expect(explainPinnedImage(value)).toBeUndefined()
  })
  it.each([
    ['quay.io/skopeo/stable', 'neither a tag nor a digest'],
    ['quay.io/skopeo/stable:latest', "'latest'"],
    ['Quay.io/Skopeo:v1', 'not an image reference'],
    ['', 'empty'],
  ])('refuses %j', (value, reason) => {
    expect(explainPinnedImage(value)).toContain(reason)
  })
})
