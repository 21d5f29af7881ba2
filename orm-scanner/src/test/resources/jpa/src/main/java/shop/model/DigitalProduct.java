package shop.model;

import jakarta.persistence.*;

@Entity
@PrimaryKeyJoinColumn(name = "product_sku")
public class DigitalProduct extends Product {
    private String downloadUrl;
}
