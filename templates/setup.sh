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
if [ -n "$secret" ] && [ ! -r "$secret" ]; then
  # As the check does without helpers: the Pod runs, hosts without a helper are asked anonymously,
  # and a push that needs the secret fails visibly.
  log "WARNING: the registry secret has no readable config.json at $secret (the secret is missing, or its key is not .dockerconfigjson): writing credHelpers alone"
  secret=''
fi
# $config.tmp gets the secret's text up to its last "}" (or nothing), then $merged.
merged="{\"credHelpers\":$helpers}"
if [ -z "$secret" ]; then
  : >"$config.tmp" || exit 1
else
  # One pass over the text (a padded secret must not cost more than its size): copies it up to its
  # last non-blank character, which must be "}", and fails when the first is not "{". Exits 3 when
  # nothing but blanks is between them. The JSON between the braces is not checked here: skopeo in
  # the check refuses invalid JSON ("invalid character"), which fails the check.
  # Blanks are JSON's: space, tab, CR, LF. Each pattern starts with a non-blank character, so that
  # a search costs the length of the line, however its blanks are spread.
  status=0
  awk '
    /[^ \t\r]/ {
      if (!started) {
        started = 1
        if (substr($0, match($0, /[^ \t\r]/), 1) != "{") { bad = 1; exit }
      }
      if (held) print line
      for (; blanks > 0; blanks--) print ""
      line = $0
      held = 1
      # Non-blank characters, counted up to 3 (a count of all costs the square of a long line).
      if (chars < 3) chars += line ~ /[^ \t\r][ \t\r]*[^ \t\r][ \t\r]*[^ \t\r]/ ? 3 : line ~ /[^ \t\r][ \t\r]*[^ \t\r]/ ? 2 : 1
      next
    }
    { blanks++ }
    END {
      if (bad || !started) exit 4
      last = match(line, /[^ \t\r][ \t\r]*$/)
      if (substr(line, last, 1) != "}") exit 4
      if (chars == 2) exit 3
      print substr(line, 1, last - 1)
    }
  ' "$secret" >"$config.tmp" || status=$?
  case "$status" in
    # credHelpers goes last: for a host the secret's own credHelpers names too, the later entry wins
    # (Go's JSON decoder, in skopeo and kaniko, merges both maps), so the action's input decides.
    0) merged=",\"credHelpers\":$helpers}" ;;
    3) : >"$config.tmp" || exit 1 ;;
    4)
      rm -f "$config.tmp"
      log "ERROR: the registry secret's config.json is not a JSON object ({...}): cannot add credHelpers to it"
      exit 1
      ;;
    *)
      rm -f "$config.tmp"
      log "ERROR: cannot copy the registry secret's config.json from $secret"
      exit 1
      ;;
  esac
fi
if ! { printf '%s\n' "$merged" >>"$config.tmp" && mv "$config.tmp" "$config"; }; then
  log "ERROR: cannot write $config"
  exit 1
fi
if [ -n "$secret" ]; then
  log "wrote $config: the registry secret's config.json and credHelpers $helpers"
else
  log "wrote $config: credHelpers $helpers"
fi
