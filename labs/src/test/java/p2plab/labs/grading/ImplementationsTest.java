package p2plab.labs.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import p2plab.bittorrent.picker.PiecePicker;
import p2plab.gnutella.routing.ForwardingRule;
import p2plab.napster.index.IndexStore;

/** Factories for the shell's --impl: the student's compiled class, the reference, clear errors. */
class ImplementationsTest {

    @Test
    void theStudentsStubLoadsAsTheOverlaysStrategy() {
        IndexStore store = Implementations.of("napster", "student", IndexStore.class, GradeCommandTest.STUDENT).get();
        assertEquals("StudentIndexStore", store.getClass().getSimpleName());
        UnsupportedOperationException todo = assertThrows(UnsupportedOperationException.class, () -> store.size());
        assertTrue(todo.getMessage().startsWith("TODO"));
    }

    @Test
    void gnutellasRouterIsAForwardingRule() {
        ForwardingRule rule = Implementations.of("gnutella", "reference", ForwardingRule.class).get();
        assertEquals(List.of(1, 3, 4), rule.rounds(4));
    }

    @Test
    void mistakesAreOneLine() {
        assertEquals("lab picker implements PiecePicker, not IndexStore",
                assertThrows(IllegalArgumentException.class, () -> Implementations.of("picker", "student", IndexStore.class)).getMessage());
        assertEquals("--impl must be student or reference, got 'mine'",
                assertThrows(IllegalArgumentException.class, () -> Implementations.of("picker", "mine", PiecePicker.class)).getMessage());
    }
}
