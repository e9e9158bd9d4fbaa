package org.exchangehub.kit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of a problem's key in a YAML file: keys are the loaders' paths ({@code fields.status_code.codes.01},
 * {@code route[market-regulation.enterprises].from.parameters.table}, {@code line 3, column 5}). A key that is not
 * found exactly is looked for below the deepest part that was, so the line is always near the cause.
 */
final class YamlLines {

    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private YamlLines() {
    }

    /** The 1-based line of {@code key} in {@code file}; 1 when the file or key cannot be placed. */
    static int lineOf(String file, String key) {
        if (key == null || file == null) {
            return 1;
        }
        Matcher m = LINE.matcher(key);
        if (key.startsWith("line ") && m.find()) {
            return Integer.parseInt(m.group(1));
        }
        Node root;
        try (Reader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(r);
        } catch (IOException | RuntimeException e) {
            return 1;
        }
        if (root == null) {
            return 1;
        }
        Node node = root;
        int line = 1;
        List<String> segments = segments(key);
        if (segments.size() > 1 && segments.get(0).equals("route") && segments.get(1).startsWith("[")) {
            segments.set(0, segments.get(1)); // route[id]: pick the list item first, then go into it
            segments.set(1, "route");
        }
        for (String segment : segments) {
            Found found = find(node, segment);
            if (found == null) {
                break;
            }
            node = found.value;
            line = found.line;
        }
        return line;
    }

    private record Found(Node value, int line) {
    }

    /** A key split into names and bracketed selectors: {@code route[a.b].steps[0].to} → route, [a.b], steps, [0], to. */
    static List<String> segments(String key) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (char c : key.toCharArray()) {
            if (c == '[' && depth == 0) {
                if (!sb.isEmpty()) {
                    out.add(sb.toString());
                }
                sb.setLength(0);
                sb.append(c);
                depth++;
            } else if (c == ']' && depth == 1) {
                sb.append(c);
                out.add(sb.toString());
                sb.setLength(0);
                depth--;
            } else if (c == '.' && depth == 0) {
                if (!sb.isEmpty()) {
                    out.add(sb.toString());
                }
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        if (!sb.isEmpty()) {
            out.add(sb.toString());
        }
        return out;
    }

    /** The segment directly under {@code node}, or else anywhere below it (breadth first). */
    private static Found find(Node node, String segment) {
        Deque<Node> queue = new ArrayDeque<>();
        queue.add(node);
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            Found f = direct(n, segment);
            if (f != null) {
                return f;
            }
            children(n, queue);
        }
        return null;
    }

    private static Found direct(Node node, String segment) {
        if (segment.startsWith("[")) {
            String sel = segment.substring(1, segment.length() - 1);
            if (node instanceof SequenceNode seq) {
                List<Node> items = seq.getValue();
                if (sel.matches("\\d+") && Integer.parseInt(sel) < items.size()) {
                    Node item = items.get(Integer.parseInt(sel));
                    return new Found(item, item.getStartMark().getLine() + 1);
                }
                for (Node item : items) {
                    if (hasId(item, sel)) {
                        return new Found(item, item.getStartMark().getLine() + 1);
                    }
                }
            } else if (node instanceof MappingNode && hasId(node, sel)) {
                return new Found(node, node.getStartMark().getLine() + 1);
            }
            return null;
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(segment)) {
                    return new Found(t.getValueNode(), k.getStartMark().getLine() + 1);
                }
            }
        }
        return null;
    }

    /** Whether a mapping (or its single child mapping, as in {@code - route: {id: ...}}) has this id. */
    private static boolean hasId(Node node, String id) {
        if (!(node instanceof MappingNode map)) {
            return false;
        }
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                if (k.getValue().equals("id") && t.getValueNode() instanceof ScalarNode v && v.getValue().equals(id)) {
                    return true;
                }
                if (t.getValueNode() instanceof MappingNode && hasId(t.getValueNode(), id)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void children(Node node, Deque<Node> queue) {
        if (node instanceof MappingNode map) {
            map.getValue().forEach(t -> queue.add(t.getValueNode()));
        } else if (node instanceof SequenceNode seq) {
            queue.addAll(seq.getValue());
        }
    }
}
