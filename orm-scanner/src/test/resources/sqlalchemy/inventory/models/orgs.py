from typing import List, Optional

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint, and_
from sqlalchemy.orm import Mapped, foreign, mapped_column, relationship

from .base import Base


class Org(Base):
    __tablename__ = "orgs"
    __table_args__ = (UniqueConstraint("name"), {"schema": "crm"})

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    parent_id: Mapped[Optional[int]] = mapped_column(ForeignKey("crm.orgs.id"))
    members: Mapped[List["User"]] = relationship(back_populates="org")
    addresses: Mapped[List["Address"]] = relationship(
        "Address",
        primaryjoin="and_(Org.id == foreign(Address.owner_ref), Address.owner_kind == 'org')",
    )


class Address(Base):
    __tablename__ = "addresses"

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_ref: Mapped[int] = mapped_column("owner", Integer)
    owner_kind: Mapped[str] = mapped_column(String(10))
    city: Mapped[str | None]
    region_id: Mapped[int] = mapped_column(ForeignKey(region_table_name() + ".id"))
    person = relationship("User", primaryjoin=lambda: User.id == Address.owner_ref)
