package org.haigui.schema;

import java.util.List;

/** A rule over more than one column of a row, or over more than one row. */
public sealed interface Rule {

    /** Where both are present, {@code column} (a date) is not before {@code other}. */
    record NotBefore(String column, String other) implements Rule { }

    /** Where both are present, {@code column} (a number) is at most {@code other}. */
    record AtMost(String column, String other) implements Rule { }

    /** At least one of the columns has a value. */
    record AtLeastOneOf(List<String> columns) implements Rule {
        public AtLeastOneOf {
            columns = List.copyOf(columns);
        }
    }

    /** Gender and birth date, where given, agree with the identity number. */
    record AgreesWithIdNumber(String idColumn, String genderColumn, String birthDateColumn) implements Rule { }

    /** The year is not before the year of a date in the referenced row (checked against the store and the import). */
    record YearNotBeforeReferenced(String yearColumn, String referenceColumn, String referencedTable,
                                   String referencedDateColumn) implements Rule { }

    /** Non-missing values are unique across the whole table (store and import). */
    record Unique(String column) implements Rule { }

    /** All rows with the same value of {@code groupColumn} have the same value of {@code column} (missing = default). */
    record SameWithin(String column, String groupColumn, String defaultValue) implements Rule { }

    /** {@code column} is required when {@code other} has the value {@code value}. */
    record RequiredWhen(String column, String other, String value) implements Rule { }

    /** {@code column} may have a value (other than {@code allowedAlways}) only when {@code other} has the value {@code value}. */
    record OnlyWhen(String column, String other, String value, String allowedAlways) implements Rule { }
}
