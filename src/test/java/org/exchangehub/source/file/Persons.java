package org.exchangehub.source.file;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test residents with valid GB 11643 ID numbers, and writing drops in a charset. */
final class Persons {

    static final Charset GBK = Charset.forName("GBK");
    static final Charset GB18030 = Charset.forName("GB18030");
    static final String HEADER = "GMSFHM,XM,XB,CSRQ,HJXZQH,ZZ,LXDH";

    /** 陈志明, born 1985-03-12 in 鼓楼区, male. */
    static final String CHEN = id("35010219850312123");
    /** 林秀英, born 1978-06-05 in 思明区, female: her legacy 15-digit number and its 18-digit upgrade. */
    static final String LIN_15 = "350203780605042";
    static final String LIN = id("35020319780605042");
    /** 黄丽娟, born 1992-11-30 in 鲤城区, female. */
    static final String HUANG = id("35050219921130064");

    private Persons() {
    }

    /** The 18-digit number: the 17 digits and their check character. */
    static String id(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** The three residents as the household registration system exports them (CRLF, a quoted comma). */
    static String csv() {
        return HEADER + "\r\n"
                + CHEN + ",陈志明,男,19850312,350102,\"福建省福州市鼓楼区五四路12号,阳光小区3栋201室\",+86 138 0013 8000\r\n"
                + LIN_15 + ",林秀英,女,,350203,福建省厦门市思明区湖滨南路88号,139-5000-1234\r\n"
                + HUANG + ",黄丽娟,女,19921130,350502,\"福建省泉州市鲤城区温陵路7号\"\"侨乡\"\"公寓\",\r\n";
    }

    static void write(Path file, String text, Charset charset) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(charset));
    }

    /** Writes a data file and then its {@code NAME.ok} marker. */
    static void drop(Path dir, String name, String text, Charset charset) throws java.io.IOException {
        write(dir.resolve(name), text, charset);
        Files.writeString(dir.resolve(name + ".ok"), "");
    }

    /** One record of config/layouts/public-security-residents.yaml: each value padded to its width in GBK bytes. */
    static byte[] fixed(String... values) {
        int[] widths = {18, 12, 1, 8, 6, 60, 11};
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < widths.length; i++) {
            byte[] v = values[i].getBytes(GBK);
            out.write(v, 0, Math.min(v.length, widths[i]));
            for (int k = v.length; k < widths[i]; k++) {
                out.write(' ');
            }
        }
        out.write('\n');
        return out.toByteArray();
    }

    /** The three residents as the legacy system exports them, fixed-width GBK. */
    static byte[] fixedFile() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(fixed(CHEN, "陈志明", "1", "19850312", "350102", "福建省福州市鼓楼区五四路12号", "13800138000"));
        out.writeBytes(fixed(LIN_15, "林秀英", "2", "", "350203", "福建省厦门市思明区湖滨南路88号", ""));
        out.writeBytes(fixed(HUANG, "黄丽娟", "2", "19921130", "350502", "福建省泉州市鲤城区温陵路7号", "13950001234"));
        return out.toByteArray();
    }
}
