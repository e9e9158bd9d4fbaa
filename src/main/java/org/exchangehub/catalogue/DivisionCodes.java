package org.exchangehub.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.exchangehub.config.ConfigException;

/**
 * The GB/T 2260 administrative division table ({@code config/codes/divisions.csv}, lines {@code code,name}; lines
 * starting with {@code #} say the edition and source). Province, prefecture and county codes are all divisions:
 * a record may name any level. When no table is configured only the 6-digit form of a division code is checked.
 */
public final class DivisionCodes {

    private static final DivisionCodes NOT_CONFIGURED = new DivisionCodes(null);

    private final Map<String, String> names;

    private DivisionCodes(Map<String, String> names) {
        this.names = names;
    }

    /** No table: every 6-digit code is accepted. */
    public static DivisionCodes notConfigured() {
        return NOT_CONFIGURED;
    }

    /** The table in {@code csv}, or {@link #notConfigured()} when the file does not exist. */
    public static DivisionCodes loadIfPresent(Path csv) {
        return Files.exists(csv) ? load(csv) : NOT_CONFIGURED;
    }

    /**
     * Reads a {@code code,name} table: comment lines ({@code #}) and blank lines anywhere, then the header line;
     * every code must be 6 digits and given once, and the table must hold at least one code.
     */
    public static DivisionCodes load(Path csv) {
        String file = csv.toString();
        Map<String, String> names = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            boolean header = false;
            while ((line = r.readLine()) != null) {
                no++;
                String text = no == 1 ? line.replace("\uFEFF", "") : line;
                if (text.isBlank() || text.startsWith("#")) {
                    continue;
                }
                if (!header) {
                    if (!text.trim().equals("code,name")) {
                        throw new ConfigException(file, "line " + no, line, "is not the header 'code,name'",
                                "start the table with the line code,name (comment lines starting with # may come first)");
                    }
                    header = true;
                    continue;
                }
                int comma = text.indexOf(',');
                String code = comma < 0 ? text.trim() : text.substring(0, comma).trim();
                String name = comma < 0 ? "" : text.substring(comma + 1).trim();
                if (!isSixDigits(code) || name.isEmpty()) {
                    throw new ConfigException(file, "line " + no, line, "is not '<6-digit code>,<name>'",
                            "write e.g. 350100,福州市");
                }
                if (names.put(code, name) != null) {
                    throw new ConfigException(file, "line " + no, code, "repeats a code given above",
                            "keep one line per code");
                }
            }
        } catch (IOException e) {
            throw new ConfigException(file, null, null, "cannot be read: " + e.getMessage(),
                    "check that the file is readable UTF-8");
        }
        if (names.isEmpty()) {
            throw new ConfigException(file, null, null, "holds no division codes, so every code would be unknown",
                    "give the header code,name and one line per code, e.g. 350100,福州市");
        }
        return new DivisionCodes(Collections.unmodifiableMap(names));
    }

    /** Whether a table is configured. */
    public boolean configured() {
        return names != null;
    }

    /** Whether the code is in the table (false when no table is configured). */
    public boolean contains(String code) {
        return names != null && names.containsKey(code);
    }

    /** The division's name, or null. */
    public String name(String code) {
        return names == null ? null : names.get(code);
    }

    /** How many codes the table holds (0 when not configured). */
    public int size() {
        return names == null ? 0 : names.size();
    }

    /** The division rule: 6 digits, and known to the table when one is configured. */
    public boolean accepts(String code) {
        return isSixDigits(code) && (names == null || names.containsKey(code));
    }

    /** True when {@code s} is exactly 6 ASCII digits. */
    public static boolean isSixDigits(String s) {
        if (s == null || s.length() != 6) {
            return false;
        }
        for (int i = 0; i < 6; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return configured() ? "DivisionCodes[" + names.size() + " codes]" : "DivisionCodes[not configured]";
    }
}
