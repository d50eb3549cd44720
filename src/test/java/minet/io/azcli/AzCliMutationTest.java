package minet.io.azcli;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AzCliMutationTest {
    static final List<String> FIXTURES = List.of("vnet-show.json", "nsg-show.json", "nsg-list.json", "route-table-show.json",
            "mi-show.json", "mi-list.json", "subnet-list.json", "rest-vnet.json", "rest-nsg-list.json");

    @Provide Arbitrary<String> fixtures() { return Arbitraries.of(FIXTURES); }

    @Property(tries = 400)
    void damagedAzCliJsonImportsOrIsRefusedWithItsPlace(@ForAll("fixtures") String fixture, @ForAll Mutations.Kind kind,
                                                        @ForAll int pick, @ForAll int pick2) throws Exception {
        byte[] bytes = Mutations.mutate(Path.of("src/test/resources/azcli", fixture), kind, pick, pick2);
        Mutations.importsOrRefuses(bytes, s -> AzCliImporter.load(List.of(s)));
    }
}
