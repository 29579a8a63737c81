package com.rides.schema;

import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaStatementsTest {

    @Test
    void everyTableOfTheContractIsCreatedIfMissingInTheConfiguredKeyspaces() {
        RidesConfig config = RidesConfig.builder().rawKeyspace("r1").statsKeyspace("s1").build();
        List<String> all = new ArrayList<>();
        for (String f : SchemaInstaller.FILES) {
            all.addAll(SchemaInstaller.statements(f, config, Replication.simple(3)));
        }
        for (String s : all) {
            assertTrue(s.startsWith("CREATE KEYSPACE IF NOT EXISTS") || s.startsWith("CREATE TABLE IF NOT EXISTS"), s);
            assertFalse(s.contains("${"), s);
            assertFalse(s.contains("--"), s);
        }
        for (String t : SchemaCheck.RAW_TABLES) {
            assertTrue(all.stream().anyMatch(s -> s.contains("EXISTS r1." + t + " (")), t);
        }
        List<String> stats = new ArrayList<>(SchemaCheck.RESULT_TABLES);
        stats.addAll(SchemaCheck.STATE_TABLES);
        stats.addAll(SchemaCheck.OPERATION_TABLES);
        for (String t : stats) {
            assertTrue(all.stream().anyMatch(s -> s.contains("EXISTS s1." + t + " (")), t);
        }
        assertEquals(2 + SchemaCheck.RAW_TABLES.size() + stats.size(), all.size());
        assertTrue(all.get(0).contains("'SimpleStrategy', 'replication_factor': 3"));
    }

    @Test
    void networkTopologyReplicationPerDataCentre() {
        assertEquals("{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}",
                Replication.networkTopology("dc1:3, dc2:2").cql());
        assertThrows(ConfigException.class, () -> Replication.networkTopology("dc1"));
        assertThrows(ConfigException.class, () -> Replication.networkTopology("dc1:0"));
        assertThrows(ConfigException.class, () -> Replication.simple(0));
    }
}
