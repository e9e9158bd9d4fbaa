package org.exchangehub.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.catalogue.Rule;
import org.exchangehub.standards.DatePatterns;
import org.exchangehub.standards.IdNumbers;
import org.exchangehub.standards.MobilePhones;
import org.exchangehub.standards.MoneyUnit;
import org.exchangehub.standards.Numbers;
import org.exchangehub.standards.SexCodes;
import org.exchangehub.standards.Text;
import org.exchangehub.standards.Uscc;

/**
 * One dataset field's rule, compiled once per mapping: turns a cleaned source value into the field's typed value
 * or reports a violation on the {@link Row}. Details name what is wrong, never a personal value.
 */
abstract class FieldConverter {

    final FieldSpec spec;
    final int index;

    FieldConverter(FieldSpec spec, int index) {
        this.spec = spec;
        this.index = index;
    }

    /** Converts a cleaned, non-blank text; returns null after reporting a failure or a warning. */
    abstract Object text(String s, Row row);

    /** Converts a value the source gave as a non-text object (numbers, dates from JDBC). */
    Object object(Object o, Row row) {
        String s = Text.clean(o instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : o.toString());
        return s == null ? null : text(s, row);
    }

    /** The value for messages: shown only for non-personal fields. */
    String shown(String s) {
        if (spec.sensitive()) {
            return "";
        }
        return " '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }

    static FieldConverter of(FieldSpec spec, int index, FieldMapping mapping, DivisionCodes divisions) {
        Rule rule = Rule.of(spec.rule());
        return switch (rule) {
            case ID_NUMBER -> new FieldConverter(spec, index) {
                Object text(String s, Row row) {
                    String id = IdNumbers.normalize(s);
                    if (id == null) {
                        row.fail(this, ReasonCode.INVALID_ID_NUMBER, IdNumbers.problem(s));
                    }
                    return id;
                }
            };
            case USCC -> new FieldConverter(spec, index) {
                Object text(String s, Row row) {
                    String code = Uscc.normalize(s);
                    if (code == null) {
                        row.fail(this, ReasonCode.INVALID_USCC, Uscc.problem(s));
                    }
                    return code;
                }
            };
            case NAME, TEXT -> new FieldConverter(spec, index) {
                Object text(String s, Row row) {
                    return s;
                }
            };
            case SEX_CODE, CODE -> new CodeConverter(spec, index, codeLookup(spec, mapping),
                    acceptsStandardCodes(mapping));
            case DATE, PAST_DATE -> new DateConverter(spec, index, rule == Rule.PAST_DATE,
                    DatePatterns.of(mapping == null ? List.of() : mapping.formats()));
            case NON_NEGATIVE_DECIMAL -> new DecimalConverter(spec, index,
                    mapping == null || mapping.unit() == null ? MoneyUnit.YUAN : mapping.unit());
            case DIVISION_CODE -> new FieldConverter(spec, index) {
                Object text(String s, Row row) {
                    if (divisions.accepts(s)) {
                        return s;
                    }
                    row.fail(this, ReasonCode.UNKNOWN_CODE, DivisionCodes.isSixDigits(s)
                            ? "division code" + shown(s) + " is not in the division table"
                            : "division code" + shown(s) + " is not 6 digits");
                    return null;
                }
            };
            case MOBILE_PHONE -> new FieldConverter(spec, index) {
                Object text(String s, Row row) {
                    String phone = MobilePhones.normalize(s);
                    if (phone == null) {
                        row.warn();
                    }
                    return phone;
                }
            };
        };
    }

    /**
     * Source value → standard code. With a department code table (the mapping's {@code codes}), only its keys; the
     * catalogue's label words (each '/'-separated word of a standard label) and standard codes only where the
     * mapping accepts them ({@code standard_codes: accept}, or no code table at all), the department's table winning.
     */
    private static Map<String, String> codeLookup(FieldSpec spec, FieldMapping mapping) {
        Map<String, String> lookup = new HashMap<>();
        if (acceptsStandardCodes(mapping)) {
            spec.codes().forEach((code, label) -> {
                for (String word : label.split("/")) {
                    if (!word.isBlank()) {
                        lookup.put(word.trim(), code);
                    }
                }
            });
            spec.codes().keySet().forEach(code -> lookup.put(code, code));
        }
        if (mapping != null) {
            lookup.putAll(mapping.codes());
        }
        return Map.copyOf(lookup);
    }

    static boolean acceptsStandardCodes(FieldMapping mapping) {
        return mapping == null || mapping.acceptStandardCodes();
    }

    private static final class CodeConverter extends FieldConverter {
        private final Map<String, String> lookup;
        private final boolean sex;
        private final boolean closed;

        CodeConverter(FieldSpec spec, int index, Map<String, String> lookup, boolean acceptStandard) {
            super(spec, index);
            this.lookup = lookup;
            this.closed = !acceptStandard;
            this.sex = acceptStandard && Rule.of(spec.rule()) == Rule.SEX_CODE;
        }

        @Override
        Object text(String s, Row row) {
            String code = lookup.get(s);
            if (code == null && sex) {
                code = SexCodes.normalize(s);
            }
            if (code == null) {
                row.fail(this, ReasonCode.UNKNOWN_CODE, closed
                        ? "value" + shown(s) + " is not in the department's code table of the mapping"
                                + " (closed; standard_codes: accept would also take standard codes)"
                        : "value" + shown(s) + " is neither a standard code nor in the mapping's code table");
            }
            return code;
        }
    }

    private static final class DateConverter extends FieldConverter {
        private final boolean past;
        private final DatePatterns patterns;

        DateConverter(FieldSpec spec, int index, boolean past, DatePatterns patterns) {
            super(spec, index);
            this.past = past;
            this.patterns = patterns;
        }

        @Override
        Object text(String s, Row row) {
            LocalDate d = patterns.parse(s);
            if (d == null) {
                row.fail(this, ReasonCode.INVALID_DATE, "not a real date in an accepted form"
                        + (patterns.patterns().isEmpty() ? "" : " (or " + patterns.patterns() + ")"));
                return null;
            }
            return checked(d, row);
        }

        @Override
        Object object(Object o, Row row) {
            LocalDate d;
            if (o instanceof LocalDate ld) {
                d = ld;
            } else if (o instanceof java.sql.Timestamp ts) {
                d = ts.toLocalDateTime().toLocalDate();
            } else if (o instanceof java.sql.Date sd) {
                d = sd.toLocalDate();
            } else if (o instanceof LocalDateTime ldt) {
                d = ldt.toLocalDate();
            } else if (o instanceof OffsetDateTime odt) {
                d = odt.toLocalDate();
            } else if (o instanceof ZonedDateTime zdt) {
                d = zdt.toLocalDate();
            } else {
                return super.object(o, row);
            }
            return checked(d, row);
        }

        private Object checked(LocalDate d, Row row) {
            if (past && d.isAfter(row.today)) {
                row.fail(this, ReasonCode.INVALID_DATE, "is in the future");
                return null;
            }
            return d;
        }
    }

    private static final class DecimalConverter extends FieldConverter {
        private final MoneyUnit unit;
        private final int maxIntegerDigits;

        DecimalConverter(FieldSpec spec, int index, MoneyUnit unit) {
            super(spec, index);
            this.unit = unit;
            this.maxIntegerDigits = spec.precision() - spec.scale();
        }

        @Override
        Object text(String s, Row row) {
            BigDecimal v = Numbers.parse(s, unit);
            if (v == null) {
                row.fail(this, ReasonCode.INVALID_VALUE, "not a number" + shown(s));
                return null;
            }
            return checked(v, row);
        }

        @Override
        Object object(Object o, Row row) {
            BigDecimal v;
            if (o instanceof BigDecimal d) {
                v = d;
            } else if (o instanceof BigInteger bi) {
                v = new BigDecimal(bi);
            } else if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
                v = BigDecimal.valueOf(((Number) o).longValue());
            } else if (o instanceof Double || o instanceof Float) {
                double d = ((Number) o).doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    row.fail(this, ReasonCode.INVALID_VALUE, "not a finite number");
                    return null;
                }
                v = BigDecimal.valueOf(d);
            } else {
                return super.object(o, row);
            }
            return checked(unit == MoneyUnit.YUAN ? v : v.multiply(unit.factor()), row);
        }

        private Object checked(BigDecimal v, Row row) {
            if (v.signum() < 0) {
                row.fail(this, ReasonCode.INVALID_VALUE, "is negative");
                return null;
            }
            BigDecimal scaled = v.setScale(spec.scale(), RoundingMode.HALF_UP);
            if (scaled.precision() - scaled.scale() > maxIntegerDigits) {
                row.fail(this, ReasonCode.INVALID_VALUE, "has more than " + maxIntegerDigits + " digits before the point");
                return null;
            }
            return scaled;
        }
    }
}
