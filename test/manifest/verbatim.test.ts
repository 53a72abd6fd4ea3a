import { writeFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildPod, type IPod, type PodSettings } from '../../src/manifest/pod.js'
import type { PlannedImage } from '../../src/plan/plan.js'
import { parseManifest } from '../support/k8s.js'
import { type StartedContainer, startContainer } from '../support/kubelet.js'
import { renderIn } from '../support/render.js'
import { tempTrees } from '../support/repo.js'

// The kubelet expands `$(NAME)` and `$$` in a container's command, args and env values
// (test/support/kubelet.ts). What the containers get after that must be the texts as the action
// rendered them: a path or build arg with `$(GIT_PASSWORD)` must not turn into the git credential.

const { tree: repo, cleanup } = tempTrees()

const GIT_SECRET = 'git-credentials'
/** The value the git secret holds: no text a container gets may contain it, but GIT_PASSWORD. */
const SENTINEL = 'sentinel-git-password-7f3a'
const SECRETS = { [GIT_SECRET]: { GIT_USERNAME: 'x-access-token', GIT_PASSWORD: SENTINEL } }

/** Text the kubelet would read as references: `$(NAME)` of the Pod's own variables, `$$`, a lone `$`, `(` and `)`. */
const PIECES = ['$', '(', ')', '$$', '$(GIT_PASSWORD)', '$(GIT_USERNAME)', '$(DOCKER_IMAGENAME)', '$(HOME)', '$(', 'a', '-', ' ', 'ü']
const hostile = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join(''))

/** Every text, in the order of the containers: command, args, and each variable with its value. */
function texts(container: StartedContainer): string[] {
  return [...container.command, ...container.args, ...[...container.env].flat()]
}

function started(pod: IPod): StartedContainer[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => startContainer(c, SECRETS))
}

/** The texts of every container, with the secret's own variable left out (it holds the secret by design). */
function exposed(pod: IPod): string[] {
  return started(pod).flatMap((c) => texts({ ...c, env: new Map([...c.env].filter(([name]) => name !== 'GIT_PASSWORD')) }))
}

describe('the texts of a Pod reach its containers verbatim (property)', () => {
  // A stand-in character the kubelet leaves alone: the same image with it in place of every `$` is
  // what the containers must get, with `$` put back.
  const STAND_IN = '\u00a4'

  it('every path, build arg, target, tag and setting with `$`: the kubelet gives back the text, never the secret', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 12, maxLength: 12 }), fc.constantFrom('git', 'local'), (t, context) => {
        const image = (s: (text: string) => string): [PlannedImage, PodSettings] => {
          const repository = `registry.example.com/${s(t[0] as string)}`
          const planned: PlannedImage = {
            name: 'app',
            dockerfile: s(`${t[1]}/${t[2]}`),
            sha256: 'a'.repeat(64),
            effective: 'b'.repeat(64),
            covers: 'dockerfile',
            tag: s(t[3] as string),
            repository,
            image: `${repository}:${s(t[3] as string)}`,
            contextDir: s(t[1] as string),
            dockerfileInContext: s(t[2] as string),
            commit: 'c'.repeat(40),
            forced: false,
            status: 'new',
            wave: 0,
            parents: [],
            forcedParents: [],
            buildArgs: [`LEAK=${s(t[4] as string)}`, `${s(t[5] as string)}=x`],
            target: s(t[6] as string),
            platform: s(t[7] as string),
            extraTags: [s(t[8] as string)],
            nodeSelector: {},
            tolerations: [],
          }
          const settings: PodSettings = {
            namespace: 'kaniko',
            registrySecret: 'docker-config-secret',
            serviceAccount: '',
            credentialHelpers: {},
            executorImage: 'ghcr.io/osscontainertools/kaniko:v1.28.0-debug',
            checkImage: 'quay.io/skopeo/stable:v1.22.2',
            insecureRegistries: [s(t[9] as string)],
            forceNonce: '1-1',
            context: context as PodSettings['context'],
            contextPrefix: s(t[10] as string),
            gitUrl: `git://github.com/acme/${s(t[11] as string)}.git`,
            gitRef: 'refs/heads/main',
            gitSecret: GIT_SECRET,
            localPath: '/workspace',
            repositoryName: 'shop',
            cache: true,
            cacheRepo: s(`registry.example.com/${t[0]}/cache`),
            cacheTtl: '1h',
            snapshotMode: 'redo',
            compressedCaching: false,
            extraArgs: [s(`--label=x=${t[4]}`)],
            ordering: 'registry',
            parentTimeout: 10800,
          }
          return [planned, settings]
        }
        const rendered = buildPod(...image((text) => text), 'scripts')
        const standIn = buildPod(...image((text) => text.replaceAll('$', STAND_IN)), 'scripts')
        const expected = started(standIn).map((c) => texts(c).map((text) => text.replaceAll(STAND_IN, '$')))
        expect(started(rendered).map(texts)).toEqual(expected)
        expect(exposed(rendered).filter((text) => text.includes(SENTINEL))).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  // A config key is a path as written, without spaces around it.
  const folder = hostile.filter((s) => s.trim() === s && s !== '')

  it('folders and config build args of a repository: kaniko and the scripts get them as they are', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.tuple(folder, hostile), { minLength: 1, maxLength: 3, selector: ([f]) => f }), async (images) => {
        try {
          const files = Object.fromEntries(images.map(([dir], i) => [`${dir}/Dockerfile`, `FROM alpine:3.20\n# ${i}\n`]))
          const config = { images: Object.fromEntries(images.map(([dir, value]) => [`${dir}/Dockerfile`, { buildArgs: { LEAK: value } }])) }
          const dir = repo(files)
          writeFileSync(path.join(dir, 'kaniko-gitops.yml'), JSON.stringify(config))
          const outcome = await renderIn(dir, { token: '', config: 'kaniko-gitops.yml', 'git-secret': GIT_SECRET })
          const pods = (parseManifest(outcome.manifest) as unknown as IPod[]).filter((d) => d.kind === 'Pod')
          expect(pods).toHaveLength(images.length)
          for (const pod of pods) {
            const dockerfile = pod.metadata?.annotations?.['kaniko-gitops/dockerfile'] as string
            const [folderName, value] = images.find(([d]) => `${d}/Dockerfile` === dockerfile) as [string, string]
            const [init, builder] = started(pod) as [StartedContainer, StartedContainer]
            expect(builder.args).toContain(`--context-sub-path=${folderName}`)
            expect(builder.args).toContain('--dockerfile=Dockerfile')
            expect(builder.args).toContain(`--build-arg=LEAK=${value}`)
            expect(builder.env.get('DOCKER_FILENAME')).toBe(dockerfile)
            expect(init.env.get('DOCKER_FILENAME')).toBe(dockerfile)
            expect(exposed(pod).filter((text) => text.includes(SENTINEL))).toEqual([])
          }
        } finally {
          cleanup()
        }
      }),
      { numRuns: 25 },
    )
  })
})
