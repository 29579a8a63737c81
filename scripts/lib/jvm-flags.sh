# Sourced (not run) by scripts/lib/jobs-jar.sh and scripts/spark/spark-home.sh: the JDK 17
# flags Spark needs, from their one place, scripts/jvm.properties (Maven reads it too).
# jvm_flags ROOT prints them.
jvm_flags() {
  sed -n 's/^spark\.jvm\.flags=//p' "$1/scripts/jvm.properties"
}
