package app.vigie.registry.infrastructure;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "staff_member")
public class StaffMemberEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String subject;
    @Column(name = "display_name")
    public String displayName;
    public String email;
    /** Null for agency staff. */
    public String tenant;
    @Convert(converter = Converters.CodeList.class)
    public List<String> languages;
    public String status;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
