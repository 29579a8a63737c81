package com.rides.jobs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The recipes of scripts/schedule/ agree with each other and with what their tools
 * accept: cron and systemd run the same command; the Airflow DAG compiles with python3
 * and gives SparkSubmitOperator only arguments its documentation lists. (CatchUpTest
 * runs the cron command line against a node.)
 */
class SchedulerRecipesTest {

    /**
     * SparkSubmitOperator's parameters as documented by the Apache Spark provider
     * (airflow.providers.apache.spark.operators.spark_submit), and the BaseOperator
     * arguments every operator takes that the DAG uses.
     */
    static final List<String> DOCUMENTED = List.of("application", "conf", "conn_id", "files", "py_files", "archives",
            "driver_class_path", "jars", "java_class", "packages", "exclude_packages", "repositories",
            "total_executor_cores", "executor_cores", "executor_memory", "driver_memory", "keytab", "principal",
            "proxy_user", "name", "num_executors", "status_poll_interval", "application_args", "env_vars", "verbose",
            "spark_binary", "properties_file", "yarn_queue", "deploy_mode",
            "task_id", "retries", "retry_delay", "execution_timeout", "trigger_rule", "owner", "email_on_failure");

    @Test
    void cronAndSystemdRunTheSameCommand() throws Exception {
        String cron = SchedulerRecipes.cronCatchUpCommand();
        String systemd = SchedulerRecipes.systemdCatchUpCommand();
        assertEquals(SchedulerRecipes.INSTALL_DIR + "/scripts/rides catch-up", systemd);
        assertEquals(systemd + " >>" + SchedulerRecipes.LOG_DIR + "/catch-up.log 2>&1", cron,
                "cron runs the service's command, its output to a log file");
    }

    /**
     * The hourly snapshots: systemd runs the crontab's command through a shell of its own
     * (ExecStart has none), without cron's redirection. CatchUpTest runs the cron line.
     */
    @Test
    void cronAndSystemdRunTheSameHourlyCommand() throws Exception {
        String cron = SchedulerRecipes.cronCommand("hourly");
        String systemd = SchedulerRecipes.systemdCommand("rides-hourly.service");
        String command = SchedulerRecipes.INSTALL_DIR + "/scripts/rides hourly --at \"$(date -u +%Y-%m-%dT%H:00Z)\"";
        assertEquals("/bin/sh -c 'exec " + command + "'", systemd);
        assertEquals(command + " >>" + SchedulerRecipes.LOG_DIR + "/hourly.log 2>&1", cron);
        String timer = Files.readString(SchedulerRecipes.dir().resolve("systemd").resolve("rides-hourly.timer"));
        assertTrue(timer.contains("OnCalendar=*-*-* *:00:00 UTC"), timer);
        assertTrue(Files.readString(SchedulerRecipes.dir().resolve("crontab")).contains("\n0 * * * * " + INSTALL + " hourly"));
    }

    static final String INSTALL = SchedulerRecipes.INSTALL_DIR + "/scripts/rides";

    @Test
    void theAirflowDagCompilesAndUsesOnlyDocumentedOperatorArguments() throws Exception {
        Path dag = SchedulerRecipes.dir().resolve("airflow").resolve("ride_analytics.py");
        // Airflow cannot be installed here: compile the file, and list the keyword
        // arguments of each SparkSubmitOperator call from its syntax tree.
        String script = String.join("\n",
                "import ast, sys",
                "src = open(sys.argv[1]).read()",
                "compile(src, sys.argv[1], 'exec')",
                "for node in ast.walk(ast.parse(src)):",
                "    if isinstance(node, ast.Call) and getattr(node.func, 'id', None) == 'SparkSubmitOperator':",
                "        print(','.join(k.arg for k in node.keywords))");
        Process p = new ProcessBuilder("python3", "-c", script, dag.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), "python3 could not compile the DAG:\n" + out);
        List<String> calls = out.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(3, calls.size(), "catch_up, status and hourly: " + out);
        TreeSet<String> used = new TreeSet<>();
        for (String call : calls) {
            List<String> args = Arrays.asList(call.split(","));
            assertTrue(args.containsAll(List.of("task_id", "application", "java_class", "application_args")), call);
            used.addAll(args);
        }
        TreeSet<String> unknown = new TreeSet<>(used);
        unknown.removeAll(DOCUMENTED);
        assertTrue(unknown.isEmpty(), "undocumented arguments: " + unknown);
    }
}
