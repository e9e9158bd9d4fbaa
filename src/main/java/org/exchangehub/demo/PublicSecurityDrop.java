package org.exchangehub.demo;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the public-security department's nightly drops the way its systems do: a GBK CSV with a header and CRLF
 * line ends from the household registration system, a GBK fixed-width file from the legacy resident system, each
 * written under a temporary name, renamed, and followed by its {@code NAME.ok} done-marker.
 */
final class PublicSecurityDrop {

    static final Charset GBK = Charset.forName("GBK");
    static final String CSV_HEADER = "GMSFHM,XM,XB,CSRQ,HJXZQH,ZZ,LXDH";
    /** Byte widths of config/layouts/public-security-residents.yaml. */
    private static final int[] WIDTHS = {18, 12, 1, 8, 6, 60, 11};

    private PublicSecurityDrop() {
    }

    /** The CSV line of a person (without line end). */
    static String csvLine(PublicSecurityPerson p) {
        String[] v = {p.idNumber(), p.name(), p.male() ? "男" : "女", p.birthDate(), p.division(), p.address(),
            p.phone()};
        StringBuilder sb = new StringBuilder(128);
        int fields = p.kind() == PublicSecurityPerson.Kind.MALFORMED ? v.length - 1 : v.length;
        for (int i = 0; i < fields; i++) {
            if (i > 0) {
                sb.append(',');
            }
            String s = v[i];
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                sb.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.toString();
    }

    /** The fixed-width record of a person, in GBK bytes (without line end). */
    static byte[] fixedRecord(PublicSecurityPerson p) {
        String phoneDigits = p.phone().replaceFirst("^\\+86", "").replaceAll("[^0-9]", "");
        String[] v = {p.idNumber(), p.name(), p.male() ? "1" : "2", p.birthDate(), p.division(), p.address(),
            phoneDigits.length() > 11 ? phoneDigits.substring(0, 11) : phoneDigits};
        byte[] record = new byte[116];
        int at = 0;
        for (int i = 0; i < v.length; i++) {
            byte[] field = fit(v[i], WIDTHS[i]);
            if (i == 1 && p.kind() == PublicSecurityPerson.Kind.MALFORMED) {
                // the legacy exporter cut a name by bytes: a space, then six characters, cut at 12 bytes
                byte[] cut = (" 上官" + p.name() + "婉儿明月").getBytes(GBK);
                field = java.util.Arrays.copyOf(cut, WIDTHS[i]);
                for (int k = cut.length; k < WIDTHS[i]; k++) {
                    field[k] = ' ';
                }
            }
            System.arraycopy(field, 0, record, at, WIDTHS[i]);
            at += WIDTHS[i];
        }
        return record;
    }

    /** The value's whole characters that fit in {@code width} GBK bytes, padded with spaces. */
    private static byte[] fit(String value, int width) {
        byte[] out = new byte[width];
        java.util.Arrays.fill(out, (byte) ' ');
        int used = 0;
        for (int i = 0; i < value.length(); i++) {
            byte[] c = String.valueOf(value.charAt(i)).getBytes(GBK);
            if (used + c.length > width) {
                break;
            }
            System.arraycopy(c, 0, out, used, c.length);
            used += c.length;
        }
        return out;
    }

    /** Writes the CSV drop: data under a temporary name, renamed, then the done-marker. */
    static void writeCsv(Path dir, String name, List<PublicSecurityPerson> persons) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(name + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, GBK)) {
            w.write(CSV_HEADER);
            w.write("\r\n");
            for (PublicSecurityPerson p : persons) {
                w.write(csvLine(p));
                w.write("\r\n");
            }
        }
        publish(tmp, dir.resolve(name));
    }

    /** Writes the fixed-width drop the same way. */
    static void writeFixed(Path dir, String name, List<PublicSecurityPerson> persons) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve(name + ".tmp");
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
            for (PublicSecurityPerson p : persons) {
                out.write(fixedRecord(p));
                out.write('\n');
            }
        }
        publish(tmp, dir.resolve(name));
    }

    private static void publish(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(target.resolveSibling(target.getFileName() + ".ok"), "");
    }
}
