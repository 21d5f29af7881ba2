package io.tacit.orm;

import io.tacit.model.Discriminator;
import io.tacit.model.RelationshipKind;
import io.tacit.model.SourceLocation;
import io.tacit.model.TypeFamily;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * Reads a Rails application with tree-sitter: {@code db/schema.rb} (create_table, t.references, add_foreign_key,
 * unique indexes) and {@code app/models/**}: belongs_to (class_name, foreign_key, polymorphic), has_many and
 * has_one (as:, through:), has_and_belongs_to_many join tables, table_name, STI and namespaced models, with
 * Rails' own inflections. Associations declared by loops or computed names are listed as unresolved.
 */
final class RailsScanner {
    private static final Set<String> ASSOCIATIONS = Set.of("belongs_to", "has_many", "has_one",
            "has_and_belongs_to_many");
    private static final Set<String> ROOTS = Set.of("ApplicationRecord", "ActiveRecord::Base");
    private static final Map<String, TypeFamily> TYPES = Map.ofEntries(
            Map.entry("integer", TypeFamily.INTEGER), Map.entry("bigint", TypeFamily.INTEGER),
            Map.entry("string", TypeFamily.STRING), Map.entry("text", TypeFamily.STRING),
            Map.entry("citext", TypeFamily.STRING), Map.entry("uuid", TypeFamily.UUID),
            Map.entry("boolean", TypeFamily.BOOLEAN), Map.entry("date", TypeFamily.DATE),
            Map.entry("datetime", TypeFamily.TIMESTAMP), Map.entry("timestamp", TypeFamily.TIMESTAMP),
            Map.entry("time", TypeFamily.TIME), Map.entry("decimal", TypeFamily.DECIMAL),
            Map.entry("float", TypeFamily.FLOAT), Map.entry("binary", TypeFamily.BINARY),
            Map.entry("json", TypeFamily.JSON), Map.entry("jsonb", TypeFamily.JSON));

    private final SourceTree tree;
    private final ScanCollector out = new ScanCollector(Framework.RAILS);
    private final Map<String, RubyClass> classes = new LinkedHashMap<>();
    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private final List<PolymorphicTarget> polymorphicTargets = new ArrayList<>();
    private final List<PolymorphicOwner> polymorphicOwners = new ArrayList<>();
    private final Map<String, String> tables = new java.util.HashMap<>();
    /** the tables db/schema.rb creates: their columns are known, an association cannot add one */
    private final Set<String> schemaTables = new java.util.HashSet<>();
    /** {@code inflect.acronym "GitHub"} in config/initializers/inflections.rb: Rails keeps these whole */
    private final List<String> acronyms = new ArrayList<>();

    /** A class in app/models: its full name ({@code Admin::User}), superclass as written, and body. */
    private record RubyClass(String name, String namespace, String superclass, TSNode body, Syntax syntax,
            TSNode node) {
        SourceLocation location() {
            return syntax.file().at(Syntax.line(node));
        }
    }

    private record PolymorphicOwner(String table, String name, String idColumn, String typeColumn,
            SourceLocation location) {
    }

    private record PolymorphicTarget(String as, String targetClass, String ownerClassName, String ownerTable,
            String ownerKey, SourceLocation location) {
    }

    RailsScanner(SourceTree tree) {
        this.tree = tree;
    }

    static boolean detects(SourceTree tree) {
        return tree.files(".rb").stream().anyMatch(file -> file.endsWith("db/schema.rb")
                || file.startsWith("app/models/") || file.contains("/app/models/"));
    }

    CodeSchema scan() {
        for (String path : tree.files("config/initializers/inflections.rb")) {
            tree.read(path).ifPresent(file -> out.guard(path, () -> inflections(Syntax.ruby(file, out.warnings()))));
        }
        for (String path : tree.files("db/schema.rb")) {
            tree.read(path).ifPresent(file -> out.guard(path, () -> schema(Syntax.ruby(file, out.warnings()))));
        }
        for (String path : tree.files(".rb")) {
            if (path.startsWith("app/models/") || path.contains("/app/models/")) {
                tree.read(path).ifPresent(file -> out.guard(path, () -> {
                    Syntax syntax = Syntax.ruby(file, out.warnings());
                    collect(syntax, syntax.root(), "");
                }));
            }
        }
        for (RubyClass type : classes.values()) {
            if (isModel(type, 0) && !isAbstract(type)) {
                out.guard(type.syntax().file().path(), () -> model(type));
            }
        }
        polymorphic();
        return out.build();
    }

    private void inflections(Syntax syntax) {
        List<TSNode> calls = new ArrayList<>();
        calls(syntax.root(), calls);
        for (TSNode call : calls) {
            if (method(syntax, call).equals("acronym") && positional(call).size() == 1) {
                literal(syntax, positional(call).get(0)).ifPresent(acronyms::add);
            }
        }
    }

    // ---- db/schema.rb

    private void schema(Syntax syntax) {
        List<TSNode> calls = new ArrayList<>();
        calls(syntax.root(), calls);
        for (TSNode call : calls) {
            String method = method(syntax, call);
            if (method.equals("create_table") && receiver(call).isEmpty()) {
                createTable(syntax, call);
            }
            else if (method.equals("add_foreign_key")) {
                addForeignKey(syntax, call);
            }
            else if (method.equals("add_index")) {
                List<TSNode> arguments = positional(call);
                Optional<String> table = arguments.isEmpty() ? Optional.empty() : literal(syntax, arguments.get(0));
                if (table.isPresent() && arguments.size() > 1 && keywordTrue(syntax, call, "unique")) {
                    out.table(table.get(), "schema.rb", syntax.file().at(Syntax.line(call)))
                            .unique(literals(syntax, arguments.get(1)));
                }
            }
        }
    }

    private void createTable(Syntax syntax, TSNode call) {
        List<TSNode> arguments = positional(call);
        Optional<String> name = arguments.isEmpty() ? Optional.empty() : literal(syntax, arguments.get(0));
        SourceLocation location = syntax.file().at(Syntax.line(call));
        if (name.isEmpty()) {
            out.warn(ScanWarning.Kind.UNRESOLVED, location, "create_table with a computed name, not read");
            return;
        }
        ScanCollector.TableDraft draft = out.table(name.get(), "schema.rb", location);
        schemaTables.add(name.get());
        Optional<TSNode> id = keyword(syntax, call, "id");
        Optional<TSNode> primaryKey = keyword(syntax, call, "primary_key");
        if (id.filter(node -> Syntax.is(node, "false")).isEmpty()) {
            List<String> key = primaryKey.map(node -> literals(syntax, node)).orElse(List.of("id"));
            String type = id.flatMap(node -> literal(syntax, node)).orElse("bigint");
            if (key.size() == 1) {
                draft.column(key.get(0), type, TYPES.getOrDefault(type, TypeFamily.OTHER), false);
            }
            draft.primaryKey(key);
        }
        else if (primaryKey.isPresent()) {
            draft.primaryKey(literals(syntax, primaryKey.get()));
        }
        Syntax.field(call, "block").flatMap(block -> Syntax.field(block, "body")).ifPresent(body -> {
            for (TSNode statement : Syntax.namedChildren(body)) {
                if (Syntax.is(statement, "call") && receiver(statement).isPresent()) {
                    tableStatement(syntax, statement, name.get(), draft);
                }
            }
        });
    }

    private void tableStatement(Syntax syntax, TSNode call, String table, ScanCollector.TableDraft draft) {
        String method = method(syntax, call);
        List<TSNode> arguments = positional(call);
        SourceLocation location = syntax.file().at(Syntax.line(call));
        boolean nullable = keyword(syntax, call, "null").filter(node -> Syntax.is(node, "false")).isEmpty();
        switch (method) {
            case "timestamps" -> {
                draft.column("created_at", "datetime", TypeFamily.TIMESTAMP, false);
                draft.column("updated_at", "datetime", TypeFamily.TIMESTAMP, false);
            }
            case "index" -> {
                if (!arguments.isEmpty() && keywordTrue(syntax, call, "unique")) {
                    draft.unique(literals(syntax, arguments.get(0)));
                }
            }
            case "references", "belongs_to" -> {
                Optional<String> name = arguments.isEmpty() ? Optional.empty() : literal(syntax, arguments.get(0));
                if (name.isEmpty()) {
                    return;
                }
                String type = keyword(syntax, call, "type").flatMap(node -> literal(syntax, node)).orElse("bigint");
                draft.column(name.get() + "_id", type, TYPES.getOrDefault(type, TypeFamily.OTHER), nullable);
                if (keywordTrue(syntax, call, "polymorphic")) {
                    draft.column(name.get() + "_type", "string", TypeFamily.STRING, nullable);
                }
                Optional<TSNode> foreignKey = keyword(syntax, call, "foreign_key");
                if (foreignKey.filter(node -> Syntax.is(node, "true") || Syntax.is(node, "hash")).isPresent()) {
                    String target = foreignKey.filter(node -> Syntax.is(node, "hash"))
                            .flatMap(hash -> hashValue(syntax, hash, "to_table")).flatMap(node -> literal(syntax, node))
                            .orElse(RailsInflector.pluralize(name.get()));
                    out.edge(table, List.of(name.get() + "_id"), target, List.of("id"), RelationshipKind.FOREIGN_KEY,
                            Optional.empty(), location, "t.references :" + name.get() + ", foreign_key");
                }
            }
            default -> {
                if (!arguments.isEmpty()) {
                    literal(syntax, arguments.get(0)).ifPresent(column -> draft.column(column, method,
                            TYPES.getOrDefault(method, TypeFamily.OTHER), nullable));
                }
            }
        }
    }

    private void addForeignKey(Syntax syntax, TSNode call) {
        List<TSNode> arguments = positional(call);
        SourceLocation location = syntax.file().at(Syntax.line(call));
        if (arguments.size() < 2) {
            return;
        }
        Optional<String> from = literal(syntax, arguments.get(0));
        Optional<String> to = literal(syntax, arguments.get(1));
        if (from.isEmpty() || to.isEmpty()) {
            out.warn(ScanWarning.Kind.UNRESOLVED, location, "add_foreign_key with computed tables, not read");
            return;
        }
        String column = keyword(syntax, call, "column").flatMap(node -> literal(syntax, node))
                .orElse(RailsInflector.singularize(to.get()) + "_id");
        String key = keyword(syntax, call, "primary_key").flatMap(node -> literal(syntax, node)).orElse("id");
        out.edge(from.get(), List.of(column), to.get(), List.of(key), RelationshipKind.FOREIGN_KEY, Optional.empty(),
                location, "add_foreign_key " + from.get() + ", " + to.get());
    }

    // ---- app/models

    private void collect(Syntax syntax, TSNode node, String namespace) {
        for (TSNode child : Syntax.namedChildren(node)) {
            if (Syntax.is(child, "module")) {
                String name = Syntax.field(child, "name").map(syntax::text).orElse("");
                String inner = namespace.isEmpty() ? name : namespace + "::" + name;
                Syntax.field(child, "body").ifPresent(body -> {
                    prefix(syntax, body, inner);
                    collect(syntax, body, inner);
                });
            }
            else if (Syntax.is(child, "class")) {
                String written = Syntax.field(child, "name").map(syntax::text).orElse("");
                String name = namespace.isEmpty() ? written : namespace + "::" + written;
                // class OIDC::Provider lies in OIDC, wherever it is written
                int separator = name.lastIndexOf("::");
                String enclosing = separator < 0 ? "" : name.substring(0, separator);
                String superclass = Syntax.field(child, "superclass")
                        .map(node2 -> Syntax.namedChildren(node2).isEmpty() ? "" : syntax.text(
                                Syntax.namedChildren(node2).get(0)))
                        .orElse("");
                TSNode body = child.getChildByFieldName("body");
                classes.putIfAbsent(name, new RubyClass(name, enclosing, superclass, body, syntax, child));
                if (body != null && !body.isNull()) {
                    collect(syntax, body, name);
                }
            }
        }
    }

    /** {@code def self.table_name_prefix; "admin_"; end} in a module names its models' tables. */
    private void prefix(Syntax syntax, TSNode body, String module) {
        for (TSNode statement : Syntax.namedChildren(body)) {
            if (Syntax.is(statement, "singleton_method") && Syntax.field(statement, "name").map(syntax::text)
                    .filter("table_name_prefix"::equals).isPresent()) {
                Syntax.field(statement, "body").map(Syntax::namedChildren).filter(list -> list.size() == 1)
                        .flatMap(list -> literal(syntax, list.get(0))).ifPresent(value -> prefixes.put(module, value));
            }
        }
    }

    private Optional<RubyClass> resolve(String name, String namespace) {
        String current = namespace;
        String bare = name.startsWith("::") ? name.substring(2) : name;
        while (true) {
            String candidate = current.isEmpty() ? bare : current + "::" + bare;
            if (classes.containsKey(candidate)) {
                return Optional.of(classes.get(candidate));
            }
            if (current.isEmpty()) {
                return Optional.empty();
            }
            int separator = current.lastIndexOf("::");
            current = separator < 0 ? "" : current.substring(0, separator);
        }
    }

    private boolean isModel(RubyClass type, int depth) {
        if (ROOTS.contains(type.superclass())) {
            return true;
        }
        if (depth > 20 || type.superclass().isEmpty()) {
            return false;
        }
        return resolve(type.superclass(), type.namespace()).map(parent -> isModel(parent, depth + 1)).orElse(false);
    }

    private boolean isAbstract(RubyClass type) {
        return type.name().equals("ApplicationRecord") || selfAssignment(type, "abstract_class")
                .filter(node -> Syntax.is(node, "true")).isPresent();
    }

    /** The model whose table an STI subclass shares: the topmost concrete model above it. */
    private RubyClass base(RubyClass type) {
        RubyClass current = type;
        for (int depth = 0; depth < 20; depth++) {
            Optional<RubyClass> parent = resolve(current.superclass(), current.namespace());
            if (parent.isEmpty() || isAbstract(parent.get()) || !isModel(parent.get(), 0)) {
                return current;
            }
            current = parent.get();
        }
        return current;
    }

    private String tableOf(RubyClass type) {
        return tables.computeIfAbsent(type.name(), name -> computeTable(type));
    }

    private String computeTable(RubyClass type) {
        RubyClass base = base(type);
        Optional<String> explicit = selfAssignment(base, "table_name").flatMap(node -> literal(base.syntax(), node));
        if (explicit.isPresent()) {
            return explicit.get();
        }
        return prefix(base) + RailsInflector.tableize(base.name(), acronyms);
    }

    /**
     * Rails' table name prefix: the nearest enclosing module's {@code table_name_prefix}, or for a class nested in
     * a model, that model's singular table name.
     */
    private String prefix(RubyClass type) {
        String namespace = type.namespace();
        while (!namespace.isEmpty()) {
            if (prefixes.containsKey(namespace)) {
                return prefixes.get(namespace);
            }
            RubyClass enclosing = classes.get(namespace);
            if (enclosing != null && isModel(enclosing, 0) && !isAbstract(enclosing)) {
                return RailsInflector.singularize(tableOf(enclosing)) + "_";
            }
            int separator = namespace.lastIndexOf("::");
            namespace = separator < 0 ? "" : namespace.substring(0, separator);
        }
        return "";
    }

    private String primaryKeyOf(RubyClass type) {
        RubyClass base = base(type);
        return selfAssignment(base, "primary_key").flatMap(node -> literal(base.syntax(), node))
                .orElseGet(() -> out.existing(tableOf(type)).map(ScanCollector.TableDraft::primaryKey)
                        .filter(key -> key.size() == 1).map(key -> key.get(0)).orElse("id"));
    }

    private Optional<TSNode> selfAssignment(RubyClass type, String attribute) {
        for (TSNode statement : Syntax.namedChildren(type.body())) {
            if (Syntax.is(statement, "assignment")) {
                TSNode left = statement.getChildByFieldName("left");
                if (Syntax.is(left, "call") && Syntax.is(left.getChildByFieldName("receiver"), "self")
                        && method(type.syntax(), left).equals(attribute)) {
                    return Syntax.field(statement, "right");
                }
            }
        }
        return Optional.empty();
    }

    private void model(RubyClass type) {
        Syntax syntax = type.syntax();
        String table = tableOf(type);
        ScanCollector.TableDraft draft = out.table(table, base(type).name(), base(type).location());
        if (draft.primaryKey().isEmpty()) {
            draft.column(primaryKeyOf(type), "bigint", TypeFamily.INTEGER, false).primaryKey(List.of(primaryKeyOf(type)));
        }
        if (base(type) != type) {
            String column = selfAssignment(base(type), "inheritance_column")
                    .flatMap(node -> literal(base(type).syntax(), node)).orElse("type");
            draft.column(column, "string", TypeFamily.STRING, true);
        }
        for (TSNode statement : Syntax.namedChildren(type.body())) {
            if (Syntax.is(statement, "call") && receiver(statement).isEmpty()
                    && ASSOCIATIONS.contains(method(syntax, statement))) {
                association(type, table, draft, statement);
            }
            else if (!Syntax.is(statement, "class") && !Syntax.is(statement, "module")) {
                // an association made in a loop, a block or a method is only known when the code runs
                List<TSNode> nested = new ArrayList<>();
                calls(statement, nested);
                for (TSNode call : nested) {
                    String method = method(syntax, call);
                    if (call != statement && ASSOCIATIONS.contains(method)
                            || method.equals("send") && syntax.text(call).contains(":belongs_to")) {
                        out.warn(ScanWarning.Kind.UNRESOLVED, syntax.file().at(Syntax.line(call)),
                                type.name() + ": " + firstLine(syntax.text(call))
                                        + " is made at run time (in a block or method), not read");
                    }
                }
            }
        }
    }

    private void association(RubyClass type, String table, ScanCollector.TableDraft draft, TSNode call) {
        Syntax syntax = type.syntax();
        String method = method(syntax, call);
        SourceLocation location = syntax.file().at(Syntax.line(call));
        List<TSNode> arguments = positional(call);
        Optional<String> name = arguments.isEmpty() ? Optional.empty() : literal(syntax, arguments.get(0));
        if (name.isEmpty()) {
            out.warn(ScanWarning.Kind.UNRESOLVED, location, type.name() + ": " + firstLine(syntax.text(call))
                    + " names its association at run time, not read");
            return;
        }
        String declaration = method + " :" + name.get();
        Optional<String> className = keyword(syntax, call, "class_name").flatMap(node -> literal(syntax, node));
        Optional<String> foreignKey = keyword(syntax, call, "foreign_key").flatMap(node -> literal(syntax, node));
        if (keyword(syntax, call, "through").isPresent()) {
            return;
        }
        switch (method) {
            case "belongs_to" -> {
                String column = foreignKey.orElse(name.get() + "_id");
                if (keywordTrue(syntax, call, "polymorphic")) {
                    String typeColumn = keyword(syntax, call, "foreign_type").flatMap(node -> literal(syntax, node))
                            .orElse(name.get() + "_type");
                    if (!present(draft, column, location, declaration)
                            || !present(draft, typeColumn, location, declaration)) {
                        return;
                    }
                    draft.column(column, "bigint", TypeFamily.INTEGER, true);
                    draft.column(typeColumn, "string", TypeFamily.STRING, true);
                    polymorphicOwners.add(new PolymorphicOwner(table, name.get(), column, typeColumn, location));
                    return;
                }
                String targetName = className.orElse(RailsInflector.camelize(name.get(), acronyms));
                Optional<RubyClass> target = target(type, targetName, location, declaration);
                if (target.isEmpty()) {
                    return;
                }
                String key = keyword(syntax, call, "primary_key").flatMap(node -> literal(syntax, node))
                        .orElse(primaryKeyOf(target.get()));
                boolean optional = keywordTrue(syntax, call, "optional");
                if (!present(draft, column, location, declaration)) {
                    return;
                }
                draft.column(column, "bigint", TypeFamily.INTEGER, optional || draft.column(column).isEmpty());
                out.edge(table, List.of(column), tableOf(target.get()), List.of(key), RelationshipKind.FOREIGN_KEY,
                        Optional.empty(), location, declaration + (className.isPresent() ? ", class_name" : ""));
            }
            case "has_many", "has_one" -> {
                String singular = method.equals("has_many") ? RailsInflector.singularize(name.get()) : name.get();
                String targetName = className.orElse(RailsInflector.camelize(singular, acronyms));
                Optional<String> as = keyword(syntax, call, "as").flatMap(node -> literal(syntax, node));
                String key = keyword(syntax, call, "primary_key").flatMap(node -> literal(syntax, node))
                        .orElse(primaryKeyOf(type));
                if (as.isPresent()) {
                    polymorphicTargets.add(new PolymorphicTarget(as.get(), targetName, base(type).name(), table, key,
                            location));
                    return;
                }
                Optional<RubyClass> target = target(type, targetName, location, declaration);
                if (target.isEmpty()) {
                    return;
                }
                String column = foreignKey.orElse(RailsInflector.underscore(RailsInflector.demodulize(
                        base(type).name()), acronyms) + "_id");
                String targetTable = tableOf(target.get());
                ScanCollector.TableDraft targetDraft = out.table(targetTable, base(target.get()).name(),
                        base(target.get()).location());
                if (!present(targetDraft, column, location, declaration)) {
                    return;
                }
                targetDraft.column(column, "bigint", TypeFamily.INTEGER, true);
                out.edge(targetTable, List.of(column), table, List.of(key), RelationshipKind.FOREIGN_KEY,
                        Optional.empty(), location, declaration);
            }
            default -> habtm(type, table, call, name.get(), className, location, declaration);
        }
    }

    private void habtm(RubyClass type, String table, TSNode call, String name, Optional<String> className,
            SourceLocation location, String declaration) {
        Syntax syntax = type.syntax();
        Optional<RubyClass> target = target(type, className.orElse(RailsInflector.camelize(
                RailsInflector.singularize(name), acronyms)), location, declaration);
        if (target.isEmpty()) {
            return;
        }
        String targetTable = tableOf(target.get());
        // Rails names the join table after both tables, in lexical order
        String joinTable = keyword(syntax, call, "join_table").flatMap(node -> literal(syntax, node))
                .orElse(table.compareTo(targetTable) <= 0 ? table + "_" + targetTable : targetTable + "_" + table);
        String own = keyword(syntax, call, "foreign_key").flatMap(node -> literal(syntax, node))
                .orElse(RailsInflector.underscore(RailsInflector.demodulize(base(type).name()), acronyms) + "_id");
        String other = keyword(syntax, call, "association_foreign_key").flatMap(node -> literal(syntax, node))
                .orElse(RailsInflector.underscore(RailsInflector.demodulize(base(target.get()).name()),
                        acronyms) + "_id");
        ScanCollector.TableDraft draft = out.table(joinTable, type.name() + "." + name, location);
        if (!present(draft, own, location, declaration) || !present(draft, other, location, declaration)) {
            return;
        }
        draft.column(own, "bigint", TypeFamily.INTEGER, false).column(other, "bigint", TypeFamily.INTEGER, false);
        out.edge(joinTable, List.of(own), table, List.of(primaryKeyOf(type)), RelationshipKind.FOREIGN_KEY,
                Optional.empty(), location, declaration);
        out.edge(joinTable, List.of(other), targetTable, List.of(primaryKeyOf(target.get())),
                RelationshipKind.FOREIGN_KEY, Optional.empty(), location, declaration);
    }

    /**
     * Whether a column an association needs can be there: any column of a table db/schema.rb does not define,
     * only the columns it lists of one it does (else the model and the schema disagree, which is reported).
     */
    private boolean present(ScanCollector.TableDraft draft, String column, SourceLocation location,
            String declaration) {
        if (!schemaTables.contains(draft.name()) || draft.hasColumn(column)) {
            return true;
        }
        out.warn(ScanWarning.Kind.UNRESOLVED, location, declaration + ": db/schema.rb's " + draft.name()
                + " has no column " + column);
        return false;
    }

    private Optional<RubyClass> target(RubyClass owner, String className, SourceLocation location,
            String declaration) {
        Optional<RubyClass> target = resolve(className, owner.namespace());
        if (target.isEmpty() || !isModel(target.get(), 0)) {
            out.warn(ScanWarning.Kind.UNRESOLVED, location, owner.name() + ": " + declaration + " to " + className
                    + ": no such model in app/models");
            return Optional.empty();
        }
        return target;
    }

    /** Each {@code has_many ..., as: :x} names one target of the {@code belongs_to :x, polymorphic: true}. */
    private void polymorphic() {
        for (PolymorphicOwner owner : polymorphicOwners) {
            boolean found = false;
            for (PolymorphicTarget target : polymorphicTargets) {
                Optional<RubyClass> targetClass = resolve(target.targetClass(), "");
                String targetTable = targetClass.map(this::tableOf).orElse("");
                if (!target.as().equals(owner.name()) || !targetTable.equals(owner.table())) {
                    continue;
                }
                found = true;
                out.edge(owner.table(), List.of(owner.idColumn()), target.ownerTable(), List.of(target.ownerKey()),
                        RelationshipKind.POLYMORPHIC,
                        Optional.of(new Discriminator(owner.typeColumn(), target.ownerClassName())),
                        target.location(), "has_many as: :" + target.as());
            }
            if (!found) {
                out.warn(ScanWarning.Kind.UNRESOLVED, owner.location(), "belongs_to :" + owner.name()
                        + ", polymorphic: its targets are chosen at run time and no has_many/has_one as: :"
                        + owner.name() + " names them");
            }
        }
    }

    // ---- small readers of Ruby syntax

    private static void calls(TSNode node, List<TSNode> calls) {
        if (Syntax.is(node, "call")) {
            calls.add(node);
        }
        for (TSNode child : Syntax.namedChildren(node)) {
            calls(child, calls);
        }
    }

    private static String method(Syntax syntax, TSNode call) {
        return Syntax.field(call, "method").map(syntax::text).orElse("");
    }

    private static Optional<TSNode> receiver(TSNode call) {
        return Syntax.field(call, "receiver");
    }

    private static List<TSNode> positional(TSNode call) {
        return Syntax.field(call, "arguments").map(Syntax::namedChildren).orElse(List.of()).stream()
                .filter(node -> !Syntax.is(node, "pair")).toList();
    }

    private static Optional<TSNode> keyword(Syntax syntax, TSNode call, String name) {
        for (TSNode argument : Syntax.field(call, "arguments").map(Syntax::namedChildren).orElse(List.of())) {
            if (Syntax.is(argument, "pair")) {
                Optional<String> key = Syntax.field(argument, "key").map(node -> keyName(syntax, node));
                if (key.filter(name::equals).isPresent()) {
                    return Syntax.field(argument, "value");
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<TSNode> hashValue(Syntax syntax, TSNode hash, String name) {
        for (TSNode pair : Syntax.namedChildren(hash)) {
            if (Syntax.is(pair, "pair") && Syntax.field(pair, "key").map(node -> keyName(syntax, node))
                    .filter(name::equals).isPresent()) {
                return Syntax.field(pair, "value");
            }
        }
        return Optional.empty();
    }

    private static String keyName(Syntax syntax, TSNode key) {
        return literal(syntax, key).orElse(syntax.text(key).replace(":", ""));
    }

    private static boolean keywordTrue(Syntax syntax, TSNode call, String name) {
        return keyword(syntax, call, name).filter(node -> Syntax.is(node, "true")).isPresent();
    }

    /** A symbol's or a plain string's value; empty for anything computed. */
    private static Optional<String> literal(Syntax syntax, TSNode node) {
        if (Syntax.is(node, "simple_symbol")) {
            return Optional.of(syntax.text(node).substring(1));
        }
        if (Syntax.is(node, "hash_key_symbol")) {
            return Optional.of(syntax.text(node));
        }
        if (Syntax.is(node, "string")) {
            List<TSNode> parts = Syntax.namedChildren(node);
            if (parts.isEmpty()) {
                return Optional.of("");
            }
            if (parts.size() == 1 && Syntax.is(parts.get(0), "string_content")) {
                return Optional.of(syntax.text(parts.get(0)));
            }
        }
        return Optional.empty();
    }

    private static List<String> literals(Syntax syntax, TSNode node) {
        if (Syntax.is(node, "array") || Syntax.is(node, "string_array") || Syntax.is(node, "symbol_array")) {
            List<String> values = new ArrayList<>();
            for (TSNode element : Syntax.namedChildren(node)) {
                if (Syntax.is(element, "bare_string") || Syntax.is(element, "bare_symbol")) {
                    values.add(syntax.text(element));
                }
                else {
                    literal(syntax, element).ifPresent(values::add);
                }
            }
            return values;
        }
        return literal(syntax, node).map(List::of).orElse(List.of());
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return text;
        }
        return text.substring(0, newline) + " ...";
    }
}
