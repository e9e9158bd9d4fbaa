package org.exchangehub.kit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;

/**
 * Guesses which source column feeds which dataset field: by the pinyin abbreviations government systems use
 * (SFZH → id_number, QYMC → name, DJZT → status_code ...) and by name similarity (idNumber, ID_NUMBER). Every guess
 * is only that: the scaffold marks each one for review.
 */
final class Guesses {

    /** Normalised column name (upper-case letters and digits) → dataset field. */
    private static final Map<String, String> KNOWN = new LinkedHashMap<>();

    static {
        known("id_number", "SFZH", "SFZHM", "ZJHM", "GMSFHM", "SFZJHM", "IDCARD", "IDNO", "CERTNO");
        known("name", "XM", "QYMC", "DWMC", "JGMC", "MC", "NAME", "FULLNAME");
        known("sex_code", "XB", "XBDM", "SEX", "GENDER");
        known("birth_date", "CSRQ", "BIRTHDAY", "BIRTH", "DOB");
        known("uscc", "TYSHXYDM", "SHXYDM", "XYDM", "CREDITCODE", "UNIFIEDCODE");
        known("legal_rep_name", "FDDBR", "FDDBRXM", "FRDB", "FR", "LEGALREP", "LEGALPERSON");
        known("registered_capital_cny", "ZCZB", "ZCZJ", "ZCZBJ", "REGCAPITAL", "CAPITAL");
        known("established_date", "CLRQ", "ZCRQ", "ESTABLISHED", "ESTABLISHDATE", "FOUNDED");
        known("division_code", "XZQH", "XZQHDM", "QHDM", "SSQX", "DIVISION", "AREACODE", "REGIONCODE");
        known("status_code", "DJZT", "JYZT", "ZT", "STATUS", "STATE");
        known("phone", "LXDH", "SJHM", "SJH", "DH", "PHONE", "MOBILE", "TEL", "TELEPHONE");
        known("address", "ZZ", "DZ", "JZDZ", "HJDZ", "ZS", "XXDZ", "ADDRESS", "ADDR");
        known("insurance_type", "XZLX", "CBXZ", "XZDM", "INSURANCETYPE", "INSTYPE");
        known("employer_uscc", "DWTYSHXYDM", "DWXYDM", "EMPLOYERUSCC", "EMPLOYERCODE");
        known("start_date", "CBRQ", "KSRQ", "CJRQ", "STARTDATE", "BEGINDATE");
        known("monthly_base_cny", "JFJS", "YJFJS", "MONTHLYBASE", "BASE");
    }

    /** Names of change-time columns, normalised. */
    private static final Set<String> CHANGE_NAMES = Set.of("GXSJ", "XGSJ", "ZHGXSJ", "UPDATETIME", "UPDATEDAT",
            "UPDATED", "LASTMODIFIED", "MODIFYTIME", "MODIFIEDAT", "LASTUPDATE", "CHANGETIME", "TS", "SJC");

    private static void known(String field, String... columns) {
        for (String c : columns) {
            KNOWN.put(c, field);
        }
    }

    private Guesses() {
    }

    static String normalise(String column) {
        String last = column.contains(".") ? column.substring(column.lastIndexOf('.') + 1) : column;
        return last.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    /** The dataset field a column likely feeds in {@code dataset}, or null. */
    static String field(Dataset dataset, String column) {
        String n = normalise(column);
        String known = KNOWN.get(n);
        if (known != null && dataset.hasField(known)) {
            return known;
        }
        for (FieldSpec f : dataset.fields()) {
            String fn = f.name().toUpperCase(Locale.ROOT).replace("_", "");
            if (fn.equals(n) || (n.length() >= 4 && fn.startsWith(n)) || (fn.length() >= 4 && n.equals(fn.replace("CNY", "")))) {
                return f.name();
            }
        }
        return null;
    }

    /** Dataset field → first column guessed for it, in column order. */
    static Map<String, String> fields(Dataset dataset, List<String> columns) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : columns) {
            String f = field(dataset, c);
            if (f != null) {
                out.putIfAbsent(f, c);
            }
        }
        return out;
    }

    /** The dataset most columns match (the required fields count double). */
    static Dataset dataset(Catalogue catalogue, List<String> columns) {
        Dataset best = null;
        int bestScore = -1;
        for (Dataset d : catalogue.datasets()) {
            int score = 0;
            for (String f : fields(d, columns).keySet()) {
                score += d.field(f).required() ? 2 : 1;
                if (d.businessKey().contains(f)) {
                    score += 3;
                }
            }
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    /** Whether a column's name says it holds the record's change time. */
    static boolean isChangeTime(String column) {
        return CHANGE_NAMES.contains(normalise(column));
    }
}
