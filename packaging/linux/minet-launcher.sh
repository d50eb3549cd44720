#!/bin/sh
# The app image's launcher on Linux: packaging/build.sh puts it in place of jpackage's native one, which asks
# rpm and then dpkg which package owns it, twice, on every start (about 160 ms on a Debian with 800 packages,
# more on a desktop with thousands). This does what that launcher does for this app: runs the bundled runtime
# with the options, class path and main class jpackage wrote to lib/app/minet.cfg, then the user's arguments
# (a design to open, or a CLI command).
self=$(readlink -f "$0") || exit 1
root=$(cd "$(dirname "$self")/.." && pwd -P) || exit 1
app=$root/lib/app
cfg=$app/minet.cfg
[ -r "$cfg" ] || { echo "minet: cannot read $cfg; reinstall the app" >&2; exit 1; }

# Replaces each $APPDIR in $value with the app directory.
subst() {
  while :; do
    case $value in
      *'$APPDIR'*) value=${value%%'$APPDIR'*}$app${value#*'$APPDIR'} ;;
      *) return ;;
    esac
  done
}

n=$#
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    java-options=*) value=${line#java-options=}; subst; set -- "$@" "$value" ;;
    app.classpath=*) value=${line#app.classpath=}; subst; classpath=$value ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
  esac
done < "$cfg"
set -- "$@" "-Djpackage.app-path=$self" -cp "$classpath" "$main"

# The JVM's arguments were appended after the user's n arguments: move those to the end.
i=0
for arg do
  [ "$i" -lt "$n" ] && set -- "$@" "$arg"
  i=$((i + 1))
done
shift "$n"
exec "$root/lib/runtime/bin/java" "$@"
