import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { error, group, inertLines, notice, redirectLog, warning } from '../../src/action/runner.js'
import { hasControlCharacter, inert, visible } from '../../src/common/inert.js'
import { hostileText, parseCommandLine, runnerCommands, runnerLines } from '../support/runner-commands.js'

describe('visible', () => {
  it('percent-encodes %, control characters and line separators, as the runner escapes command data', () => {
    expect(visible('a\nb\r\nc%d\te\u0085f\u2028g\u2029h\u001bi\u007fj')).toBe('a%0Ab%0D%0Ac%25d%09e%C2%85f%E2%80%A8g%E2%80%A9h%1Bi%7Fj')
    expect(visible('services/api/Dockerfile')).toBe('services/api/Dockerfile')
    expect(visible('Ünïcødé 日本 🐳 \u00a0')).toBe('Ünïcødé 日本 🐳 \u00a0')
  })

  it('is undone by decodeURIComponent: nothing is lost (property)', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.string({ unit: 'grapheme' })), (text) => {
        const shown = visible(text)
        expect(hasControlCharacter(shown)).toBe(false)
        expect(decodeURIComponent(shown)).toBe(text)
      }),
    )
  })
})

describe('hasControlCharacter', () => {
  it('finds C0, DEL, C1 (NEL) and the Unicode line and paragraph separators, and nothing else', () => {
    for (const c of ['\0', '\t', '\n', '\r', '\u001b', '\u007f', '\u0085', '\u009f', '\u2028', '\u2029'])
      expect(hasControlCharacter(`a${c}b`), JSON.stringify(c)).toBe(true)
    for (const text of ['a b', 'a\u00a0b', '日本', '🐳', '::warning::x', '##[x]', '%0A']) expect(hasControlCharacter(text)).toBe(false)
  })
})

describe('inert', () => {
  it.each([
    ['::warning::owned/Dockerfile', '%3A:warning::owned/Dockerfile'],
    [' \u00a0::error::x', ' \u00a0%3A:error::x'],
    [':x', '%3Ax'],
    ['a\n::warning::x', 'a%0A::warning::x'],
    ['\u2028::warning::x', '%E2%80%A8::warning::x'],
    ['x##[warning]y', 'x##%5Bwarning]y'],
    ['#[x]', '#%5Bx]'],
    ['[x]', '%5Bx]'],
    ['a[x]', 'a[x]'],
    ['100%', '100%25'],
    ['services/api/Dockerfile', 'services/api/Dockerfile'],
  ])('%j -> %j', (text, expected) => {
    expect(inert(text)).toBe(expected)
  })

  it('makes a text that no line of the runner takes for a command, wherever the text stands on it (property)', () => {
    fc.assert(
      fc.property(hostileText, hostileText, fc.constantFrom('', ' ', '\t', 'a: ', '#', '##', ':'), (a, b, before) => {
        const line = `${before}${inert(a)}${inert(b)}`
        expect(runnerLines(line)).toHaveLength(line === '' ? 0 : 1)
        expect(parseCommandLine(line)).toBeUndefined()
      }),
    )
  })
})

describe('inertLines', () => {
  it('leaves a message without command-like lines as it is, the very same string', () => {
    const message = 'plain line: 100% done\nsecond :: line\r\nthird ## [x]'
    expect(inertLines(message)).toBe(message)
  })

  it('defuses each line the runner would take for a command, and only those', () => {
    expect(inertLines('a\n::warning::x\r::error::y\r\n  ::notice::z\nb ##[add-mask]s\n: keep')).toBe(
      'a\n%3A:warning::x\r%3A:error::y\r\n  %3A:notice::z\nb ##%5Badd-mask]s\n: keep',
    )
    expect(inertLines('\u2028::warning::x')).toBe('\u2028%3A:warning::x')
    expect(inertLines('\u0085::warning::x')).toBe('\u0085%3A:warning::x')
  })

  it('leaves no command in any message (property)', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 4 }), (parts) => {
        expect(runnerCommands(inertLines(parts.join('')))).toEqual([])
      }),
    )
  })
})

describe("the action's own commands", () => {
  const ISSUE: Record<string, (text: string) => Promise<unknown> | undefined> = {
    warning: (text) => void warning(text),
    notice: (text) => void notice(text),
    error: (text) => void error(text),
    group: (text) => group(text, async () => undefined),
  }

  // An annotation shows the text's control characters (but tab, CR and LF) percent-encoded; a group name is the text.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is encoded
  const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g
  const shownAs = (command: string, text: string) => (command === 'group' ? text : text.replace(CONTROL, (c) => encodeURIComponent(c)))

  it('carry any text as data: one command, of that name, whose data the runner reads back as the text, its control characters shown (property)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.constantFrom(...Object.keys(ISSUE)), async (text, command) => {
        let log = ''
        redirectLog((write) => {
          log += write
        })
        try {
          await ISSUE[command]?.(text)
        } finally {
          redirectLog(undefined)
        }
        const found = runnerCommands(log)
        expect(found[0]).toMatchObject({ syntax: '::', command, data: shownAs(command, text) })
        expect(found.map((c) => c.command)).toEqual(command === 'group' ? ['group', 'endgroup'] : [command])
      }),
    )
  })
})
