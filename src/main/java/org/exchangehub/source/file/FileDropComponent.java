package org.exchangehub.source.file;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.TimeUtils;

/** The {@code file-drop} component: reads the files a department drops into a local, FTP, FTPS or SFTP folder. */
@Component("file-drop")
public final class FileDropComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FileDropEndpoint endpoint = new FileDropEndpoint(uri, this, remaining);
        for (String option : new String[] {"delay", "initialDelay"}) {
            if (parameters.get(option) instanceof String text) {
                parameters.put(option, durationMillis(remaining, option, text));
            }
        }
        setProperties(endpoint, parameters);
        endpoint.passToCamel(parameters); // what file-drop does not know is a camel-ftp / camel-file option
        parameters.clear();
        endpoint.validate();
        return endpoint;
    }

    /** Scheduling options accept durations such as 60s, 15m or PT1H as well as milliseconds. */
    private static long durationMillis(String protocol, String option, String text) {
        try {
            return TimeUtils.toMilliSeconds(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("file-drop:" + protocol + ": option " + option + " = '" + text
                    + "' is not a duration; write e.g. 60s, 15m, 1h or PT1H", e);
        }
    }
}
