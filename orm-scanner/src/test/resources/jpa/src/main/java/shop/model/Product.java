package shop.model;

import jakarta.persistence.*;

@Entity
@Inheritance(strategy = InheritanceType.JOINED)
public class Product {
    @Id
    private String sku;

    @Id
    private Integer version;

    private String title;
}
