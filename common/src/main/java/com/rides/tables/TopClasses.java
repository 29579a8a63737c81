package com.rides.tables;

import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Map;

import static com.rides.raw.CassandraTables.seq;

/**
 * top_classes: the classes ranked over every class's figures (sql/results/top_classes.sql):
 * the affected classes' new class_stats rows, every other class as stored (one row per
 * class: the only result read whole).
 */
final class TopClasses implements TableDefinition {

    @Override
    public void write(RunScope run, Writes out) {
        Dataset<Row> affected = ClassStats.rows(run);
        Dataset<Row> others = run.storedWhole("class_stats")
                .join(run.small(ClassStats.affected(run)), seq("class_id"), "left_anti");
        out.replaceLists("top_classes", run.values("metric", "most_taken", "top_rated"),
                run.sql("top_classes.sql", Map.of("class_figures", others.unionByName(affected))));
    }
}
