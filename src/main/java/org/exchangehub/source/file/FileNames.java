package org.exchangehub.source.file;

/**
 * Which names from a server's listing the source will touch: plain names inside the folder only. A listing is
 * data from another system; a name such as {@code ../x}, {@code /etc/x} or {@code C:\x} is refused, never
 * resolved, so nothing outside the drop folder is read, moved or deleted.
 */
final class FileNames {

    private FileNames() {
    }

    /** Whether {@code name} is a plain file name: not empty, not {@code .} or {@code ..}, no separators or controls. */
    static boolean isPlain(String name) {
        if (name == null || name.isEmpty() || name.length() > 255 || name.equals(".") || name.equals("..")) {
            return false;
        }
        if (name.contains("..")) {
            return false; // also refuses "a..b": harmless itself, but no department needs it and it keeps the rule simple
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f || (c == ':' && i == 1)) {
                return false;
            }
        }
        return true;
    }

    /** The name with control characters escaped, safe to put in a log line. */
    static String printable(String name) {
        if (name == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length() && i < 300; i++) {
            char c = name.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }
}
