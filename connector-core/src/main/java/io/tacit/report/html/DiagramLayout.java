package io.tacit.report.html;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A layered (Sugiyama-style) layout of the ER diagram, computed once in Java so the page only draws it:
 * tables are split into connected components, each component is layered with referenced tables above the
 * tables that point to them, rows are ordered by the barycenter of their neighbours to cut crossings, and the
 * components are packed on shelves. Tables without any relationship share one last group.
 */
public final class DiagramLayout {
    static final int BOX_HEIGHT = 42;
    static final int GAP_X = 36;
    static final int GAP_Y = 84;
    static final int GROUP_GAP = 90;
    static final int GROUP_PADDING = 30;
    /** a wide layer (a star schema's hundred facts around one dimension) wraps onto several rows */
    static final int MAX_ROW = 10;
    static final int SHELF_WIDTH = 2600;
    static final String UNCONNECTED = "Tables without relationships";

    private DiagramLayout() {
    }

    /** Where one table's box goes, and in which group. */
    public record Box(int x, int y, int width, int height, int group) {
    }

    /** One connected component (or the unconnected tables), with its frame. */
    public record Group(String name, int x, int y, int width, int height, List<Integer> tables) {
        public Group {
            requireNonNull(name, "name is null");
            tables = List.copyOf(requireNonNull(tables, "tables is null"));
        }
    }

    public record Layout(List<Box> boxes, List<Group> groups, int width, int height) {
        public Layout {
            boxes = List.copyOf(requireNonNull(boxes, "boxes is null"));
            groups = List.copyOf(requireNonNull(groups, "groups is null"));
        }
    }

    /** An edge from the referencing table to the referenced one (indexes into the table list). */
    public record Edge(int from, int to) {
    }

    /**
     * @param labels each table's label (its width sizes the box)
     * @param edges the relationships between tables; self-references and duplicates are fine
     */
    public static Layout layout(List<String> labels, List<Edge> edges) {
        int count = labels.size();
        List<List<Integer>> neighbours = new ArrayList<>();
        List<List<Integer>> parents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            neighbours.add(new ArrayList<>());
            parents.add(new ArrayList<>());
        }
        for (Edge edge : edges) {
            if (edge.from() == edge.to()) {
                continue;
            }
            neighbours.get(edge.from()).add(edge.to());
            neighbours.get(edge.to()).add(edge.from());
            if (!parents.get(edge.from()).contains(edge.to())) {
                parents.get(edge.from()).add(edge.to());
            }
        }
        int[] widths = new int[count];
        for (int i = 0; i < count; i++) {
            widths[i] = Math.max(130, Math.min(320, 36 + 8 * labels.get(i).length()));
        }

        List<List<Integer>> components = components(count, neighbours);
        List<Integer> lonely = new ArrayList<>();
        List<List<Integer>> connected = new ArrayList<>();
        for (List<Integer> component : components) {
            if (component.size() == 1) {
                lonely.add(component.get(0));
            }
            else {
                connected.add(component);
            }
        }
        connected.sort(Comparator.<List<Integer>>comparingInt(List::size).reversed()
                .thenComparing(component -> labels.get(component.get(0))));

        Box[] boxes = new Box[count];
        List<Group> groups = new ArrayList<>();
        List<List<List<Integer>>> rowsOfGroups = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (List<Integer> component : connected) {
            rowsOfGroups.add(rows(component, parents, neighbours));
            names.add(groupName(component, labels, neighbours, rowsOfGroups.size()));
        }
        if (!lonely.isEmpty()) {
            List<List<Integer>> rows = new ArrayList<>();
            for (int start = 0; start < lonely.size(); start += MAX_ROW) {
                rows.add(lonely.subList(start, Math.min(lonely.size(), start + MAX_ROW)));
            }
            rowsOfGroups.add(rows);
            names.add(UNCONNECTED);
        }

        // shelf packing: groups left to right, a new shelf when the current one is full
        int shelfX = 0;
        int shelfY = 0;
        int shelfHeight = 0;
        int totalWidth = 0;
        for (int g = 0; g < rowsOfGroups.size(); g++) {
            List<List<Integer>> rows = rowsOfGroups.get(g);
            int groupWidth = 0;
            for (List<Integer> row : rows) {
                groupWidth = Math.max(groupWidth, rowWidth(row, widths));
            }
            groupWidth += 2 * GROUP_PADDING;
            int groupHeight = rows.size() * BOX_HEIGHT + (rows.size() - 1) * GAP_Y + 2 * GROUP_PADDING + 20;
            if (shelfX > 0 && shelfX + groupWidth > SHELF_WIDTH) {
                shelfX = 0;
                shelfY += shelfHeight + GROUP_GAP;
                shelfHeight = 0;
            }
            int y = shelfY + GROUP_PADDING + 20;
            for (List<Integer> row : rows) {
                int x = shelfX + (groupWidth - rowWidth(row, widths)) / 2;
                for (int table : row) {
                    boxes[table] = new Box(x, y, widths[table], BOX_HEIGHT, g);
                    x += widths[table] + GAP_X;
                }
                y += BOX_HEIGHT + GAP_Y;
            }
            List<Integer> members = new ArrayList<>();
            rows.forEach(members::addAll);
            groups.add(new Group(names.get(g), shelfX, shelfY, groupWidth, groupHeight, members));
            shelfX += groupWidth + GROUP_GAP;
            shelfHeight = Math.max(shelfHeight, groupHeight);
            totalWidth = Math.max(totalWidth, shelfX - GROUP_GAP);
        }
        return new Layout(Arrays.asList(boxes), groups, Math.max(totalWidth, 1), Math.max(shelfY + shelfHeight, 1));
    }

    private static int rowWidth(List<Integer> row, int[] widths) {
        int width = -GAP_X;
        for (int table : row) {
            width += widths[table] + GAP_X;
        }
        return width;
    }

    /** Named after its most connected table, which is what people recognise a part of a schema by. */
    private static String groupName(List<Integer> component, List<String> labels, List<List<Integer>> neighbours,
            int number) {
        int hub = component.get(0);
        for (int table : component) {
            if (neighbours.get(table).size() > neighbours.get(hub).size()) {
                hub = table;
            }
        }
        return "Group " + number + ": around " + labels.get(hub) + " (" + component.size() + " tables)";
    }

    private static List<List<Integer>> components(int count, List<List<Integer>> neighbours) {
        int[] seen = new int[count];
        Arrays.fill(seen, -1);
        List<List<Integer>> components = new ArrayList<>();
        for (int start = 0; start < count; start++) {
            if (seen[start] >= 0) {
                continue;
            }
            List<Integer> component = new ArrayList<>();
            ArrayList<Integer> stack = new ArrayList<>(List.of(start));
            seen[start] = components.size();
            while (!stack.isEmpty()) {
                int table = stack.remove(stack.size() - 1);
                component.add(table);
                for (int next : neighbours.get(table)) {
                    if (seen[next] < 0) {
                        seen[next] = components.size();
                        stack.add(next);
                    }
                }
            }
            component.sort(null);
            components.add(component);
        }
        return components;
    }

    /** Layers (referenced tables on top), ordered by barycenter, wide layers wrapped. */
    private static List<List<Integer>> rows(List<Integer> component, List<List<Integer>> parents,
            List<List<Integer>> neighbours) {
        // longest path to a table that references nothing; edges that close a cycle are left out
        java.util.Map<Integer, Integer> layer = new java.util.HashMap<>();
        java.util.Set<Integer> onPath = new java.util.HashSet<>();
        for (int table : component) {
            layer(table, parents, layer, onPath);
        }
        int depth = 0;
        for (int value : layer.values()) {
            depth = Math.max(depth, value);
        }
        List<List<Integer>> layers = new ArrayList<>();
        for (int i = 0; i <= depth; i++) {
            layers.add(new ArrayList<>());
        }
        for (int table : component) {
            layers.get(layer.get(table)).add(table);
        }
        double[] position = new double[parents.size()];
        for (List<Integer> row : layers) {
            for (int i = 0; i < row.size(); i++) {
                position[row.get(i)] = i;
            }
        }
        for (int sweep = 0; sweep < 6; sweep++) {
            boolean down = sweep % 2 == 0;
            for (int step = 1; step < layers.size(); step++) {
                int index = down ? step : layers.size() - 1 - step;
                int adjacent = down ? index - 1 : index + 1;
                order(layers.get(index), layer, adjacent, neighbours, position);
            }
        }
        List<List<Integer>> rows = new ArrayList<>();
        for (List<Integer> row : layers) {
            for (int start = 0; start < row.size(); start += MAX_ROW) {
                rows.add(row.subList(start, Math.min(row.size(), start + MAX_ROW)));
            }
        }
        return rows;
    }

    private static void order(List<Integer> row, java.util.Map<Integer, Integer> layer, int adjacent,
            List<List<Integer>> neighbours, double[] position) {
        double[] barycenter = new double[row.size()];
        for (int i = 0; i < row.size(); i++) {
            double sum = 0;
            int n = 0;
            for (int next : neighbours.get(row.get(i))) {
                if (layer.get(next) == adjacent) {
                    sum += position[next];
                    n++;
                }
            }
            barycenter[i] = n == 0 ? position[row.get(i)] : sum / n;
        }
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            indexes.add(i);
        }
        indexes.sort(Comparator.<Integer>comparingDouble(i -> barycenter[i]).thenComparing(i -> row.get(i)));
        List<Integer> sorted = new ArrayList<>();
        for (int i : indexes) {
            sorted.add(row.get(i));
        }
        for (int i = 0; i < sorted.size(); i++) {
            row.set(i, sorted.get(i));
            position[sorted.get(i)] = i;
        }
    }

    private static int layer(int table, List<List<Integer>> parents, java.util.Map<Integer, Integer> layer,
            java.util.Set<Integer> onPath) {
        Integer known = layer.get(table);
        if (known != null) {
            return known;
        }
        onPath.add(table);
        int value = 0;
        for (int parent : parents.get(table)) {
            if (onPath.contains(parent)) {
                continue;
            }
            value = Math.max(value, layer(parent, parents, layer, onPath) + 1);
        }
        onPath.remove(table);
        layer.put(table, value);
        return value;
    }
}
