#!/usr/bin/env bash
# Installs the Debian package on this machine with dpkg -i (CI runs as root
# on a throwaway machine) and checks what a user gets: the version, the man
# page (gzipped, found by man), the completion scripts where each shell looks,
# a stripped binary and computed dependencies. Removes the package again
# unless it was installed before.
#   tests/e2e/deb_install_test.sh build/package/anklog_VERSION_ARCH.deb VERSION
set -euo pipefail
deb=$1
version=$2
fail() { echo "deb_install_test: $*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "needs root to install the package"
was_installed=$(dpkg-query -W -f='${Status}' anklog 2>/dev/null | grep -c "install ok installed" || true)
dpkg -i "$deb"
[ "$was_installed" -ne 0 ] || trap 'dpkg -r anklog >/dev/null' EXIT

depends=$(dpkg-query -W -f='${Depends}' anklog)
[[ $depends == *libc6* && $depends == *libfmt* ]] || fail "dependencies not computed: $depends"
# SHA-256 comes from Nettle: libcrypto would add milliseconds to every start.
[[ $depends == *libnettle* && $depends != *libssl* ]] || fail "depends on libssl or not on libnettle: $depends"
libraries=$(ldd /usr/bin/anklog)
[[ $libraries != *libcrypto* ]] || fail "anklog loads libcrypto: $libraries"

[ "$(command -v anklog)" = /usr/bin/anklog ] || fail "anklog is not /usr/bin/anklog"
[ "$(anklog --version)" = "anklog $version" ] || fail "anklog --version says '$(anklog --version)'"
[ "$(man -w anklog)" = /usr/share/man/man1/anklog.1.gz ] || fail "man -w anklog says '$(man -w anklog)'"
gzip -t /usr/share/man/man1/anklog.1.gz || fail "the man page is not gzipped"
[ -s /usr/share/doc/anklog/copyright ] || fail "no /usr/share/doc/anklog/copyright"
gzip -t /usr/share/doc/anklog/changelog.gz || fail "no gzipped /usr/share/doc/anklog/changelog.gz"
file -L /usr/bin/anklog | grep -q ", stripped" || fail "the binary is not stripped: $(file -L /usr/bin/anklog)"

# The installed scripts are what the installed binary prints.
cmp <(anklog completions bash) /usr/share/bash-completion/completions/anklog || fail "bash completion differs"
cmp <(anklog completions zsh) /usr/share/zsh/site-functions/_anklog || fail "zsh completion differs"
cmp <(anklog completions fish) /usr/share/fish/vendor_completions.d/anklog.fish || fail "fish completion differs"

# bash-completion's loader finds the script by the command's name.
if [ -r /usr/share/bash-completion/bash_completion ]; then
  reply=$(bash --norc --noprofile -c 'source /usr/share/bash-completion/bash_completion
    __load_completion anklog || exit 1
    COMP_WORDS=(anklog hist); COMP_CWORD=1; _anklog; echo "${COMPREPLY[*]}"') || fail "bash-completion cannot load it"
  [ "$reply" = history ] || fail "bash-completion completes 'anklog hist' as '$reply'"
fi
echo "deb_install_test: $deb installs and works"
