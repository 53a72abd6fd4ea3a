/**
 * Line diff (Myers' O(ND) algorithm) and unified-diff formatting, for showing reviewers how a
 * manifest changes. Manifests are thousands of lines with few changes, where O(ND) stays small.
 */

type Edit = { kind: ' ' | '-' | '+'; line: string }

export function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length
  const m = b.length
  const max = n + m
  const offset = max + 1
  let v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice())
    const next = v.slice()
    for (let k = -d; k <= d; k += 2) {
      let x: number
      if (k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))) x = v[offset + k + 1] as number
      else x = (v[offset + k - 1] as number) + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      next[offset + k] = x
      if (x >= n && y >= m) {
        trace.push(next)
        v = next
        break outer
      }
    }
    v = next
  }
  // Walk back through the trace to recover the edit script.
  const edits: Edit[] = []
  let x = n
  let y = m
  for (let d = trace.length - 2; d >= 0; d--) {
    const vd = trace[d] as Int32Array
    const k = x - y
    const prevK = k === -d || (k !== d && (vd[offset + k - 1] as number) < (vd[offset + k + 1] as number)) ? k + 1 : k - 1
    const prevX = vd[offset + prevK] as number
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      x--
      y--
      edits.push({ kind: ' ', line: a[x] as string })
    }
    if (d === 0) break
    if (x === prevX) edits.push({ kind: '+', line: b[--y] as string })
    else edits.push({ kind: '-', line: a[--x] as string })
  }
  while (x > 0 && y > 0) {
    x--
    y--
    edits.push({ kind: ' ', line: a[x] as string })
  }
  return edits.reverse()
}

/** A unified diff (`--- a`, `+++ b`, `@@` hunks with `context` lines around changes); '' when equal. */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  if (before === after) return ''
  const a = splitLines(before)
  const b = splitLines(after)
  const edits = diffLines(a, b)
  const out = [`--- a/${name}`, `+++ b/${name}`]
  let i = 0
  let aLine = 1
  let bLine = 1
  while (i < edits.length) {
    if ((edits[i] as Edit).kind === ' ') {
      i++
      aLine++
      bLine++
      continue
    }
    // A hunk: back up `context` lines, extend while changes are within 2*context of each other.
    const start = Math.max(0, i - context)
    let end = i
    let lastChange = i
    while (end < edits.length && end - lastChange <= 2 * context) {
      if ((edits[end] as Edit).kind !== ' ') lastChange = end
      end++
    }
    end = Math.min(edits.length, lastChange + context + 1)
    const hunkA = aLine - (i - start)
    const hunkB = bLine - (i - start)
    const lines: string[] = []
    let countA = 0
    let countB = 0
    for (let j = start; j < end; j++) {
      const e = edits[j] as Edit
      lines.push(`${e.kind}${e.line}`)
      if (e.kind !== '+') countA++
      if (e.kind !== '-') countB++
    }
    for (let j = i; j < end; j++) {
      const e = edits[j] as Edit
      if (e.kind !== '+') aLine++
      if (e.kind !== '-') bLine++
    }
    out.push(`@@ -${countA === 0 ? hunkA - 1 : hunkA},${countA} +${countB === 0 ? hunkB - 1 : hunkB},${countB} @@`, ...lines)
    i = end
  }
  return `${out.join('\n')}\n`
}

function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}
