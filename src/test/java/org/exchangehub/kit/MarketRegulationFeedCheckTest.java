package org.exchangehub.kit;

import java.util.Map;

import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.testing.FeedCheck;
import org.junit.jupiter.api.Test;

/** The demo's market-regulation mapping, written as FeedCheck tests: fixture in, records and rejects out. */
class MarketRegulationFeedCheckTest {

    @Test
    void departmentCodesCapitalInTenThousandYuanAndCompactDatesAreUnified() {
        FeedCheck.mapping("market-regulation-enterprises")
                .csv("""
                        ID,TYSHXYDM,QYMC,FDDBR,ZCZB,CLRQ,XZQH,DJZT,GXSJ
                        1,91350100M00010002X,福州市示例贸易有限公司,张三丰,100,20100101,,03,2026-01-01 10:00:00
                        """, "ID")
                .expectRecord("1", Map.of("uscc", "91350100M00010002X", "registered_capital_cny", "1000000.00",
                        "established_date", "2010-01-01", "division_code", "350100", "status_code", "3"))
                .verify();
    }

    @Test
    void everyFailingFieldOfARecordIsAReason() {
        FeedCheck.mapping("market-regulation-enterprises")
                .csv("""
                        ID,TYSHXYDM,QYMC,FDDBR,ZCZB,CLRQ,XZQH,DJZT,GXSJ
                        2,91350100M000100022,,李四,-5,20110231,350100,99,2026-01-01 10:00:00
                        """, "ID")
                .expectReject("2", ReasonCode.INVALID_USCC, ReasonCode.MISSING_REQUIRED, ReasonCode.INVALID_VALUE,
                        ReasonCode.INVALID_DATE, ReasonCode.UNKNOWN_CODE)
                .verify();
    }
}
