package minet.edit;

import static org.assertj.core.api.Assertions.assertThat;

import minet.model.Design;
import org.junit.jupiter.api.Test;

class CommandStackTest {
    @Test
    void undoRestoresAndRedoReapplies() {
        Document doc = new Document(Design.empty("a"), null);
        doc.execute(Command.of("Rename", d -> d.withName("b")));
        assertThat(doc.dirty()).isTrue();
        assertThat(doc.history().undoLabel()).contains("Rename");
        assertThat(doc.undo().name()).isEqualTo("a");
        assertThat(doc.dirty()).isFalse();
        assertThat(doc.redo().name()).isEqualTo("b");
    }

    @Test
    void aCommandThatChangesNothingIsNotRecorded() {
        Document doc = new Document(Design.empty("a"), null);
        doc.execute(Command.of("Same", d -> d.withName("a")));
        assertThat(doc.history().canUndo()).isFalse();
    }

    @Test
    void aNewEditClearsRedo() {
        Document doc = new Document(Design.empty("a"), null);
        doc.execute(Command.of("b", d -> d.withName("b")));
        doc.undo();
        doc.execute(Command.of("c", d -> d.withName("c")));
        assertThat(doc.history().canRedo()).isFalse();
    }
}
