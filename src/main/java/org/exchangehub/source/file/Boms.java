package org.exchangehub.source.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * Skips a byte-order mark at the start of a file: the UTF-8 one (which Windows tools write into GBK-labelled
 * exports too) and GB18030's own ({@code 84 31 95 33}).
 */
final class Boms {

    private static final byte[] UTF8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] GB18030 = {(byte) 0x84, 0x31, (byte) 0x95, 0x33};

    private Boms() {
    }

    /** A buffered stream positioned after the BOM, if there was one. */
    static BufferedInputStream skip(InputStream in, Charset charset) throws IOException {
        BufferedInputStream b = in instanceof BufferedInputStream bis ? bis : new BufferedInputStream(in, 1 << 16);
        b.mark(4);
        byte[] head = b.readNBytes(4);
        b.reset();
        if (startsWith(head, UTF8)) {
            b.skipNBytes(UTF8.length);
        } else if (charset.name().equals("GB18030") && startsWith(head, GB18030)) {
            b.skipNBytes(GB18030.length);
        }
        return b;
    }

    private static boolean startsWith(byte[] head, byte[] bom) {
        return head.length >= bom.length && Arrays.equals(head, 0, bom.length, bom, 0, bom.length);
    }
}
