package minet.io.terraform;

import java.nio.file.Path;
import java.util.List;
import minet.io.Format;
import minet.io.azcli.AzCliImporter;
import minet.io.azcli.Mutations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TerraformMutationTest {
    @Provide Arbitrary<String> fixtures() { return Arbitraries.of("plan.json", "state.json", "plan-module.json"); }

    @Property(tries = 400)
    void damagedTerraformJsonImportsOrIsRefusedWithItsPlace(@ForAll("fixtures") String fixture, @ForAll Mutations.Kind kind,
                                                            @ForAll int pick, @ForAll int pick2) throws Exception {
        byte[] bytes = Mutations.mutate(Path.of("src/test/resources/terraform", fixture), kind, pick, pick2);
        // A mutation can remove what makes the file Terraform JSON; it then goes where Importer would send it.
        Mutations.importsOrRefuses(bytes, s -> Format.detect(s.root()) == Format.TERRAFORM
                ? TerraformImporter.load(List.of(s)) : AzCliImporter.load(List.of(s)));
    }
}
