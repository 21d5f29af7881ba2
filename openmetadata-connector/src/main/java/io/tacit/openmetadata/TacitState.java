package io.tacit.openmetadata;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What tacit published on one (referencing) table, kept in the table's {@code tacitState} custom property so
 * that state travels with the catalog: a scheduled run in a fresh container still knows which constraints,
 * tags and lineage edges are its own (and may be retired) and which edges a steward rejected.
 *
 * @param edges the relationships tacit currently publishes on this table, sorted by key
 * @param rejected keys of relationships a steward rejected; never published again
 */
public record TacitState(int version, List<PublishedEdge> edges, List<String> rejected) {
    public static final String PROPERTY = "tacitState";
    public static final String LISTING_PROPERTY = "tacitInferredRelationships";
    public static final TacitState EMPTY = new TacitState(1, List.of(), List.of());

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public TacitState {
        // tolerant: the value lives in the catalog where a person could have edited it
        edges = edges == null ? List.of() : edges.stream().sorted(Comparator.comparing(PublishedEdge::key)).toList();
        rejected = rejected == null ? List.of() : List.copyOf(new TreeSet<>(rejected));
    }

    @JsonIgnore
    public boolean isEmpty() {
        return edges.isEmpty() && rejected.isEmpty();
    }

    public Optional<PublishedEdge> edge(String key) {
        return edges.stream().filter(edge -> edge.key().equals(key)).findFirst();
    }

    /** Reads the property value; empty when absent, malformed values are reported by {@link #parse}'s caller. */
    public static Optional<TacitState> parse(Object value) {
        if (value == null) {
            return Optional.of(EMPTY);
        }
        try {
            String text = value instanceof String string ? string : MAPPER.writeValueAsString(value);
            TacitState state = MAPPER.readValue(text, TacitState.class);
            return Optional.of(state);
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The property value: compact JSON with sorted keys, so equal states give equal text. */
    public String toJson() {
        try {
            return MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write tacit state", e);
        }
    }

    /**
     * One relationship tacit published.
     *
     * @param columns the referencing (local) columns
     * @param referredColumns the referenced columns' FQNs
     * @param runId the run that last changed what is published for this edge
     * @param ownsConstraint whether tacit added the FOREIGN_KEY constraint (false when an identical one was there)
     * @param tagged whether tacit tagged the referencing columns for this edge
     * @param lineage whether tacit published the lineage edge for it
     * @param lineageRemoved a person deleted tacit's lineage edge: it is not added again
     * @param joinDates the days (yyyy-MM-dd, last 30 days) tacit wrote a join count for
     */
    public record PublishedEdge(
            String key,
            List<String> columns,
            List<String> referredColumns,
            double confidence,
            String runId,
            boolean ownsConstraint,
            boolean tagged,
            boolean lineage,
            boolean lineageRemoved,
            List<String> joinDates) {
        public PublishedEdge {
            requireNonNull(key, "key is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            referredColumns = List.copyOf(requireNonNull(referredColumns, "referredColumns is null"));
            requireNonNull(runId, "runId is null");
            joinDates = joinDates == null ? List.of() : new ArrayList<>(new TreeSet<>(joinDates));
        }
    }
}
