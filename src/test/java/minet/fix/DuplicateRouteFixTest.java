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
}
