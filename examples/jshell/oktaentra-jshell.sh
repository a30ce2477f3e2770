#!/usr/bin/env sh
# Opens JShell on the executable jar with the library imported (startup.jsh).
#   examples/jshell/oktaentra-jshell.sh                        an interactive session
#   examples/jshell/oktaentra-jshell.sh convert-anchors.jsh    runs a script first, then stays interactive
# Build the jar first: mvn -q -DskipTests package
# JAVA_HOME, when set, names the JDK whose jshell runs; OKTAENTRA_CLASS_PATH, when set, replaces the jar (the tests
# give it their class path). oktaentra-jshell.cmd is the same launcher for Windows.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
classpath=${OKTAENTRA_CLASS_PATH:-"$here/../target/oktaentra.jar"}
if [ -z "${OKTAENTRA_CLASS_PATH:-}" ] && [ ! -f "$classpath" ]; then
    echo "oktaentra-jshell: $classpath is missing; build it with: mvn -q -DskipTests package" >&2
    exit 2
fi
jshell=jshell
if [ -n "${JAVA_HOME:-}" ]; then jshell="$JAVA_HOME/bin/jshell"; fi
# A bare script name means one of the scripts beside this launcher.
for arg in "$@"; do
    shift
    if [ ! -f "$arg" ] && [ -f "$here/$arg" ]; then arg="$here/$arg"; fi
    set -- "$@" "$arg"
done
exec "$jshell" --class-path "$classpath" \
    -R-Doktaentra.jshell.dir="$here" \
    -R-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -R-Dorg.slf4j.simpleLogger.logFile=System.err \
    --startup DEFAULT --startup "$here/startup.jsh" "$@"
