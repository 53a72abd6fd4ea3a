/**
 * How much of each thing a run reads, at most. In `diff` mode a pull request chooses the files, and
 * each dimension it could grow (files, sizes, depth, rules) has a bound, so that a run fails with a
 * clear error instead of holding the job until the runner's timeout. docs/security.md § Limits lists
 * them with their reasons and their costs, measured on 2 cores.
 */
export const LIMITS = {
  /** Bytes of one Dockerfile. */
  dockerfileBytes: 1024 * 1024,
  /** Bytes of all the Dockerfiles together: their text is kept for the plan. */
  dockerfilesBytes: 64 * 1024 * 1024,
  /** Characters that substituting global ARGs makes in one Dockerfile (values and image references). */
  substitutedChars: 1024 * 1024,
  /** Dockerfiles that the patterns match. */
  dockerfiles: 5000,
  /** Entries (files, folders, links) the search for Dockerfiles lists. */
  searchedEntries: 1_000_000,
  /** Folders below `path`, in the search and in a walked build context. */
  depth: 256,
  /** Bytes of a `.dockerignore` file. */
  ignoreFileBytes: 64 * 1024,
  /** Rules of a `.dockerignore` file. */
  ignoreRules: 1000,
  /** Files of the build contexts, all contexts together (a file in two contexts counts twice). */
  contextFiles: 5_000_000,
  /**
   * Steps of matching paths against ignore rules, all contexts together: a character of a path
   * against a rule is one (at most two per character: the path, then its folders), against a rule
   * of more than 32 states two per 32; a character past ASCII one more per halving of the binary
   * search it takes (see dockerignore.ts), whatever the characters, so that the bound is one of time.
   */
  ignoreSteps: 5_000_000_000,
  /** Bytes of the list of the commit's files (`git ls-tree`), about 100 a file: 2.5 million files. */
  commitListBytes: 256 * 1024 * 1024,
  /** Bytes of the files of the contexts read from the working tree (each file once). */
  contextBytes: 16 * 1024 ** 3,
  /** Bytes of the config file. */
  configBytes: 2 * 1024 * 1024,
  /** Levels of mappings and lists inside one another in the config (and in `image-config`): a config has about six. */
  configDepth: 64,
  /** Entries of one mapping or list of the config: a config has a few hundred in all. */
  configEntries: 10_000,
  /** Bytes of the manifest, read or written. */
  manifestBytes: 64 * 1024 * 1024,
  /** Bytes of `.gitmodules`. */
  gitmodulesBytes: 1024 * 1024,
} as const

export type Limits = { readonly [K in keyof typeof LIMITS]: number }

/** `5,000`: a count as a message shows it. */
export function count(n: number): string {
  return n.toLocaleString('en-US')
}

/** A run that goes past one of the LIMITS. */
export class LimitError extends Error {}
