package com.rides.adhoc;

import com.rides.RidesException;
import com.rides.config.ConfigException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

/**
 * Where `adhoc --out` sends the last statement's result: {@code *.csv} (one file with
 * a header row), {@code *.parquet} (a Parquet directory) or
 * {@code cassandra:KEYSPACE.TABLE} (a new table, see {@link CassandraSink}). Paths go
 * through Hadoop's file system API, so hdfs:// or s3a:// work on a cluster.
 */
public record ResultSink(Kind kind, String target) {

    public enum Kind { CSV, PARQUET, CASSANDRA }

    public static final String CASSANDRA_PREFIX = "cassandra:";

    public static ResultSink parse(String out) {
        if (out.startsWith(CASSANDRA_PREFIX)) {
            String table = out.substring(CASSANDRA_PREFIX.length());
            CassandraSink.Name.parse(table);
            return new ResultSink(Kind.CASSANDRA, table);
        }
        String lower = out.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv") && lower.length() > 4) {
            return new ResultSink(Kind.CSV, out);
        }
        if (lower.endsWith(".parquet") && lower.length() > 8) {
            return new ResultSink(Kind.PARQUET, out);
        }
        throw new ConfigException("bad --out '" + out + "': a FILE.csv, a DIR.parquet or cassandra:KEYSPACE.TABLE");
    }

    /** Writes a CSV file or a Parquet directory; returns the rows written. */
    public long writeFile(Dataset<Row> result) {
        Dataset<Row> df = result.persist();
        try {
            long rows = df.count();
            Configuration hadoop = df.sparkSession().sparkContext().hadoopConfiguration();
            Path path = new Path(target);
            FileSystem fs = path.getFileSystem(hadoop);
            if (kind == Kind.CSV) {
                writeCsv(df, fs, path);
            } else {
                writeParquet(df, fs, path);
            }
            return rows;
        } catch (IOException e) {
            throw new RidesException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            df.unpersist();
        }
    }

    private void writeParquet(Dataset<Row> df, FileSystem fs, Path path) throws IOException {
        if (fs.exists(path) && !(fs.getFileStatus(path).isDirectory() && fs.exists(new Path(path, "_SUCCESS")))) {
            throw new ConfigException("will not replace " + target + ": it exists and is not a Parquet output of Spark");
        }
        df.write().mode(SaveMode.Overwrite).parquet(target);
    }

    private void writeCsv(Dataset<Row> df, FileSystem checked, Path path) throws IOException {
        // The local file system keeps a hidden .crc beside each file it writes and moves it
        // along on rename; an analyst's one CSV file should not come with one.
        FileSystem fs = checked instanceof org.apache.hadoop.fs.ChecksumFileSystem c ? c.getRawFileSystem() : checked;
        if (fs.exists(path) && fs.getFileStatus(path).isDirectory()) {
            throw new ConfigException("will not replace " + target + ": it is a directory");
        }
        Path tmp = new Path(path.getParent() == null ? new Path(".") : path.getParent(),
                "." + path.getName() + "-" + UUID.randomUUID());
        try {
            flatten(df).coalesce(1).write().mode(SaveMode.ErrorIfExists)
                    .option("header", "true")
                    .option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                    .csv(tmp.toString());
            Path part = null;
            for (FileStatus f : fs.listStatus(tmp)) {
                if (f.getPath().getName().startsWith("part-")) {
                    part = f.getPath();
                }
            }
            if (fs.exists(path)) {
                fs.delete(path, false);
            }
            if (part == null) {
                try (OutputStream o = fs.create(path)) {
                    o.write((String.join(",", df.columns()) + "\n").getBytes(StandardCharsets.UTF_8));
                }
            } else if (!fs.rename(part, path)) {
                throw new IOException("could not move " + part + " to " + path);
            }
        } finally {
            fs.delete(tmp, true);
        }
    }

    /** CSV has no arrays or maps: such columns are written as JSON text. */
    static Dataset<Row> flatten(Dataset<Row> df) {
        StructType schema = df.schema();
        Column[] columns = new Column[schema.fields().length];
        for (int i = 0; i < columns.length; i++) {
            StructField f = schema.fields()[i];
            Column c = col("`" + f.name().replace("`", "``") + "`");
            boolean nested = f.dataType() instanceof ArrayType || f.dataType() instanceof MapType
                    || f.dataType() instanceof StructType;
            columns[i] = nested ? to_json(c).as(f.name()) : c;
        }
        return df.select(columns);
    }
}
