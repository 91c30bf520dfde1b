#!/usr/bin/env bash
# System packages the tests need (Debian/Ubuntu): Chromium for the end-to-end tests,
# LibreOffice + poppler + CJK fonts to measure exported DOCX files, python3-uno to drive
# LibreOffice as a reviewer (test/helpers/lo-reviewer.py, run by /usr/bin/python3), pandoc for
# the export benchmark. Installs only what is missing; safe to run again.
set -euo pipefail
packages=(chromium libreoffice-writer-nogui python3-uno poppler-utils fonts-noto-cjk pandoc)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${packages[*]})"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "system packages: installing ${missing[*]}"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
