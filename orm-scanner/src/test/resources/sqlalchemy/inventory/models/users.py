from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import relationship

from .base import Base, TimestampMixin

tag_links = Table(
    "tag_links",
    Base.metadata,
    Column("user_id", ForeignKey("users.id"), primary_key=True),
    Column("tag_id", Integer, ForeignKey("tags.id"), primary_key=True),
)


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id = Column(Integer, primary_key=True)
    email = Column(String(200), unique=True, nullable=False)
    org_id = Column(Integer, ForeignKey("crm.orgs.id"))
    kind = Column(String(20))
    org = relationship("Org", back_populates="members")


class Admin(User):
    level = Column(Integer, nullable=False)


class Employee(User):
    __tablename__ = "employees"

    id = Column(ForeignKey("users.id"), primary_key=True)
    manager_id = Column("manager", Integer, ForeignKey(User.id))


class Tag(Base):
    __tablename__ = "tags"

    id = Column(Integer, primary_key=True)
    users = relationship("User", secondary=tag_links, backref="tags")


class Audit(Base):
    @declared_attr
    def __tablename__(cls):
        return cls.__name__.lower()

    id = Column(Integer, primary_key=True)
