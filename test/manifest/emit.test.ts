import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { emitScalar, emitYaml, type Json } from '../../src/manifest/emit.js'

describe('emitScalar', () => {
  it.each([
    ['plain', 'plain'],
    ['services/api/Dockerfile', 'services/api/Dockerfile'],
    ['registry.kaniko.svc:5000/team/api:0123abcd', 'registry.kaniko.svc:5000/team/api:0123abcd'],
    ['--context=git://github.com/a/b.git#refs/heads/main#abc', '"--context=git://github.com/a/b.git#refs/heads/main#abc"'],
    ['true', '"true"'],
    ['No', '"No"'],
    ['123', '"123"'],
    ['0x1F', '"0x1F"'],
    ['1e3', '"1e3"'],
    ['12:30', '"12:30"'],
    ['2026-11-21', '"2026-11-21"'],
    ['.inf', '".inf"'],
    ['a: b', '"a: b"'],
    ['# x', '"# x"'],
    ['', '""'],
    ['Crème', '"Cr\\u00e8me"'],
    ['😀', '"\\U0001f600"'],
    ['a\u2028b', '"a\\u2028b"'],
  ])('%j -> %s', (value, expected) => {
    expect(emitScalar(value)).toBe(expected)
  })
})

const key = fc.oneof(
  fc.constantFrom('name', 'app.kubernetes.io/name', 'kaniko-gitops/commit', '.dockerconfigjson', 'true', '- x', 'a: b'),
  fc.string(),
)
const leaf: fc.Arbitrary<Json> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    'yes',
    'null',
    '~',
    '0o17',
    '1_000',
    '-.5',
    'x\ny\n',
    '#!/bin/sh\necho "$1"\n',
    '  lead\n',
    'tab\there',
    'a\r\nb',
    '---',
    '...',
  ),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
)
const json: fc.Arbitrary<{ [key: string]: Json }> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), tie('map')),
  map: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
})).map as fc.Arbitrary<{ [key: string]: Json }>

describe('emitYaml', () => {
  it('parses back to the same object, whatever the strings hold (property)', () => {
    fc.assert(
      fc.property(json, (value) => {
        expect(parse(emitYaml(value), { schema: 'core' })).toEqual(value)
        expect(parse(emitYaml(value), { version: '1.1' })).toEqual(value)
      }),
      { numRuns: 400 },
    )
  })

  it('writes block style: lists under their key, literal blocks for scripts, quotes only where needed', () => {
    const doc = {
      kind: 'Pod',
      metadata: { name: 'api-0123', labels: { 'app.kubernetes.io/name': 'api' }, annotations: {} },
      spec: {
        containers: [{ name: 'b', args: ['--a=1', 'x'], env: [{ name: 'X', value: 'false' }] }],
        runAsUser: 65532,
        flag: false,
        list: [],
      },
      data: { 'build.sh': '#!/bin/sh\n  indented\n\nlast\n' },
    }
    const text = emitYaml(doc)
    expect(text).toBe(
      [
        'kind: Pod',
        'metadata:',
        '  name: api-0123',
        '  labels:',
        '    app.kubernetes.io/name: api',
        '  annotations: {}',
        'spec:',
        '  containers:',
        '    - name: b',
        '      args:',
        '        - "--a=1"',
        '        - x',
        '      env:',
        '        - name: X',
        '          value: "false"',
        '  runAsUser: 65532',
        '  flag: false',
        '  list: []',
        'data:',
        '  build.sh: |',
        '    #!/bin/sh',
        '      indented',
        '',
        '    last',
        '',
      ].join('\n'),
    )
    expect(parse(text)).toEqual(doc)
  })
})
