package p2plab.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;
import p2plab.common.overlay.Overlay;
import p2plab.common.overlay.tiny.TinyOverlay;
import p2plab.labs.session.LabException;
import p2plab.labs.session.Overlays;

class OverlaysTest {

    @Test
    void theTestOverlayIsFoundThroughTheServiceLoader() {
        assertTrue(Overlays.discover().names().contains("tiny"));
    }

    @Test
    void aBrokenOverlayIsLeftOutAndTheOthersStillLoad() {
        Iterable<Overlay> listing = () -> new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < 2;
            }

            @Override
            public Overlay next() {
                if (i++ == 0) {
                    throw new ServiceConfigurationError("Provider p2plab.kazaa.KazaaOverlay not found");
                }
                return new TinyOverlay();
            }
        };
        Overlays overlays = new Overlays(listing);
        assertEquals(List.of("tiny"), overlays.names());
        assertEquals(List.of("Provider p2plab.kazaa.KazaaOverlay not found"), overlays.problems());
    }

    @Test
    void anUnknownOverlayNamesTheInstalledOnes() {
        LabException e = assertThrows(LabException.class, () -> new Overlays(List.of(new TinyOverlay())).get("gnutela"));
        assertEquals("unknown overlay 'gnutela'; choose one of tiny", e.getMessage());
    }
}
