# index-builder: pushes a multi-arch image's OCI image index with buildah, unless kaniko-init found
# it already there. kaniko-init waited for every platform image first (PARENT_IMAGES).
# Every value arrives in the environment; none is part of this text.
#   DOCKER_IMAGENAME, DOCKER_IMAGETAG  the index: <repository>:<content tag>
#   PLATFORM_IMAGES                    the platform images (references, blank-separated), in index order
#   EXTRA_TAGS                         more tags the index is pushed under first (blank-separated)
#   REGISTRY_INSECURE                  true for plain HTTP or an untrusted certificate
#   REGISTRY_AUTH_FILE                 config.json with the credentials (unset: anonymous)
#   CREDENTIAL_HELPERS_DIR             credential helpers kaniko-setup copied, put first in PATH
#   INDEX_STORAGE                      a writable folder: buildah's storage, HOME and TMPDIR
#   STATE_DIR                          where kaniko-init left its decision
set -u
set -f
state="${STATE_DIR:-/kaniko-gitops}"
ref="${DOCKER_IMAGENAME}:${DOCKER_IMAGETAG}"
log() { printf 'index-builder: %s\n' "$*"; }

decision=''
digest=''
if [ -r "$state/decision" ]; then read -r decision digest <"$state/decision"; fi
case "$decision" in
  skip)
    log "$ref exists (${digest:-unknown digest}), skipped"
    exit 0
    ;;
  build) ;;
  *)
    log "ERROR: kaniko-init left no decision, or an unknown one ('$decision')" >&2
    exit 1
    ;;
esac

storage="${INDEX_STORAGE:?INDEX_STORAGE is not set}"
export HOME="$storage/home" TMPDIR="$storage/tmp"
mkdir -p "$HOME" "$TMPDIR" || exit 1
if [ -n "${CREDENTIAL_HELPERS_DIR:-}" ]; then PATH="$CREDENTIAL_HELPERS_DIR:$PATH"; fi
if [ -n "${REGISTRY_AUTH_FILE:-}" ] && [ ! -r "$REGISTRY_AUTH_FILE" ]; then
  log "WARNING: no credentials at $REGISTRY_AUTH_FILE: asking anonymously"
  unset REGISTRY_AUTH_FILE
fi
tls=--tls-verify=true
if [ "${REGISTRY_INSECURE:-false}" = true ]; then tls=--tls-verify=false; fi

# vfs: no overlay mounts, which an unprivileged container cannot make; the index holds no layers.
b() { buildah --storage-driver vfs --root "$storage/root" --runroot "$storage/run" "$@"; }
list=kaniko-gitops-index
b manifest create "$list" >/dev/null || exit 1
for image in ${PLATFORM_IMAGES:-}; do
  # The entry's platform is the one its Pod built for, read off its tag (<content tag>-<os>-<arch>[-<variant>]),
  # not the image config's, which a base image of one architecture may have left as its own.
  platform=${image##*:}
  platform=${platform#*-}
  os=${platform%%-*}
  rest=${platform#*-}
  arch=${rest%%-*}
  variant=''
  case "$rest" in *-*) variant=${rest#*-} ;; esac
  log "adding $image as $os/$arch${variant:+/$variant}"
  if [ -n "$variant" ]; then
    b manifest add "$tls" --os "$os" --arch "$arch" --variant "$variant" "$list" "docker://$image" >/dev/null || exit 1
  else
    b manifest add "$tls" --os "$os" --arch "$arch" "$list" "docker://$image" >/dev/null || exit 1
  fi
done
# The content tag last: a later run's check finds it only once the index is complete everywhere.
for tag in ${EXTRA_TAGS:-}; do
  log "pushing $DOCKER_IMAGENAME:$tag"
  b manifest push --all "$tls" "$list" "docker://$DOCKER_IMAGENAME:$tag" || exit 1
done
log "pushing $ref"
b manifest push --all "$tls" --digestfile "$storage/digest" "$list" "docker://$ref" || exit 1
termination_log="${TERMINATION_LOG:-/dev/termination-log}"
if [ -w "$termination_log" ]; then cat "$storage/digest" >"$termination_log"; fi
log "pushed $ref ($(cat "$storage/digest"))"
