package app.vigie.registry.infrastructure;

import app.vigie.registry.domain.Contact;
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
@Table(name = "client_company")
public class ClientCompanyEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    public String name;
    @Column(name = "legal_name")
    public String legalName;
    public String status;
    @Convert(converter = Converters.Contacts.class)
    public List<Contact> contacts;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
