# kaniko-setup: runs first when credential helpers are configured, in the kaniko executor image.
# Copies that image's docker-credential-<name> helpers into a folder the registry check puts first
# in its PATH (the check image has none), and writes the config.json the check and kaniko read:
# {"credHelpers": {...}} alone, or added to the registry secret's config.json.
# Every value arrives in the environment; none is part of this text.
#   CREDENTIAL_HELPERS        the credHelpers map as JSON (hosts and names validated by the action)
#   CREDENTIAL_HELPER_NAMES   the helper names, separated by spaces
#   HELPERS_SOURCE            where the image keeps its helpers (default /kaniko)
#   HELPERS_DIR               the folder shared with the check container
#   REGISTRY_SECRET_CONFIG    the secret's config.json, when a secret is mounted
#   DOCKER_CONFIG             the folder of the config.json to write
set -u
set -f
# The written config holds the secret's credentials; the check runs as this same user.
umask 077
log() { printf 'kaniko-setup: %s\n' "$*"; }

source_dir="${HELPERS_SOURCE:-/kaniko}"
found=''
missing=''
for name in ${CREDENTIAL_HELPER_NAMES:-}; do
  helper="docker-credential-$name"
  if [ -f "$source_dir/$helper" ] && cp "$source_dir/$helper" "$HELPERS_DIR/$helper.tmp" && mv "$HELPERS_DIR/$helper.tmp" "$HELPERS_DIR/$helper"; then
    found="$found $helper"
  else
    missing="$missing $helper"
  fi
done
if [ -n "$found" ]; then log "credential helpers for the registry check, from $source_dir:$found"; fi
if [ -n "$missing" ]; then log "WARNING: not in $source_dir:$missing (the check finds them only in its own image; kaniko only in its PATH)"; fi

helpers="${CREDENTIAL_HELPERS:-}"
case "$helpers" in
  '{'*'}') ;;
  *)
    log "ERROR: CREDENTIAL_HELPERS is not a JSON object"
    exit 1
    ;;
esac
config="${DOCKER_CONFIG:-/kaniko/.docker}/config.json"
secret="${REGISTRY_SECRET_CONFIG:-}"
if [ -z "$secret" ]; then
  merged="{\"credHelpers\":$helpers}"
else
  if [ ! -r "$secret" ]; then
    log "ERROR: the registry secret has no readable config.json at $secret (its key must be .dockerconfigjson)"
    exit 1
  fi
  text=$(cat "$secret") || exit 1
  text="${text#"${text%%[![:space:]]*}"}"
  text="${text%"${text##*[![:space:]]}"}"
  case "$text" in
    '{'*'}') ;;
    *)
      log "ERROR: the registry secret's config.json is not a JSON object ({...}): cannot add credHelpers to it"
      exit 1
      ;;
  esac
  # credHelpers goes last: for a host the secret's own credHelpers names too, the later entry wins
  # (Go's JSON decoder, in skopeo and kaniko, merges both maps), so the action's input decides.
  body="${text%?}"
  inner="${body#?}"
  case "${inner#"${inner%%[![:space:]]*}"}" in
    '') merged="{\"credHelpers\":$helpers}" ;;
    *) merged="$body,\"credHelpers\":$helpers}" ;;
  esac
fi
if ! { printf '%s\n' "$merged" >"$config.tmp" && mv "$config.tmp" "$config"; }; then
  log "ERROR: cannot write $config"
  exit 1
fi
if [ -n "$secret" ]; then
  log "wrote $config: the registry secret's config.json and credHelpers $helpers"
else
  log "wrote $config: credHelpers $helpers"
fi
