package io.tacit.datahub;

import com.linkedin.common.urn.DatasetUrn;
import com.linkedin.metadata.aspect.patch.builder.EditableSchemaMetadataPatchBuilder;
import com.linkedin.metadata.aspect.patch.builder.UpstreamLineagePatchBuilder;
import datahub.shaded.jackson.databind.node.JsonNodeFactory;
import datahub.shaded.jackson.databind.node.ObjectNode;
import datahub.shaded.org.apache.commons.lang3.tuple.ImmutableTriple;

/** The two operations DataHub's 0.15 patch builders lack, added to the builders themselves. */
final class TacitPatches {
    private TacitPatches() {
    }

    /** JSON-pointer escaping of one path segment; the 0.15 builders leave field paths unescaped. */
    static String segment(String value) {
        return value.replace("~", "~0").replace("/", "~1");
    }

    /**
     * editableSchemaMetadata patch that can first create a field's element with its required {@code fieldPath}:
     * on 0.15 servers a tag added to a field that has no element yet is rejected, because the server rebuilds
     * the element without {@code fieldPath} (DataHub PR #18138 / #18334).
     */
    static final class EditableSchemaPatch extends EditableSchemaMetadataPatchBuilder {
        EditableSchemaPatch ensureField(String fieldPath) {
            pathValues.add(ImmutableTriple.of("add", "/editableSchemaFieldInfo/" + segment(fieldPath) + "/fieldPath",
                    JsonNodeFactory.instance.textNode(fieldPath)));
            return this;
        }

        boolean isEmpty() {
            return pathValues.isEmpty();
        }
    }

    /**
     * upstreamLineage patch whose upstream entries carry {@code properties: {"createdBy": "tacit"}}, so that tacit
     * can later tell its own upstream edges from those of the source ingestion or a person. The builder's own
     * {@code addUpstream} stamps the current time and has no properties.
     */
    static final class LineagePatch extends UpstreamLineagePatchBuilder {
        static final String OWNER_KEY = "createdBy";
        static final String OWNER = "tacit";

        LineagePatch addOwnedUpstream(DatasetUrn upstream, long timeMillis, String actor) {
            ObjectNode value = JsonNodeFactory.instance.objectNode();
            value.put("dataset", upstream.toString());
            value.put("type", "TRANSFORMED");
            ObjectNode stamp = value.putObject("auditStamp");
            stamp.put("time", timeMillis);
            stamp.put("actor", actor);
            value.putObject("properties").put(OWNER_KEY, OWNER);
            pathValues.add(ImmutableTriple.of("add", "/upstreams/" + segment(upstream.toString()), value));
            return this;
        }

        boolean isEmpty() {
            return pathValues.isEmpty();
        }
    }
}
