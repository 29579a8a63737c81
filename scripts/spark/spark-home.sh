# Sourced by scripts/local-spark and scripts/spark-submit (not run on its own).
#
# Assembles a SPARK_HOME from the artifacts Maven resolves, the very Spark version the
# jobs are built against (read from the parent pom): jars/ holds links into ~/.m2 (the
# Worker builds every executor's class path from $SPARK_HOME/jars, and Spark's launcher
# builds the driver's), conf/ holds the quiet logging and the defaults of every JVM it
# starts. Nothing is downloaded from anywhere but Maven Central. The folder is
# git-ignored and rebuilt when scripts/spark/ or the parent pom changes.

SPARK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SPARK_POM_DIR="$SPARK_ROOT/scripts/spark"
export SPARK_HOME="${RIDES_SPARK_HOME:-$SPARK_ROOT/.local-spark/home}"
# Spark's launcher looks for jars/ under this Scala version; without it, "Cannot find
# any build directories" (it would guess from a source tree's assembly/ folder).
export SPARK_SCALA_VERSION
SPARK_SCALA_VERSION="$(sed -n 's:.*<scala.binary.version>\(.*\)</scala.binary.version>.*:\1:p' "$SPARK_ROOT/pom.xml" | head -1)"
SPARK_VERSION="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$SPARK_ROOT/pom.xml" | head -1)"
SCALA_VERSION="$(sed -n 's:.*<scala.version>\(.*\)</scala.version>.*:\1:p' "$SPARK_ROOT/pom.xml" | head -1)"

spark_die() { echo "${SPARK_SCRIPT_NAME:-spark}: $*" >&2; exit 1; }

spark_java() {
  local java="${JAVA_HOME:+$JAVA_HOME/bin/}java" version
  command -v "$java" >/dev/null || spark_die "no java found: install a JDK 17 or set JAVA_HOME"
  version=$("$java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  [[ $version == 17 ]] || spark_die "the jobs and this Spark run on Java 17, found Java ${version:-?} ($java); set JAVA_HOME"
  echo "$java"
}

spark_home_ok() {
  local stamp="$SPARK_HOME/.stamp"
  [[ -s $stamp && $stamp -nt $SPARK_POM_DIR/pom.xml && $stamp -nt $SPARK_POM_DIR/spark-home.sh
     && $stamp -nt $SPARK_ROOT/pom.xml && $stamp -nt $SPARK_ROOT/scripts/jvm.properties
     && $stamp -nt $SPARK_ROOT/scripts/lib/jvm-flags.sh
     && $stamp -nt $SPARK_ROOT/jobs/src/main/resources/log4j2.properties ]] || return 1
  [[ $(<"$stamp") == "$SPARK_VERSION" ]] || return 1
  local first; first=$(find "$SPARK_HOME/jars" -maxdepth 1 -name 'spark-core_*.jar' -print -quit 2>/dev/null)
  [[ -n $first && -e $first ]]  # links still resolve, e.g. after ~/.m2 was cleaned
}

# Resolves Spark once (fresh clone) and reuses the folder after; a lock keeps two
# scripts started at once from assembling it over each other.
ensure_spark_home() {
  spark_home_ok && return 0
  mkdir -p "$SPARK_HOME"
  (
    flock -w 600 9 || spark_die "timed out waiting for another Spark download"
    spark_home_ok && exit 0
    echo "${SPARK_SCRIPT_NAME:-spark}: resolving Apache Spark $SPARK_VERSION with Maven (first use only)..." >&2
    local log="$SPARK_HOME/resolve.log"
    mvn -q -B -ntp -Dstyle.color=never -f "$SPARK_POM_DIR/pom.xml" \
        -Dspark.version="$SPARK_VERSION" -Dscala.binary.version="$SPARK_SCALA_VERSION" \
        -Dscala.version="$SCALA_VERSION" package >"$log" 2>&1 \
      || spark_die "Maven could not resolve Spark $SPARK_VERSION (scripts/spark/pom.xml); see $log"
    rm -rf "$SPARK_HOME/jars" && mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf"
    local jar
    while IFS= read -r -d ':' jar || [[ -n $jar ]]; do
      [[ -n $jar ]] && ln -s "$jar" "$SPARK_HOME/jars/"
    done <"$SPARK_POM_DIR/target/spark.classpath"
    write_spark_conf
    echo "$SPARK_VERSION" >"$SPARK_HOME/.stamp"
  ) 9>"$SPARK_HOME/.resolve.lock" || exit 1
  spark_home_ok || spark_die "could not assemble $SPARK_HOME"
}

# conf/ of the assembled home: the jobs' own quiet log4j2 configuration for every JVM
# (Master, Workers, executors, a spark-submit driver), and the JDK 17 flags for the
# daemons and drivers the launcher starts (Spark adds its module options to executors
# itself; ours are the same list plus Netty's reflection switch).
write_spark_conf() {
  local flags
  # shellcheck source=../lib/jvm-flags.sh
  source "$SPARK_ROOT/scripts/lib/jvm-flags.sh"
  flags="$(jvm_flags "$SPARK_ROOT")"
  cp "$SPARK_ROOT/jobs/src/main/resources/log4j2.properties" "$SPARK_HOME/conf/log4j2.properties"
  cat >"$SPARK_HOME/conf/spark-defaults.conf" <<EOF
# Written by scripts/spark/spark-home.sh; rewritten when it changes.
spark.driver.extraJavaOptions    $flags
spark.executor.extraJavaOptions  $flags
EOF
  cat >"$SPARK_HOME/conf/spark-env.sh" <<EOF
# Written by scripts/spark/spark-home.sh. The daemons' JVM flags (Master, Worker).
export SPARK_DAEMON_JAVA_OPTS="\${SPARK_DAEMON_JAVA_OPTS:-} $flags"
EOF
}

# Runs a Spark main class the way bin/spark-class does: Spark's own launcher library
# (org.apache.spark.launcher.Main) builds the java command line (class path from
# $SPARK_HOME/jars, spark-defaults.conf, --driver-memory, daemon memory and options),
# prints it NUL-separated, and this execs it.
spark_class() {
  local java; java=$(spark_java)
  # shellcheck disable=SC1091
  [[ -f $SPARK_HOME/conf/spark-env.sh ]] && . "$SPARK_HOME/conf/spark-env.sh"
  export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v "$java")")")")}"
  # The launcher prints any message first, then a NUL and a newline, then the
  # command's arguments, each ended by a NUL; its exit code is appended here (the
  # protocol bin/spark-class reads).
  local out=() arg status
  while IFS= read -r -d '' arg; do out+=("$arg"); done < <(
    "$java" -Xmx128m -cp "$SPARK_HOME/jars/*" org.apache.spark.launcher.Main "$@"
    printf '%d\0' $?)
  status=${out[${#out[@]}-1]}
  unset 'out[${#out[@]}-1]'
  if [[ ! $status =~ ^[0-9]+$ ]]; then  # no NUL before the code: messages only
    printf '%s\n' "${status%$'\n'*}" >&2
    status=${status##*$'\n'}
  fi
  ((status == 0 && ${#out[@]} >= 2)) || spark_die "Spark's launcher could not build the command (exit $status)"
  [[ -n ${out[0]} ]] && printf '%s\n' "${out[0]}" >&2
  out[1]=${out[1]#$'\n'}
  local cmd=("${out[@]:1}")
  exec "${cmd[@]}"
}
