import { describe, expect, it } from 'vitest'
import { canonicalRepository, explainPinnedImage, explainRegistryHost, explainRegistryPrefix } from '../../src/common/reference.js'

describe('explainRegistryPrefix', () => {
  it.each([
    'docker.io/acme',
    'registry.kaniko.svc:5000/team',
    'ghcr.io/acme/images',
    'localhost:5000',
    '127.0.0.1:5000/a',
    'quay.io/a_b/c-d',
    '[::1]:5000/team',
    '[fd00::1:2]/team',
    'registry.kaniko.svc:65535',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
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
    ['docker.io', 'no namespace'],
    ['index.docker.io', 'no namespace'],
    ['ghcr.io', 'no namespace'],
    ['quay.io', 'no namespace'],
    ['localhost:0/a', 'port 0'],
    ['localhost:65536/a', 'port 65536'],
    ['[1::2::3]/a', 'not an IPv6 address'],
    ['[1:2:3]/a', 'not an IPv6 address'],
  ])('refuses %j: %s', (value, reason) => {
    expect(explainRegistryPrefix(value)).toContain(reason)
  })
})

describe('explainRegistryHost', () => {
  it.each(['registry.kaniko.svc:5000', 'localhost', '127.0.0.1:1', '[::1]', '[::1]:5000', '[2001:db8::8a2e:370:7334]:443'])(
    'accepts %s',
    (host) => {
      expect(explainRegistryHost(host)).toBeUndefined()
    },
  )
  it.each([
    ['mirror', 'not a registry host'],
    ['http://mirror', 'not a registry host'],
    ['docker.io/acme', 'not a registry host'],
    ['Mirror.local', 'not a registry host'],
    ['mirror.local:', 'not a registry host'],
    ['mirror.local:0', 'has the port 0'],
    ['mirror.local:70000', 'has the port 70000'],
    ['[::1', 'not a registry host'],
    ['[1:2:3:4:5:6:7:8:9]', 'not an IPv6 address'],
  ])('refuses %j: %s', (host, reason) => {
    expect(explainRegistryHost(host)).toContain(reason)
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

describe('canonicalRepository: the repository a reference names, as the registry resolves it', () => {
  const digest = `sha256:${'c'.repeat(64)}`
  it.each([
    // Docker Hub: the shorthand, the official images' `library/`, and its other host names.
    ['ubuntu', 'docker.io/library/ubuntu'],
    ['ubuntu:24.04', 'docker.io/library/ubuntu'],
    ['library/ubuntu', 'docker.io/library/ubuntu'],
    ['docker.io/ubuntu', 'docker.io/library/ubuntu'],
    ['docker.io/library/ubuntu:24.04', 'docker.io/library/ubuntu'],
    ['acme/base', 'docker.io/acme/base'],
    ['acme/base:1.2', 'docker.io/acme/base'],
    ['docker.io/acme/base', 'docker.io/acme/base'],
    ['index.docker.io/acme/base', 'docker.io/acme/base'],
    ['index.docker.io/ubuntu', 'docker.io/library/ubuntu'],
    [`registry-1.docker.io/acme/base:1@${digest}`, 'docker.io/acme/base'],
    ['acme/team/base', 'docker.io/acme/team/base'],
    // Other registries: host as written (in lower case), tag and digest dropped.
    ['quay.io/jupyter/base:latest', 'quay.io/jupyter/base'],
    ['GHCR.io/acme/base', 'ghcr.io/acme/base'],
    [`registry:5000/team/base:1@${digest}`, 'registry:5000/team/base'],
    ['localhost/base', 'localhost/base'],
    ['localhost:5000/base:1', 'localhost:5000/base'],
    ['[::1]:5000/base', '[::1]:5000/base'],
    ['registry.kaniko.svc:5000/team/a_b.c--d', 'registry.kaniko.svc:5000/team/a_b.c--d'],
  ])('%s -> %s', (reference, expected) => {
    expect(canonicalRepository(reference)).toBe(expected)
  })

  it.each(['', '$BASE', 'quay.io/Jupyter/base', 'Ubuntu', '-x/y', 'quay.io//base', 'quay.io/base/'])('%j is no reference', (reference) => {
    expect(canonicalRepository(reference)).toBeUndefined()
  })

  it('spells the configured registry the same way', () => {
    expect(canonicalRepository('docker.io/acme/api')).toBe(canonicalRepository('acme/api'))
    expect(canonicalRepository('index.docker.io/acme/api')).toBe('docker.io/acme/api')
    expect(canonicalRepository('docker.io/api')).toBe(canonicalRepository('api'))
  })
})
