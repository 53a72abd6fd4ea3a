import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { parseManifest, validateManifest } from './k8s.js'
import { renderIn } from './render.js'
import { tempTrees } from './repo.js'

// The validator the tests run on every rendered manifest: each rule must be able to fail.

const { tree: repo } = tempTrees()
// Parsed YAML is changed by the cases below, not typed.
// biome-ignore lint/suspicious/noExplicitAny: test access to parsed documents
type Doc = any

async function renderedPod(): Promise<{ documents: Doc[]; pod: Doc }> {
  const dir = repo({
    'services/api/Dockerfile': 'FROM alpine:3.20\n',
    'kaniko-gitops.yml':
      'images:\n  services/api/Dockerfile:\n    nodeSelector: { pool: builds }\n    tolerations: [{ key: dedicated, operator: Exists }]\n',
  })
  await renderIn(dir, { config: 'kaniko-gitops.yml' })
  const documents = parseManifest(readFileSync(path.join(dir, 'deploy/manifest.yaml'), 'utf8'))
  return { documents, pod: documents.find((d) => d.kind === 'Pod') }
}

const CASES: [string, (pod: Doc) => void, RegExp][] = [
  [
    'a quantity Kubernetes cannot parse',
    (pod) => {
      pod.spec.containers[0].resources.limits.memory = '1.5.3'
    },
    /limits.memory '1.5.3'/,
  ],
  [
    'a quantity with an unknown suffix',
    (pod) => {
      pod.spec.containers[0].resources.requests.memory = '10XB'
    },
    /requests.memory '10XB'/,
  ],
  [
    'a negative quantity',
    (pod) => {
      pod.spec.containers[0].resources.requests.cpu = '-1'
    },
    /requests.cpu '-1'/,
  ],
  [
    'a request above its limit, in other units',
    (pod) => {
      pod.spec.containers[0].resources.limits.memory = '1000Mi'
    },
    /requests.memory 1Gi is above its limit 1000Mi/,
  ],
  [
    'a toleration with Exists and a value',
    (pod) => {
      pod.spec.tolerations[0].value = 'yes'
    },
    /operator Exists and a value/,
  ],
  [
    'tolerationSeconds without NoExecute',
    (pod) => {
      Object.assign(pod.spec.tolerations[0], { effect: 'NoSchedule', tolerationSeconds: 5 })
    },
    /tolerationSeconds/,
  ],
  [
    'a node selector value over 63 characters',
    (pod) => {
      pod.spec.nodeSelector.pool = 'a'.repeat(64)
    },
    /nodeSelector pool=/,
  ],
  [
    'annotations over 256 KiB',
    (pod) => {
      pod.metadata.annotations['kaniko-gitops/hash-covers'] = 'x'.repeat(256 * 1024)
    },
    /annotations take 262\d{3} bytes/,
  ],
]

describe('validateManifest', () => {
  it('takes the rendered Pod as it is', async () => {
    const { documents } = await renderedPod()
    expect(validateManifest(documents.map((d) => `---\n${stringify(d)}`).join(''))).toEqual([])
  })

  it.each(CASES)('finds %s', async (_name, edit, problem) => {
    const { documents, pod } = await renderedPod()
    edit(pod)
    const problems = validateManifest(documents.map((d) => `---\n${stringify(d)}`).join(''))
    expect(
      problems.some((p) => problem.test(p)),
      problems.join('\n'),
    ).toBe(true)
  })
})
