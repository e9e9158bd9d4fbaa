package org.exchangehub.kit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kit command's arguments: positional words, the command's own {@code --name value} (or {@code --name=value})
 * options, and everything else of the form {@code --spring.x=y}, passed on to Spring.
 */
final class Options {

    final List<String> words = new ArrayList<>();
    final Map<String, String> options = new LinkedHashMap<>();
    final List<String> passOn = new ArrayList<>();

    /** @param known the command's own option names */
    static Options parse(String[] args, int from, Set<String> known) {
        Options o = new Options();
        for (int i = from; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                String name = a.contains("=") ? a.substring(2, a.indexOf('=')) : a.substring(2);
                if (known.contains(name)) {
                    if (a.contains("=")) {
                        o.options.put(name, a.substring(a.indexOf('=') + 1));
                    } else if (i + 1 < args.length) {
                        o.options.put(name, args[++i]);
                    } else {
                        throw new IllegalArgumentException("option --" + name + " needs a value");
                    }
                } else if (a.contains("=")) {
                    o.passOn.add(a);
                } else {
                    throw new IllegalArgumentException("unknown option " + a + "; the options are " + known);
                }
            } else {
                o.words.add(a);
            }
        }
        return o;
    }

    String get(String name, String dflt) {
        return options.getOrDefault(name, dflt);
    }

    int integer(String name, int dflt) {
        String v = options.get(name);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + v + "'");
        }
    }
}
