#!/usr/bin/env bash
# Builds the JRE base image of the registry's container image from Debian packages alone, as a
# `docker save`-format tarball that Jib reads with quarkus.jib.base-jvm-image=tar://<file>.
#
# Why: Jib normally pulls its base image from a registry (Docker Hub, Quay, registry.access.redhat.com).
# Where only Debian's archive and Maven Central are reachable, this script makes an equivalent base:
# Debian bookworm (minbase) + openjdk-17-jre-headless + ca-certificates, and a non-root user
# `registry` (uid/gid 10001) that the application runs as. Where a registry is reachable, skip it
# and point quarkus.jib.base-jvm-image at a maintained JRE 17 image instead (see deploy/README.md).
#
# Usage (as root, needs debootstrap: apt-get install debootstrap):
#   deploy/base-image/build-base-image.sh [output.tar] [existing-rootfs-dir]
# Default output: target/base-image/jre17-bookworm.tar
set -euo pipefail

OUT=${1:-target/base-image/jre17-bookworm.tar}
ROOTFS=${2:-}
# DEBIAN_MIRROR: a Debian mirror URL; unset, debootstrap uses its default mirror.
MIRROR=${DEBIAN_MIRROR:-}
TAG=${BASE_IMAGE_TAG:-recsregistry/jre17-base:bookworm}
UID_GID=10001

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ -z "$ROOTFS" ]]; then
  ROOTFS="$work/rootfs"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
    bookworm "$ROOTFS" ${MIRROR:+"$MIRROR"}
fi

# The unprivileged user the application runs as; numeric so that Kubernetes can check runAsNonRoot.
if ! chroot "$ROOTFS" getent passwd "$UID_GID" >/dev/null; then
  chroot "$ROOTFS" groupadd --system --gid "$UID_GID" registry
  chroot "$ROOTFS" useradd --system --uid "$UID_GID" --gid "$UID_GID" --home-dir /home/registry \
    --create-home --shell /usr/sbin/nologin registry
fi
# What a runtime image does not need: package caches, docs, man pages.
rm -rf "$ROOTFS"/var/cache/apt/archives/*.deb "$ROOTFS"/var/lib/apt/lists/* \
  "$ROOTFS"/usr/share/doc/* "$ROOTFS"/usr/share/man/* "$ROOTFS"/usr/share/info/* \
  "$ROOTFS"/var/log/*.log "$ROOTFS"/tmp/* || true
chmod 1777 "$ROOTFS/tmp"

java_home=$(dirname "$(dirname "$(readlink -f "$ROOTFS/usr/bin/java")")")
java_home=${java_home#"$ROOTFS"}

# One layer, reproducible: fixed order, owners and times. Entries are named without a leading ./
# (Jib refuses a tarball with a ./ entry as "outside destination").
(cd "$ROOTFS" && ls -A) > "$work/top-level"
tar --sort=name --numeric-owner --mtime='2025-01-01 00:00:00' --xattrs --exclude='proc/*' --exclude='sys/*' \
  --exclude='dev/*' -C "$ROOTFS" -cf "$work/layer.tar" -T "$work/top-level"
diff_id=$(sha256sum "$work/layer.tar" | cut -d' ' -f1)

cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"2025-01-01T00:00:00Z",
 "config":{"User":"$UID_GID:$UID_GID","WorkingDir":"/home/registry",
   "Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"2025-01-01T00:00:00Z","created_by":"deploy/base-image/build-base-image.sh: debootstrap bookworm + openjdk-17-jre-headless"}]}
JSON
config_id=$(sha256sum "$work/config.json" | cut -d' ' -f1)
mkdir -p "$work/image/$diff_id"
mv "$work/layer.tar" "$work/image/$diff_id/layer.tar"
mv "$work/config.json" "$work/image/$config_id.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]\n' "$config_id" "$TAG" "$diff_id" \
  > "$work/image/manifest.json"

mkdir -p "$(dirname "$OUT")"
tar --sort=name --numeric-owner --mtime='2025-01-01 00:00:00' -C "$work/image" -cf "$OUT" \
  manifest.json "$config_id.json" "$diff_id"
echo "Base image $TAG written to $OUT ($(du -h "$OUT" | cut -f1)), JAVA_HOME=$java_home"
