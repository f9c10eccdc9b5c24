#!/usr/bin/env bash
# Installs the system programs the tests drive, when they are missing (Debian/Ubuntu):
#   chromium          headless browser for the task pane, sidebar and preview tests (playwright-core drives it)
#   libreoffice-calc  recalculates the .xlsx files the CLI writes (soffice --headless)
#   libxml2-utils     xmllint, validates manifest.xml against the Office schemas offline
#   poppler-utils     pdftotext / pdffonts / pdftoppm: pages, fonts and images of the workbook LibreOffice prints
#   python3-openpyxl  the second, independent .xlsx reader the tests open the workbook with (4 small packages)
#   openssl           the throwaway certificate of the https dev server test (test/tools/serve-excel.test.ts)
# test/harness/tools.ts names the same programs: with CI set a missing one fails the run naming it.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1 || need+=(python3-openpyxl)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
if [ ${#need[@]} -eq 0 ]; then
  echo "setup-system: chromium, xmllint, soffice, poppler-utils, openpyxl and openssl are present"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup-system: missing ${need[*]}; install them with apt-get as root" >&2
    exit 1
  fi
fi
echo "setup-system: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
for pkg in "${need[@]}"; do
  if [ "$pkg" = libreoffice-calc ] || [ "$pkg" = python3-openpyxl ]; then
    $SUDO apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
  else
    $SUDO apt-get install -y -qq "$pkg" >/dev/null
  fi
done
echo "setup-system: done"
