# image-builder: runs the kaniko executor unless kaniko-init found the image already built.
# A skip ends the container with 0, so the Pod is Succeeded (Healthy in ArgoCD), never Failed.
# The executor's arguments follow this script as "$@"; values arrive in the environment.
set -u
state="${STATE_DIR:-/kaniko-gitops}"
ref="${DOCKER_IMAGENAME}:${DOCKER_IMAGETAG}"

if [ ! -r "$state/decision" ]; then
  echo "image-builder: kaniko-init left no decision in $state/decision" >&2
  exit 1
fi
read -r decision digest <"$state/decision"
case "$decision" in
  skip)
    echo "image-builder: $ref exists (${digest:-unknown digest}), skipped"
    termination_log="${TERMINATION_LOG:-/dev/termination-log}"
    if [ -w "$termination_log" ]; then printf '%s' "${digest:-}" >"$termination_log"; fi
    exit 0
    ;;
  build)
    echo "image-builder: building $ref from $DOCKER_FILENAME"
    if command -v executor >/dev/null 2>&1; then exec executor "$@"; fi
    exec /kaniko/executor "$@"
    ;;
  *)
    echo "image-builder: kaniko-init left an unknown decision '$decision'" >&2
    exit 1
    ;;
esac
