package io.tacit.orm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RailsInflectorTest {
    @Test
    void pluralizesAsRailsDoes() {
        assertThat(RailsInflector.tableize("Person")).isEqualTo("people");
        assertThat(RailsInflector.tableize("Category")).isEqualTo("categories");
        assertThat(RailsInflector.tableize("LineItem")).isEqualTo("line_items");
        assertThat(RailsInflector.tableize("Admin::Address")).isEqualTo("addresses");
        assertThat(RailsInflector.tableize("Status")).isEqualTo("statuses");
        assertThat(RailsInflector.tableize("Wife")).isEqualTo("wives");
        assertThat(RailsInflector.tableize("Mouse")).isEqualTo("mice");
        assertThat(RailsInflector.tableize("Equipment")).isEqualTo("equipment");
        assertThat(RailsInflector.tableize("Day")).isEqualTo("days");
        assertThat(RailsInflector.tableize("HTMLPage")).isEqualTo("html_pages");
    }

    @Test
    void singularizesAsRailsDoes() {
        assertThat(RailsInflector.singularize("people")).isEqualTo("person");
        assertThat(RailsInflector.singularize("categories")).isEqualTo("category");
        assertThat(RailsInflector.singularize("line_items")).isEqualTo("line_item");
        assertThat(RailsInflector.singularize("addresses")).isEqualTo("address");
        assertThat(RailsInflector.singularize("statuses")).isEqualTo("status");
        assertThat(RailsInflector.singularize("news")).isEqualTo("news");
        assertThat(RailsInflector.camelize("admin/line_item")).isEqualTo("Admin::LineItem");
    }

    @Test
    void keepsTheApplicationsAcronymsWhole() {
        java.util.List<String> acronyms = java.util.List.of("GitHub", "OIDC");
        assertThat(RailsInflector.tableize("OIDC::TrustedPublisher::GitHubAction", acronyms)).isEqualTo("github_actions");
        assertThat(RailsInflector.underscore("OIDCProvider", acronyms)).isEqualTo("oidc_provider");
        assertThat(RailsInflector.underscore("MyGitHubRepo", acronyms)).isEqualTo("my_github_repo");
        assertThat(RailsInflector.camelize("github_action", acronyms)).isEqualTo("GitHubAction");
        assertThat(RailsInflector.tableize("GitHubAction", java.util.List.of())).isEqualTo("git_hub_actions");
    }
}
