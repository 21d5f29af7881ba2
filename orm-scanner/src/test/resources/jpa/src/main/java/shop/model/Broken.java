package shop.model;

@Entity
public class Broken {
    @Id private Long id
    private String name;
}
