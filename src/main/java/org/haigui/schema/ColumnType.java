package org.haigui.schema;

/** The value types of data-format.md, plus the special identifier types. */
public enum ColumnType {
    /** 1-64 characters, no control characters, compared exactly after trimming. */
    ID("VARCHAR"),
    TEXT("VARCHAR"),
    /** YYYY-MM-DD. */
    DATE("DATE"),
    /** YYYY-MM-DD, YYYY-MM (the 1st) or YYYY (1 January). */
    PARTIAL_DATE("DATE"),
    INT("BIGINT"),
    /** Money in CNY: at most 2 decimal places. */
    MONEY("DECIMAL(18,2)"),
    /** A general decimal (survey weight): at most 6 decimal places. */
    DECIMAL("DECIMAL(18,6)"),
    BOOL("BOOLEAN"),
    /** ISO 3166-1 alpha-2. */
    COUNTRY("VARCHAR"),
    /** Countries separated by ';' (stored upper case, de-duplicated, in input order, joined by ';'). */
    COUNTRY_LIST("VARCHAR"),
    /** One of a fixed set of values, each with its Chinese form. */
    ENUM("VARCHAR"),
    /** 6-digit division code of a district of the configured city. */
    DISTRICT("VARCHAR"),
    /** GB/T 4754-2017: a section letter and up to 4 digits. */
    INDUSTRY("VARCHAR"),
    /** ISCED-F 2013 broad field 00-10. */
    FIELD("VARCHAR"),
    /** GB 11643 identity number: validated, then stored only as a keyed hash plus area code. */
    ID_NUMBER("VARCHAR"),
    /** GB 32100 unified social credit code. */
    CREDIT_CODE("VARCHAR");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The store type (portable SQL: DuckDB and Spark SQL both accept it). */
    public String sqlType() {
        return sqlType;
    }

    public boolean isDate() {
        return this == DATE || this == PARTIAL_DATE;
    }
}
