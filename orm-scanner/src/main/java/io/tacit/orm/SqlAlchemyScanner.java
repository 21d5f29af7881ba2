package io.tacit.orm;

import io.tacit.model.RelationshipKind;
import io.tacit.model.SourceLocation;
import io.tacit.model.TypeFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.treesitter.TSNode;

/**
 * Reads SQLAlchemy models with tree-sitter: declarative classes (classic {@code Column} and 2.0
 * {@code Mapped[...]} / {@code mapped_column}), {@code Table()} objects, {@code ForeignKey},
 * {@code __tablename__}, {@code __table_args__}, mixins, single-table and joined inheritance, and
 * {@code relationship()} with a {@code primaryjoin} that marks its {@code foreign()} side (an edge no
 * {@code ForeignKey} declares).
 */
final class SqlAlchemyScanner {
    private static final Map<String, TypeFamily> TYPES = Map.ofEntries(
            Map.entry("Integer", TypeFamily.INTEGER), Map.entry("BigInteger", TypeFamily.INTEGER),
            Map.entry("SmallInteger", TypeFamily.INTEGER), Map.entry("INTEGER", TypeFamily.INTEGER),
            Map.entry("BIGINT", TypeFamily.INTEGER), Map.entry("String", TypeFamily.STRING),
            Map.entry("Text", TypeFamily.STRING), Map.entry("Unicode", TypeFamily.STRING),
            Map.entry("UnicodeText", TypeFamily.STRING), Map.entry("VARCHAR", TypeFamily.STRING),
            Map.entry("Enum", TypeFamily.STRING), Map.entry("Numeric", TypeFamily.DECIMAL),
            Map.entry("DECIMAL", TypeFamily.DECIMAL), Map.entry("Float", TypeFamily.FLOAT),
            Map.entry("Boolean", TypeFamily.BOOLEAN), Map.entry("Date", TypeFamily.DATE),
            Map.entry("DateTime", TypeFamily.TIMESTAMP), Map.entry("Time", TypeFamily.TIME),
            Map.entry("LargeBinary", TypeFamily.BINARY), Map.entry("JSON", TypeFamily.JSON),
            Map.entry("JSONB", TypeFamily.JSON), Map.entry("Uuid", TypeFamily.UUID), Map.entry("UUID", TypeFamily.UUID),
            Map.entry("int", TypeFamily.INTEGER), Map.entry("str", TypeFamily.STRING),
            Map.entry("float", TypeFamily.FLOAT), Map.entry("bool", TypeFamily.BOOLEAN),
            Map.entry("Decimal", TypeFamily.DECIMAL), Map.entry("date", TypeFamily.DATE),
            Map.entry("datetime", TypeFamily.TIMESTAMP), Map.entry("time", TypeFamily.TIME),
            Map.entry("bytes", TypeFamily.BINARY), Map.entry("dict", TypeFamily.JSON));

    private final SourceTree tree;
    private final ScanCollector out = new ScanCollector(Framework.SQLALCHEMY);
    private final Map<String, PythonClass> classes = new LinkedHashMap<>();
    /** attribute name to column name, per mapped class: what a {@code primaryjoin} refers to */
    private final Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
    private final List<PendingForeignKey> foreignKeys = new ArrayList<>();
    private final List<PendingJoin> joins = new ArrayList<>();

    private record PythonClass(String name, List<String> bases, List<TSNode> body, Syntax syntax, TSNode node) {
        SourceLocation location() {
            return syntax.file().at(Syntax.line(node));
        }
    }

    /** A {@code ForeignKey("table.column")} whose target table may be declared later in the scan. */
    private record PendingForeignKey(String table, String column, String target, SourceLocation location,
            String declaration) {
    }

    /** A {@code primaryjoin} waiting for every class's columns to be known. */
    private record PendingJoin(String owner, String target, String expression, SourceLocation location,
            String declaration) {
    }

    SqlAlchemyScanner(SourceTree tree) {
        this.tree = tree;
    }

    static boolean detects(SourceTree tree) {
        return !tree.files(".py").isEmpty();
    }

    CodeSchema scan() {
        for (String path : tree.files(".py")) {
            tree.read(path).ifPresent(file -> out.guard(path, () -> {
                List<ScanWarning> warnings = new ArrayList<>();
                Syntax syntax = Syntax.python(file, warnings);
                if (importsSqlAlchemy(syntax)) {
                    out.warnings().addAll(warnings);
                    read(syntax);
                }
            }));
        }
        for (PythonClass type : classes.values()) {
            mappedTable(type, 0).ifPresent(table -> declareClass(type, table));
        }
        for (PendingForeignKey foreignKey : foreignKeys) {
            resolve(foreignKey);
        }
        for (PendingJoin join : joins) {
            out.guard(join.location().file(), () -> primaryJoin(join));
        }
        return out.build();
    }

    private static boolean importsSqlAlchemy(Syntax syntax) {
        for (TSNode statement : Syntax.namedChildren(syntax.root())) {
            if (Syntax.is(statement, "import_statement") || Syntax.is(statement, "import_from_statement")) {
                String text = syntax.text(statement);
                if (text.contains("sqlalchemy")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void read(Syntax syntax) {
        for (TSNode statement : Syntax.namedChildren(syntax.root())) {
            PythonCode.assignment(statement).flatMap(PythonCode::value)
                    .filter(value -> PythonCode.calledName(syntax, value).filter("Table"::equals).isPresent())
                    .ifPresent(call -> table(syntax, call, "Table"));
        }
        for (TSNode classNode : PythonCode.classes(syntax.root())) {
            String name = Syntax.field(classNode, "name").map(syntax::text).orElse("");
            List<String> bases = PythonCode.bases(classNode).stream()
                    .map(base -> PythonCode.lastName(syntax, base)).toList();
            classes.putIfAbsent(name, new PythonClass(name, bases, PythonCode.body(classNode), syntax, classNode));
        }
    }

    // ---- Table() objects

    private void table(Syntax syntax, TSNode call, String model) {
        PythonCode.Arguments arguments = PythonCode.arguments(syntax, call);
        Optional<String> name = arguments.at(0).flatMap(node -> PythonCode.string(syntax, node));
        SourceLocation location = syntax.file().at(Syntax.line(call));
        if (name.isEmpty()) {
            out.warn(ScanWarning.Kind.UNRESOLVED, location, "Table() with a computed name, not read");
            return;
        }
        ScanCollector.TableDraft draft = out.table(name.get(), model + " " + name.get(), location);
        arguments.keyword("schema").flatMap(node -> PythonCode.string(syntax, node)).ifPresent(draft::schema);
        List<String> primaryKey = new ArrayList<>();
        for (TSNode argument : arguments.positional()) {
            Optional<String> called = PythonCode.calledName(syntax, argument);
            if (called.filter("Column"::equals).isPresent()) {
                column(syntax, argument, Optional.empty(), Optional.empty(), draft, primaryKey, "Column");
            }
            else if (called.isPresent()) {
                constraint(syntax, argument, called.get(), draft);
            }
        }
        draft.primaryKey(primaryKey);
    }

    // ---- declarative classes

    /** The table a class maps to: its own {@code __tablename__}, or a mapped parent's (single-table). */
    private Optional<String> mappedTable(PythonClass type, int depth) {
        Optional<String> own = tableName(type);
        if (own.isPresent() || depth > 20) {
            return own;
        }
        for (String base : type.bases()) {
            PythonClass parent = classes.get(base);
            if (parent != null && parent != type) {
                Optional<String> inherited = mappedTable(parent, depth + 1);
                if (inherited.isPresent()) {
                    return inherited;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> tableName(PythonClass type) {
        Syntax syntax = type.syntax();
        for (TSNode statement : type.body()) {
            Optional<TSNode> assignment = PythonCode.assignment(statement);
            if (assignment.isPresent()) {
                Optional<String> target = PythonCode.target(syntax, assignment.get());
                Optional<TSNode> value = PythonCode.value(assignment.get());
                if (target.filter("__tablename__"::equals).isPresent() && value.isPresent()) {
                    Optional<String> name = PythonCode.string(syntax, value.get());
                    if (name.isEmpty()) {
                        out.warn(ScanWarning.Kind.UNRESOLVED, syntax.file().at(Syntax.line(statement)),
                                type.name() + ".__tablename__ is computed, not read");
                    }
                    return name;
                }
                if (target.filter("__table__"::equals).isPresent() && value.isPresent()) {
                    return PythonCode.arguments(syntax, value.get()).at(0)
                            .flatMap(node -> PythonCode.string(syntax, node));
                }
            }
            if (Syntax.is(statement, "decorated_definition") && Syntax.field(statement, "definition")
                    .flatMap(definition -> Syntax.field(definition, "name")).map(syntax::text)
                    .filter("__tablename__"::equals).isPresent()) {
                out.warn(ScanWarning.Kind.UNRESOLVED, syntax.file().at(Syntax.line(statement)),
                        type.name() + ".__tablename__ is a declared_attr (computed at run time), not read");
            }
        }
        return Optional.empty();
    }

    private boolean ownsTable(PythonClass type) {
        return tableName(type).isPresent();
    }

    private void declareClass(PythonClass type, String table) {
        ScanCollector.TableDraft draft = out.table(table, type.name(), type.location());
        boolean sharesParentTable = !ownsTable(type);
        List<String> primaryKey = new ArrayList<>(draft.primaryKey());
        Map<String, String> names = attributes.computeIfAbsent(type.name(), key -> new LinkedHashMap<>());
        for (PythonClass source : lineage(type, 0)) {
            readBody(source, type, draft, primaryKey, names, sharesParentTable);
        }
        if (!sharesParentTable) {
            draft.primaryKey(primaryKey);
        }
        else {
            // a single-table subclass reads its columns with the names of its parent too
            for (String base : type.bases()) {
                Optional.ofNullable(attributes.get(base)).ifPresent(parent -> parent.forEach(names::putIfAbsent));
            }
        }
    }

    /** The class and its unmapped bases (mixins), bases first; mapped parents and what is above them are left out. */
    private List<PythonClass> lineage(PythonClass type, int depth) {
        List<PythonClass> lineage = new ArrayList<>();
        if (depth < 20) {
            for (String base : type.bases()) {
                PythonClass parent = classes.get(base);
                // a mapped parent's columns (and its mixins') live in the parent's table
                if (parent != null && parent != type && mappedTable(parent, 0).isEmpty()) {
                    lineage.addAll(lineage(parent, depth + 1));
                }
            }
        }
        lineage.add(type);
        return lineage;
    }

    private void readBody(PythonClass source, PythonClass model, ScanCollector.TableDraft draft,
            List<String> primaryKey, Map<String, String> names, boolean nullableColumns) {
        Syntax syntax = source.syntax();
        for (TSNode statement : source.body()) {
            if (Syntax.is(statement, "decorated_definition") && syntax.text(statement).startsWith("@declared_attr")) {
                Syntax.field(statement, "definition").flatMap(definition -> Syntax.field(definition, "name"))
                        .map(syntax::text).filter(name -> !name.startsWith("__"))
                        .ifPresent(name -> out.warn(ScanWarning.Kind.UNRESOLVED,
                                syntax.file().at(Syntax.line(statement)), source.name() + "." + name
                                        + " is a declared_attr (computed at run time), not read"));
                continue;
            }
            Optional<TSNode> assignment = PythonCode.assignment(statement);
            if (assignment.isEmpty()) {
                continue;
            }
            Optional<String> attribute = PythonCode.target(syntax, assignment.get());
            if (attribute.isEmpty() || attribute.get().startsWith("__")) {
                if (attribute.filter("__table_args__"::equals).isPresent()) {
                    PythonCode.value(assignment.get()).ifPresent(value -> tableArguments(syntax, value, draft));
                }
                continue;
            }
            Optional<TSNode> value = PythonCode.value(assignment.get());
            Optional<TSNode> annotation = PythonCode.annotation(assignment.get());
            Optional<String> called = value.flatMap(node -> PythonCode.calledName(syntax, node));
            if (called.filter(name -> name.equals("Column") || name.equals("mapped_column")).isPresent()) {
                String column = column(syntax, value.get(), attribute, annotation, draft, primaryKey, called.get());
                names.put(attribute.get(), column);
                if (nullableColumns) {
                    // a single-table subclass's columns are empty on its parent's rows
                    draft.column(column).ifPresent(read -> draft.replace(
                            new ModelColumn(read.name(), read.type(), read.family(), true)));
                }
            }
            else if (called.filter("relationship"::equals).isPresent()) {
                relationship(syntax, value.get(), model);
            }
            else if (value.isEmpty() && annotation.isPresent() && syntax.text(annotation.get()).startsWith("Mapped[")
                    && !syntax.text(annotation.get()).contains("List[") && !syntax.text(annotation.get()).contains("list[")) {
                String column = attribute.get();
                TypeFamily family = annotationFamily(syntax.text(annotation.get()));
                draft.column(column, syntax.text(annotation.get()), family,
                        nullableColumns || optional(syntax.text(annotation.get())));
                names.put(attribute.get(), column);
            }
        }
    }

    /** Reads one {@code Column(...)} or {@code mapped_column(...)}; returns the column's name. */
    private String column(Syntax syntax, TSNode call, Optional<String> attribute, Optional<TSNode> annotation,
            ScanCollector.TableDraft draft, List<String> primaryKey, String function) {
        PythonCode.Arguments arguments = PythonCode.arguments(syntax, call);
        String name = attribute.orElse("");
        String type = annotation.map(syntax::text).orElse("");
        TypeFamily family = annotation.map(node -> annotationFamily(syntax.text(node))).orElse(TypeFamily.OTHER);
        List<TSNode> foreignKeyCalls = new ArrayList<>();
        for (TSNode argument : arguments.positional()) {
            Optional<String> text = PythonCode.string(syntax, argument);
            if (text.isPresent()) {
                name = text.get();
                continue;
            }
            String typeName = Syntax.is(argument, "call") ? PythonCode.calledName(syntax, argument).orElse("")
                    : PythonCode.lastName(syntax, argument);
            if (typeName.equals("ForeignKey")) {
                foreignKeyCalls.add(argument);
            }
            else if (TYPES.containsKey(typeName)) {
                type = typeName;
                family = TYPES.get(typeName);
            }
        }
        boolean isKey = arguments.keyword("primary_key").flatMap(node -> PythonCode.bool(syntax, node)).orElse(false);
        boolean nullable = arguments.keyword("nullable").flatMap(node -> PythonCode.bool(syntax, node))
                .orElse(annotation.isPresent() && function.equals("mapped_column")
                        ? optional(syntax.text(annotation.get())) : !isKey);
        if (name.isEmpty()) {
            out.warn(ScanWarning.Kind.UNRESOLVED, syntax.file().at(Syntax.line(call)), "a column without a name");
            return "?";
        }
        draft.column(name, type.isEmpty() ? function : type, family, nullable && !isKey);
        if (isKey) {
            primaryKey.add(name);
        }
        if (arguments.keyword("unique").flatMap(node -> PythonCode.bool(syntax, node)).orElse(false)) {
            draft.unique(List.of(name));
        }
        for (TSNode foreignKey : foreignKeyCalls) {
            SourceLocation location = syntax.file().at(Syntax.line(foreignKey));
            Optional<TSNode> target = PythonCode.arguments(syntax, foreignKey).at(0);
            Optional<String> reference = target.flatMap(node -> PythonCode.string(syntax, node));
            if (reference.isEmpty() && target.filter(node -> Syntax.is(node, "attribute")).isPresent()) {
                // ForeignKey(Parent.id): the class's table and the attribute's column, once both are known
                reference = Optional.of("class:" + syntax.text(target.get()));
            }
            if (reference.isEmpty()) {
                out.warn(ScanWarning.Kind.UNRESOLVED, location, "ForeignKey with a computed target, not read");
                continue;
            }
            foreignKeys.add(new PendingForeignKey(draft.name(), name, reference.get(), location,
                    syntax.text(foreignKey)));
        }
        return name;
    }

    private void tableArguments(Syntax syntax, TSNode value, ScanCollector.TableDraft draft) {
        List<TSNode> items = Syntax.is(value, "tuple") ? Syntax.namedChildren(value) : List.of(value);
        for (TSNode item : items) {
            if (Syntax.is(item, "dictionary")) {
                for (TSNode pair : Syntax.namedChildren(item)) {
                    Optional<String> key = Syntax.field(pair, "key").flatMap(node -> PythonCode.string(syntax, node));
                    Optional<String> schema = Syntax.field(pair, "value")
                            .flatMap(node -> PythonCode.string(syntax, node));
                    if (key.filter("schema"::equals).isPresent() && schema.isPresent()) {
                        draft.schema(schema.get());
                    }
                }
            }
            else {
                PythonCode.calledName(syntax, item).ifPresent(called -> constraint(syntax, item, called, draft));
            }
        }
    }

    private void constraint(Syntax syntax, TSNode call, String called, ScanCollector.TableDraft draft) {
        PythonCode.Arguments arguments = PythonCode.arguments(syntax, call);
        if (called.equals("UniqueConstraint")) {
            List<String> columns = new ArrayList<>();
            for (TSNode argument : arguments.positional()) {
                PythonCode.string(syntax, argument).ifPresent(columns::add);
            }
            draft.unique(columns);
        }
        else if (called.equals("ForeignKeyConstraint")) {
            List<List<String>> from = arguments.at(0).map(node -> PythonCode.stringGroups(syntax, node))
                    .orElse(List.of());
            List<List<String>> to = arguments.at(1).map(node -> PythonCode.stringGroups(syntax, node))
                    .orElse(List.of());
            SourceLocation location = syntax.file().at(Syntax.line(call));
            if (from.size() != 1 || to.size() != 1 || from.get(0).size() != to.get(0).size()) {
                out.warn(ScanWarning.Kind.UNRESOLVED, location, "ForeignKeyConstraint with computed columns, not read");
                return;
            }
            List<String> targets = to.get(0);
            String targetTable = targets.get(0).substring(0, Math.max(0, targets.get(0).lastIndexOf('.')));
            List<String> targetColumns = targets.stream().map(t -> t.substring(t.lastIndexOf('.') + 1)).toList();
            out.edge(draft.name(), from.get(0), tableOnly(targetTable), targetColumns, RelationshipKind.FOREIGN_KEY,
                    Optional.empty(), location, "ForeignKeyConstraint(" + String.join(", ", from.get(0)) + ")");
        }
    }

    private void resolve(PendingForeignKey foreignKey) {
        String target = foreignKey.target();
        String table;
        String column;
        if (target.startsWith("class:")) {
            String expression = target.substring("class:".length());
            int dot = expression.lastIndexOf('.');
            String className = expression.substring(0, dot);
            className = className.substring(className.lastIndexOf('.') + 1);
            PythonClass type = classes.get(className);
            Optional<String> mapped = type == null ? Optional.empty() : mappedTable(type, 0);
            if (mapped.isEmpty()) {
                out.warn(ScanWarning.Kind.UNRESOLVED, foreignKey.location(), foreignKey.declaration()
                        + ": no mapped class " + className + " in the scanned code");
                return;
            }
            table = mapped.get();
            String attribute = expression.substring(dot + 1);
            column = attributes.getOrDefault(className, Map.of()).getOrDefault(attribute, attribute);
        }
        else {
            int dot = target.lastIndexOf('.');
            if (dot < 0) {
                out.warn(ScanWarning.Kind.UNRESOLVED, foreignKey.location(), foreignKey.declaration()
                        + ": not of the form table.column");
                return;
            }
            table = tableOnly(target.substring(0, dot));
            column = target.substring(dot + 1);
        }
        out.existing(table).flatMap(draft -> draft.column(column)).ifPresent(referenced ->
                out.existing(foreignKey.table()).flatMap(draft -> draft.column(foreignKey.column()))
                        .filter(from -> from.family() == TypeFamily.OTHER)
                        .ifPresent(from -> retype(foreignKey, referenced)));
        out.edge(foreignKey.table(), List.of(foreignKey.column()), table, List.of(column),
                RelationshipKind.FOREIGN_KEY, Optional.empty(), foreignKey.location(), foreignKey.declaration());
    }

    /** A column typed only by its ForeignKey takes the referenced column's type, as SQLAlchemy does. */
    private void retype(PendingForeignKey foreignKey, ModelColumn referenced) {
        ScanCollector.TableDraft draft = out.existing(foreignKey.table()).orElseThrow();
        draft.replace(new ModelColumn(foreignKey.column(), referenced.type(), referenced.family(),
                draft.column(foreignKey.column()).orElseThrow().nullable()));
    }

    private static String tableOnly(String qualified) {
        return qualified.substring(qualified.lastIndexOf('.') + 1);
    }

    private static boolean optional(String annotation) {
        return annotation.contains("Optional[") || annotation.contains("| None") || annotation.contains("None |");
    }

    private static TypeFamily annotationFamily(String annotation) {
        String inner = annotation.replace("Mapped[", "").replace("Optional[", "").replace("]", "")
                .replace("| None", "").replace("None |", "").trim();
        return TYPES.getOrDefault(inner.substring(inner.lastIndexOf('.') + 1), TypeFamily.OTHER);
    }

    // ---- relationship(primaryjoin=...)

    private void relationship(Syntax syntax, TSNode call, PythonClass model) {
        PythonCode.Arguments arguments = PythonCode.arguments(syntax, call);
        Optional<TSNode> join = arguments.keyword("primaryjoin");
        if (join.isEmpty()) {
            // without a primaryjoin the edge is the ForeignKey's, already read
            return;
        }
        SourceLocation location = syntax.file().at(Syntax.line(call));
        String target = arguments.at(0).map(node -> PythonCode.string(syntax, node)
                .orElse(PythonCode.lastName(syntax, node))).orElse("?");
        Optional<String> text = PythonCode.string(syntax, join.get());
        String expression;
        if (text.isPresent()) {
            expression = text.get();
        }
        else if (Syntax.is(join.get(), "lambda")) {
            expression = Syntax.field(join.get(), "body").map(syntax::text).orElse("");
        }
        else {
            expression = syntax.text(join.get());
        }
        joins.add(new PendingJoin(model.name(), target, expression, location,
                "relationship(" + target + ", primaryjoin=...)"));
    }

    private void primaryJoin(PendingJoin join) {
        Syntax fragment = Syntax.pythonFragment(SourceFile.of(join.location().file(), join.expression()));
        if (fragment.root().hasError()) {
            out.warn(ScanWarning.Kind.UNRESOLVED, join.location(), join.declaration() + ": the join does not parse");
            return;
        }
        List<TSNode> comparisons = new ArrayList<>();
        collectComparisons(fragment, fragment.root(), comparisons);
        List<String> fromColumns = new ArrayList<>();
        List<String> toColumns = new ArrayList<>();
        String fromTable = null;
        String toTable = null;
        for (TSNode comparison : comparisons) {
            List<TSNode> sides = Syntax.namedChildren(comparison);
            if (sides.size() != 2 || !fragment.text(comparison).contains("==")) {
                continue;
            }
            Optional<ColumnReference> left = reference(fragment, sides.get(0));
            Optional<ColumnReference> right = reference(fragment, sides.get(1));
            if (left.isEmpty() || right.isEmpty()) {
                continue;
            }
            ColumnReference foreign = left.get().foreign() ? left.get() : right.get();
            ColumnReference other = foreign == left.get() ? right.get() : left.get();
            if (!foreign.foreign() || other.foreign()) {
                continue;
            }
            if (fromTable != null && (!fromTable.equals(foreign.table()) || !toTable.equals(other.table()))) {
                continue;
            }
            fromTable = foreign.table();
            toTable = other.table();
            fromColumns.add(foreign.column());
            toColumns.add(other.column());
        }
        if (fromTable == null) {
            out.warn(ScanWarning.Kind.UNRESOLVED, join.location(), join.declaration()
                    + ": no foreign() side between two mapped columns, not read");
            return;
        }
        out.edge(fromTable, fromColumns, toTable, toColumns, RelationshipKind.FOREIGN_KEY, Optional.empty(),
                join.location(), join.declaration());
    }

    private record ColumnReference(String table, String column, boolean foreign) {
    }

    private static void collectComparisons(Syntax syntax, TSNode node, List<TSNode> comparisons) {
        if (Syntax.is(node, "comparison_operator")) {
            comparisons.add(node);
            return;
        }
        for (TSNode child : Syntax.namedChildren(node)) {
            collectComparisons(syntax, child, comparisons);
        }
    }

    /** {@code Class.attribute}, {@code foreign(Class.attribute)} or {@code remote(...)} as a table column. */
    private Optional<ColumnReference> reference(Syntax syntax, TSNode node) {
        boolean foreign = false;
        TSNode current = node;
        while (Syntax.is(current, "call")) {
            String called = PythonCode.calledName(syntax, current).orElse("");
            if (called.equals("foreign")) {
                foreign = true;
            }
            else if (!called.equals("remote")) {
                return Optional.empty();
            }
            Optional<TSNode> inner = PythonCode.arguments(syntax, current).at(0);
            if (inner.isEmpty()) {
                return Optional.empty();
            }
            current = inner.get();
        }
        if (!Syntax.is(current, "attribute")) {
            return Optional.empty();
        }
        String className = Syntax.field(current, "object").map(object -> PythonCode.lastName(syntax, object))
                .orElse("");
        String attribute = Syntax.field(current, "attribute").map(syntax::text).orElse("");
        PythonClass type = classes.get(className);
        if (type == null) {
            return Optional.empty();
        }
        Optional<String> table = mappedTable(type, 0);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        String column = attributes.getOrDefault(className, Map.of()).getOrDefault(attribute, attribute);
        return Optional.of(new ColumnReference(table.get(), column, foreign));
    }
}
