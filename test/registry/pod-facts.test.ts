import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readPreviousManifest } from '../../src/manifest/previous.js'
import { DIGEST_PREFIX } from '../../src/manifest/yaml.js'
import { checkedTargets } from '../../src/registry/pod-facts.js'
import { chooseImages } from '../../src/registry/wait.js'
import { renderIn } from '../support/render.js'
import { tempTrees } from '../support/repo.js'

const { tree: repo } = tempTrees()
const REGISTRY = 'registry.example.com/acme'
const FILES = { 'services/api/Dockerfile': 'FROM alpine:3.20\n', 'services/web/Dockerfile': 'FROM nginx:1.27\n' }

/** A rendered manifest (api forced by run 4242), as the wait reads it. */
async function rendered(): Promise<string> {
  const dir = repo(FILES)
  await renderIn(dir, { 'force-images': 'api' }, { GITHUB_RUN_ID: '4242', GITHUB_EVENT_NAME: 'workflow_dispatch' })
  return readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8')
}

async function targetsOf(text: string, registry = REGISTRY) {
  const manifest = await readPreviousManifest(text)
  return checkedTargets(chooseImages(manifest.images.values(), ['api', 'web'], ''), () => manifest.text, registry)
}

/** The file with its digest line made again, so that it passes for the action's own. */
function redigested(text: string): string {
  const bodyAt = text.indexOf('\n---\n') + 1
  const digest = createHash('sha256').update(text.slice(bodyAt)).digest('hex')
  return text.replace(new RegExp(`^${DIGEST_PREFIX.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9a-f]{64}$`, 'm'), `${DIGEST_PREFIX}${digest}`)
}

describe('checkedTargets', () => {
  it("takes each reference from a Pod that agrees with the registry input, and a forced Pod's nonce", async () => {
    const targets = await targetsOf(await rendered())
    expect(targets.map((t) => [t.name, t.repository, t.forceNonce])).toEqual([
      ['api', `${REGISTRY}/api`, '4242-1'],
      ['web', `${REGISTRY}/web`, undefined],
    ])
    for (const t of targets) expect(t.reference).toBe(`${t.repository}:${t.tag}`)
  })

  it('refuses, naming the Pod, a manifest rendered for another registry', async () => {
    await expect(targetsOf(await rendered(), 'registry.example.com/other')).rejects.toThrow(
      /^The manifest's Pod 'api-[0-9a-f]{10}' of the image 'api' cannot be waited for: its container kaniko-init sets DOCKER_IMAGENAME 'registry.example.com\/acme\/api', not 'registry.example.com\/other\/api'/,
    )
  })

  it('refuses an image annotation edited by hand, with the digest left as it was or made again', async () => {
    const text = await rendered()
    const edited = text.replace(
      /kaniko-gitops\/image: registry.example.com\/acme\/web:([0-9a-f]+)/,
      'kaniko-gitops/image: registry.example.com/acme/web:latest',
    )
    expect(edited).not.toBe(text)
    for (const file of [edited, redigested(edited)])
      await expect(targetsOf(file)).rejects.toThrow(
        /Pod 'web-[0-9a-f]{10}' of the image 'web' cannot be waited for: its container kaniko-init names 'registry.example.com\/acme\/web:[0-9a-f]+', its annotation kaniko-gitops\/image 'registry.example.com\/acme\/web:latest'.*render it again/,
      )
  })

  it("refuses a container's env edited by hand, and a forced annotation that is no nonce", async () => {
    const text = await rendered()
    const builder = text.replace(/(containers:\n {4}- name: image-builder[\s\S]*?- name: DOCKER_IMAGETAG\n\s+value: )[0-9a-f]+/, '$1other')
    expect(builder).not.toBe(text)
    await expect(targetsOf(redigested(builder))).rejects.toThrow(
      /its container image-builder names 'registry.example.com\/acme\/api:other'/,
    )
    const nonce = text.replace('kaniko-gitops/forced: "4242-1"', 'kaniko-gitops/forced: "$(id)"')
    expect(nonce).not.toBe(text)
    await expect(targetsOf(nonce)).rejects.toThrow("its annotation kaniko-gitops/forced is '$(id)', not a force nonce")
  })
})
