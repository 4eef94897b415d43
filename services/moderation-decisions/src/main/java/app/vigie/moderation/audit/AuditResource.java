package app.vigie.moderation.audit;

import app.vigie.platform.paging.Page;
import app.vigie.platform.paging.PageRequest;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.request.QueryParams;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What auditors read: a case's history and its state at any instant, the decision log, and the verification of
 * the hash chain. A client company's auditors see their company's; the platform's auditors see all.
 */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.AUDITOR)
@Tag(name = "audit", description = "History, point-in-time views, the decision log, and tamper evidence")
public class AuditResource {

    private static final Set<String> KINDS = Set.of("DECISION", "APPEAL", "APPEAL_DECISION", "AUTO_HIDE");

    @Inject
    CaseHistory history;
    @Inject
    Decisions decisions;
    @Inject
    ChainVerifier verifier;
    @Inject
    EventExport export;
    @Inject
    ChainDigests digests;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @GET
    @Path("/cases/{id}/history")
    @Operation(summary = "Every event of the case in order: sequence, time, actor and role, content, and its link in "
            + "the hash chain")
    public List<CaseHistory.Entry> history(@PathParam("id") String id) {
        return history.of(caseId(id));
    }

    @GET
    @Path("/cases/{id}")
    @Operation(summary = "The case as it stood at asOf (default: now), rebuilt from its events up to that instant")
    public CaseState asOf(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        Instant at = QueryParams.instant(asOf, "query.asOf");
        return history.asOf(caseId(id), at == null ? clock.instant() : at);
    }

    @GET
    @Path("/decisions")
    @Operation(summary = "The decision log, oldest first: decisions, appeals, appeal decisions and automatic hiding, "
            + "by moderator, community, kind and time range [from, to)")
    public Page<Decisions.Decision> decisions(@QueryParam("moderator") String moderator,
                                              @QueryParam("communityId") String communityId,
                                              @QueryParam("kind") String kind,
                                              @QueryParam("tenant") String tenant,
                                              @QueryParam("from") String from, @QueryParam("to") String to,
                                              @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        if (kind != null && !KINDS.contains(kind)) {
            throw ProblemException.invalid("query.kind", "must be one of " + String.join(", ", KINDS.stream().sorted().toList()));
        }
        Instant start = from(from);
        return decisions.list(new Decisions.Filter(scope(tenant), blankToNull(moderator),
                QueryParams.uuid(communityId, "query.communityId"), start, to(to, start), kind),
                PageRequest.fromQuery(limit, cursor, 2));
    }

    @GET
    @Path("/export")
    @Produces("application/x-ndjson")
    @Operation(summary = "A tenant's events over [from, to) as NDJSON, one chained event per line with its hash; "
            + "authors pseudonymised and texts left out unless the caller holds personal-data. Recorded as an event.")
    public Response export(@QueryParam("tenant") String tenant, @QueryParam("from") String from,
                           @QueryParam("to") String to) {
        Instant start = from(from);
        EventExport.Writer writer = export.prepare(scope(tenant), start, to(to, start));
        return Response.ok((StreamingOutput) writer::write, "application/x-ndjson").build();
    }

    @GET
    @Path("/digests")
    @Operation(summary = "The daily digests of the hash chain (its head at the end of each UTC day), as published")
    public List<ChainDigests.Digest> digests() {
        return digests.all();
    }

    @GET
    @Path("/digests/check")
    @Operation(summary = "Checks a digest kept elsewhere against the chain: every link up to chainSeq holds and the "
            + "link at chainSeq carries that hash")
    public ChainDigests.Check checkDigest(@QueryParam("chainSeq") String chainSeq, @QueryParam("hash") String hash) {
        long seq;
        try {
            seq = Long.parseLong(chainSeq == null ? "" : chainSeq.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("query.chainSeq", "is required: the link number of the digest");
        }
        if (seq < 1) {
            throw ProblemException.invalid("query.chainSeq", "must be 1 or more");
        }
        if (hash == null || !hash.strip().matches("[0-9a-fA-F]{64}")) {
            throw ProblemException.invalid("query.hash", "must be the digest's SHA-256 in hex (64 characters)");
        }
        ChainDigests.Check check = digests.check(seq, hash.strip().toLowerCase(java.util.Locale.ROOT));
        if (caller.isPlatformStaff() || check.chain() == null || check.chain().broken() == null) {
            return check;
        }
        // the digest covers every tenant's events: a tenant's auditor learns where the chain breaks, not whose case
        ChainVerifier.BrokenLink b = check.chain().broken();
        ChainVerifier.Verification v = check.chain();
        return new ChainDigests.Check(check.ok(), check.chainSeq(), check.given(), check.found(),
                new ChainVerifier.Verification(v.ok(), v.linksChecked(), v.tenant(), v.from(), v.to(), v.firstChainSeq(),
                        v.lastChainSeq(), v.lastHash(), new ChainVerifier.BrokenLink(b.chainSeq(), b.globalIndex(),
                        null, null, b.reason(), b.expected(), b.found()), v.unchained()));
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Recomputes the hash chain over [from, to) (a tenant's events, or all for platform auditors):"
            + " ok, or the first broken link with the expected and found hashes")
    public ChainVerifier.Verification verify(@QueryParam("tenant") String tenant, @QueryParam("from") String from,
                                             @QueryParam("to") String to) {
        Instant start = from(from);
        return verifier.verify(scope(tenant), start, to(to, start));
    }

    private Optional<String> scope(String requested) {
        return caller.tenantToRead(requested);
    }

    Instant from(String from) {
        Instant at = QueryParams.instant(from, "query.from");
        return at == null ? Instant.EPOCH : at;
    }

    /** The end of a range (excluded), after its start; default: now. */
    Instant to(String to, Instant from) {
        Instant at = QueryParams.instant(to, "query.to");
        Instant end = at == null ? clock.instant().plusSeconds(1) : at;
        if (!end.isAfter(from)) {
            throw ProblemException.invalid("query.to", "must be after from");
        }
        return end;
    }

    private static UUID caseId(String id) {
        UUID caseId = QueryParams.uuid(id, "path.id");
        if (caseId == null) {
            throw ProblemException.invalid("path.id", "must be a UUID");
        }
        return caseId;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
