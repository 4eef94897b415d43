package app.vigie.registry.infrastructure;

import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.community.Platform;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "community")
public class CommunityEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    public String name;
    @Enumerated(EnumType.STRING)
    public Platform platform;
    @Column(name = "external_id")
    public String externalId;
    @Convert(converter = Converters.CodeList.class)
    public List<String> languages;
    @Column(name = "time_zone")
    public String timeZone;
    @Enumerated(EnumType.STRING)
    @Column(name = "moderation_mode")
    public ModerationMode moderationMode;
    @Column(name = "decision_sla_minutes")
    public int decisionSlaMinutes;
    @Column(name = "reply_sla_minutes")
    public int replySlaMinutes;
    @Convert(converter = Converters.CoverageColumn.class)
    public CommunitySnapshot.Coverage coverage;
    @Column(name = "callback_url")
    public String callbackUrl;
    @Column(name = "callback_secret_ref")
    public String callbackSecretRef;
    @Column(name = "webhook_verify_token_ref")
    public String webhookVerifyTokenRef;
    public String status;
    @Column(name = "policy_version")
    public int policyVersion;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
