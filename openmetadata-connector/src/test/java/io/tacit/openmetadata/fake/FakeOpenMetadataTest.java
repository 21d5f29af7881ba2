package io.tacit.openmetadata.fake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The fake must refuse what the real server refuses, or the publisher tests prove nothing. */
class FakeOpenMetadataTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void tableConstraintWithAFieldUnknownTo14IsRefused() throws Exception {
        JsonNode table = json("{'id':'5f0e9a34-3a0e-4a55-9d43-3f6a1c3c2b10','name':'t','columns':[{'name':'a','dataType':'INT'}],"
                + "'tableConstraints':[{'constraintType':'FOREIGN_KEY','columns':['a'],'referredColumns':['s.d.p.u.id'],"
                + "'relationshipType':'MANY_TO_ONE'}]}");
        assertThat(SpecSchemas.validate(table, "entity/data/table.json")).isNotEmpty();
    }

    @Test
    void validTableIsAccepted() throws Exception {
        JsonNode table = json("{'id':'5f0e9a34-3a0e-4a55-9d43-3f6a1c3c2b10','name':'t','columns':[{'name':'a','dataType':'INT',"
                + "'tags':[{'tagFQN':'X.Y','source':'Classification','labelType':'Automated','state':'Confirmed'}]}],"
                + "'tableConstraints':[{'constraintType':'FOREIGN_KEY','columns':['a'],'referredColumns':['s.d.p.u.id']}]}");
        assertThat(SpecSchemas.validate(table, "entity/data/table.json")).isEmpty();
    }

    @Test
    void tagLabelWithoutLabelTypeIsRefused() throws Exception {
        JsonNode table = json("{'id':'5f0e9a34-3a0e-4a55-9d43-3f6a1c3c2b10','name':'t','columns':[{'name':'a','dataType':'INT',"
                + "'tags':[{'tagFQN':'X.Y','source':'Classification','state':'Confirmed'}]}]}");
        assertThat(SpecSchemas.validate(table, "entity/data/table.json")).isNotEmpty();
    }

    @Test
    void lineageWithUnknownEdgeFieldOrBadIdIsRefused() throws Exception {
        JsonNode good = json("{'edge':{'fromEntity':{'id':'5f0e9a34-3a0e-4a55-9d43-3f6a1c3c2b10','type':'table'},"
                + "'toEntity':{'id':'6f0e9a34-3a0e-4a55-9d43-3f6a1c3c2b10','type':'table'},'lineageDetails':{'source':'Manual'}}}");
        assertThat(SpecSchemas.validate(good, "api/lineage/addLineage.json")).isEmpty();
        JsonNode unknownField = json("{'edge':{'fromEntity':{'id':'5f0e9a34-3a0e-4a55-9d43-3f6a1c3c2b10','type':'table'},"
                + "'toEntity':{'id':'6f0e9a34-3a0e-4a55-9d43-3f6a1c3c2b10','type':'table'},'confidence':0.9}}");
        assertThat(SpecSchemas.validate(unknownField, "api/lineage/addLineage.json")).isNotEmpty();
        JsonNode badSource = json("{'edge':{'fromEntity':{'id':'5f0e9a34-3a0e-4a55-9d43-3f6a1c3c2b10','type':'table'},"
                + "'toEntity':{'id':'6f0e9a34-3a0e-4a55-9d43-3f6a1c3c2b10','type':'table'},'lineageDetails':{'source':'Inferred'}}}");
        assertThat(SpecSchemas.validate(badSource, "api/lineage/addLineage.json")).isNotEmpty();
    }

    @Test
    void joinsNeedJoinCountAndAValidDate() throws Exception {
        String schema = "entity/data/table.json#/definitions/tableJoins";
        assertThat(SpecSchemas.validate(json("{'startDate':'2026-11-29','dayCount':1,'columnJoins':[{'columnName':'a',"
                + "'joinedWith':[{'fullyQualifiedName':'s.d.p.u.id','joinCount':1}]}],'directTableJoins':[]}"), schema)).isEmpty();
        assertThat(SpecSchemas.validate(json("{'startDate':'2026-11-29','columnJoins':[{'columnName':'a',"
                + "'joinedWith':[{'fullyQualifiedName':'s.d.p.u.id'}]}]}"), schema)).isNotEmpty();
        assertThat(SpecSchemas.validate(json("{'startDate':'yesterday'}"), schema)).isNotEmpty();
    }

    @Test
    void pipelineStatusAndClassificationRequestsAreChecked() throws Exception {
        String status = "entity/services/ingestionPipelines/ingestionPipeline.json#/definitions/pipelineStatus";
        assertThat(SpecSchemas.validate(json("{'runId':'x','pipelineState':'success','status':[{'name':'s','records':1}]}"),
                status)).isEmpty();
        assertThat(SpecSchemas.validate(json("{'runId':'x','pipelineState':'done'}"), status)).isNotEmpty();
        assertThat(SpecSchemas.validate(json("{'name':'C'}"), "api/classification/createClassification.json")).isNotEmpty();
    }
}
