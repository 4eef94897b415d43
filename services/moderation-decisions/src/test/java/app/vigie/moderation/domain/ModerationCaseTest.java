package app.vigie.moderation.domain;

import app.vigie.contracts.community.Category;
import app.vigie.moderation.domain.CaseCommands.ApproveCase;
import app.vigie.moderation.domain.CaseCommands.ClaimCase;
import app.vigie.moderation.domain.CaseCommands.CommentOnCase;
import app.vigie.moderation.domain.CaseCommands.EscalateCase;
import app.vigie.moderation.domain.CaseCommands.ExpireLease;
import app.vigie.moderation.domain.CaseCommands.OpenCase;
import app.vigie.moderation.domain.CaseCommands.RejectCase;
import app.vigie.moderation.domain.CaseCommands.ReleaseCase;
import app.vigie.moderation.domain.CaseEvents.CaseApproved;
import app.vigie.moderation.domain.CaseEvents.CaseClaimed;
import app.vigie.moderation.domain.CaseEvents.CaseCommented;
import app.vigie.moderation.domain.CaseEvents.CaseEscalated;
import app.vigie.moderation.domain.CaseEvents.CaseLeaseExpired;
import app.vigie.moderation.domain.CaseEvents.CaseOpened;
import app.vigie.moderation.domain.CaseEvents.CaseRejected;
import app.vigie.moderation.domain.CaseEvents.CaseReleased;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModerationCaseTest {

    private static final UUID CASE = UUID.fromString("01935f3e-0000-7000-8000-000000000001");
    private static final UUID COMMUNITY = UUID.fromString("01935f3e-0000-7000-8000-0000000000aa");
    private static final Instant T0 = Instant.parse("2026-11-26T22:00:00Z");
    private static final Instant LEASE = T0.plus(Duration.ofMinutes(5));

    private AggregateTestFixture<ModerationCase> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ModerationCase.class);
    }

    private static CaseOpened opened() {
        return new CaseOpened(CASE, COMMUNITY, "radio-horizon", 1, "fr", 72, Category.INSULT, List.of("insult.aimed"),
                3, false, T0.plus(Duration.ofMinutes(60)), T0);
    }

    private static CaseClaimed claimedBy(String moderator) {
        return new CaseClaimed(CASE, "radio-horizon", moderator, LEASE, T0);
    }

    private static RejectCase reject(String moderator, boolean senior, Instant at) {
        return new RejectCase(CASE, moderator, senior, Category.INSULT, Ground.INCOMPATIBLE_WITH_TERMS, "Charte §2",
                "Insulte envers un autre membre", Action.REMOVED, at);
    }

    @Test
    void openingRecordsTheTriageAndTheDeadline() {
        fixture.givenNoPriorActivity()
                .when(open(72, false, 0.05))
                .expectEvents(opened());
    }

    private static OpenCase open(int risk, boolean hidden, Double autoApproveBelow) {
        return new OpenCase(CASE, COMMUNITY, "radio-horizon", 1, "fr", risk, Category.INSULT, List.of("insult.aimed"), 3,
                hidden, T0.plus(Duration.ofMinutes(60)), T0, app.vigie.contracts.community.ModerationMode.A_POSTERIORI,
                autoApproveBelow);
    }

    @Test
    void belowThePolicysThresholdTheCaseIsApprovedAutomatically() {
        fixture.givenNoPriorActivity()
                .when(open(3, false, 0.05))
                .expectEvents(new CaseOpened(CASE, COMMUNITY, "radio-horizon", 1, "fr", 3, Category.INSULT,
                                List.of("insult.aimed"), 3, false, T0.plus(Duration.ofMinutes(60)), T0),
                        new CaseEvents.CaseAutoApproved(CASE, "radio-horizon", COMMUNITY, 3, 3, 0.05, T0));
        fixture.givenNoPriorActivity()
                .when(open(3, false, null))
                .expectEvents(new CaseOpened(CASE, COMMUNITY, "radio-horizon", 1, "fr", 3, Category.INSULT,
                        List.of("insult.aimed"), 3, false, T0.plus(Duration.ofMinutes(60)), T0));
    }

    @Test
    void aMessageHiddenOnASocialNetworkIsRecordedAsAnAutomatedHide() {
        fixture.givenNoPriorActivity()
                .when(open(95, true, 0.05))
                .expectEvents(new CaseOpened(CASE, COMMUNITY, "radio-horizon", 1, "fr", 95, Category.INSULT,
                                List.of("insult.aimed"), 3, true, T0.plus(Duration.ofMinutes(60)), T0),
                        new CaseEvents.CaseAutoHidden(CASE, "radio-horizon", COMMUNITY, 3, 95, T0));
    }

    @Test
    void anAutomatedApprovalCanBeAppealedAndAnyModeratorTakesTheAppeal() {
        fixture.given(new CaseOpened(CASE, COMMUNITY, "radio-horizon", 1, "fr", 3, null, List.of(), 3, false,
                                T0.plus(Duration.ofMinutes(60)), T0),
                        new CaseEvents.CaseAutoApproved(CASE, "radio-horizon", COMMUNITY, 3, 3, 0.05, T0),
                        new CaseEvents.CaseAppealed(CASE, "radio-horizon", "client", "raciste", "APPROVED",
                                ModerationCase.POLICY, T0.plusSeconds(60)))
                .when(new ClaimCase(CASE, "mod-a", false, LEASE, T0.plusSeconds(90)))
                .expectEvents(new CaseClaimed(CASE, "radio-horizon", "mod-a", LEASE, T0.plusSeconds(90)));
    }

    @Test
    void aModeratorClaimsAnOpenCaseForTheLease() {
        fixture.given(opened())
                .when(new ClaimCase(CASE, "mod-a", false, LEASE, T0))
                .expectEvents(claimedBy("mod-a"));
    }

    @Test
    void aCaseClaimedByAnotherIsRefusedUntilTheLeaseRunsOut() {
        fixture.given(opened(), claimedBy("mod-a"))
                .when(new ClaimCase(CASE, "mod-b", false, LEASE.plusSeconds(60), T0.plusSeconds(60)))
                .expectException(CaseRefused.class).expectNoEvents();
        fixture.given(opened(), claimedBy("mod-a"))
                .when(new ClaimCase(CASE, "mod-b", false, LEASE.plusSeconds(400), LEASE.plusSeconds(1)))
                .expectEvents(new CaseClaimed(CASE, "radio-horizon", "mod-b", LEASE.plusSeconds(400), LEASE.plusSeconds(1)));
    }

    @Test
    void claimingOnesOwnCaseAgainRenewsTheLease() {
        fixture.given(opened(), claimedBy("mod-a"))
                .when(new ClaimCase(CASE, "mod-a", false, LEASE.plusSeconds(240), T0.plusSeconds(240)))
                .expectEvents(new CaseClaimed(CASE, "radio-horizon", "mod-a", LEASE.plusSeconds(240), T0.plusSeconds(240)));
    }

    @Test
    void onlyTheClaimantReleases() {
        fixture.given(opened(), claimedBy("mod-a"))
                .when(new ReleaseCase(CASE, "mod-b", T0.plusSeconds(10)))
                .expectException(CaseRefused.class);
        fixture.given(opened(), claimedBy("mod-a"))
                .when(new ReleaseCase(CASE, "mod-a", T0.plusSeconds(10)))
                .expectEvents(new CaseReleased(CASE, "radio-horizon", "mod-a", T0.plusSeconds(10)));
    }

    @Test
    void anExpiredLeasePutsTheCaseBackOnlyOnceItHasRunOut() {
        fixture.given(opened(), claimedBy("mod-a"))
                .when(new ExpireLease(CASE, T0.plusSeconds(10)))
                .expectNoEvents();
        fixture.given(opened(), claimedBy("mod-a"))
                .when(new ExpireLease(CASE, LEASE.plusSeconds(1)))
                .expectEvents(new CaseLeaseExpired(CASE, "radio-horizon", "mod-a", LEASE.plusSeconds(1)));
    }

    @Test
    void decidingWithoutAClaimIsAConflict() {
        fixture.given(opened())
                .when(new ApproveCase(CASE, "mod-a", false, T0))
                .expectException(CaseRefused.class).expectNoEvents();
    }

    @Test
    void decidingAfterTheLeaseRanOutIsAConflict() {
        fixture.given(opened(), claimedBy("mod-a"))
                .when(reject("mod-a", false, LEASE.plusSeconds(1)))
                .expectException(CaseRefused.class).expectNoEvents();
    }

    @Test
    void theClaimantRejectsWithCategoryGroundExplanationAndAction() {
        fixture.given(opened(), claimedBy("mod-a"))
                .when(reject("mod-a", false, T0.plusSeconds(30)))
                .expectEvents(new CaseRejected(CASE, "radio-horizon", COMMUNITY, 3, "mod-a", Category.INSULT,
                        Ground.INCOMPATIBLE_WITH_TERMS, "Charte §2", "Insulte envers un autre membre", Action.REMOVED,
                        T0.plusSeconds(30)));
    }

    @Test
    void anotherModeratorCannotDecideAClaimedCase() {
        fixture.given(opened(), claimedBy("mod-a"))
                .when(new ApproveCase(CASE, "mod-b", false, T0.plusSeconds(30)))
                .expectException(CaseRefused.class).expectNoEvents();
    }

    @Test
    void aDecidedCaseIsNotDecidedAgain() {
        fixture.given(opened(), claimedBy("mod-a"),
                        new CaseApproved(CASE, "radio-horizon", COMMUNITY, 3, "mod-a", T0.plusSeconds(30)))
                .when(reject("mod-a", false, T0.plusSeconds(40)))
                .expectException(CaseRefused.class).expectNoEvents();
        fixture.given(opened(), claimedBy("mod-a"),
                        new CaseApproved(CASE, "radio-horizon", COMMUNITY, 3, "mod-a", T0.plusSeconds(30)))
                .when(new ClaimCase(CASE, "mod-b", false, LEASE, T0.plusSeconds(40)))
                .expectException(CaseRefused.class).expectNoEvents();
    }

    @Test
    void anEscalatedCaseGoesBackToTheQueueForASeniorModerator() {
        CaseEscalated escalated = new CaseEscalated(CASE, "radio-horizon", "mod-a", "menace possible", T0.plusSeconds(20));
        fixture.given(opened(), claimedBy("mod-a"))
                .when(new EscalateCase(CASE, "mod-a", "menace possible", T0.plusSeconds(20)))
                .expectEvents(escalated);
        fixture.given(opened(), claimedBy("mod-a"), escalated)
                .when(new ClaimCase(CASE, "mod-a", false, LEASE, T0.plusSeconds(30)))
                .expectException(CaseRefused.class).expectNoEvents();
        fixture.given(opened(), claimedBy("mod-a"), escalated)
                .when(new ClaimCase(CASE, "senior-b", true, LEASE, T0.plusSeconds(30)))
                .expectEvents(new CaseClaimed(CASE, "radio-horizon", "senior-b", LEASE, T0.plusSeconds(30)));
        fixture.given(opened(), claimedBy("mod-a"), escalated,
                        new CaseClaimed(CASE, "radio-horizon", "senior-b", LEASE, T0.plusSeconds(30)))
                .when(reject("senior-b", true, T0.plusSeconds(60)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void escalatingNeedsTheClaim() {
        fixture.given(opened())
                .when(new EscalateCase(CASE, "mod-a", "doute", T0))
                .expectException(CaseRefused.class).expectNoEvents();
    }

    @Test
    void anyoneWorkingOnTheCaseMayComment() {
        fixture.given(opened())
                .when(new CommentOnCase(CASE, "mod-a", "auteur déjà averti", T0))
                .expectEvents(new CaseCommented(CASE, "radio-horizon", "mod-a", "auteur déjà averti", T0));
    }

    private static CaseApproved approvedBy(String moderator, Instant at) {
        return new CaseApproved(CASE, "radio-horizon", COMMUNITY, 3, moderator, at);
    }

    private static CaseEvents.CaseAppealed appealed() {
        return new CaseEvents.CaseAppealed(CASE, "radio-horizon", "client:radio-horizon", "c'était de l'humour",
                "APPROVED", "mod-a", T0.plusSeconds(3600));
    }

    @Test
    void aDecisionIsAppealedOnceWithinTheWindow() {
        Duration window = Duration.ofDays(180);
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)))
                .when(new CaseCommands.AppealCase(CASE, "client:radio-horizon", "c'était de l'humour", window,
                        T0.plusSeconds(3600)))
                .expectEvents(appealed());
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)))
                .when(new CaseCommands.AppealCase(CASE, "client:radio-horizon", "trop tard", window,
                        T0.plus(Duration.ofDays(181))))
                .expectException(CaseRefused.class).expectNoEvents();
        fixture.given(opened())
                .when(new CaseCommands.AppealCase(CASE, "client:radio-horizon", "pas encore décidé", window, T0))
                .expectException(CaseRefused.class).expectNoEvents();
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)), appealed())
                .when(new CaseCommands.AppealCase(CASE, "client:radio-horizon", "encore", window, T0.plusSeconds(7200)))
                .expectException(CaseRefused.class).expectNoEvents();
    }

    @Test
    void theModeratorWhoDecidedCannotTakeTheAppeal() {
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)), appealed())
                .when(new ClaimCase(CASE, "mod-a", false, LEASE.plusSeconds(7200), T0.plusSeconds(7200)))
                .expectException(CaseRefused.class).expectNoEvents();
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)), appealed())
                .when(new ClaimCase(CASE, "mod-b", false, T0.plusSeconds(7500), T0.plusSeconds(7200)))
                .expectEvents(new CaseClaimed(CASE, "radio-horizon", "mod-b", T0.plusSeconds(7500), T0.plusSeconds(7200)));
    }

    @Test
    void anotherModeratorReversesAnApprovalIntoARejection() {
        CaseClaimed claimedByB = new CaseClaimed(CASE, "radio-horizon", "mod-b", T0.plusSeconds(7500), T0.plusSeconds(7200));
        CaseCommands.Rejection rejection = new CaseCommands.Rejection(Category.HATE, Ground.ILLEGAL_CONTENT,
                "Loi du 29 juillet 1881, art. 24", "Provocation à la haine", Action.REMOVED);
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)), appealed(), claimedByB)
                .when(new CaseCommands.DecideAppeal(CASE, "mod-b", false, AppealOutcome.REVERSE, "Propos haineux",
                        rejection, T0.plusSeconds(7300)))
                .expectEvents(new CaseEvents.AppealDecided(CASE, "radio-horizon", COMMUNITY, 3, "mod-b",
                        AppealOutcome.REVERSE, "REJECTED", "Propos haineux", Category.HATE, Ground.ILLEGAL_CONTENT,
                        "Loi du 29 juillet 1881, art. 24", Action.REMOVED, T0.plusSeconds(7300)));
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)), appealed(), claimedByB)
                .when(new CaseCommands.DecideAppeal(CASE, "mod-b", false, AppealOutcome.REVERSE, "sans détails",
                        null, T0.plusSeconds(7300)))
                .expectException(CaseRefused.class).expectNoEvents();
    }

    @Test
    void anUpheldAppealClosesTheCaseForGood() {
        CaseClaimed claimedByB = new CaseClaimed(CASE, "radio-horizon", "mod-b", T0.plusSeconds(7500), T0.plusSeconds(7200));
        CaseEvents.AppealDecided upheld = new CaseEvents.AppealDecided(CASE, "radio-horizon", COMMUNITY, 3, "mod-b",
                AppealOutcome.UPHOLD, "APPROVED", "Humour, pas d'insulte", null, null, null, null, T0.plusSeconds(7300));
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)), appealed(), claimedByB)
                .when(new CaseCommands.DecideAppeal(CASE, "mod-b", false, AppealOutcome.UPHOLD, "Humour, pas d'insulte",
                        null, T0.plusSeconds(7300)))
                .expectEvents(upheld);
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)), appealed(), claimedByB, upheld)
                .when(new ClaimCase(CASE, "mod-c", false, T0.plusSeconds(8000), T0.plusSeconds(7400)))
                .expectException(CaseRefused.class).expectNoEvents();
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)))
                .when(new CaseCommands.DecideAppeal(CASE, "mod-b", false, AppealOutcome.UPHOLD, "rien à juger", null,
                        T0.plusSeconds(60)))
                .expectException(CaseRefused.class).expectNoEvents();
    }

    @Test
    void aReplyMayBeRequestedAtAnyTime() {
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)))
                .when(new CaseCommands.RequestReply(CASE, "mod-a", "Réclamation sur la facturation", T0.plusSeconds(40)))
                .expectEvents(new CaseEvents.CaseReplyRequested(CASE, "radio-horizon", COMMUNITY, "mod-a",
                        "Réclamation sur la facturation", T0.plusSeconds(40)));
    }

    @Test
    void anEditReTriagesAnUndecidedCaseAndReopensADecidedOne() {
        Instant later = T0.plusSeconds(600);
        CaseCommands.RecordEdit edit = new CaseCommands.RecordEdit(CASE, 2, "fr", 90, Category.THREAT,
                List.of("threat.direct"), true, later.plus(Duration.ofMinutes(60)), later);
        fixture.given(opened())
                .when(edit)
                .expectEvents(new CaseEvents.CaseContentEdited(CASE, "radio-horizon", 2, "fr", 90, Category.THREAT,
                        List.of("threat.direct"), true, false, later.plus(Duration.ofMinutes(60)), later));
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)))
                .when(edit)
                .expectEvents(new CaseEvents.CaseContentEdited(CASE, "radio-horizon", 2, "fr", 90, Category.THREAT,
                        List.of("threat.direct"), true, true, later.plus(Duration.ofMinutes(60)), later));
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)),
                        new CaseEvents.CaseContentEdited(CASE, "radio-horizon", 2, "fr", 90, Category.THREAT,
                                List.of("threat.direct"), true, true, later.plus(Duration.ofMinutes(60)), later))
                .when(new ClaimCase(CASE, "mod-b", false, later.plusSeconds(300), later.plusSeconds(1)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRedeliveredEditChangesNothing() {
        Instant later = T0.plusSeconds(600);
        CaseEvents.CaseContentEdited edited = new CaseEvents.CaseContentEdited(CASE, "radio-horizon", 2, "fr", 90,
                Category.THREAT, List.of(), true, false, later, later);
        fixture.given(opened(), edited)
                .when(new CaseCommands.RecordEdit(CASE, 2, "fr", 90, Category.THREAT, List.of(), true, later, later))
                .expectNoEvents();
    }

    @Test
    void aDecisionOnEditedTextMayBeAppealedEvenIfTheOldOneWas() {
        Instant later = T0.plus(Duration.ofDays(1));
        fixture.given(opened(), claimedBy("mod-a"), approvedBy("mod-a", T0.plusSeconds(30)), appealed(),
                        new CaseClaimed(CASE, "radio-horizon", "mod-b", T0.plusSeconds(7500), T0.plusSeconds(7200)),
                        new CaseEvents.AppealDecided(CASE, "radio-horizon", COMMUNITY, 3, "mod-b", AppealOutcome.UPHOLD,
                                "APPROVED", "ok", null, null, null, null, T0.plusSeconds(7300)),
                        new CaseEvents.CaseContentEdited(CASE, "radio-horizon", 2, "fr", 90, Category.THREAT, List.of(),
                                true, true, later.plusSeconds(3600), later),
                        new CaseClaimed(CASE, "radio-horizon", "mod-c", later.plusSeconds(300), later.plusSeconds(10)),
                        new CaseApproved(CASE, "radio-horizon", COMMUNITY, 3, "mod-c", later.plusSeconds(20)))
                .when(new CaseCommands.AppealCase(CASE, "client", "menace", Duration.ofDays(180), later.plusSeconds(60)))
                .expectSuccessfulHandlerExecution();
    }
}
