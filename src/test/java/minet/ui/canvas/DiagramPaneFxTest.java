package minet.ui.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import minet.ui.render.SvgExport;
import minet.io.DesignFile;
import minet.layout.DiagramLayout;
import minet.model.Design;
import minet.rules.Severity;
import minet.ui.Theme;
import minet.ui.render.Renderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** What the validation panel uses (flow states, badges) and what render draws, on the FX thread. */
@ExtendWith(ApplicationExtension.class)
class DiagramPaneFxTest {
    Design reference;

    @Start void start(Stage stage) throws Exception {
        reference = DesignFile.read(Path.of("sample-networks", "reference.minet.json"));
    }

    @Test void flowStatesAndBadgesSurviveARelayout(FxRobot robot) {
        DiagramPane pane = new DiagramPane();
        String flow = "management-inbound:mgmt:vnet-mi/ManagedInstance";
        robot.interact(() -> {
            pane.setDiagram(DiagramLayout.of(reference));
            pane.setFlowState(flow, FlowState.BLOCKED, "denied by deny_all_inbound (4096)");
            pane.showBadges("nsg-mi", Severity.ERROR, 2);
            pane.setDiagram(DiagramLayout.of(reference.withName("edited")));
        });
        FlowSkin f = pane.flows().get(flow);
        assertThat(f.state()).isEqualTo(FlowState.BLOCKED);
        assertThat(f.getStyleClass()).contains("state-blocked");
        ElementSkin card = pane.skinsOf("nsg-mi").get(0);
        assertThat(card.lookup(".badge-error")).isNotNull();
        robot.interact(() -> {
            pane.showBadges("nsg-mi", Severity.ERROR, 0);
            pane.clearFlowStates();
        });
        assertThat(card.lookup(".badge-error")).isNull();
        assertThat(pane.flows().get(flow).getStyleClass()).contains("state-unknown");
    }

    @Test void renderDrawsTheWholeDiagramInBothThemes(FxRobot robot) throws Exception {
        WritableImage[] img = new WritableImage[3];
        robot.interact(() -> {
            img[0] = Renderer.snapshot(reference, Theme.LIGHT, 0, false);
            img[1] = Renderer.snapshot(reference, Theme.DARK, 1000);
            img[2] = Renderer.snapshot(reference, Theme.LIGHT, 0);
        });
        var extent = DiagramLayout.of(reference).extent();
        assertThat(img[0].getWidth()).isEqualTo(extent.x() + extent.width(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(img[1].getWidth()).isEqualTo(1000, org.assertj.core.data.Offset.offset(1.0));
        // The title block above and the legend below make the sheet taller than the bare diagram.
        assertThat(img[2].getHeight()).isGreaterThan(img[0].getHeight() + 100);
        Color light = img[0].getPixelReader().getColor(3, 3), dark = img[1].getPixelReader().getColor(3, 3);
        assertThat(light.getBrightness()).isGreaterThan(0.9);
        assertThat(dark.getBrightness()).isLessThan(0.2);
        // The MI subnet's frame is drawn in the VNet blue at its top edge.
        var mi = DiagramLayout.of(reference).node("vnet-mi/ManagedInstance").orElseThrow().bounds();
        Color edge = img[0].getPixelReader().getColor((int) (mi.x() + mi.width() / 2), (int) Math.round(mi.y()));
        assertThat(edge.getBlue()).isGreaterThan(edge.getRed() + 0.2);
        assertThat(Renderer.png(img[0])).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    /** What an export carries: the window's verdict colours and badges, a title block and the legend. */
    @Test void anExportShowsVerdictsBadgesTitleAndLegend(FxRobot robot) throws Exception {
        Design broken = DesignFile.read(Path.of("sample-networks", "broken", "deny-first.minet.json"));
        minet.ui.render.ExportSheet[] sheet = new minet.ui.render.ExportSheet[1];
        String[] svg = new String[1];
        robot.interact(() -> {
            sheet[0] = Renderer.sheet(broken, Theme.LIGHT, true);
            svg[0] = SvgExport.of(broken, Theme.LIGHT);
        });
        DiagramPane pane = sheet[0].diagram();
        FlowSkin mgmt = pane.flows().values().stream().filter(f -> f.flow().id().startsWith("management-inbound:")).findFirst().orElseThrow();
        assertThat(mgmt.state()).isEqualTo(FlowState.BLOCKED);
        assertThat(pane.skinsOf("nsg-mi").get(0).lookup(".badge-error")).isNotNull();
        var report = minet.rules.Validator.validate(broken);
        assertThat(svg[0]).contains(">" + SvgExport.escape(broken.name()) + "<")
                .contains("Profile " + report.profile())
                .contains(report.errors() + " error" + (report.errors() == 1 ? "" : "s"))
                .contains(">Legend<", ">allowed by the rules<", ">cannot be decided offline (a service tag)<", ">dashed: out of the MI subnet<")
                .contains("checked " + java.time.LocalDate.now());
        // The blocked arrow is drawn in the canvas's red, as in the window.
        assertThat(svg[0]).contains("stroke=\"#cf222e\"");
    }

    @Test void svgExportHoldsTheShapesAndLabelsOfTheCanvas(FxRobot robot) {
        String[] svg = new String[1];
        robot.interact(() -> svg[0] = SvgExport.of(reference, Theme.LIGHT));
        assertThat(svg[0]).startsWith("<?xml").contains("<svg").endsWith("</svg>\n")
                .contains(">Internal load balancer<", ">TCP 1433<", ">TCP 9000, 9003, 1438, 1440, 1452<", ">sqlmi-ref<", ">Management endpoint<")
                .contains("<path d=\"" + Icons.NSG + "\"");
        assertThat(SvgExport.escape("a<b & \"c\"")).isEqualTo("a&lt;b &amp; &quot;c&quot;");
    }
}
