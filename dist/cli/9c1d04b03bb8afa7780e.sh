# kaniko-init: decides whether this Pod builds its image.
# Writes "build <reason>" (missing, refused or forced) or "skip <digest>" to $STATE_DIR/decision for
# the image-builder container (which reads the first word); mode: wait reads the reason.
# Every value arrives in the environment; none is part of this text.
#   DOCKER_IMAGENAME, DOCKER_IMAGETAG  the image to look for
#   FORCE_BUILD                        Y to build without asking the registry
#   REGISTRY_INSECURE                  true for plain HTTP or an untrusted certificate
#   DOCKER_CONFIG                      folder of config.json (the dockerconfigjson secret, or kaniko-setup's)
#   CREDENTIAL_HELPERS_DIR             credential helpers kaniko-setup copied, put first in PATH
#   CREDENTIAL_HELPER_NAMES            the configured helpers, separated by spaces
#   CREDENTIAL_HELPER                  the helper of the image's registry host, if any
#   CHECK_ATTEMPTS, CHECK_BACKOFF_SECONDS  retries for transient failures
#   PARENT_IMAGES                      in-repo parents (references, blank-separated) to wait for first
#   PARENT_TIMEOUT_SECONDS             how long to wait for them in all
#   PARENT_BACKOFF_SECONDS, PARENT_BACKOFF_MAX_SECONDS  first and longest pause between looks (5, 60)
set -u
state="${STATE_DIR:-/kaniko-gitops}"
ref="${DOCKER_IMAGENAME}:${DOCKER_IMAGETAG}"

log() { printf 'kaniko-init: %s\n' "$*"; }
decide() {
  printf '%s\n' "$*" >"$state/decision.tmp" && mv "$state/decision.tmp" "$state/decision"
}

# A whole number of seconds, or the end: the value is data and never reaches arithmetic unchecked.
seconds() {
  case "$2" in
    '' | *[!0-9]*)
      log "ERROR: $1 is '$2': expected a whole number of seconds"
      exit 1
      ;;
  esac
}

# Waits until every parent in PARENT_IMAGES is in the registry, asking with skopeo and the arguments
# given; fails the container when one is not there within PARENT_TIMEOUT_SECONDS. An unknown manifest
# or repository, and a refusal (some registries refuse what does not exist yet), mean not yet; any
# other error is logged and asked again until the time is up.
wait_for_parents() {
  [ -n "${PARENT_IMAGES:-}" ] || return 0
  limit="${PARENT_TIMEOUT_SECONDS:-10800}"
  first="${PARENT_BACKOFF_SECONDS:-5}"
  most="${PARENT_BACKOFF_MAX_SECONDS:-60}"
  seconds PARENT_TIMEOUT_SECONDS "$limit"
  seconds PARENT_BACKOFF_SECONDS "$first"
  seconds PARENT_BACKOFF_MAX_SECONDS "$most"
  started=$(date +%s)
  set -f
  for parent in $PARENT_IMAGES; do
    delay=$first
    until skopeo "$@" "docker://$parent" >/dev/null 2>"$state/parent.err"; do
      waited=$(($(date +%s) - started))
      error=$(tr '\n' ' ' <"$state/parent.err")
      if [ "$waited" -ge "$limit" ]; then
        log "ERROR: the parent image $parent is not in the registry after ${waited}s (parent-timeout ${limit}s): its build failed or has not finished; $ref is not built ($error)"
        exit 1
      fi
      # At least a second between looks, and none that ends after the time is up.
      [ "$delay" -ge 1 ] || delay=1
      [ "$delay" -le $((limit - waited)) ] || delay=$((limit - waited))
      case "$error" in
        *"manifest unknown"* | *"name unknown"* | *"NAME_UNKNOWN"* | *"MANIFEST_UNKNOWN"* | *unauthorized* | *"authentication required"* | *denied* | *DENIED* | *Forbidden* | *forbidden*)
          log "waiting for the parent image $parent (${waited}s so far, next look in ${delay}s): $error"
          ;;
        *) log "WARNING: cannot ask the registry for the parent image $parent (${waited}s so far, next look in ${delay}s): $error" ;;
      esac
      sleep "$delay"
      delay=$((delay * 2))
      [ "$delay" -le "$most" ] || delay=$most
    done
    log "the parent image $parent is in the registry"
  done
  set +f
}

set -- inspect --raw
config="${DOCKER_CONFIG:-/kaniko/.docker}/config.json"
if [ -r "$config" ]; then
  set -- "$@" --authfile "$config"
else
  log "WARNING: no readable registry credentials at $config (is the secret mounted?); asking anonymously"
fi
case "${REGISTRY_INSECURE:-false}" in
  true | TRUE | True | 1 | yes) set -- "$@" --tls-verify=false ;;
esac
# skopeo runs docker-credential-<name> from PATH for a host the config's credHelpers names.
if [ -n "${CREDENTIAL_HELPERS_DIR:-}" ]; then
  PATH="$CREDENTIAL_HELPERS_DIR:$PATH"
  export PATH
fi
for name in ${CREDENTIAL_HELPER_NAMES:-}; do
  if ! command -v "docker-credential-$name" >/dev/null 2>&1; then
    log "WARNING: docker-credential-$name is not in this container's PATH: the check cannot ask it (kaniko uses its own)"
  fi
done

# A forced build waits for its parents too: it builds on them.
wait_for_parents "$@"

case "${FORCE_BUILD:-N}" in
  Y | y | YES | yes | true | TRUE | 1)
    log "FORCE_BUILD is set: building $ref without asking the registry"
    decide build forced
    exit 0
    ;;
esac

attempts="${CHECK_ATTEMPTS:-5}"
delay="${CHECK_BACKOFF_SECONDS:-2}"
attempt=1
while :; do
  if skopeo "$@" "docker://$ref" >"$state/manifest" 2>"$state/check.err"; then
    digest=$(skopeo manifest-digest "$state/manifest") || digest=unknown
    log "$ref exists ($digest), skipped"
    decide skip "$digest"
    exit 0
  fi
  error=$(tr '\n' ' ' <"$state/check.err")
  case "$error" in
    *"error getting credentials"* | *"credential helper"*)
      # kaniko asks the same helper with the same identity: a broken identity fails the push visibly.
      helper="the credential helper docker-credential-${CREDENTIAL_HELPER:-}"
      if [ -z "${CREDENTIAL_HELPER:-}" ]; then helper="a credential helper of the registry secret"; fi
      log "WARNING: $helper failed for ${DOCKER_IMAGENAME%%/*}, so whether $ref exists is unknown ($error); building, and the push decides"
      decide build refused
      exit 0
      ;;
    *"manifest unknown"* | *"name unknown"* | *"NAME_UNKNOWN"* | *"MANIFEST_UNKNOWN"*)
      log "$ref is not in the registry: building"
      decide build missing
      exit 0
      ;;
    *unauthorized* | *"authentication required"* | *denied* | *DENIED*)
      log "WARNING: could not check whether $ref exists, the registry refused the request ($error); building, and the push decides"
      decide build refused
      exit 0
      ;;
    *"invalid character"* | *"unmarshal"* | *"invalid reference format"*)
      log "ERROR: cannot check $ref: $error"
      exit 1
      ;;
  esac
  if [ "$attempt" -ge "$attempts" ]; then
    log "ERROR: cannot reach the registry for $ref after $attempt attempts: $error"
    case "$error" in
      *x509* | *"HTTP response to HTTPS client"* | *"tls:"*)
        log "For a registry that speaks plain HTTP or has a certificate the Pods do not trust, set the action's insecure-registry input."
        ;;
    esac
    exit 1
  fi
  log "registry check failed (attempt $attempt of $attempts), retrying in ${delay}s: $error"
  sleep "$delay"
  attempt=$((attempt + 1))
  delay=$((delay * 2))
done
