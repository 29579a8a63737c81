package com.rides.spark;

import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SQLExecution$;
import scala.Option;
import scala.runtime.AbstractFunction0;

import java.util.Iterator;

/**
 * Runs a Dataset's rows through a function of the caller's as one Spark job, on Spark's
 * internal rows. Dataset.foreachPartition first converts every row to a Row with a
 * deserializer that Spark always compiles (Janino), whatever the codegen settings: one
 * compilation per row type, a second or more of a cold JVM's start for a run's dozen
 * writes (profiled). The job is still a SQL execution of its own, so the UI, event logs
 * and query listeners see its plan as they see any other action's.
 */
public final class SqlActions {

    private SqlActions() {
    }

    public static void foreachPartition(Dataset<?> rows, String name, VoidFunction<Iterator<InternalRow>> work) {
        QueryExecution qe = rows.queryExecution();
        execution(qe, name, () -> {
            qe.toRdd().toJavaRDD().foreachPartition(work);
            return null;
        });
    }

    /**
     * Runs {@code action} (which runs the plan of {@code qe} through its RDD) as one SQL
     * execution named {@code name}: the jobs it starts carry the execution's id, and the
     * execution's end reaches listeners with its plan.
     */
    public static <T> T execution(QueryExecution qe, String name, java.util.function.Supplier<T> action) {
        return SQLExecution$.MODULE$.withNewExecutionId(qe, Option.apply(name), new AbstractFunction0<T>() {
            @Override
            public T apply() {
                return action.get();
            }
        });
    }
}
