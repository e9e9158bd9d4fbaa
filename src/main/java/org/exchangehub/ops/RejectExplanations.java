package org.exchangehub.ops;

import java.util.EnumMap;
import java.util.Map;

import org.exchangehub.mapping.ReasonCode;

/** Each reason code in plain Chinese, as a department's data clerk reads it next to the code in a reject export. */
public final class RejectExplanations {

    private static final Map<ReasonCode, String> TEXTS = new EnumMap<>(ReasonCode.class);

    static {
        TEXTS.put(ReasonCode.MISSING_REQUIRED, "必填项为空");
        TEXTS.put(ReasonCode.INVALID_ID_NUMBER, "公民身份号码校验位错误或格式不符（GB 11643）");
        TEXTS.put(ReasonCode.INVALID_USCC, "统一社会信用代码校验位错误或格式不符（GB 32100）");
        TEXTS.put(ReasonCode.INVALID_DATE, "日期无效、格式不符或晚于今天");
        TEXTS.put(ReasonCode.INVALID_VALUE, "数值无效或超出允许范围");
        TEXTS.put(ReasonCode.UNKNOWN_CODE, "代码不在约定的代码表中");
        TEXTS.put(ReasonCode.BIRTH_DATE_MISMATCH, "出生日期与公民身份号码中的出生日期不一致");
        TEXTS.put(ReasonCode.MALFORMED_RECORD, "记录无法解析（列数、引号或格式错误）");
    }

    private RejectExplanations() {
    }

    /** The reason in plain Chinese. */
    public static String of(ReasonCode reason) {
        return TEXTS.get(reason);
    }
}
