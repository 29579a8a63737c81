package com.rides.generate;

/** The raw tables the generator writes, in the order it writes them. */
public enum RawTable {
    CLASSES("classes"),
    RIDERS("riders"),
    WORKOUTS("workouts"),
    SAMPLES("samples"),
    RATINGS("ratings");

    private final String tableName;

    RawTable(String tableName) {
        this.tableName = tableName;
    }

    public String tableName() {
        return tableName;
    }
}
