/**
 * Line diff and unified-diff formatting, for showing reviewers how a manifest changes.
 *
 * One Myers diff over a whole manifest costs O(N·D) in time and memory: when a shared base image
 * changes or a new version of the action re-renders every Pod, every document changes, and 1,000 Pods
 * (137,000 lines, D = 32,000) did not finish. So both texts are cut at their `---` lines into YAML
 * documents, documents are paired by kind and image name (the `app.kubernetes.io/name` label), and
 * each pair gets its own Myers diff; a document without a partner is removed or added whole. The cost
 * is linear in the number of documents, and a removed image and an added one are never mixed line by
 * line. Each pair also has a budget of work in proportion to its size (WORK_PER_LINE): beyond it,
 * the pair is shown as replaced between the lines it shares at its start and end, still a correct diff.
 */

type Edit = { kind: ' ' | '-' | '+'; line: string }

/** Work (diagonals visited plus lines compared) a pair may cost per line, and at the least. */
const WORK_PER_LINE = 64
const MIN_WORK = 65_536

/** An edit script as runs: [kind, count, kind, count, …]; 0 keeps lines, 1 removes them, 2 adds them. */
type Runs = number[]
const SAME = 0
const REMOVE = 1
const ADD = 2

/** A unified diff (`--- a`, `+++ b`, `@@` hunks with `context` lines around changes); '' when equal. */
export function unifiedDiff(before: string, after: string, name: string, context = 3): string {
  return boundedDiff(before, after, name, Number.POSITIVE_INFINITY, context).text
}

/** A unified diff cut after the hunk that reaches a limit, and what it leaves out. */
export interface BoundedDiff {
  readonly text: string
  /** Documents that differ and are not in the text, or only in part (0 when the text is the whole diff). */
  readonly more: number
}

/** Like unifiedDiff, but stops after the hunk that reaches `limit` characters; the documents after it are only compared. */
export function boundedDiff(before: string, after: string, name: string, limit: number, context = 3): BoundedDiff {
  if (before === after) return { text: '', more: 0 }
  const hunks = new Hunks(context, limit)
  const da = documents(before)
  const db = documents(after)
  let more = 0
  let i = 0
  let j = 0
  for (const [pi, pj] of [...pairDocuments(da, db), [da.length, db.length] as const]) {
    for (; i < pi; i++) more += show(hunks, () => hunks.changeAll('-', linesOf(before, da[i] as Doc)))
    for (; j < pj; j++) more += show(hunks, () => hunks.changeAll('+', linesOf(after, db[j] as Doc)))
    if (pi === da.length) break
    const a = da[i++] as Doc
    const b = db[j++] as Doc
    if (before.slice(a.start, a.end) !== after.slice(b.start, b.end))
      more += show(hunks, () => diffDocuments(linesOf(before, a), linesOf(after, b), hunks))
    else if (!hunks.full) {
      const lines = linesOf(before, a)
      hunks.same(lines.length, (k) => lines[k] as string)
    }
  }
  return { text: hunks.text(name), more }
}

/** Emits one document unless the hunks are full: 1 when it is not shown whole, else 0. */
function show(hunks: Hunks, emit: () => void): number {
  if (hunks.full) return 1
  emit()
  return hunks.full ? 1 : 0
}

function diffDocuments(a: readonly string[], b: readonly string[], hunks: Hunks): void {
  const runs = diffRuns(a, b)
  let x = 0
  let y = 0
  for (let r = 0; r < runs.length; r += 2) {
    const count = runs[r + 1] as number
    if (runs[r] === SAME) {
      const from = x
      hunks.same(count, (k) => a[from + k] as string)
      x += count
      y += count
    } else if (runs[r] === REMOVE) for (const end = x + count; x < end; x++) hunks.change('-', a[x] as string)
    else for (const end = y + count; y < end; y++) hunks.change('+', b[y] as string)
  }
}

/** The edits that turn `a` into `b`: Myers' shortest when within budget, else a replacement. */
export function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  const runs = diffRuns(a, b)
  const edits: Edit[] = []
  let x = 0
  let y = 0
  for (let r = 0; r < runs.length; r += 2) {
    for (let k = 0; k < (runs[r + 1] as number); k++) {
      if (runs[r] === ADD) edits.push({ kind: '+', line: b[y++] as string })
      else {
        edits.push({ kind: runs[r] === SAME ? ' ' : '-', line: a[x++] as string })
        if (runs[r] === SAME) y++
      }
    }
  }
  return edits
}

interface Doc {
  readonly start: number
  readonly end: number
  readonly key: string
}

/**
 * The text before the first `---` line, then each document from its `---` line on (character
 * offsets), each keyed by its first `kind:` line and first name label; a key that repeats is
 * numbered, so keys are unique.
 */
function documents(text: string): Doc[] {
  const docs: Doc[] = []
  const seen = new Map<string, number>()
  let start = 0
  const close = (end: number) => {
    const doc = text.slice(start, end)
    const key = `${/^kind:.*$/m.exec(doc)?.[0] ?? ''}\n${/^[ \t]+app\.kubernetes\.io\/name:.*$/m.exec(doc)?.[0].trim() ?? ''}`
    const count = seen.get(key) ?? 0
    seen.set(key, count + 1)
    docs.push({ start, end, key: `${key}\n${count}` })
    start = end
  }
  const endsLine = (at: number) => at === text.length || text.charCodeAt(at) === 10
  if (text.startsWith('---') && endsLine(3)) close(0)
  for (let at = text.indexOf('\n---'); at !== -1; at = text.indexOf('\n---', at + 1)) if (endsLine(at + 4)) close(at + 1)
  close(text.length)
  return docs
}

/**
 * The most pairs of documents with equal keys that keep their order in both texts: the longest
 * increasing run of b-positions, taken in a-order (patience sorting, O(n log n)).
 */
function pairDocuments(da: readonly Doc[], db: readonly Doc[]): Array<readonly [number, number]> {
  const inB = new Map(db.map((doc, j) => [doc.key, j]))
  const candidates: Array<readonly [number, number]> = []
  da.forEach((doc, i) => {
    const j = inB.get(doc.key)
    if (j !== undefined) candidates.push([i, j])
  })
  // tails[len] = the candidate with the smallest b-position that ends an increasing run of len + 1.
  const tails: number[] = []
  const before = new Int32Array(candidates.length).fill(-1)
  candidates.forEach(([, j], c) => {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((candidates[tails[mid] as number] as readonly [number, number])[1] < j) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) before[c] = tails[lo - 1] as number
    tails[lo] = c
  })
  const pairs: Array<readonly [number, number]> = []
  for (let c = tails.at(-1) ?? -1; c !== -1; c = before[c] as number) pairs.push(candidates[c] as readonly [number, number])
  return pairs.reverse()
}

/** The lines of `doc`; the last one may end without a newline, and a final newline starts no line. */
function linesOf(text: string, doc: Doc): string[] {
  if (doc.start === doc.end) return []
  const lines = text.slice(doc.start, doc.end).split('\n')
  if (lines.at(-1) === '') lines.pop()
  return lines
}

/** Runs that turn `a` into `b`: Myers' shortest when within budget, else a replacement. */
function diffRuns(a: readonly string[], b: readonly string[]): Runs {
  const n = a.length
  const m = b.length
  const found = myers(a, b, Math.max(MIN_WORK, WORK_PER_LINE * (n + m)))
  if (found) return found
  let head = 0
  while (head < n && head < m && a[head] === b[head]) head++
  let tail = 0
  while (tail < n - head && tail < m - head && a[n - 1 - tail] === b[m - 1 - tail]) tail++
  const runs: Runs = []
  addRun(runs, SAME, head)
  addRun(runs, REMOVE, n - head - tail)
  addRun(runs, ADD, m - head - tail)
  addRun(runs, SAME, tail)
  return runs
}

/** Appends a run, merged with the last one when of the same kind. */
function addRun(runs: Runs, kind: number, count: number): void {
  if (count === 0) return
  if (runs.length > 0 && runs[runs.length - 2] === kind) runs[runs.length - 1] = (runs.at(-1) as number) + count
  else runs.push(kind, count)
}

/**
 * Myers' O(ND) shortest edit script, or undefined when it would cost more than `budget`. Step d
 * keeps only its d + 1 diagonals (entry i is diagonal 2i - d), so memory is O(D²), not O(D·(N+M)).
 */
function myers(a: readonly string[], b: readonly string[], budget: number): Runs | undefined {
  const n = a.length
  const m = b.length
  const trace: Int32Array[] = []
  let prev = new Int32Array(0)
  let work = 0
  for (let d = 0; ; d++) {
    const v = new Int32Array(d + 1)
    for (let i = 0; i <= d; i++) {
      const k = 2 * i - d
      let x = d === 0 ? 0 : fromAbove(prev, i, k, d) ? (prev[i] as number) : (prev[i - 1] as number) + 1
      let y = x - k
      const from = x
      while (x < n && y < m && a[x] === b[y]) {
        x++
        y++
      }
      work += 1 + x - from
      v[i] = x
      if (x >= n && y >= m) {
        trace.push(v)
        return backtrack(n, m, trace)
      }
    }
    if (work > budget) return undefined
    trace.push(v)
    prev = v
  }
}

/**
 * Whether step d reaches diagonal k (entry i) from diagonal k + 1 of step d - 1 (an insertion)
 * rather than from k - 1 (a deletion). In `prev`, diagonal k - 1 is entry i - 1 and k + 1 is entry i.
 */
function fromAbove(prev: Int32Array, i: number, k: number, d: number): boolean {
  return k === -d || (k !== d && (prev[i - 1] as number) < (prev[i] as number))
}

/** Walks back through the trace from (n, m) to recover the edit script, then puts it in order. */
function backtrack(n: number, m: number, trace: readonly Int32Array[]): Runs {
  const reversed: Runs = []
  let x = n
  let y = m
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d - 1] as Int32Array
    const k = x - y
    const i = (k + d) >> 1
    const above = fromAbove(vd, i, k, d)
    const prevX = vd[above ? i : i - 1] as number
    const snake = Math.min(x - prevX, y - (prevX - (above ? k + 1 : k - 1)))
    addRun(reversed, SAME, snake)
    x -= snake
    y -= snake
    if (x === prevX) {
      addRun(reversed, ADD, 1)
      y--
    } else {
      addRun(reversed, REMOVE, 1)
      x--
    }
  }
  addRun(reversed, SAME, x)
  const runs: Runs = []
  for (let r = reversed.length - 2; r >= 0; r -= 2) runs.push(reversed[r] as number, reversed[r + 1] as number)
  return runs
}

/**
 * Builds the hunks from the edits in order, keeping of a run of equal lines only what a hunk can
 * still need: its first 2·context lines and its last `context`. Changes at most 2·context equal
 * lines apart share a hunk, as in GNU diff. Once the hunks reach `limit` characters, the open one is
 * closed and the builder is full: it takes nothing more.
 */
class Hunks {
  full = false
  private size = 0
  private readonly out: string[] = []
  private hunk: string[] = []
  private open = false
  private startA = 0
  private startB = 0
  private countA = 0
  private countB = 0
  /** Numbers of the next line of each text. */
  private lineA = 1
  private lineB = 1
  /** Equal lines since the last change: how many, the first 2·context, the last `context` after those. */
  private pending = 0
  private head: string[] = []
  private tail: string[] = []

  constructor(
    private readonly context: number,
    private readonly limit: number,
  ) {}

  /** `count` equal lines; `line(k)` is the k-th, asked only for those a hunk may show. */
  same(count: number, line: (k: number) => string): void {
    if (this.full) return
    const toHead = Math.min(count, 2 * this.context - this.head.length)
    for (let k = 0; k < toHead; k++) this.head.push(line(k))
    for (let k = Math.max(toHead, count - this.context); k < count; k++) this.tail.push(line(k))
    if (this.tail.length > this.context) this.tail = this.tail.slice(-this.context)
    this.pending += count
    this.lineA += count
    this.lineB += count
  }

  changeAll(kind: '-' | '+', lines: readonly string[]): void {
    for (const line of lines) this.change(kind, line)
  }

  change(kind: '-' | '+', line: string): void {
    if (this.full) return
    if (this.open && this.pending <= 2 * this.context) this.addContext(this.head)
    else {
      if (this.open) this.close()
      const lead = [...this.head, ...this.tail].slice(-this.context)
      this.open = true
      this.hunk = []
      this.startA = this.lineA - lead.length
      this.startB = this.lineB - lead.length
      this.countA = 0
      this.countB = 0
      this.addContext(lead)
    }
    this.pending = 0
    this.head = []
    this.tail = []
    this.hunk.push(`${kind}${line}`)
    this.size += line.length + 2
    if (kind === '-') {
      this.countA++
      this.lineA++
    } else {
      this.countB++
      this.lineB++
    }
    if (this.size >= this.limit) {
      this.close()
      this.full = true
    }
  }

  text(name: string): string {
    if (this.open) this.close()
    return `${[`--- a/${name}`, `+++ b/${name}`, ...this.out].join('\n')}\n`
  }

  private addContext(lines: readonly string[]): void {
    for (const line of lines) {
      this.hunk.push(` ${line}`)
      this.size += line.length + 2
    }
    this.countA += lines.length
    this.countB += lines.length
  }

  /** Ends the open hunk with up to `context` of the equal lines that follow it. */
  private close(): void {
    this.addContext(this.head.slice(0, this.context))
    const a = this.countA === 0 ? this.startA - 1 : this.startA
    const b = this.countB === 0 ? this.startB - 1 : this.startB
    this.out.push(`@@ -${a},${this.countA} +${b},${this.countB} @@\n${this.hunk.join('\n')}`)
    this.open = false
  }
}
