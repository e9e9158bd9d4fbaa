package org.exchangehub.demo;

/**
 * One resident of the simulated public-security register, as the department exports it, with the outcome the hub
 * must reach for it.
 *
 * @param idNumber  公民身份号码 as exported (18 digits, or 15 for a legacy number)
 * @param name      姓名
 * @param male      sex
 * @param birthDate 出生日期 yyyyMMdd as exported, or empty
 * @param division  户籍地行政区划
 * @param address   住址
 * @param phone     联系电话 as exported
 * @param kind      what is deliberately wrong with the row, if anything
 */
record PublicSecurityPerson(String idNumber, String name, boolean male, String birthDate, String division,
                            String address, String phone, Kind kind) {

    /** What a row is, and so what the hub does with it. */
    enum Kind {
        /** Delivered as is. */
        CLEAN(true),
        /** A 15-digit legacy ID number: delivered, upgraded to 18 digits. */
        LEGACY_ID(true),
        /** An unusable phone number: delivered with the phone nulled and a warning. */
        BAD_PHONE(true),
        /** Wrong GB 11643 check character: rejected (INVALID_ID_NUMBER). */
        BAD_CHECK_CHARACTER(false),
        /** Birth date column disagrees with the ID number: rejected (BIRTH_DATE_MISMATCH). */
        BIRTH_DATE_MISMATCH(false),
        /** No name: rejected (MISSING_REQUIRED). */
        NO_NAME(false),
        /** A line the parser cannot read (a field missing, or a name cut inside a character): MALFORMED_RECORD. */
        MALFORMED(false);

        private final boolean delivered;

        Kind(boolean delivered) {
            this.delivered = delivered;
        }

        boolean delivered() {
            return delivered;
        }
    }
}
