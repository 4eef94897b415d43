package app.vigie.intake.infrastructure;

import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.community.Platform;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Intake's copy of a community, kept from {@code community.*} snapshots. */
@Entity
@Table(name = "community_copy")
public class CommunityCopyEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    @Enumerated(EnumType.STRING)
    public Platform platform;
    @Column(name = "external_id")
    public String externalId;
    /** "fr,en" */
    public String languages;
    @Enumerated(EnumType.STRING)
    @Column(name = "moderation_mode")
    public ModerationMode moderationMode;
    public String status;
    @Column(name = "callback_url")
    public String callbackUrl;
    @Column(name = "callback_secret_ref")
    public String callbackSecretRef;
    @Column(name = "webhook_verify_token_ref")
    public String webhookVerifyTokenRef;
    /** JSON {language: [terms]} */
    @Column(name = "blocked_terms")
    public String blockedTerms;
    @Column(name = "allowed_terms")
    public String allowedTerms;
    @Column(name = "auto_hide_threshold")
    public BigDecimal autoHideThreshold;
    @Column(name = "policy_version")
    public int policyVersion;
    /** ",subject1,subject2," — the staff who may read this community's messages. */
    @Column(name = "staff_subjects")
    public String staffSubjects;
    public long revision;
    @Column(name = "copied_at")
    public Instant copiedAt;
}
