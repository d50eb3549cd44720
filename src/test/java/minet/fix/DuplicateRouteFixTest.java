package minet.fix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import minet.io.DesignFile;
import minet.model.Design;
import minet.model.Lists;
import minet.model.Route;
import org.junit.jupiter.api.Test;

/** Found by FixLawsTest: a conflicting route listed twice survived the first Fix all and went in the second. */
class DuplicateRouteFixTest {
    @Test
    void aConflictingRouteListedTwiceIsRemovedInOnePass() throws Exception {
        Design ref = DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
        Route conflict = Route.of("user-52.1.0.0-16", "52.1.0.0/16", Route.GATEWAY);
        Route again = Route.of("user-52.1.0.0-16", "52.1.0.0/16", Route.GATEWAY); // equal, not the same object
        Design d = ref.mapRouteTable("rt-mi", t -> t.withRoutes(Lists.plus(Lists.plus(t.routes(), conflict), again)));

        Design once = Fixes.fixAll(d).apply(d);

        assertThat(once.routeTable("rt-mi").orElseThrow().routes()).doesNotContain(conflict);
        assertThat(Fixes.fixAll(once).apply(once)).isEqualTo(once);
    }

    /**
     * Found by FixLawsTest (seed 9075120069043476264): two routes share a name, one conflicting (gateway) and one
     * sending to Internet with a stray next hop IP. Fix all removes the first and clears the IP of the second; the
     * change list paired them by name alone and so reported the Internet route as removed.
     */
    @Test
    void theChangeListNamesTheRemovedOneOfTwoSameNamedRoutes() throws Exception {
        Design ref = DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
        Route conflict = new Route("user-52.1.0.0-16", "52.1.0.0/16", Route.GATEWAY, "10.0.2.4", null);
        Route internet = new Route("user-52.1.0.0-16", "52.1.0.0/16", Route.INTERNET, "10.0.2.4", null);
        Design d = ref.mapRouteTable("rt-mi", t -> t.withRoutes(Lists.plus(Lists.plus(t.routes(), conflict), internet)));

        Design fixed = Fixes.fixAll(d).apply(d);
        ChangeList changes = ChangeList.between(d, fixed);

        assertThat(changes.of(Change.Kind.REMOVED)).singleElement()
                .satisfies(c -> assertThat(c.before()).isEqualTo(ChangeList.describe(conflict)));
        assertThat(changes.of(Change.Kind.CHANGED)).singleElement()
                .satisfies(c -> assertThat(c.before()).isEqualTo(ChangeList.describe(internet)));
    }
}
