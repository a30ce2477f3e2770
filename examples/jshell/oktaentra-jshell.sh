#!/usr/bin/env sh
# Opens JShell on the executable jar with the library imported (startup.jsh).
#   examples/jshell/oktaentra-jshell.sh                        an interactive session
#   examples/jshell/oktaentra-jshell.sh convert-anchors.jsh    runs a script first, then stays interactive
# Build the jar first: mvn -q -DskipTests package
set -eu
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/../target/oktaentra.jar"
if [ ! -f "$jar" ]; then
    echo "oktaentra-jshell: $jar is missing; build it with: mvn -q -DskipTests package" >&2
    exit 2
fi
# A bare script name means one of the scripts beside this launcher.
for arg in "$@"; do
    shift
    if [ ! -f "$arg" ] && [ -f "$here/$arg" ]; then arg="$here/$arg"; fi
    set -- "$@" "$arg"
done
exec jshell --class-path "$jar" \
    -R-Doktaentra.jshell.dir="$here" \
    -R-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -R-Dorg.slf4j.simpleLogger.logFile=System.err \
    --startup DEFAULT --startup "$here/startup.jsh" "$@"
