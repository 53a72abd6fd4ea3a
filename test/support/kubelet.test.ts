import { describe, expect, it } from 'vitest'
import { expandReferences, startContainer } from './kubelet.js'

// The model against the examples Kubernetes documents: the table of its variable expansion design
// (docs/design/expansion.md, the cases of its expand_test.go), the "dependent environment variables"
// task page, and the API reference's "$$(VAR_NAME)" example.

const MAPPING: Record<string, string> = { VAR_A: 'A', VAR_B: 'B', VAR_C: 'C', VAR_REF: '$(VAR_A)', VAR_EMPTY: '' }
const lookup = (name: string) => (Object.hasOwn(MAPPING, name) ? MAPPING[name] : undefined)

const TABLE: [input: string, result: string][] = [
  ['$(VAR_A)', 'A'],
  ['___$(VAR_B)___', '___B___'],
  ['___$(VAR_C)', '___C'],
  ['$(VAR_A)-$(VAR_A)', 'A-A'],
  ['$(VAR_A)-1', 'A-1'],
  ['$(VAR_A)_$(VAR_B)_$(VAR_C)', 'A_B_C'],
  ['$$(VAR_B)_$(VAR_A)', '$(VAR_B)_A'],
  ['$$(VAR_A)_$$(VAR_B)', '$(VAR_A)_$(VAR_B)'],
  ['f000-$$VAR_A', 'f000-$VAR_A'],
  ['foo\\$(VAR_C)bar', 'foo\\Cbar'],
  ['foo\\\\$(VAR_C)bar', 'foo\\\\Cbar'],
  ['foo\\\\\\\\$(VAR_A)bar', 'foo\\\\\\\\Abar'],
  ['$(VAR_A$(VAR_B))', '$(VAR_A$(VAR_B))'],
  ['$(VAR_A$(VAR_B)', '$(VAR_A$(VAR_B)'],
  ['$(VAR_REF)', '$(VAR_A)'],
  ['%%$(VAR_REF)--$(VAR_REF)%%', '%%$(VAR_A)--$(VAR_A)%%'],
  ['foo$(VAR_EMPTY)bar', 'foobar'],
  ['foo$(VAR_Awhoops!', 'foo$(VAR_Awhoops!'],
  ['f00__(VAR_A)__', 'f00__(VAR_A)__'],
  ['$?_boo_$!', '$?_boo_$!'],
  ['$VAR_A', '$VAR_A'],
  ['$(VAR_DNE)', '$(VAR_DNE)'],
  ['$$$$$$(BIG_MONEY)', '$$$(BIG_MONEY)'],
  ['$$$$$$(VAR_A)', '$$$(VAR_A)'],
  ['$$$$$$$(GOOD_ODDS)', '$$$$(GOOD_ODDS)'],
  ['$$$$$$$(VAR_A)', '$$$A'],
  ['$VAR_A)', '$VAR_A)'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell syntax the kubelet leaves alone
  ['${VAR_A}', '${VAR_A}'],
  ['$(VAR_B)_______$(A', 'B_______$(A'],
  ['$(VAR_C)_______$(', 'C_______$('],
  ['$(VAR_A)foobarzab$', 'Afoobarzab$'],
  ['foo-\\$(VAR_A', 'foo-\\$(VAR_A'],
  ['--$($($($($--', '--$($($($($--'],
  ['$($($($($--foo$(', '$($($($($--foo$('],
  ['foo0--$($($($(', 'foo0--$($($($('],
  ['$(foo$$var)', '$(foo$$var)'],
]

describe('the kubelet model: expandReferences', () => {
  it.each(TABLE)('%s gives %s', (input, result) => {
    expect(expandReferences(input, lookup)).toBe(result)
  })

  it('reads "$$(VAR_NAME)" as the literal "$(VAR_NAME)", and "$(VAR_NAME)" as its value', () => {
    expect(expandReferences('$$(VAR_NAME)', () => 'value')).toBe('$(VAR_NAME)')
    expect(expandReferences('$(VAR_NAME)', () => 'value')).toBe('value')
  })

  it('gives back any text whose every $ is doubled, whatever is defined', () => {
    for (const text of TABLE.flat()) expect(expandReferences(text.replaceAll('$', '$$$$'), () => 'LEAK')).toBe(text)
  })
})

describe('the kubelet model: startContainer', () => {
  it('expands env values with the variables defined before them (the dependent environment variables example)', () => {
    const started = startContainer(
      {
        name: 'test',
        command: ['sh', '-c'],
        args: ['echo $(SERVICE_ADDRESS)'],
        env: [
          { name: 'SERVICE_PORT', value: '80' },
          { name: 'SERVICE_IP', value: '172.17.0.1' },
          { name: 'UNCHANGED_REFERENCE', value: '$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)' },
          { name: 'PROTOCOL', value: 'https' },
          { name: 'SERVICE_ADDRESS', value: '$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)' },
          { name: 'ESCAPED_REFERENCE', value: '$$(PROTOCOL)://$(SERVICE_IP):$(SERVICE_PORT)' },
        ],
      },
      {},
    )
    expect(started.env.get('UNCHANGED_REFERENCE')).toBe('$(PROTOCOL)://172.17.0.1:80')
    expect(started.env.get('SERVICE_ADDRESS')).toBe('https://172.17.0.1:80')
    expect(started.env.get('ESCAPED_REFERENCE')).toBe('$(PROTOCOL)://172.17.0.1:80')
    expect(started.command).toEqual(['sh', '-c'])
    expect(started.args).toEqual(['echo https://172.17.0.1:80'])
  })

  it('expands command and args with every variable, secrets and later ones included; a secret value stays as it is', () => {
    const started = startContainer(
      {
        name: 'builder',
        command: ['$(FIRST)', '$$(FIRST)'],
        args: ['--x=$(GIT_PASSWORD)', '--y=$(LAST)', '--z=$(KUBERNETES_SERVICE_HOST)'],
        env: [
          { name: 'FIRST', value: 'one $(LAST)' },
          { name: 'GIT_PASSWORD', valueFrom: { secretKeyRef: { name: 'git', key: 'GIT_PASSWORD' } } },
          { name: 'LAST', value: 'two $(GIT_PASSWORD)' },
        ],
      },
      { git: { GIT_PASSWORD: 's3cret $(FIRST)' } },
      { KUBERNETES_SERVICE_HOST: '10.0.0.1' },
    )
    expect([...started.env]).toEqual([
      ['FIRST', 'one $(LAST)'],
      ['GIT_PASSWORD', 's3cret $(FIRST)'],
      ['LAST', 'two s3cret $(FIRST)'],
    ])
    expect(started.command).toEqual(['one $(LAST)', '$(FIRST)'])
    expect(started.args).toEqual(['--x=s3cret $(FIRST)', '--y=two s3cret $(FIRST)', '--z=10.0.0.1'])
  })

  it('does not start a container whose secret key is missing', () => {
    const container = { name: 'c', env: [{ name: 'P', valueFrom: { secretKeyRef: { name: 'git', key: 'GIT_PASSWORD' } } }] }
    expect(() => startContainer(container, { git: {} })).toThrow('secret git has no key GIT_PASSWORD')
  })
})
