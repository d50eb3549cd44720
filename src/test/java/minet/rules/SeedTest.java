package minet.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedTest {
    @Test
    void theSeedsNinetyNineRoutesAreLoaded() {
        assertThat(Seed.MANAGEMENT_ROUTES).hasSize(99);
        assertThat(Seed.managementPrefixes()).contains("13.64.0.0/11", "216.220.208.0/20").doesNotHaveDuplicates();
    }

    @Test
    void routeNamesFollowTheSeedsPattern() {
        // Derive each name from its prefix, and compare with the name the seed gives it.
        for (var r : Seed.MANAGEMENT_ROUTES) {
            String derived = Seed.routeName(r.addressPrefix());
            assertThat(derived).isEqualTo(r.name());
        }
        assertThat(Seed.routeName("52.1.0.0/16")).isEqualTo("mi-52-1-16-nexthop-internet");
    }
}
