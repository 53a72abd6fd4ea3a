# kaniko-init: decides whether this Pod builds its image.
# Writes "build <reason>" (missing, refused, forced or older) or "skip <digest>" to $STATE_DIR/decision for
# the image-builder container (which reads the first word); mode: wait reads the reason.
# Every value arrives in the environment; none is part of this text.
#   DOCKER_IMAGENAME, DOCKER_IMAGETAG  the image to look for
#   FORCE_BUILD                        Y to build without asking the registry
#   REGISTRY_INSECURE                  true for plain HTTP or an untrusted certificate
#   DOCKER_CONFIG                      folder of config.json (the dockerconfigjson secret, or kaniko-setup's)
#   REGISTRY_CREDENTIALS               where config.json comes from: none, secret or helpers (kaniko-setup)
#   CREDENTIAL_HELPERS_DIR             credential helpers kaniko-setup copied, put first in PATH
#   CREDENTIAL_HELPER_NAMES            the configured helpers, separated by spaces
#   CREDENTIAL_HELPER                  the helper of the image's registry host, if any
#   CHECK_ATTEMPTS, CHECK_BACKOFF_SECONDS  retries for transient failures
#   CHECK_TIMEOUT_SECONDS              the longest one question to the registry may take (60)
#   PARENT_IMAGES                      in-repo parents (references, blank-separated) to wait for first
#   FORCED_PARENT_IMAGES               of those, the ones this run forces too: their image must carry the
#   FORCE_NONCE                          label dev.kaniko-gitops.forced=FORCE_NONCE (this run's build)
#   PARENT_TIMEOUT_SECONDS             how long to wait for them in all
#   PARENT_BACKOFF_SECONDS, PARENT_BACKOFF_MAX_SECONDS  first and longest pause between looks (5, 60)
#   WAIT_FORCE_NONCE                   mode: wait, for a forced Pod: the image counts as there only with the
#                                        label dev.kaniko-gitops.forced=WAIT_FORCE_NONCE, else "build older"
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

# The label dev.kaniko-gitops.forced of the image $1 (the force nonce of the run that built it), asked
# for at most $2 seconds with skopeo's options after them.
forced_label() {
  what=$1
  bound=$2
  shift 2
  skopeo --command-timeout "${bound}s" inspect --no-tags --format '{{ index .Labels "dev.kaniko-gitops.forced" }}' "$@" "docker://$what"
}

# A label is the registry's text: shown only in a safe alphabet, and short.
shown() { printf '%s' "$1" | tr -cd '0-9A-Za-z.:_-' | cut -c 1-40; }

# One look at $parent, for at most $1 seconds, with skopeo's options after it: 0 when the image is
# there and, for a parent this run forces too, is this run's build (its label carries FORCE_NONCE);
# else 1, with why in $state/parent.err, and stale=yes for an older build under the tag.
look() {
  bound=$1
  shift
  stale=no
  case " ${FORCED_PARENT_IMAGES:-} " in
    *" $parent "*)
      label=$(forced_label "$parent" "$bound" "$@" 2>"$state/parent.err") || return 1
      [ "$label" = "$FORCE_NONCE" ] && return 0
      stale=yes
      printf "an older build (label dev.kaniko-gitops.forced '%s'), not this forced run's (%s)\n" "$(shown "$label")" "$FORCE_NONCE" >"$state/parent.err"
      return 1
      ;;
  esac
  skopeo --command-timeout "${bound}s" inspect --raw "$@" "docker://$parent" >/dev/null 2>"$state/parent.err"
}

# Waits until every parent in PARENT_IMAGES is in the registry (those in FORCED_PARENT_IMAGES: built
# by this run), asking with skopeo and the options given; fails the container when one is not there
# within PARENT_TIMEOUT_SECONDS, each look bounded by the time left. An unknown manifest or
# repository, and a refusal (some registries refuse what does not exist yet), mean not yet; any
# other error is logged and asked again until the time is up.
wait_for_parents() {
  [ -n "${PARENT_IMAGES:-}" ] || return 0
  limit="${PARENT_TIMEOUT_SECONDS:-10800}"
  first="${PARENT_BACKOFF_SECONDS:-5}"
  most="${PARENT_BACKOFF_MAX_SECONDS:-60}"
  seconds PARENT_TIMEOUT_SECONDS "$limit"
  seconds PARENT_BACKOFF_SECONDS "$first"
  seconds PARENT_BACKOFF_MAX_SECONDS "$most"
  if [ -n "${FORCED_PARENT_IMAGES:-}" ]; then
    case "${FORCE_NONCE:-}" in
      '' | *[!0-9A-Za-z.:-]*)
        log "ERROR: FORCE_NONCE is '${FORCE_NONCE:-}': expected the run's force nonce (digits, letters, '.', ':', '-')"
        exit 1
        ;;
    esac
  fi
  started=$(date +%s)
  set -f
  for parent in $PARENT_IMAGES; do
    delay=$first
    # Whether every failed look at this parent was a refusal of the check's credentials.
    refusals=0
    others=0
    while :; do
      left=$((limit - ($(date +%s) - started)))
      [ "$left" -le "$timeout" ] || left=$timeout
      [ "$left" -ge 1 ] || left=1
      look "$left" "$@" && break
      waited=$(($(date +%s) - started))
      error=$(tr '\n' ' ' <"$state/parent.err")
      if [ "$stale" = no ]; then
        case "$error" in
          *"manifest unknown"* | *"name unknown"* | *"NAME_UNKNOWN"* | *"MANIFEST_UNKNOWN"*) kind=missing ;;
          *unauthorized* | *"authentication required"* | *denied* | *DENIED* | *Forbidden* | *forbidden*) kind=refused ;;
          *) kind=other ;;
        esac
      else
        kind=older
      fi
      if [ "$kind" = refused ]; then refusals=$((refusals + 1)); else others=$((others + 1)); fi
      if [ "$waited" -ge "$limit" ]; then
        if [ "$others" -eq 0 ]; then
          log "ERROR: parent-refused: the registry refused the check's credentials for the parent image $parent on every look for ${waited}s (parent-timeout ${limit}s): check that registry-secret (or credential-helpers) lets the check read it (a registry that refuses what does not exist would also say this of a parent whose build failed); $ref is not built ($error)"
        elif [ "$kind" = older ]; then
          log "ERROR: the parent image $parent is still an older build after ${waited}s (parent-timeout ${limit}s): its build of this forced run failed or has not finished; $ref is not built ($error)"
        else
          log "ERROR: the parent image $parent is not in the registry after ${waited}s (parent-timeout ${limit}s): its build failed or has not finished; $ref is not built ($error)"
        fi
        exit 1
      fi
      # At least a second between looks, and none that ends after the time is up.
      [ "$delay" -ge 1 ] || delay=1
      [ "$delay" -le $((limit - waited)) ] || delay=$((limit - waited))
      if [ "$kind" = refused ] && [ "$refusals" -eq 1 ]; then
        log "WARNING: the registry refused the check's credentials for the parent image $parent: taken as not there yet (some registries refuse what does not exist yet), so if these credentials cannot read the registry this waits out parent-timeout (${limit}s) and fails"
      fi
      if [ "$kind" = other ]; then
        log "WARNING: cannot ask the registry for the parent image $parent (${waited}s so far, next look in ${delay}s): $error"
      else
        log "waiting for the parent image $parent (${waited}s so far, next look in ${delay}s): $error"
      fi
      sleep "$delay"
      delay=$((delay * 2))
      [ "$delay" -le "$most" ] || delay=$most
    done
    log "the parent image $parent is in the registry"
  done
  set +f
}

timeout="${CHECK_TIMEOUT_SECONDS:-60}"
seconds CHECK_TIMEOUT_SECONDS "$timeout"
[ "$timeout" -ge 1 ] || timeout=1
# skopeo's options for every question to the registry.
set --
config="${DOCKER_CONFIG:-/kaniko/.docker}/config.json"
if [ "${REGISTRY_CREDENTIALS:-secret}" = none ]; then
  log "asking anonymously (registry-secret is empty)"
elif [ -r "$config" ]; then
  set -- "$@" --authfile "$config"
elif [ "${REGISTRY_CREDENTIALS:-secret}" = helpers ]; then
  log "WARNING: no readable registry credentials at $config (kaniko-setup writes it); asking anonymously"
else
  log "WARNING: no readable registry credentials at $config (the registry secret is missing, or its key is not .dockerconfigjson); asking anonymously"
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

# mode: wait asks for a forced Pod's image: an older build under the tag is not there yet.
if [ -n "${WAIT_FORCE_NONCE:-}" ]; then
  case "$WAIT_FORCE_NONCE" in
    *[!0-9A-Za-z.:-]*)
      log "ERROR: WAIT_FORCE_NONCE is '$WAIT_FORCE_NONCE': expected a force nonce (digits, letters, '.', ':', '-')"
      exit 1
      ;;
  esac
fi
# 0 when the image is this forced run's build (or no run is waited for); ends with "build older" for
# an older build; else 1, with why in $state/check.err.
this_run() {
  [ -n "${WAIT_FORCE_NONCE:-}" ] || return 0
  label=$(forced_label "$ref" "$timeout" "$@" 2>"$state/check.err") || return 1
  [ "$label" = "$WAIT_FORCE_NONCE" ] && return 0
  log "$ref is an older build (label dev.kaniko-gitops.forced '$(shown "$label")'), not the forced run's ($WAIT_FORCE_NONCE)"
  decide build older
  exit 0
}

attempts="${CHECK_ATTEMPTS:-5}"
delay="${CHECK_BACKOFF_SECONDS:-2}"
attempt=1
while :; do
  if skopeo --command-timeout "${timeout}s" inspect --raw "$@" "docker://$ref" >"$state/manifest" 2>"$state/check.err" && this_run "$@"; then
    digest=$(skopeo --command-timeout "${timeout}s" manifest-digest "$state/manifest") || digest=unknown
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
