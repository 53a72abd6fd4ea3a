import { describe, expect, it } from 'vitest'
import { parseFromLines, repositoryOf, substitute } from '../src/dockerfile.js'

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
    expect(parseFromLines(text)).toEqual([{ raw: '$BASE_IMAGE', image: 'quay.io/jupyter/scipy-notebook', arg: 'BASE_IMAGE', line: 5 }])
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
      { raw: 'golang:${GO}-alpine', image: 'golang:1.23-alpine', stage: 'build', line: 3 },
      { raw: '${BASE:-gcr.io/distroless/static}', image: 'gcr.io/distroless/static', line: 7 },
      { raw: 'build', image: 'build', stage: 'again', line: 11 },
    ])
  })
})

describe('substitute and repositoryOf', () => {
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
  it.each([
    ['quay.io/jupyter/base:latest', 'quay.io/jupyter/base'],
    ['registry:5000/team/base', 'registry:5000/team/base'],
    ['registry:5000/team/base:1@sha256:abc', 'registry:5000/team/base'],
  ])('%s -> %s', (image, expected) => {
    expect(repositoryOf(image)).toBe(expected)
  })
})
