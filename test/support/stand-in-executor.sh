#!/busybox/sh
# A stand-in for kaniko's /kaniko/executor in the test image of test/support/podman.ts. It reads no
# Dockerfile: it makes an image of one layer holding a fresh build id (so that every build pushes a new
# digest) and pushes it with skopeo to each --destination, with the credentials kaniko uses
# ($DOCKER_CONFIG/config.json), over plain HTTP for the hosts given as --insecure-registry. Like
# kaniko, it writes the digest to --digest-file and fails when a push fails.
set -eu
destinations=""
insecure=" "
digest_file=""
for arg in "$@"; do
  case "$arg" in
    --destination=*) destinations="$destinations ${arg#--destination=}" ;;
    --insecure-registry=*) insecure="$insecure${arg#--insecure-registry=} " ;;
    --digest-file=*) digest_file="${arg#--digest-file=}" ;;
  esac
done
if [ -z "$destinations" ]; then
  echo "stand-in executor: no --destination" >&2
  exit 1
fi

work=$(mktemp -d)
layout="$work/layout"
mkdir -p "$layout/blobs/sha256" "$work/rootfs"
cat /proc/sys/kernel/random/uuid >"$work/rootfs/build-id"
tar -cf "$work/layer.tar" -C "$work/rootfs" build-id

# Moves a file into the layout's blobs; sets $digest and $size.
add_blob() {
  digest="sha256:$(sha256sum "$1" | cut -d ' ' -f 1)"
  size=$(wc -c <"$1")
  mv "$1" "$layout/blobs/sha256/${digest#sha256:}"
}
add_blob "$work/layer.tar"
layer="{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"$digest\",\"size\":$size}"
printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":["%s"]}}' "$digest" >"$work/config"
add_blob "$work/config"
config="{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"$digest\",\"size\":$size}"
printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":%s,"layers":[%s]}' "$config" "$layer" >"$work/manifest"
add_blob "$work/manifest"
printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"build"}}]}' "$digest" "$size" >"$layout/index.json"
printf '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"

for destination in $destinations; do
  set -- --quiet --dest-authfile "${DOCKER_CONFIG:-/kaniko/.docker}/config.json" --digestfile "$work/digest"
  case "$insecure" in
    *" ${destination%%/*} "*) set -- "$@" --dest-tls-verify=false ;;
  esac
  skopeo copy "$@" "oci:$layout:build" "docker://$destination"
  echo "stand-in executor: pushed $destination@$(cat "$work/digest")"
done
if [ -n "$digest_file" ]; then cp "$work/digest" "$digest_file" 2>/dev/null || true; fi
rm -rf "$work"
