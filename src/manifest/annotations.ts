/** Annotation and label keys the action writes and reads back. */
export const ANNOTATION = {
  dockerfile: 'kaniko-gitops/dockerfile',
  dockerfileSha256: 'kaniko-gitops/dockerfile-sha256',
  effectiveSha256: 'kaniko-gitops/effective-sha256',
  hashCovers: 'kaniko-gitops/hash-covers',
  image: 'kaniko-gitops/image',
  commit: 'kaniko-gitops/commit',
  forced: 'kaniko-gitops/forced',
  renderKey: 'kaniko-gitops/render-key',
} as const

/** The image label a forced build carries, with the run's force nonce: a forced child waits for it on its forced parents. */
export const FORCE_IMAGE_LABEL = 'dev.kaniko-gitops.forced'

export const LABEL = {
  name: 'app.kubernetes.io/name',
  component: 'app.kubernetes.io/component',
  partOf: 'app.kubernetes.io/part-of',
  managedBy: 'app.kubernetes.io/managed-by',
} as const

export const MANAGED_BY = 'kaniko-gitops'
