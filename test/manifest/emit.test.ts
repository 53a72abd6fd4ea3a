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

/** `value` with every map as a Map, so that a key read back as a number or boolean differs from the string key. */
function asMaps(value: Json): unknown {
  if (Array.isArray(value)) return value.map(asMaps)
  if (value !== null && typeof value === 'object') return new Map(Object.entries(value).map(([k, v]) => [k, asMaps(v)]))
  return value
}

/** Reads `text` as YAML 1.1 and as YAML 1.2 (core schema) and expects `value` back from both, keys and all. */
function expectReadBack(text: string, value: Json): void {
  expect(parse(text, { version: '1.1', mapAsMap: true })).toEqual(asMaps(value))
  expect(parse(text, { version: '1.2', schema: 'core', mapAsMap: true })).toEqual(asMaps(value))
}

describe('strings a YAML 1.1 or 1.2 reader takes for something else', () => {
  it.each([
    // YAML 1.1 numbers: sexagesimal (with underscores), binary, hex, octal, signs, exponents, leading dots.
    '1_2:3',
    '190:20:30',
    '1:2.3_',
    '0b101',
    '0x_1F',
    '+1_000',
    '.5',
    '.e5',
    '1e3',
    // The yaml package's YAML 1.1 schema reads an exponent without digits before it as a float.
    'e5',
    'E1',
    'e+5',
    'e',
    '0o17',
    '012',
    '.inf',
    '-.Inf',
    '.NaN',
    // YAML 1.1 booleans and nulls, the merge key and the value key.
    'y',
    'n',
    'Y',
    'yes',
    'No',
    'on',
    'OFF',
    'true',
    '~',
    'null',
    'NULL',
    '<<',
    '=',
    // Timestamps, and anything that starts with a date.
    '2001-12-14',
    '2001-12-14t21:59:43.10-05:00',
    '2001-12-14-api',
    // go-yaml (v2 and v3, under sigs.k8s.io/yaml) drops every '_' and then reads Go's base prefixes in any case.
    '0_x1F',
    '0_b1',
    '0_o17',
    '0X1F',
    '0B1',
    '0O17',
    '1_e3',
  ])('%j is written quoted and read back as that string', (value) => {
    expect(emitScalar(value)).toBe(JSON.stringify(value))
    expectReadBack(emitYaml({ [value]: value, list: [value] }), { [value]: value, list: [value] })
  })

  // Plain: no number, date or time holds a c, d, h, i, p or s, and none starts with a letter.
  it.each([
    'api',
    'env',
    'E1d',
    'eeeeeeee',
    '0b1a',
    '2001-1-api',
    'Yes_',
    '.dockerconfigjson',
    '/bin/sh',
    '12h',
    '399c98da6fe3e39c63f902fdd192a6e931b60e2f4496dd6f1c2aee6fac62929c',
    'registry.example.com:5000/acme/api:847bba18dc54b74c',
  ])('%j is written plain: no number, date or keyword', (value) => {
    expect(emitScalar(value)).toBe(value)
    expectReadBack(emitYaml({ [value]: value }), { [value]: value })
  })
})

/** Strings close to numbers, dates and keywords: mostly digits, with the marks and letters numbers hold. */
const numberUnit = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...'0123456789') },
  { weight: 3, arbitrary: fc.constantFrom(...'_:.+-') },
  { weight: 1, arbitrary: fc.constantFrom(...'eExXoObBtTzZacfyn ') },
  { weight: 1, arbitrary: fc.constantFrom('0x', '0o', '0b', '.inf', '.nan', '2001-12-14', '59:') },
)
const nearNumber = fc.oneof(
  { weight: 4, arbitrary: fc.array(numberUnit, { minLength: 1, maxLength: 8 }).map((units) => units.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~', '<<', '=', '.inf', '-.inf', '.nan', 'e')
      .chain((word) =>
        fc.constantFrom(
          word,
          word.toUpperCase(),
          word.replace(/^./, (c) => c.toUpperCase()),
        ),
      ),
  },
)
const podLike: fc.Arbitrary<{ [key: string]: Json }> = fc
  .record({
    name: nearNumber,
    labels: fc.dictionary(nearNumber, nearNumber, { maxKeys: 4 }),
    annotations: fc.dictionary(nearNumber, nearNumber, { maxKeys: 4 }),
    args: fc.array(nearNumber, { maxLength: 4 }),
    env: fc.array(fc.record({ name: nearNumber, value: nearNumber }), { maxLength: 3 }),
    nodeSelector: fc.dictionary(nearNumber, nearNumber, { maxKeys: 3 }),
  })
  .map(({ name, labels, annotations, args, env, nodeSelector }) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels, annotations },
    spec: { containers: [{ name, image: `registry.example.com/${name}`, args, env }], nodeSelector },
  }))

describe('emitYaml with strings close to numbers, dates and keywords', () => {
  it('gives a Pod that YAML 1.1 and YAML 1.2 both read back as the same object, strings as strings (property)', () => {
    fc.assert(
      fc.property(podLike, (pod) => {
        expectReadBack(emitYaml(pod), pod)
      }),
      { numRuns: 1000 },
    )
  })
})
