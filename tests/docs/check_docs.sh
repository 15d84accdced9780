#!/usr/bin/env bash
# Keeps the docs honest, cheaply (ctest docs.links, well under a second):
#  1. every relative Markdown link in README.md, docs/**/*.md and every folder's README.md points
#     at a file or folder that exists inside the repository (anchors are not checked);
#  2. no source or doc file refers, by a relative path, to a "shared" folder outside the
#     repository (the original authors had one next to it; a clone does not);
#  3. every direct subfolder of server/ and shared/ is named in that folder's README.md.
# Usage: check_docs.sh [repository root]   (default: two levels up from this script)
set -uo pipefail
root=$(realpath "${1:-$(dirname "$0")/../..}")
cd "$root" || exit 2
problems=0
problem() { echo "docs: $*" >&2; problems=$((problems + 1)); }
# Whether a path (relative to the root) stays inside the repository once resolved.
inside() { case "$(realpath -m "$1")/" in "$root"/*) return 0 ;; *) return 1 ;; esac; }

# Source files only: never the build tree, node_modules or fetched third-party code.
markdown_files() {
  find . \( -path ./build -o -path ./.git -o -name node_modules -o -name third_party \) -prune -o \
    -type f -name '*.md' -print | sed 's#^\./##' | sort
}

# 1. Relative links: [text](target) and [text](target "title"), skipping URLs, mail and anchors.
while IFS= read -r file; do
  dir=$(dirname "$file")
  # Drop fenced code blocks and inline code spans first: links there are examples, not links.
  while IFS= read -r target; do
    target=${target%%#*}
    target=${target%% *}
    [ -n "$target" ] || continue
    case "$target" in
      http://*|https://*|mailto:*|//*) continue ;;
    esac
    if [[ $target == /* ]]; then resolved=".$target"; else resolved="$dir/$target"; fi
    if ! inside "$resolved"; then problem "$file: link leaves the repository ($target)"
    elif [ ! -e "$resolved" ]; then problem "$file: broken link ($target)"; fi
  done < <(awk '/^[[:space:]]*```/ { fenced = !fenced; next } !fenced { gsub(/`[^`]*`/, ""); print }' "$file" |
           grep -oE '\]\([^)]+\)' | sed -E 's/^\]\(//; s/\)$//')
done < <(markdown_files)

# 2. Relative paths that climb to a "shared" folder outside the repository, in any source or doc
#    file (the pattern is spelled in pieces so that this script does not match itself).
climb='(\.\./)+'"shared/"
while IFS=: read -r file line _; do
  file=${file#./}
  while IFS= read -r path; do
    inside "$(dirname "$file")/$path" || problem "$file:$line: refers to $path, outside the repository"
  done < <(sed -n "${line}p" "$file" | grep -oE "$climb")
done < <(grep -rnE "$climb" . --include='*.md' --include='*.cpp' --include='*.hpp' --include='*.txt' \
           --include='*.cmake' --include='*.sh' --include='*.mjs' --include='*.js' --include='*.html' --include=Makefile \
           --exclude-dir=build --exclude-dir=.git --exclude-dir=node_modules --exclude-dir=third_party 2>/dev/null)

# 3. Folder tables: each subfolder of server/ and shared/ appears as `name/` in its README.
for parent in server shared; do
  [ -f "$parent/README.md" ] || { problem "$parent/README.md is missing"; continue; }
  for sub in "$parent"/*/; do
    name=$(basename "$sub")
    grep -qF "\`$name/\`" "$parent/README.md" || problem "$parent/README.md does not describe the folder $name/"
  done
done

if [ "$problems" -gt 0 ]; then
  echo "docs: $problems problem(s)" >&2
  exit 1
fi
echo "docs: links, references and folder tables are in order"
