package org.exchangehub.catalogue;

/** The value types a unified dataset field can have; each maps to one Java type and one Parquet type. */
public enum FieldType {
    /** {@link String}; Parquet BINARY (UTF8). */
    STRING,
    /** {@link java.time.LocalDate}; Parquet INT32 (DATE). */
    DATE,
    /** {@link java.math.BigDecimal} with the field's precision and scale; Parquet DECIMAL. */
    DECIMAL
}
