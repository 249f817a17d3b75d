# Sourced by scripts/test: arguments naming an existing path (pytest's
# "file.py::test" included) are made absolute, so that they keep the meaning
# they have in the caller's folder after the script moves to the repository.
# The value after -k, -m, -p, -o or -n is an expression or a name: kept as is.
# Usage: absolute_args "$@"; then "${ABSOLUTE_ARGS[@]}" holds them.
absolute_args() {
    ABSOLUTE_ARGS=()
    local arg path verbatim=0
    for arg in "$@"; do
        path=${arg%%::*}
        if [[ $verbatim -eq 0 && $arg != -* && -n $path && -e $path ]]; then
            arg=$(realpath -- "$path")${arg:${#path}}
        fi
        verbatim=0
        case $arg in -k | -m | -p | -o | -n) verbatim=1 ;; esac
        ABSOLUTE_ARGS+=("$arg")
    done
}
