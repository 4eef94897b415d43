package app.vigie.scheduling.infrastructure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One person's shift and the skills it brings (languages, communities). */
@Entity
@Table(name = "shift")
public class ShiftEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String tenant;
    public String person;
    @Column(name = "person_name")
    public String personName;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Column(name = "time_zone")
    public String timeZone;
    /** "fr,en" */
    public String languages;
    /** "id,id"; empty: every community of the tenant the person manages. */
    public String communities;
    /** "id,id": registry teams; the shift covers the communities they are assigned to. */
    public String teams;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public Instant createdAt;
}
