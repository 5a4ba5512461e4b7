#!/usr/bin/env bash
# Installs EduSite into a temporary prefix and builds a copy of example-site with the installed binary,
# from a folder outside the checkout, so nothing but the install (binary + share/edusite) can be used.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root="$PWD"
work="$(mktemp -d /tmp/edusite-install-XXXXXX)"
trap 'rm -rf "$work"' EXIT
scripts/install "$work/prefix" >/dev/null
cp -r example-site "$work/site"
rm -rf "$work/site/public"
cd "$work"
env -u EDUSITE_THEMES -u EDUSITE_MANIFESTS "$work/prefix/bin/edusite" check site
env -u EDUSITE_THEMES -u EDUSITE_MANIFESTS "$work/prefix/bin/edusite" build site
test -f site/public/compliance.json
test -f site/public/index.html
test -f site/public/css/edusite.css
grep -q 'data-layout="home"' site/public/index.html
echo "installed binary built the site from $work without the checkout at $root"
