#!/usr/bin/env bash
# A stand-in for the `docker` CLI that lets quarkus-container-image-jib write the image to a tarball.
#
# Quarkus' Jib extension builds either to a registry (push) or to a Docker daemon through the docker
# CLI: it runs `docker info` (platform) and pipes the finished image, as a `docker save`-format
# tarball, into `docker load`. Where there is no Docker engine, this script answers `info` and
# stores what `load` receives in $JIB_IMAGE_TAR instead: the image Jib built, byte for byte, ready
# for `docker load -i`, `podman load -i`, `skopeo copy docker-archive:...` or `crane push`.
# Set it with quarkus.jib.docker-executable-name (the `image` Maven profile does; see deploy/README.md).
set -euo pipefail
out=${JIB_IMAGE_TAR:?set JIB_IMAGE_TAR to the tarball to write}
case "${1:-}" in
  info)
    # Jib reads OSType/Architecture to pick a platform from a multi-platform base image.
    echo '{"OSType":"linux","Architecture":"x86_64"}'
    ;;
  load)
    mkdir -p "$(dirname "$out")"
    cat > "$out.part"
    mv "$out.part" "$out"
    echo "Loaded image: written to $out"
    ;;
  version|--version)
    echo "jib-docker-to-tar (writes $out)"
    ;;
  *)
    echo "jib-docker-to-tar: '$*' is not supported (only info, load)" >&2
    exit 1
    ;;
esac
