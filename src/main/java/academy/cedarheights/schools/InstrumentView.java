package academy.cedarheights.schools;

import java.util.UUID;

public record InstrumentView(UUID id, String name) {
}
