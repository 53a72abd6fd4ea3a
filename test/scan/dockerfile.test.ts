import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDirective, parseFromLines, parseImageReferences, substitute } from '../../src/scan/dockerfile.js'

describe('parseFromLines', () => {
  it('resolves the docker-stacks form: ARGs built from ARGs, FROM $BASE_IMAGE', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'ARG REGISTRY=quay.io',
      'ARG OWNER=jupyter',
      'ARG BASE_IMAGE=$REGISTRY/$OWNER/scipy-notebook',
      'FROM $BASE_IMAGE',
      'RUN echo hi',
    ].join('\n')
    expect(parseFromLines(text)).toEqual([
      { instruction: 'FROM', raw: '$BASE_IMAGE', image: 'quay.io/jupyter/scipy-notebook', arg: 'BASE_IMAGE', line: 5 },
    ])
  })

  it('handles multi-stage builds, --platform, AS, braces, defaults, continuations and comments', () => {
    const text = [
      'ARG GO=1.23',
      'ARG BASE',
      'FROM --platform=$BUILDPLATFORM golang:${GO}-alpine AS Build',
      '# FROM commented:out',
      'RUN go build \\',
      '  ./...',
      'FROM \\',
      '  ${BASE:-gcr.io/distroless/static}',
      'COPY --from=build /out /out',
      'ARG LATE=x',
      'FROM build AS again',
    ].join('\n')
    expect(parseFromLines(text)).toEqual([
      { instruction: 'FROM', raw: 'golang:${GO}-alpine', image: 'golang:1.23-alpine', stage: 'build', line: 3 },
      { instruction: 'FROM', raw: '${BASE:-gcr.io/distroless/static}', image: 'gcr.io/distroless/static', line: 7 },
      { instruction: 'FROM', raw: 'build', image: 'build', stage: 'again', line: 11 },
    ])
  })
})

/** The FROM images of a Dockerfile given as lines, with their line numbers. */
const froms = (...lines: string[]) => parseFromLines(lines.join('\n')).map((f) => `${f.line}:${f.image}`)

describe('heredocs: their bodies are not instructions (as BuildKit reads them)', () => {
  it.each([
    ['COPY <<EOF', ['FROM a', 'COPY <<EOF /etc/motd', 'FROM evil', 'EOF', 'FROM b']],
    ['RUN <<EOF', ['FROM a', 'RUN <<EOF', 'FROM evil', 'EOF', 'FROM b']],
    ['ADD <<EOF', ['FROM a', 'ADD <<EOF /x', 'FROM evil', 'EOF', 'FROM b']],
    ['<<-EOF: the terminator may be indented with tabs', ['FROM a', 'RUN <<-EOF', '\tFROM evil', '\tEOF', 'FROM b']],
    ['<<"EOF"', ['FROM a', 'RUN <<"EOF"', 'FROM evil', 'EOF', 'FROM b']],
    ["<<'EOF'", ['FROM a', "RUN <<'EOF' bash", 'FROM evil', 'EOF', 'FROM b']],
    ['a file descriptor: 3<<EOF', ['FROM a', 'RUN cat 3<<EOF', 'FROM evil', 'EOF', 'FROM b']],
    ['two heredocs on one line, in order', ['FROM a', 'RUN <<ONE cat <<TWO > /x', 'FROM evil', 'ONE', 'FROM evil2', 'TWO', 'FROM b']],
    ['COPY with two files', ['FROM a', 'COPY <<A <<B /dst/', 'FROM evil', 'A', 'FROM evil2', 'B', 'FROM b']],
    ['a heredoc after a continued line', ['FROM a', 'RUN --network=none \\', '  <<EOF', 'FROM evil', 'EOF', 'FROM b']],
    ['ONBUILD RUN <<EOF', ['FROM a', 'ONBUILD RUN <<EOF', 'FROM evil', 'EOF', 'FROM b']],
    ['CRLF line ends', ['FROM a\r', 'RUN <<EOF\r', 'FROM evil\r', 'EOF\r', 'FROM b\r']],
  ])('%s', (_name, lines) => {
    const lastLine = lines.length
    expect(froms(...lines)).toEqual(['1:a', `${lastLine}:b`])
  })

  it('a <<- terminator without tabs ends the body; a terminator with spaces, or in another case, does not', () => {
    expect(froms('FROM a', 'RUN <<-EOF', 'EOF', 'FROM b')).toEqual(['1:a', '4:b'])
    expect(froms('FROM a', 'RUN <<EOF', '  EOF', 'eof', 'FROM evil', 'EOF', 'FROM b')).toEqual(['1:a', '7:b'])
  })

  it.each([
    ['the JSON form takes no heredoc', ['FROM a', 'RUN ["sh", "-c", "cat <<EOF"]', 'FROM b']],
    ['a quoted <<EOF is text', ['FROM a', 'RUN echo "<<EOF"', 'FROM b']],
    ['a here-string (<<<) is not a heredoc', ['FROM a', 'RUN cat <<<EOF', 'FROM b']],
    ['<< followed by a space is not a heredoc', ['FROM a', 'RUN cat << EOF', 'FROM b']],
    ['<< inside a word is not a heredoc', ['FROM a', 'RUN echo a<<EOF', 'FROM b']],
    ['only RUN, COPY and ADD take heredocs', ['FROM a', 'LABEL x=<<EOF', 'FROM b']],
  ])('%s', (_name, lines) => {
    expect(froms(...lines)).toEqual(['1:a', `${lines.length}:b`])
  })

  it('an unterminated heredoc takes the rest of the file (BuildKit refuses the file)', () => {
    expect(froms('FROM a', 'RUN <<EOF', 'FROM evil')).toEqual(['1:a'])
  })
})

describe('continuations, comments and parser directives (as BuildKit reads them)', () => {
  it('drops comment and empty lines inside a continued instruction', () => {
    expect(froms('FROM a', 'RUN echo \\', '# FROM evil \\', '', '    # a comment', '  done', 'FROM b')).toEqual(['1:a', '7:b'])
    expect(froms('FROM \\', '# a comment', '  base AS build')).toEqual(['1:base'])
  })

  it('an escaped escape character at the end of a line does not continue it', () => {
    expect(froms('FROM a', 'RUN echo \\\\', 'FROM b')).toEqual(['1:a', '3:b'])
  })

  it('# escape=` makes the backtick the continuation character, and the backslash plain', () => {
    expect(froms('# escape=`', 'FROM a `', '  AS build', 'RUN dir c:\\', 'FROM b')).toEqual(['2:a', '5:b'])
    expect(parseFromLines('# escape=`\nFROM a `\n  AS build\n')[0]?.stage).toBe('build')
    // Directives may follow one another, with blanks around the `=`, in either case.
    expect(froms('# syntax=docker/dockerfile:1', '#  ESCAPE = `', 'FROM a `', '  AS build', 'FROM b')).toEqual(['3:a', '5:b'])
  })

  it('a directive after a comment, a blank line or an instruction is a comment', () => {
    expect(froms('# a comment', '# escape=`', 'FROM a \\', '  AS build', 'FROM b')).toEqual(['3:a', '5:b'])
    expect(froms('', '# escape=`', 'FROM a `', 'FROM b')).toEqual(['3:a', '4:b'])
    expect(froms('FROM a', '# escape=`', 'RUN x \\', 'FROM evil', 'FROM b')).toEqual(['1:a', '5:b'])
  })

  it('skips a byte order mark, and reads CRLF files', () => {
    expect(froms('\uFEFF# escape=`\r', 'FROM a `\r', '  AS build\r', 'FROM b\r')).toEqual(['2:a', '4:b'])
  })

  it('is case-insensitive in keywords, and reads indented instructions', () => {
    expect(froms('from a', '  From b', '\tRUN x', 'froM\tc')).toEqual(['1:a', '2:b', '4:c'])
  })
})

describe('parseImageReferences: COPY --from and RUN --mount from=', () => {
  it('reads each form, with flags in any order and quotes, and global ARGs substituted', () => {
    const text = [
      'ARG TOOLS=ghcr.io/acme/tools',
      'FROM golang:1.23 AS build',
      'COPY --from=build /out /out',
      'COPY --link --chown=1:1 --from=ghcr.io/acme/base:1 /a /b',
      'COPY --from="ghcr.io/acme/quoted" /a /b',
      'COPY --from=$TOOLS /bin/tool /bin/',
      'COPY --from=0 /x /x',
      'RUN --mount=type=bind,from=ghcr.io/acme/bind,source=/x,target=/y \\',
      '    --mount=type=cache,target=/root/.cache,from=ghcr.io/acme/cache \\',
      '    --mount=from=ghcr.io/acme/default,target=/z make',
      'RUN --mount=type=secret,id=x,from=ghcr.io/acme/secret --mount=type=tmpfs,target=/t true',
      'RUN echo --mount=from=ghcr.io/acme/not-a-flag && cp --from=x',
      'COPY /a --from=ghcr.io/acme/not-a-flag-either /b',
      'ONBUILD COPY --from=ghcr.io/acme/onbuild /a /b',
    ].join('\n')
    expect(parseImageReferences(text).map((r) => [r.instruction, r.line, r.raw, r.image, r.arg ?? ''])).toEqual([
      ['FROM', 2, 'golang:1.23', 'golang:1.23', ''],
      ['COPY --from', 3, 'build', 'build', ''],
      ['COPY --from', 4, 'ghcr.io/acme/base:1', 'ghcr.io/acme/base:1', ''],
      ['COPY --from', 5, 'ghcr.io/acme/quoted', 'ghcr.io/acme/quoted', ''],
      ['COPY --from', 6, '$TOOLS', 'ghcr.io/acme/tools', 'TOOLS'],
      ['COPY --from', 7, '0', '0', ''],
      ['RUN --mount', 8, 'ghcr.io/acme/bind', 'ghcr.io/acme/bind', ''],
      ['RUN --mount', 8, 'ghcr.io/acme/cache', 'ghcr.io/acme/cache', ''],
      ['RUN --mount', 8, 'ghcr.io/acme/default', 'ghcr.io/acme/default', ''],
    ])
  })

  it('a build arg replaces a global ARG default in COPY --from too', () => {
    const refs = parseImageReferences('ARG T=a/b\nFROM x\nCOPY --from=${T} / /\n', { T: 'ghcr.io/acme/t:1' })
    expect(refs.map((r) => [r.image, r.arg])).toEqual([
      ['x', undefined],
      ['ghcr.io/acme/t:1', 'T'],
    ])
  })
})

describe('substitute', () => {
  it.each([
    ['$A/$B', 'a/b'],
    ['${A}:${C:-latest}', 'a:latest'],
    ['${A:+set}${C:+unset}', 'set'],
    ['$NOPE-x', '-x'],
  ])('%s -> %s', (text, expected) => {
    expect(
      substitute(
        text,
        new Map([
          ['A', 'a'],
          ['B', 'b'],
        ]),
      ),
    ).toBe(expected)
  })
})

// Was: both answered through regular expressions that took time quadratic in the length of a line
// (a 1 MiB Dockerfile held the run for minutes; test/hardening/hostile-files.test.ts runs them).
// The linear versions give the very answers of those expressions, which are kept here as oracles.
describe('linear time, the same answers', () => {
  const OLD_DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/
  const oldSubstitute = (text: string, vars: ReadonlyMap<string, string>) =>
    text.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, braced, op, word, bare) => {
      const value = vars.get((braced ?? bare) as string)
      if (op === '-') return value ? value : (word as string)
      if (op === '+') return value ? (word as string) : ''
      return value ?? ''
    })

  it('parser directives', () => {
    const piece = fc.constantFrom('#', ' ', '\t', '\u00a0', '\u2028', '\r', '=', 'a', 'Z', '9', '`', '\\', 'syntax', 'escape', '-')
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const line = pieces.join('')
        const old = OLD_DIRECTIVE.exec(line)
        expect(parseDirective(line), JSON.stringify(line)).toEqual(old ? [old[1], old[2]] : undefined)
      }),
      { numRuns: 5000 },
    )
  })

  it('substitution', () => {
    const piece = fc.constantFrom('$', '{', '}', ':', '-', '+', 'A', 'B', '_', 'x', ' ', '${A', '${B:-', '${A:+', '$A')
    const vars = new Map([
      ['A', 'alpha'],
      ['B', ''],
    ])
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('')
        expect(substitute(text, vars), JSON.stringify(text)).toBe(oldSubstitute(text, vars))
      }),
      { numRuns: 5000 },
    )
  })

  it('a line of 256 KiB is parsed in well under a second (the expressions took a minute)', () => {
    for (const text of [`# syntax=x${' '.repeat(1 << 18)}y\nFROM a\n`, `FROM a}${'${A:-'.repeat(50_000)}\n`]) {
      const start = performance.now()
      parseFromLines(text, {})
      expect(performance.now() - start).toBeLessThan(5000)
    }
  })
})
