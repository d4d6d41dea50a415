package academy.cedarheights.schools.web;

import java.util.UUID;

import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import academy.cedarheights.platform.web.Page;
import academy.cedarheights.platform.web.PageQuery;
import academy.cedarheights.schools.Room;
import academy.cedarheights.schools.RoomRequest;
import academy.cedarheights.schools.Rooms;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping(path = "/api/v1/admin/rooms", produces = "application/json")
@Tag(name = "Admin: catalogue")
class AdminRoomsController {

    private final Rooms rooms;

    AdminRoomsController(Rooms rooms) {
        this.rooms = rooms;
    }

    @GetMapping
    Page<Room> list(CurrentSchool school, @RequestParam(name = "active", required = false) Boolean active,
                    @Valid @ParameterObject PageQuery page) {
        return rooms.list(school.id(), active, page);
    }

    @GetMapping("/{id}")
    Room get(CurrentSchool school, @PathVariable UUID id) {
        return rooms.get(school.id(), id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Room create(CurrentSchool school, Caller caller, @Valid @RequestBody RoomRequest request) {
        return rooms.create(school.id(), caller.email(), request);
    }

    @PutMapping("/{id}")
    Room replace(CurrentSchool school, Caller caller, @PathVariable UUID id,
                       @Valid @RequestBody RoomRequest request) {
        return rooms.replace(school.id(), caller.email(), id, request);
    }

    @PatchMapping("/{id}")
    Room patch(CurrentSchool school, Caller caller, @PathVariable UUID id, @RequestBody JsonNode patch) {
        return rooms.patch(school.id(), caller.email(), id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        rooms.delete(school.id(), caller.email(), id);
    }
}
