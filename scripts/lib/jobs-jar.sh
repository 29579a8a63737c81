# Sourced by scripts/rides, scripts/bench and scripts/bench-cluster (after ROOT is set):
# where the jobs' jars and class path are, the JDK 17 flags Spark needs (FLAGS, from
# scripts/jvm.properties), and the build that makes the jars when they are missing or older
# than a source, SQL file or pom. RIDES_BUILD_DIR_NAME picks the build folder (default target).
BUILD="${RIDES_BUILD_DIR_NAME:-target}"
JAR="$ROOT/jobs/$BUILD/rides-jobs.jar"
CLUSTER_JAR="$ROOT/jobs/$BUILD/rides-jobs-cluster.jar"
CP_FILE="$ROOT/jobs/$BUILD/classpath.txt"
# shellcheck source=jvm-flags.sh
source "$ROOT/scripts/lib/jvm-flags.sh"
FLAGS="$(jvm_flags "$ROOT")"

jobs_need_build() {
  [ -f "$JAR" ] && [ -f "$CLUSTER_JAR" ] && [ -f "$CP_FILE" ] || return 0
  [ -n "$(find "$ROOT/common/src/main" "$ROOT/jobs/src/main" "$ROOT/sql" "$ROOT/pom.xml" \
        "$ROOT/common/pom.xml" "$ROOT/jobs/pom.xml" -newer "$JAR" -type f -print -quit 2>/dev/null)" ]
}

# build_jobs_if_needed NAME: NAME prefixes what it prints (rides, bench); exits 1 if the build fails.
build_jobs_if_needed() {
  local who=$1 started=$SECONDS
  jobs_need_build || return 0
  echo "$who: building the jobs (first use or sources changed; the first build downloads dependencies" \
    "and takes a minute or more): mvn -DskipTests install" >&2
  # The whole log to jobs/.build.log; on the terminal one line per module as Maven starts it.
  if ! (cd "$ROOT" && set -o pipefail && mvn -B -Dstyle.color=never -DskipTests -Dbuild.dir.name="$BUILD" install 2>&1 \
        | tee "$ROOT/jobs/.build.log" \
        | sed -un "s/^\[INFO\] Building \(.*\) [0-9][^ ]* *\[\([0-9]*\/[0-9]*\)\]$/$who:   [\2] \1/p" >&2); then
    echo "$who: build failed; see jobs/.build.log or run: mvn -DskipTests install" >&2
    exit 1
  fi
  # Maven leaves a jar whose classes did not change as it was (a comment edited): without
  # this, every later run would find that source newer than the jar and build again.
  touch "$JAR"
  echo "$who: built in $((SECONDS - started)) s" >&2
}
