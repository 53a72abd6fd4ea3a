# kaniko-init: decides whether this Pod builds its image.
# Writes "build <reason>" (missing, refused or forced) or "skip <digest>" to $STATE_DIR/decision for
# the image-builder container (which reads the first word); mode: wait reads the reason.
# Every value arrives in the environment; none is part of this text.
#   DOCKER_IMAGENAME, DOCKER_IMAGETAG  the image to look for
#   FORCE_BUILD                        Y to build without asking the registry
#   REGISTRY_INSECURE                  true for plain HTTP or an untrusted certificate
#   DOCKER_CONFIG                      folder of config.json (the dockerconfigjson secret)
#   CHECK_ATTEMPTS, CHECK_BACKOFF_SECONDS  retries for transient failures
set -u
state="${STATE_DIR:-/kaniko-gitops}"
ref="${DOCKER_IMAGENAME}:${DOCKER_IMAGETAG}"

log() { printf 'kaniko-init: %s\n' "$*"; }
decide() {
  printf '%s\n' "$*" >"$state/decision.tmp" && mv "$state/decision.tmp" "$state/decision"
}

case "${FORCE_BUILD:-N}" in
  Y | y | YES | yes | true | TRUE | 1)
    log "FORCE_BUILD is set: building $ref without asking the registry"
    decide build forced
    exit 0
    ;;
esac

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
