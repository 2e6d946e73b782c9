#!/usr/bin/env bash
# Installs everything the factory and its tests need on a fresh Debian machine, then builds.
# Debian packages: the Python stack generated projects are tested with (PyPI is not reachable here),
# and the validators the test suite runs. Needs root (or sudo) only when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  git
  python3 python3-sklearn python3-scipy python3-pandas python3-joblib python3-fastapi python3-uvicorn python3-httpx
  python3-pytest python3-prometheus-client python3-pydantic python3-torch python3-matplotlib
  prometheus prometheus-pushgateway yamllint shellcheck chromium
  # e2e/images.test.ts: build the Dockerfiles on a Debian base made by debootstrap.
  podman debootstrap
)

missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages: ${missing[*]}"
  # Another apt run (unattended upgrades, a second setup) may hold the dpkg lock: wait for it.
  apt_wait=(-o DPkg::Lock::Timeout=600)
  $sudo apt-get "${apt_wait[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get "${apt_wait[@]}" install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
npm run build
# The workspaces' bins point into dist/, which only exists now: link them (npx create-ml-project, ai-factory).
npm rebuild --ignore-scripts --no-audit --no-fund >/dev/null
