package io.tacit.inference.candidates;

import io.tacit.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Naming rule: a table goes by its name without a namespace prefix. Applications put a module, product or
 * installation prefix before their tables' names ({@code auth_user} and {@code django_content_type} in a Django
 * project, {@code ttrss_users}, {@code act_ru_execution}, {@code qrtz_triggers}, {@code keycloak_role}) while
 * their columns name the bare model ({@code user_id}, {@code content_type_id}, {@code role_id}): such a table is
 * also known by the rest of its name ({@code user}, {@code execution}).
 *
 * <p>A namespace is a beginning of table names (one or more words) that begins at least two tables' names and
 * no run of whose words names a table. The false positives it prevents: a beginning that names a table is its
 * owner, not a namespace ({@code film_actor} is a film's actors, never "the actor" table: {@code film} is a table;
 * {@code l_release_group_release_group} is no "group": its beginning is made of tables' names), a numbered table
 * is no namespace's member ({@code customer_2} is never "2"), and a bare
 * name another table already goes by stays that table's ({@code film_category} is never "category" while
 * {@code category} exists), so no column finds a second target it did not have before.
 */
public final class NamespacePrefixes {
    /** The fewest tables whose names a namespace begins. */
    static final int SHARED_BY = 2;

    private final Set<String> namespaces;
    private final Set<String> fullNames;

    private NamespacePrefixes(Set<String> namespaces, Set<String> fullNames) {
        this.namespaces = namespaces;
        this.fullNames = fullNames;
    }

    /** The namespaces of a schema's tables (views and partitions left out: nothing references them by name). */
    public static NamespacePrefixes of(List<Table> tables) {
        Set<String> fullNames = new HashSet<>();
        Map<String, Integer> beginnings = new HashMap<>();
        Map<String, List<String>> beginningTokens = new HashMap<>();
        for (Table table : tables) {
            if (!NameIndex.isTargetTable(table)) {
                continue;
            }
            List<String> tokens = Names.tokens(table.name().table());
            fullNames.addAll(Names.inflections(tokens));
            Set<String> own = new HashSet<>();
            for (int i = 1; i < tokens.size(); i++) {
                String beginning = Names.compact(tokens.subList(0, i));
                if (own.add(beginning)) {
                    beginnings.merge(beginning, 1, Integer::sum);
                    beginningTokens.putIfAbsent(beginning, tokens.subList(0, i));
                }
            }
        }
        Set<String> namespaces = new HashSet<>();
        beginnings.forEach((beginning, count) -> {
            if (count >= SHARED_BY && !namesTable(beginningTokens.get(beginning), fullNames)) {
                namespaces.add(beginning);
            }
        });
        return new NamespacePrefixes(Set.copyOf(namespaces), Set.copyOf(fullNames));
    }

    /** Whether any run of the words names a table: {@code l_release_group_release} is made of tables' names. */
    private static boolean namesTable(List<String> tokens, Set<String> fullNames) {
        for (int start = 0; start < tokens.size(); start++) {
            for (int end = start + 1; end <= tokens.size(); end++) {
                if (fullNames.contains(Names.compact(tokens.subList(start, end)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The names a table goes by without a namespace that begins its name, each in singular and plural, leaving
     * out those another table goes by with its full name. Empty when no namespace begins it.
     */
    public List<String> bareNames(List<String> tableTokens) {
        List<String> bare = new ArrayList<>(0);
        for (int i = 1; i < tableTokens.size(); i++) {
            // customer_2 is the second customer table, not a "2" in a customer namespace
            if (!namespaces.contains(Names.compact(tableTokens.subList(0, i)))
                    || Character.isDigit(tableTokens.get(i).charAt(0))) {
                continue;
            }
            for (String alias : Names.inflections(tableTokens.subList(i, tableTokens.size()))) {
                if (!fullNames.contains(alias) && !bare.contains(alias)) {
                    bare.add(alias);
                }
            }
        }
        return bare;
    }
}
