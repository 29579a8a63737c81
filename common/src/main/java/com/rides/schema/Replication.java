package com.rides.schema;

import com.rides.config.ConfigException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keyspace replication: SimpleStrategy with one factor for a single node or test,
 * NetworkTopologyStrategy with a factor per data centre for production.
 */
public record Replication(Integer simpleFactor, Map<String, Integer> perDataCentre) {

    public static Replication simple(int factor) {
        if (factor < 1) {
            throw new ConfigException("replication factor must be at least 1, got " + factor);
        }
        return new Replication(factor, Map.of());
    }

    /** Parses "dc1:3,dc2:3". */
    public static Replication networkTopology(String spec) {
        Map<String, Integer> dcs = new LinkedHashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split(":");
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new ConfigException("bad data-centre replication '" + part.trim() + "': expected DC:FACTOR");
            }
            try {
                int rf = Integer.parseInt(kv[1].trim());
                if (rf < 1) {
                    throw new NumberFormatException();
                }
                dcs.put(kv[0].trim(), rf);
            } catch (NumberFormatException e) {
                throw new ConfigException("bad replication factor in '" + part.trim() + "': expected a positive number");
            }
        }
        return new Replication(null, dcs);
    }

    public String cql() {
        if (simpleFactor != null) {
            return "{'class': 'SimpleStrategy', 'replication_factor': " + simpleFactor + "}";
        }
        return "{'class': 'NetworkTopologyStrategy', " + perDataCentre.entrySet().stream()
                .map(e -> "'" + e.getKey() + "': " + e.getValue())
                .collect(Collectors.joining(", ")) + "}";
    }
}
