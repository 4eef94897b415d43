package app.vigie.scheduling.infrastructure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Scheduling's copy of a community, kept from {@code community.*} snapshots. */
@Entity
@Table(name = "community_copy")
public class CommunityCopyEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    public String name;
    @Column(name = "time_zone")
    public String timeZone;
    /** "fr,en" */
    public String languages;
    @Column(name = "reply_sla_minutes")
    public int replySlaMinutes;
    /** JSON: the snapshot's coverage promise. */
    public String coverage;
    @Column(name = "callback_url")
    public String callbackUrl;
    @Column(name = "callback_secret_ref")
    public String callbackSecretRef;
    public String status;
    /** JSON: the snapshot's assigned staff. */
    public String staff;
    public long revision;
    @Column(name = "copied_at")
    public Instant copiedAt;
}
