package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.rides.config.RidesConfig;
import com.rides.schema.SchemaCheck;
import com.rides.testing.CassandraExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `schema` creates every table of the contract, and running it again changes nothing and keeps data. */
@ExtendWith(CassandraExtension.class)
class SchemaJobTest {

    @Test
    void schemaIsIdempotentAndKeepsData(RidesConfig config, CqlSession session) {
        Cli.Result first = Cli.ok(config, "schema");
        assertTrue(first.out().contains("statements applied to keyspaces " + config.rawKeyspace()), first.out());
        SchemaCheck.requireAll(session, config); // throws if any table is missing

        session.execute("INSERT INTO " + config.qualifiedRaw("classes") + " (class_id, title) VALUES (?, ?)",
                RawRows.id("c1"), "kept across schema runs");
        List<String> before = tables(session, config);

        Cli.ok(config, "schema");
        Cli.ok(config, "schema", "--replication-factor", "1");

        assertEquals(before, tables(session, config));
        assertEquals("kept across schema runs", session.execute("SELECT title FROM "
                + config.qualifiedRaw("classes") + " WHERE class_id = ?", RawRows.id("c1")).one().getString(0));
        List<String> expected = new ArrayList<>(SchemaCheck.RESULT_TABLES);
        expected.addAll(SchemaCheck.STATE_TABLES);
        expected.addAll(SchemaCheck.OPERATION_TABLES);
        assertEquals(expected.stream().sorted().toList(), before.stream()
                .filter(t -> t.startsWith(config.statsKeyspace() + ".")).map(t -> t.substring(t.indexOf('.') + 1, t.indexOf(' ')))
                .sorted().toList());
    }

    @Test
    void jobsWithoutTheSchemaSayToRunItFirst(RidesConfig config) {
        RidesConfig nowhere = config.toBuilder().rawKeyspace("t_never_created_raw")
                .statsKeyspace("t_never_created_stats").build();
        for (String[] args : new String[][]{{"nightly", "--date", "2026-11-20"}, {"rebuild", "--through", "2026-11-20"},
                {"generate", "--users", "1", "--classes", "1", "--days", "1", "--end-date", "2026-11-20", "--seed", "1"}}) {
            Cli.Result r = Cli.run(nowhere, args);
            assertEquals(Rides.EXIT_FAILED, r.code(), r.err());
            assertEquals("rides: missing keyspace t_never_created_raw, keyspace t_never_created_stats:"
                    + " run `scripts/rides schema` first", r.err().strip());
        }
    }

    @Test
    void aMissingTableIsNamed(RidesConfig config, CqlSession session) {
        // The class's own keyspaces (created once for the class),
        // with the table put back by `schema` afterwards.
        Cli.ok(config, "schema");
        session.execute("DROP TABLE " + config.qualifiedStats("class_leaderboard"));
        Cli.Result r = Cli.run(config, "nightly", "--date", "2026-11-20");
        assertEquals(Rides.EXIT_FAILED, r.code(), r.err());
        assertEquals("rides: missing table " + config.qualifiedStats("class_leaderboard")
                + ": run `scripts/rides schema` first", r.err().strip());
        Cli.ok(config, "schema");
        SchemaCheck.requireAll(session, config);
    }

    @Test
    void badReplicationIsAUsageError(RidesConfig config) {
        Cli.Result r = Cli.run(config, "schema", "--dc-replication", "dc1");
        assertEquals(Rides.EXIT_USAGE, r.code());
        assertTrue(r.err().startsWith("rides: bad data-centre replication 'dc1'"), r.err());
    }

    private static List<String> tables(CqlSession session, RidesConfig config) {
        List<String> out = new ArrayList<>();
        for (String ks : List.of(config.rawKeyspace(), config.statsKeyspace())) {
            KeyspaceMetadata meta = session.refreshSchema().getKeyspace(CqlIdentifier.fromInternal(ks)).orElseThrow();
            meta.getTables().values().forEach(t -> out.add(ks + "." + t.getName().asInternal() + " "
                    + t.getColumns().size() + " columns"));
        }
        out.sort(String::compareTo);
        return out;
    }
}
