"""ride-analytics on Airflow: catch-up every hour, then status; and the hourly
trending_now snapshots at every whole hour (docs/scheduling.md).

For teams that schedule with Airflow. Needs the provider package
apache-airflow-providers-apache-spark and a Spark connection (``spark_default``, or
set RIDES_SPARK_CONN) whose master runs the jobs; the cluster jar is built with
``mvn -DskipTests package`` (jobs/target/rides-jobs-<version>-cluster.jar).

Airflow's own catchup is off: the ``catch-up`` command finds the days not processed
yet itself, so one run does the work of every missed interval, and ``max_active_runs=1``
with the run lease keeps runs from overlapping. Exit codes of the command:
0 done (or nothing to do), 75 another run holds the lease (the task is retried later),
3 an error-level data check failed after writing, 1 the run failed. The status task
runs whatever catch-up did and fails when status is unhealthy (stale, last run failed,
an error-level check failed in the last days), which is what should page.

The second DAG, ``ride_analytics_hourly``, runs ``hourly --at`` the end of its data
interval: the run of the interval 09:00-10:00 starts at 10:00 and writes the snapshots
at 10:00. It takes no lease and runs beside catch-up; a missed hour is rewritten by the
nightly of its day, or by clearing that hour's task.

Use client deploy mode (the default): spark-submit's exit code is then the command's.
"""

import os
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# jobs/target/rides-jobs-<version>-cluster.jar of `mvn -DskipTests package`, copied where the workers see it.
JAR = os.environ.get("RIDES_CLUSTER_JAR", "/opt/ride-analytics/rides-jobs-cluster.jar")
CONN_ID = os.environ.get("RIDES_SPARK_CONN", "spark_default")
# The jobs read their connection settings from the environment (never a password in argv).
ENV = {
    "RIDES_CASSANDRA_HOSTS": os.environ.get("RIDES_CASSANDRA_HOSTS", "10.0.0.5:9042"),
    "RIDES_CASSANDRA_LOCAL_DC": os.environ.get("RIDES_CASSANDRA_LOCAL_DC", "dc1"),
    "RIDES_CASSANDRA_USERNAME": os.environ.get("RIDES_CASSANDRA_USERNAME", "rides_job"),
    "RIDES_CASSANDRA_PASSWORD_FILE": os.environ.get("RIDES_CASSANDRA_PASSWORD_FILE", "/etc/ride-analytics/password"),
}

with DAG(
    dag_id="ride_analytics",
    description="catch-up every hour, then status",
    start_date=datetime(2026, 12, 1),
    schedule=timedelta(hours=1),
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "ride-analytics"},
    tags=["ride-analytics"],
) as dag:
    catch_up = SparkSubmitOperator(
        task_id="catch_up",
        conn_id=CONN_ID,
        application=JAR,
        java_class="com.rides.jobs.Rides",
        # Up to the day before the interval's logical date (yesterday, for the current
        # run), never the day still in progress; a cleared old run stops where it did then.
        application_args=["catch-up", "--through", "{{ macros.ds_add(ds, -1) }}"],
        name="rides-catch-up",
        env_vars=ENV,
        driver_memory="2g",
        retries=3,
        retry_delay=timedelta(minutes=10),
        execution_timeout=timedelta(hours=6),
    )
    status = SparkSubmitOperator(
        task_id="status",
        conn_id=CONN_ID,
        application=JAR,
        java_class="com.rides.jobs.Rides",
        application_args=["status", "--max-lag", "1"],
        name="rides-status",
        env_vars=ENV,
        trigger_rule="all_done",
    )
    catch_up >> status

with DAG(
    dag_id="ride_analytics_hourly",
    description="trending_now snapshots at every whole UTC hour",
    start_date=datetime(2026, 12, 1),
    schedule="0 * * * *",
    catchup=False,
    max_active_runs=1,
    default_args={"owner": "ride-analytics"},
    tags=["ride-analytics"],
) as hourly_dag:
    SparkSubmitOperator(
        task_id="hourly",
        conn_id=CONN_ID,
        application=JAR,
        java_class="com.rides.jobs.Rides",
        # data_interval_end is in UTC: the whole hour the run was scheduled for.
        application_args=["hourly", "--at", "{{ data_interval_end.strftime('%Y-%m-%dT%H:00Z') }}"],
        name="rides-hourly",
        env_vars=ENV,
        driver_memory="1g",
        retries=2,
        retry_delay=timedelta(minutes=5),
        execution_timeout=timedelta(minutes=30),
    )
