package shop.model;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

@MappedSuperclass
public abstract class BaseEntity {
    @Id
    private Long id;

    private Instant createdAt;
}
