# Sourced by scripts/run and scripts/test: make ./.venv and install Pellicle
# into it with the given extras, only when pyproject.toml changed since the
# last install. pip's output is kept in .venv/pip.log and shown on failure.
ensure_venv() {
    local extras="$1"
    if [[ ! -x .venv/bin/python ]]; then
        python3 -m venv .venv
    fi
    local stamp=".venv/.pellicle-installed${extras:+-$extras}"
    local want
    want=$(sha256sum pyproject.toml | cut -d' ' -f1)
    if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
        return 0
    fi
    # An install with extras (e.g. test) holds the plain one too.
    if [[ -z "$extras" ]]; then
        local other
        for other in .venv/.pellicle-installed-*; do
            [[ -f "$other" && "$(cat "$other")" == "$want" ]] && return 0
        done
    fi
    local spec="."
    [[ -n "$extras" ]] && spec=".[$extras]"
    if ! .venv/bin/python -m pip install -q --upgrade pip >.venv/pip.log 2>&1 \
        || ! .venv/bin/python -m pip install -q -e "$spec" >>.venv/pip.log 2>&1; then
        cat .venv/pip.log >&2
        echo "pip could not install Pellicle (log above, also in .venv/pip.log)" >&2
        return 1
    fi
    echo "$want" >"$stamp"
}
