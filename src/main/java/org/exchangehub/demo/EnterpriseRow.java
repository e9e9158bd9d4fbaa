package org.exchangehub.demo;

import java.util.Set;
import org.exchangehub.mapping.ReasonCode;

/**
 * One generated row of the market-regulation table {@code T_QYDJ}, in the department's own spelling (values are
 * stored exactly as given, including nulls, blanks and full-width text), together with what the hub should do
 * with it. The change time ({@code GXSJ}) is not part of the row: the database assigns it.
 *
 * @param id       {@code ID}, the primary key
 * @param tyshxydm {@code TYSHXYDM}, unified social credit code
 * @param qymc     {@code QYMC}, enterprise name
 * @param fddbr    {@code FDDBR}, legal representative
 * @param zczb     {@code ZCZB}, registered capital in 万元 as text
 * @param clrq     {@code CLRQ}, established date as text
 * @param xzqh     {@code XZQH}, division code, may be null or empty
 * @param djzt     {@code DJZT}, status code or word
 * @param kind     what the generator did to the row
 */
public record EnterpriseRow(long id, String tyshxydm, String qymc, String fddbr, String zczb, String clrq,
                            String xzqh, String djzt, RowKind kind) {

    /** Whether the hub should deliver this row to the lake. */
    public boolean expectedValid() {
        return kind.expectedValid();
    }

    /** The reason codes the hub should quarantine this row with; empty when it should be delivered. */
    public Set<ReasonCode> expectedReasons() {
        return kind.expectedReasons();
    }

    /** Field names and kind only: a row holds personal values, which must never reach a log line. */
    @Override
    public String toString() {
        return "EnterpriseRow[id=" + id + ", kind=" + kind + "]";
    }
}
