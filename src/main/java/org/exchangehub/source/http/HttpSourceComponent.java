package org.exchangehub.source.http;

import java.util.Map;

import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.TimeUtils;

/** What the REST and SOAP source components share: scheduling options given as durations, checked options. */
abstract class HttpSourceComponent extends DefaultComponent {

    /** Scheduling options accept durations such as 60s, 15m or PT1H as well as milliseconds. */
    static void schedulingDurations(String scheme, String url, Map<String, Object> parameters) {
        for (String option : new String[] {"delay", "initialDelay"}) {
            if (parameters.get(option) instanceof String text) {
                try {
                    parameters.put(option, TimeUtils.toMilliSeconds(text.trim()));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(scheme + ":" + url + ": option " + option + " = '" + text
                            + "' is not a duration; write e.g. 60s, 15m, 1h or PT1H", e);
                }
            }
        }
    }
}
