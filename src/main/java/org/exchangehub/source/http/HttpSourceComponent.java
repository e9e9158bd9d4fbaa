package org.exchangehub.source.http;

import java.util.Map;

import org.apache.camel.support.DefaultComponent;
import org.exchangehub.feed.Durations;

/** What the REST and SOAP source components share: scheduling options given as durations, checked options. */
abstract class HttpSourceComponent extends DefaultComponent {

    /** Scheduling options accept durations such as 60s, 15m or PT1H as well as milliseconds. */
    static void schedulingDurations(String scheme, String url, Map<String, Object> parameters) {
        for (String option : new String[] {"delay", "initialDelay"}) {
            if (parameters.get(option) instanceof String text) {
                parameters.put(option, Durations.parse(scheme + ":" + url, option, text).toMillis());
            }
        }
    }
}
