#!/usr/bin/env bash
# Builds Berth's default session images from Debian packages and pushes them to the local registry:
#
#   bash images/build.sh [desktop|desktop-deluxe|firefox|all]...   (default: all)
#
# Stages: root filesystems under $BERTH_IMAGE_BUILD_DIR/stages/<stage>/rootfs, each made from a copy
# of its parent's plus chroot + apt-get, kept between runs and rebuilt only when their inputs change
# (packages lists, the code that builds them, the mirror):
#
#   base            debootstrap --variant=minbase bookworm, slimmed, user berth (uid 1000)
#   core            + Xvnc, D-Bus, fonts (images/core/packages; stubs: images/core/stubs)
#   desktop         + jwm, xterm, pcmanfm                                    -> berth/desktop
#   desktop-deluxe  + LibreOffice, text editor, image viewer, PDF viewer     -> berth/desktop-deluxe
#   firefox         core + Firefox ESR, matchbox-window-manager              -> berth/firefox
#
# Images are layered like the stages, so agents download shared parts once:
#   berth/session-core:base-<hash>  docker import of core
#   berth/session-core:<hash>       + the session files: gateway (images/gateway), noVNC + Berth's
#                                     page (images/web), session script (images/core/rootfs)
#   berth/desktop                   + desktop's package layer + its files (images/desktop/rootfs)
#   berth/desktop-deluxe            berth/desktop + deluxe's package layer + its files
#   berth/firefox                   berth/session-core + firefox's package layer + its files
# Files layers are separate from package layers, so changing a file rebuilds no root filesystem.
# Each image is tagged berth/<name>:latest and pushed as $BERTH_REGISTRY/berth/<name>:latest, with
# the hash of its inputs in the label org.berth.image.source-hash; an image already built from the
# same inputs and present in the registry is left alone. Details: docs/images.md.
#
# Options (environment):
#   BERTH_IMAGE_BUILD_DIR   cache folder (default /var/lib/berth/image-build)
#   BERTH_IMAGE_REFRESH=1   start again from debootstrap (picks up Debian's latest updates)
#   BERTH_DEBIAN_MIRROR     Debian mirror (default: the one in /etc/apt/sources.list.d/debian.sources)
#   BERTH_DEBIAN_SECURITY_MIRROR   likewise for bookworm-security
# Needs root, debootstrap, gcc, and the services (bash scripts/services.sh start).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib/env.sh
source "$here/../scripts/lib/env.sh"

WORK="${BERTH_IMAGE_BUILD_DIR:-/var/lib/berth/image-build}"
SUITE=bookworm
STAGES="$WORK/stages"
DEBS="$WORK/debs"
LOGS="$WORK/logs"
started=$(date +%s%N)

# ------------------------------------------------------------------ output

elapsed() {
  local ms=$((($(date +%s%N) - started) / 1000000))
  printf '%d.%d s' $((ms / 1000)) $(((ms % 1000) / 100))
}
say() { printf '[%8s] %s\n' "$(elapsed)" "$*"; }
die() {
  printf '[%8s] images: %s\n' "$(elapsed)" "$*" >&2
  exit 1
}

# run LOG CMD...: runs a command with its output in LOG; on failure shows the end of it.
run() {
  local log=$1
  shift
  if ! "$@" >>"$log" 2>&1; then
    echo "---- last lines of $log ----" >&2
    tail -n 40 "$log" >&2
    die "failed: $*"
  fi
}

# ------------------------------------------------------------------ setup

[[ $EUID -eq 0 ]] || die "needs root (debootstrap, chroot)"
for tool in debootstrap gcc chroot dpkg-deb sha256sum; do
  command -v "$tool" >/dev/null || die "$tool is missing (run: bash scripts/install.sh)"
done

targets=()
for arg in "${@:-all}"; do
  case "$arg" in
    all) targets+=(desktop desktop-deluxe firefox) ;;
    desktop | desktop-deluxe | firefox) targets+=("$arg") ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown image '$arg' (desktop, desktop-deluxe, firefox or all)" ;;
  esac
done

mkdir -p "$STAGES" "$DEBS/partial" "$LOGS"
exec 9>"$WORK/.lock"
flock -n 9 || {
  echo "images: another build is running; waiting for it" >&2
  flock 9
}

# The Debian mirrors: the ones this machine's apt uses (deb822 sources), unless set.
mirror_for() { # SUITE-PATTERN
  awk -v want="$1" '
    /^URIs:/ { uri = $2 }
    /^Suites:/ { for (i = 2; i <= NF; i++) if ($i ~ want) found = 1 }
    /^$/ { if (found && uri) { print uri; exit } found = 0; uri = "" }
    END { if (found && uri) print uri }' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1
}
MIRROR="${BERTH_DEBIAN_MIRROR:-$(mirror_for "^$SUITE\$")}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
SECURITY_MIRROR="${BERTH_DEBIAN_SECURITY_MIRROR:-$(mirror_for "^$SUITE-security\$")}"
SECURITY_MIRROR="${SECURITY_MIRROR:-http://deb.debian.org/debian-security}"

# ------------------------------------------------------------------ chroot helpers

MOUNTS=()
cleanup() {
  local i
  for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTS[$i]}" 2>/dev/null || true; done
  MOUNTS=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

chroot_enter() { # ROOTFS: mounts /proc and the shared package cache
  local r=$1
  mount -t proc proc "$r/proc"
  MOUNTS+=("$r/proc")
  mkdir -p "$r/var/cache/apt/archives"
  mount --bind "$DEBS" "$r/var/cache/apt/archives"
  MOUNTS+=("$r/var/cache/apt/archives")
  # No service starts inside the build.
  printf '#!/bin/sh\nexit 101\n' >"$r/usr/sbin/policy-rc.d"
  chmod 755 "$r/usr/sbin/policy-rc.d"
  cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
}

chroot_leave() { # ROOTFS
  local r=$1
  rm -f "$r/usr/sbin/policy-rc.d"
  : >"$r/etc/resolv.conf"
  cleanup
  if grep -qF " $r/" /proc/mounts; then die "something is still mounted under $r"; fi
}

in_root() { # ROOTFS CMD...
  local r=$1
  shift
  chroot "$r" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive DEBCONF_NONINTERACTIVE_SEEN=true "$@"
}

# Removes a stage folder, refusing while anything is mounted inside it.
remove_tree() {
  local d=$1
  [[ -e "$d" ]] || return 0
  if grep -qF " $d/" /proc/mounts; then die "refusing to remove $d: something is mounted inside"; fi
  rm -rf --one-file-system "$d"
}

packages_of() { grep -v '^\s*#' "$1" | tr -s ' \t' '\n' | sed '/^$/d'; }

# apt-get install with a one-line summary.
apt_install() { # STAGE ROOTFS PACKAGES...
  local stage=$1 r=$2
  shift 2
  local log="$LOGS/$stage.log"
  run "$log" in_root "$r" apt-get update
  say "$stage: installing $* (apt-get, see $log)"
  run "$log" in_root "$r" apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confold "$@"
  local summary
  summary="$(grep -E '^[0-9]+ upgraded, [0-9]+ newly installed' "$log" | tail -n1 || true)"
  say "$stage: ${summary:-installed}"
}

# Leaves the root filesystem exactly as the image should hold it.
slim() { # ROOTFS
  local r=$1
  # (No apt-get clean: the package cache is the shared one, mounted; build_stage empties the
  # rootfs' own after unmounting it.)
  rm -rf "$r"/var/lib/apt/lists/* "$r"/var/cache/apt/*.bin "$r"/var/cache/debconf/*-old \
    "$r"/var/lib/dpkg/*-old "$r"/var/log/apt/* "$r"/root/.cache "$r"/tmp/* "$r"/var/tmp/* \
    "$r"/var/cache/ldconfig/aux-cache
  find "$r/var/log" -type f -exec truncate -s 0 {} +
  # What dpkg's path-exclude (images/base/rootfs/etc/dpkg/dpkg.cfg.d/berth-slim) keeps out of
  # packages installed later, removed from those debootstrap installed.
  find "$r/usr/share/doc" -mindepth 1 \( -type f -o -type l \) ! -name copyright -delete 2>/dev/null || true
  find "$r/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  rm -rf "$r"/usr/share/man/* "$r"/usr/share/info/* "$r"/usr/share/lintian/* "$r"/usr/share/linda/* \
    "$r"/usr/share/gtk-doc/* "$r"/usr/share/help/* "$r"/usr/share/groff/*
  find "$r/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} + 2>/dev/null || true
  # shellcheck disable=SC2174  # /tmp exists: -m applies to .X11-unix, as meant
  mkdir -p -m 1777 "$r/tmp/.X11-unix"
  chmod 1777 "$r/tmp"
}

# Copies a stage's files (images/<stage>/rootfs) into the root filesystem: root's, except the
# session user's home.
overlay() { # STAGE ROOTFS
  local src="$here/$1/rootfs" r=$2
  [[ -d "$src" ]] || return 0
  (cd "$src" && tar --owner=0 --group=0 --numeric-owner -cf - .) | tar -C "$r" --no-overwrite-dir --keep-directory-symlink -xpf -
  if [[ -d "$src/home/berth" ]]; then chown -R 1000:1000 "$r/home/berth"; fi
}

# ------------------------------------------------------------------ stage hashes

# The hash of a stage's inputs: its parent's hash, the code that builds it, and its folder.
files_hash() { # PATHS...: content and mode of every file, in a stable order
  local p
  for p in "$@"; do
    [[ -e "$p" ]] || continue
    (cd "$(dirname "$p")" && find "$(basename "$p")" -type f -printf '%m %p\n' | LC_ALL=C sort |
      while read -r mode f; do printf '%s %s %s\n' "$mode" "$f" "$(sha256sum <"$f" | cut -c1-64)"; done)
  done | sha256sum | cut -c1-16
}

stage_hash() { # STAGE PARENT-HASH
  local stage=$1 parent=$2 fn="stage_${1//-/_}"
  {
    echo "$parent"
    echo "$SUITE $MIRROR $SECURITY_MIRROR"
    # The code that shapes the stage, and its inputs.
    declare -f "$fn" slim in_root chroot_enter
    case $stage in
      base) declare -f overlay && files_hash "$here/base" ;;
      core) declare -f apt_install && files_hash "$here/core/packages" "$here/core/stubs" ;;
      *) declare -f stage_apps apt_install && files_hash "$here/$stage/packages" ;;
    esac
  } | sha256sum | cut -c1-16
}

# ------------------------------------------------------------------ the stages

stage_base() { # ROOTFS
  local r=$1 log="$LOGS/base.log"
  say "base: debootstrap --variant=minbase $SUITE from $MIRROR (about a minute; see $log)"
  run "$log" debootstrap --variant=minbase --cache-dir="$DEBS" "$SUITE" "$r" "$MIRROR"
  overlay base "$r"
  rm -f "$r/etc/apt/sources.list"
  cat >"$r/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $MIRROR
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  chroot_enter "$r"
  run "$log" in_root "$r" apt-get update
  say "base: applying Debian's updates"
  run "$log" in_root "$r" apt-get -y -o Dpkg::Options::=--force-confold dist-upgrade
  # The session user: uid/gid 1000, like every Berth image.
  in_root "$r" groupadd -g 1000 berth
  in_root "$r" useradd -u 1000 -g 1000 -m -d /home/berth -s /bin/bash -c "Berth session" berth
  slim "$r"
  chroot_leave "$r"
}

stage_core() { # ROOTFS
  local r=$1 log="$LOGS/core.log"
  chroot_enter "$r"
  run "$log" in_root "$r" apt-get update
  # berth-stubs: stands in for the packages listed in images/core/stubs, at the archive's versions.
  local provides="" p v
  for p in $(packages_of "$here/core/stubs"); do
    v="$(in_root "$r" apt-cache policy "$p" | awk '/Candidate:/ { print $2 }')"
    [[ -n "$v" && "$v" != "(none)" ]] || die "core: no package $p in the archive (images/core/stubs)"
    provides+="${provides:+, }$p (= $v)"
  done
  local pkg="$WORK/berth-stubs"
  rm -rf "$pkg" && mkdir -p "$pkg/DEBIAN"
  cat >"$pkg/DEBIAN/control" <<EOF
Package: berth-stubs
Version: 1.0
Architecture: all
Multi-Arch: allowed
Priority: optional
Section: misc
Maintainer: Berth <berth@localhost>
Provides: $provides
Description: stands in for packages Berth's session images do not need
 See images/core/stubs in the Berth repository.
EOF
  run "$log" dpkg-deb --root-owner-group --build "$pkg" "$r/tmp/berth-stubs.deb"
  rm -rf "$pkg"
  run "$log" in_root "$r" dpkg -i /tmp/berth-stubs.deb
  rm -f "$r/tmp/berth-stubs.deb"

  # shellcheck disable=SC2046  # one argument per package
  apt_install core "$r" $(packages_of "$here/core/packages")

  # noVNC's web client only (the novnc package itself would bring nodejs and Python, ~260 MB),
  # kept next to the root filesystem for the session files layer (see build_session_core).
  run "$log" in_root "$r" sh -c 'cd /tmp && apt-get download novnc'
  local deb
  deb="$(ls "$r"/tmp/novnc_*.deb)"
  mkdir -p "$(dirname "$r")/novnc"
  run "$log" dpkg-deb -x "$deb" "$(dirname "$r")/novnc"
  dpkg-deb -f "$deb" Version | sed 's/^[0-9]*://; s/-[^-]*$//' >"$(dirname "$r")/novnc/version"
  rm -f "$deb"

  # D-Bus wants a machine id; sessions are disposable, one per image will do.
  [[ -s "$r/etc/machine-id" ]] || in_root "$r" dbus-uuidgen --ensure=/etc/machine-id
  in_root "$r" fc-cache -f >/dev/null 2>&1 || true
  slim "$r"
  chroot_leave "$r"
}

# desktop, desktop-deluxe, firefox: the packages in images/<stage>/packages. Their files
# (images/<stage>/rootfs) go into the image as a layer of their own (build_child_image).
stage_apps() { # STAGE ROOTFS
  local stage=$1 r=$2
  chroot_enter "$r"
  # shellcheck disable=SC2046  # one argument per package
  apt_install "$stage" "$r" $(packages_of "$here/$stage/packages")
  in_root "$r" fc-cache -f >/dev/null 2>&1 || true
  slim "$r"
  chroot_leave "$r"
}
stage_desktop() { stage_apps desktop "$1"; }
stage_desktop_deluxe() { stage_apps desktop-deluxe "$1"; }
stage_firefox() { stage_apps firefox "$1"; }

parent_of() {
  case "$1" in
    base) echo "" ;;
    core) echo base ;;
    desktop | firefox) echo core ;;
    desktop-deluxe) echo desktop ;;
  esac
}

declare -A HASH IMAGE_HASH
# build_stage STAGE: makes sure the stage's root filesystem is current; sets HASH[STAGE].
build_stage() {
  local stage=$1 parent
  parent="$(parent_of "$stage")"
  [[ -z "$parent" ]] || build_stage "$parent"
  [[ -z "${HASH[$stage]:-}" ]] || return 0
  local refresh=""
  [[ "${BERTH_IMAGE_REFRESH:-0}" == 1 && $stage == base ]] && refresh="$(date +%s)"
  local hash
  hash="$(stage_hash "$stage" "${parent:+${HASH[$parent]}}$refresh")"
  local dir="$STAGES/$stage"
  if [[ -z "$refresh" && -f "$dir/stamp" && "$(cat "$dir/stamp")" == "$hash" && -d "$dir/rootfs" ]]; then
    say "$stage: up to date ($hash)"
    HASH[$stage]=$hash
    return 0
  fi
  local t0=$SECONDS
  say "$stage: building ($hash)"
  remove_tree "$dir.new"
  mkdir -p "$dir.new"
  : >"$LOGS/$stage.log"
  if [[ -n "$parent" ]]; then
    say "$stage: copying $parent's root filesystem"
    cp -a "$STAGES/$parent/rootfs" "$dir.new/rootfs"
  fi
  "stage_${stage//-/_}" "$dir.new/rootfs"
  if grep -qF " $dir.new/" /proc/mounts; then die "$stage: something is still mounted under $dir.new"; fi
  find "$dir.new/rootfs/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -delete 2>/dev/null || true
  echo "$hash" >"$dir.new/stamp"
  remove_tree "$dir"
  mv "$dir.new" "$dir"
  say "$stage: done in $((SECONDS - t0)) s, $(du -sh --apparent-size "$dir/rootfs" | cut -f1) on disk"
  HASH[$stage]=$hash
}

# ------------------------------------------------------------------ images

# The image configuration every session image shares (docker import --change / Dockerfile lines).
image_config() { # NAME HASH DESKTOP-NAME
  cat <<EOF
USER 1000:1000
WORKDIR /home/berth
ENV HOME=/home/berth USER=berth LANG=C.UTF-8 PATH=/usr/local/bin:/usr/bin:/bin BERTH_DESKTOP_NAME="$3" BERTH_GATEWAY_READY_FILE=/tmp/.berth-ready
EXPOSE 6901
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/berth-gateway", "--root", "/usr/share/berth/web", "--vnc", "127.0.0.1:5901", "--", "/usr/local/bin/berth-session"]
CMD []
LABEL org.berth.image="$1" org.berth.image.source-hash="$2"
EOF
}

image_hash() { # REF: the source-hash label of a local image ("" if none)
  berth_docker image inspect -f '{{index .Config.Labels "org.berth.image.source-hash"}}' "$1" 2>/dev/null || true
}

# The core image, in two layers: the core root filesystem (docker import), then the session
# files: the gateway, noVNC's web client with Berth's page, the session script (images/core/rootfs).
# Those change more often than packages, and changing them rebuilds no root filesystem.
SESSION_HASH=""
session_hash() {
  { echo "${HASH[core]}"; declare -f build_session_core image_config; files_hash "$here/gateway" "$here/web" "$here/core/rootfs"; } |
    sha256sum | cut -c1-16
}

build_session_core() {
  local base="berth/session-core:base-${HASH[core]}"
  if [[ "$(image_hash "$base")" != "${HASH[core]}" ]]; then
    say "core: docker import"
    local changes=() line
    # (docker import takes no STOPSIGNAL; SIGTERM is the default anyway.)
    while IFS= read -r line; do changes+=(--change "$line"); done < <(image_config session-core "${HASH[core]}" "Berth" | grep -v '^STOPSIGNAL')
    tar -C "$STAGES/core/rootfs" --numeric-owner --xattrs --exclude='./dev/*' -cf - . |
      berth_docker import "${changes[@]}" - "$base" >"$LOGS/core-image.log" 2>&1 || {
      cat "$LOGS/core-image.log" >&2
      die "core: docker import failed"
    }
  fi
  SESSION_HASH="$(session_hash)"
  local ref="berth/session-core:$SESSION_HASH"
  if [[ "$(image_hash "$ref")" == "$SESSION_HASH" ]]; then return 0; fi
  say "core: session files (gateway, noVNC page, session script)"
  local ctx="$WORK/context/session-core"
  remove_tree "$ctx"
  mkdir -p "$ctx/root/usr/local/bin" "$ctx/root/usr/share/berth/web"
  gcc -O2 -static -s -Wall -Wextra -o "$ctx/root/usr/local/bin/berth-gateway" "$here/gateway/gateway.c" 2>"$LOGS/gateway.log" || {
    cat "$LOGS/gateway.log" >&2
    die "core: the gateway does not compile"
  }
  local novnc="$STAGES/core/novnc" web="$ctx/root/usr/share/berth/web"
  cp -a "$novnc/usr/share/novnc/." "$web/"
  rm -rf "$web/utils" "$web/vnc_auto.html"
  cp "$novnc/usr/share/doc/novnc/copyright" "$web/LICENSE.txt" 2>/dev/null || true
  # noVNC's own full client (vnc.html, also served) reads its version from package.json.
  printf '{\n  "name": "@novnc/novnc",\n  "version": "%s"\n}\n' "$(cat "$novnc/version")" >"$web/package.json"
  # Every module core/rfb.js imports, directly or not, preloaded by the page: fetched at once
  # instead of one level of imports after another (each level is a round trip to the browser).
  local preload="" f imp
  local -a todo=(core/rfb.js)
  local -A seen=()
  while ((${#todo[@]})); do
    f=${todo[0]}
    todo=("${todo[@]:1}")
    [[ -z "${seen[$f]:-}" && -f "$web/$f" ]] || continue
    seen[$f]=1
    preload+="<link rel=\"modulepreload\" href=\"$f\">"$'\n'
    for imp in $(grep -oE "from[[:space:]]*['\"]\.{1,2}/[^'\"]+['\"]" "$web/$f" | grep -oE "['\"][^'\"]+['\"]" | tr -d "'\""); do
      todo+=("$(realpath -m --relative-to="$web" "$web/$(dirname "$f")/$imp")")
    done
  done
  awk -v links="$preload" '/<!-- berth:modulepreload/ { printf "%s", links; next } { print }' "$here/web/index.html" >"$web/index.html"
  grep -q 'rel="modulepreload" href="core/rfb.js"' "$web/index.html" || die "core: no module list in index.html"
  overlay core "$ctx/root"
  chmod -R u=rwX,go=rX "$ctx/root"
  # shellcheck disable=SC2046  # one argument per path (these have no spaces)
  (cd "$ctx/root" && tar --owner=0 --group=0 --numeric-owner --mtime=@946684800 --no-recursion -cf "$ctx/session.tar" \
    $(find . -mindepth 1 | LC_ALL=C sort))
  {
    echo "FROM $base"
    echo "ADD session.tar /"
    image_config session-core "$SESSION_HASH" "Berth"
  } >"$ctx/Dockerfile"
  printf '*\n!Dockerfile\n!session.tar\n' >"$ctx/.dockerignore"
  if ! DOCKER_BUILDKIT=0 berth_docker build -t "$ref" "$ctx" >"$LOGS/session-core-image.log" 2>&1; then
    tail -n 30 "$LOGS/session-core-image.log" >&2
    die "core: docker build failed"
  fi
  berth_docker tag "$ref" berth/session-core:latest
  remove_tree "$ctx"
}

# A stage's packages layer: what it added or changed over its parent stage, as a tar, and what it
# removed, as a list; made once per build of the stage.
stage_layer() { # STAGE PARENT-STAGE
  local d="$STAGES/$1" lower="$STAGES/$2/rootfs"
  if [[ -f "$d/layer.stamp" && "$(cat "$d/layer.stamp")" == "$(cat "$d/stamp")" ]]; then return 0; fi
  say "$1: computing its layer over $2"
  # One line per entry: path, then type, mode, owner, size, mtime and link target. cp -a kept the
  # parent's entries as they were, so every line that differs is an added or changed entry.
  listing() { (cd "$1" && find . -path ./dev -prune -o -path ./proc -prune -o -path ./sys -prune -o \
    -printf '%p\t%y %m %U:%G %s %T@ %l\n') | LC_ALL=C sort; }
  listing "$lower" >"$d/lower.list"
  listing "$d/rootfs" >"$d/upper.list"
  LC_ALL=C comm -13 "$d/lower.list" "$d/upper.list" | cut -f1 >"$d/changed"
  LC_ALL=C comm -23 <(cut -f1 "$d/lower.list") <(cut -f1 "$d/upper.list") >"$d/deleted"
  (cd "$d/rootfs" && tar --numeric-owner --xattrs --no-recursion --verbatim-files-from -cf "$d/layer.tar" -T "$d/changed")
  say "$1: layer of $(wc -l <"$d/changed") entries ($(du -h "$d/layer.tar" | cut -f1)), $(wc -l <"$d/deleted") removed"
  rm -f "$d/lower.list" "$d/upper.list" "$d/changed"
  cp "$d/stamp" "$d/layer.stamp"
}

# A stage's own files (images/<stage>/rootfs) as a tar: root's, except the session user's home.
files_tar() { # STAGE OUT
  local tmp="$WORK/context/files-$1"
  remove_tree "$tmp"
  mkdir -p "$tmp"
  overlay "$1" "$tmp"
  chmod -R go-w "$tmp"
  (cd "$tmp" && find . -mindepth 1 | LC_ALL=C sort >"$WORK/context/files-$1.list" &&
    tar --numeric-owner --mtime=@946684800 --no-recursion --verbatim-files-from -cf "$2" -T "$WORK/context/files-$1.list")
  rm -f "$WORK/context/files-$1.list"
  remove_tree "$tmp"
}

# A child image: its parent image, then the stage's packages layer (and, if the stage removed
# anything, a small layer that removes it), then the stage's own files (jwm's menu, session
# scripts, application settings), which change more often than packages.
build_child_image() { # NAME PARENT-STAGE PARENT-IMAGE PARENT-HASH DESKTOP-NAME
  local name=$1 pstage=$2 pimage=$3 phash=$4 title=$5
  local ref="berth/$name:latest" hash
  hash="$({ echo "${HASH[$name]} $phash"; declare -f build_child_image files_tar image_config; files_hash "$here/$name/rootfs"; } |
    sha256sum | cut -c1-16)"
  IMAGE_HASH[$name]=$hash
  if [[ "$(image_hash "$ref")" == "$hash" ]]; then return 0; fi
  stage_layer "$name" "$pstage"
  local ctx="$WORK/context/$name"
  remove_tree "$ctx"
  mkdir -p "$ctx"
  ln "$STAGES/$name/layer.tar" "$ctx/layer.tar"
  cp "$STAGES/$name/deleted" "$ctx/deleted"
  files_tar "$name" "$ctx/files.tar"
  {
    echo "FROM $pimage"
    if [[ -s "$ctx/deleted" ]]; then
      echo "USER root"
      echo "COPY deleted /berth-deleted"
      # shellcheck disable=SC2028  # the \n is for xargs, in the Dockerfile
      echo "RUN cd / && xargs -d '\\n' rm -rf -- < /berth-deleted && rm -f /berth-deleted"
    fi
    echo "ADD layer.tar /"
    echo "ADD files.tar /"
    image_config "$name" "$hash" "$title"
  } >"$ctx/Dockerfile"
  # Only these go to the daemon.
  printf '*\n!Dockerfile\n!layer.tar\n!files.tar\n!deleted\n' >"$ctx/.dockerignore"
  say "$name: docker build"
  if ! DOCKER_BUILDKIT=0 berth_docker build -t "$ref" "$ctx" >"$LOGS/$name-image.log" 2>&1; then
    tail -n 30 "$LOGS/$name-image.log" >&2
    die "$name: docker build failed"
  fi
  remove_tree "$ctx"
  # jwm checks its configuration (images/<desktop image>/rootfs/etc/jwm).
  if [[ $name == desktop* ]] && ! berth_docker run --rm --network none --entrypoint jwm "$ref" -p >"$LOGS/$name-jwm.log" 2>&1; then
    cat "$LOGS/$name-jwm.log" >&2
    die "$name: jwm does not accept its configuration"
  fi
}

registry_digest() { # NAME: the registry's digest for berth/NAME:latest ("" if none)
  curl -sf -I --max-time 5 \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    -H 'Accept: application/vnd.oci.image.manifest.v1+json' \
    "http://$BERTH_REGISTRY/v2/berth/$1/manifests/latest" 2>/dev/null |
    tr -d '\r' | awk -F': ' 'tolower($1) == "docker-content-digest" { print $2 }' || true
}

push_image() { # NAME
  local name=$1 remote="$BERTH_REGISTRY/berth/$1:latest"
  berth_docker tag "berth/$name:latest" "$remote"
  local digest
  digest="$(registry_digest "$name")"
  if [[ -n "$digest" ]] && berth_docker image inspect -f '{{range .RepoDigests}}{{println .}}{{end}}' "$remote" |
    grep -qxF "$BERTH_REGISTRY/berth/$name@$digest"; then
    say "$name: registry has it already"
    return 0
  fi
  say "$name: pushing $remote"
  local attempt
  for attempt in 1 2 3; do
    berth_docker push "$remote" >"$LOGS/$name-push.log" 2>&1 && return 0
    say "$name: push attempt $attempt failed: $(tail -n 1 "$LOGS/$name-push.log")"
    sleep 2
  done
  tail -n 20 "$LOGS/$name-push.log" >&2
  die "$name: push to $BERTH_REGISTRY failed (is the registry up? bash scripts/services.sh status)"
}

report() { # NAME
  local size
  size="$(berth_docker image inspect -f '{{.Size}}' "berth/$1:latest")"
  say "$1: berth/$1:latest, $((size / 1000000)) MB, source ${IMAGE_HASH[$1]}"
}

berth_docker version >/dev/null || die "the private Docker engine is not running (bash scripts/services.sh start)"
say "images: ${targets[*]} (mirror $MIRROR, cache $WORK)"
declare -A done_image
for name in "${targets[@]}"; do
  [[ -z "${done_image[$name]:-}" ]] || continue
  done_image[$name]=1
  case "$name" in
    desktop)
      build_stage desktop
      build_session_core
      build_child_image desktop core "berth/session-core:$SESSION_HASH" "$SESSION_HASH" "Berth Desktop"
      ;;
    desktop-deluxe)
      build_stage desktop-deluxe
      build_session_core
      build_child_image desktop core "berth/session-core:$SESSION_HASH" "$SESSION_HASH" "Berth Desktop"
      build_child_image desktop-deluxe desktop "berth/desktop:latest" "${IMAGE_HASH[desktop]}" "Berth Desktop Deluxe"
      ;;
    firefox)
      build_stage firefox
      build_session_core
      build_child_image firefox core "berth/session-core:$SESSION_HASH" "$SESSION_HASH" "Firefox"
      ;;
  esac
  push_image "$name"
  report "$name"
done
# Earlier builds' core images (tagged by hash) and untagged leftovers.
for tag in $(berth_docker images berth/session-core --format '{{.Tag}}' 2>/dev/null); do
  case "$tag" in latest | "$SESSION_HASH" | "base-${HASH[core]:-}") ;; *) berth_docker rmi "berth/session-core:$tag" >/dev/null 2>&1 || true ;; esac
done
berth_docker image prune -f --filter label=org.berth.image >/dev/null 2>&1 || true
say "images: done in $(elapsed)"
