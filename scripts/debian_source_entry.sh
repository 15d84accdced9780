#!/usr/bin/env bash
# Prints a deb822 "deb-src" entry for the Debian archive this machine's apt already uses, or
# exits 1 when there is none. Reads deb822 files (*.sources) first, then one-line lists.
set -euo pipefail

main_archive_entry() {
  local file types uris suites components key line suite
  for file in /etc/apt/sources.list.d/*.sources; do
    [ -f "$file" ] || continue
    [[ $file == */kimonet-deb-src.sources ]] && continue
    # Paragraphs are separated by blank lines; the one wanted has Types deb and a suite that is the
    # release itself (bookworm), not bookworm-security or bookworm-updates.
    types="" uris="" suites="" components="" key=""
    while IFS= read -r line; do
      case "$line" in
        Types:*) types=${line#Types:} ;;
        URIs:*) uris=${line#URIs:} ;;
        Suites:*) suites=${line#Suites:} ;;
        Components:*) components=${line#Components:} ;;
        Signed-By:*) key=${line#Signed-By:} ;;
        "")
          if [[ " $types " == *" deb "* && -n ${uris// /} ]]; then
            for suite in $suites; do
              if [[ $suite =~ ^[a-z]+$ ]]; then
                printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: %s\n' "$(echo $uris)" "$suite" "$(echo $components)"
                [ -z "${key// /}" ] || printf 'Signed-By: %s\n' "$(echo $key)"
                return 0
              fi
            done
          fi
          types="" uris="" suites="" components="" key=""
          [ -n "$line" ] || continue ;;
      esac
    done < <(cat "$file"; echo)
  done
  return 1
}

legacy_list_entry() {
  local line
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$file" ] || continue
    while read -r kind rest; do
      [ "$kind" = deb ] || continue
      # Drop an optional [options] block, then: URI SUITE COMPONENTS...
      rest=$(sed -E 's/^\[[^]]*\][[:space:]]*//' <<<"$rest")
      read -r uri suite components <<<"$rest"
      [[ $suite =~ ^[a-z]+$ ]] || continue
      printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: %s\n' "$uri" "$suite" "${components:-main}"
      return 0
    done <"$file"
  done
  return 1
}

entry=$(main_archive_entry || legacy_list_entry) || exit 1
[ -n "$entry" ] || exit 1
printf '%s\n' "$entry"
