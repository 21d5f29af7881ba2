package shop.model;

import jakarta.persistence.*;

@Entity
@DiscriminatorColumn(name = "kind")
public class Address extends BaseEntity {
    private String city;

    @OneToOne
    private Address previous;
}

@Entity
class PostalAddress extends Address {
    private String poBox;
}
