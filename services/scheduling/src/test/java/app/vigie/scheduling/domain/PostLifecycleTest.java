package app.vigie.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PostLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aPostGoesFromDraftThroughTheClientToThePublisher() {
        PostState s = PostLifecycle.submit(PostState.DRAFT);
        assertThat(s).isEqualTo(PostState.SUBMITTED);
        s = PostLifecycle.requestChanges(s, "Le visuel n'est pas le bon");
        assertThat(s).isEqualTo(PostState.CHANGES_REQUESTED);
        assertThat(PostLifecycle.edit(s)).isEqualTo(PostState.CHANGES_REQUESTED);
        s = PostLifecycle.approve(PostLifecycle.submit(s));
        assertThat(s).isEqualTo(PostState.APPROVED);
        s = PostLifecycle.schedule(s, NOW.plusSeconds(60), NOW);
        assertThat(s).isEqualTo(PostState.SCHEDULED);
        assertThat(PostLifecycle.unschedule(s)).isEqualTo(PostState.APPROVED);
        s = PostLifecycle.due(s, NOW, NOW);
        assertThat(PostLifecycle.published(s)).isEqualTo(PostState.PUBLISHED);
        assertThat(PostLifecycle.failed(s)).isEqualTo(PostState.FAILED);
    }

    @ParameterizedTest
    @EnumSource(value = PostState.class, names = {"SUBMITTED", "APPROVED", "SCHEDULED"})
    void anEditAfterTheClientSawThePostSendsItBackToADraft(PostState state) {
        assertThat(PostLifecycle.edit(state)).isEqualTo(PostState.DRAFT);
    }

    @ParameterizedTest
    @EnumSource(value = PostState.class, names = {"DUE", "PUBLISHED", "FAILED", "CANCELLED"})
    void aPostHandedOverOrCancelledIsNoLongerChanged(PostState state) {
        assertThatThrownBy(() -> PostLifecycle.edit(state)).isInstanceOf(PostRefused.class);
        assertThatThrownBy(() -> PostLifecycle.cancel(state)).isInstanceOf(PostRefused.class);
    }

    @ParameterizedTest
    @EnumSource(value = PostState.class, names = "APPROVED", mode = EnumSource.Mode.EXCLUDE)
    void onlyAnApprovedPostIsScheduled(PostState state) {
        assertThatThrownBy(() -> PostLifecycle.schedule(state, NOW.plusSeconds(60), NOW))
                .isInstanceOf(PostRefused.class).hasMessageContaining("approved");
    }

    @Test
    void aPostIsNeverScheduledInThePast() {
        assertThatThrownBy(() -> PostLifecycle.schedule(PostState.APPROVED, NOW, NOW))
                .isInstanceOf(PostRefused.class).extracting(e -> ((PostRefused) e).field()).isEqualTo("body.plannedAt");
        assertThatThrownBy(() -> PostLifecycle.schedule(PostState.APPROVED, NOW.minusSeconds(1), NOW))
                .isInstanceOf(PostRefused.class);
    }

    @ParameterizedTest
    @EnumSource(value = PostState.class, names = "SUBMITTED", mode = EnumSource.Mode.EXCLUDE)
    void theClientReviewsOnlyWhatWasSubmitted(PostState state) {
        assertThatThrownBy(() -> PostLifecycle.approve(state)).isInstanceOf(PostRefused.class);
        assertThatThrownBy(() -> PostLifecycle.requestChanges(state, "why")).isInstanceOf(PostRefused.class);
    }

    @Test
    void askingForChangesSaysWhich() {
        assertThatThrownBy(() -> PostLifecycle.requestChanges(PostState.SUBMITTED, " "))
                .isInstanceOf(PostRefused.class).extracting(e -> ((PostRefused) e).field()).isEqualTo("body.comment");
    }

    @Test
    void aScheduledPostIsDueAtItsTimeAndNotBefore() {
        assertThatThrownBy(() -> PostLifecycle.due(PostState.SCHEDULED, NOW.plusMillis(1), NOW))
                .isInstanceOf(PostRefused.class);
        assertThatThrownBy(() -> PostLifecycle.due(PostState.APPROVED, NOW, NOW)).isInstanceOf(PostRefused.class);
        assertThatThrownBy(() -> PostLifecycle.published(PostState.SCHEDULED)).isInstanceOf(PostRefused.class);
    }
}
