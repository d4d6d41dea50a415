package academy.cedarheights.identity.web;

import java.util.List;
import java.util.UUID;

import academy.cedarheights.identity.Invitation;
import academy.cedarheights.identity.Invitations;
import academy.cedarheights.platform.security.Caller;
import academy.cedarheights.platform.tenancy.CurrentSchool;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Teachers and co-admins are invited, never self-appointed. */
@RestController
@RequestMapping(path = "/api/v1/admin/invitations", produces = "application/json")
@Tag(name = "Admin: invitations")
class AdminInvitationsController {

    private final Invitations invitations;

    AdminInvitationsController(Invitations invitations) {
        this.invitations = invitations;
    }

    record InvitationRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 20) String role) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Email a single-use invitation (7 days) to join as a teacher or an admin")
    Invitation invite(CurrentSchool school, Caller caller, @Valid @RequestBody InvitationRequest request) {
        return invitations.invite(school, caller.email(), request.email(), request.role());
    }

    @GetMapping
    @Operation(summary = "Invitations, newest first, with their status: sent, accepted, expired or revoked")
    List<Invitation> list(CurrentSchool school) {
        return invitations.list(school.id());
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an invitation: its link stops working; 409 once accepted")
    Invitation revoke(CurrentSchool school, Caller caller, @PathVariable UUID id) {
        return invitations.revoke(school.id(), caller.email(), id);
    }
}
