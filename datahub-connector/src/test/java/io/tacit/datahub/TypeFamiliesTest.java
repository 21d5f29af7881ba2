package io.tacit.datahub;

import static org.assertj.core.api.Assertions.assertThat;

import io.tacit.model.TypeFamily;
import org.junit.jupiter.api.Test;

class TypeFamiliesTest {
    @Test
    void nativeTypesDecideAndDataHubTypesFillIn() {
        assertThat(TypeFamilies.dataType("INTEGER", "com.linkedin.schema.NumberType").family()).isEqualTo(TypeFamily.INTEGER);
        assertThat(TypeFamilies.dataType("bigint unsigned", "com.linkedin.schema.NumberType").family()).isEqualTo(TypeFamily.INTEGER);
        assertThat(TypeFamilies.dataType("NUMERIC(10, 2)", "com.linkedin.schema.NumberType").family()).isEqualTo(TypeFamily.DECIMAL);
        assertThat(TypeFamilies.dataType("VARCHAR(length=20)", "com.linkedin.schema.StringType").family()).isEqualTo(TypeFamily.STRING);
        assertThat(TypeFamilies.dataType("UUID", "com.linkedin.schema.StringType").family()).isEqualTo(TypeFamily.UUID);
        assertThat(TypeFamilies.dataType("TIMESTAMP WITHOUT TIME ZONE", "com.linkedin.schema.TimeType").family())
                .isEqualTo(TypeFamily.TIMESTAMP);
        assertThat(TypeFamilies.dataType("_int4", "com.linkedin.schema.ArrayType").family()).isEqualTo(TypeFamily.ARRAY);
        assertThat(TypeFamilies.dataType("GEOMETRY", "com.linkedin.schema.BytesType").family()).isEqualTo(TypeFamily.BINARY);
        assertThat(TypeFamilies.dataType("whatever", "com.linkedin.schema.NullType").family()).isEqualTo(TypeFamily.OTHER);
    }
}
