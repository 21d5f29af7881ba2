from sqlalchemy import Column, Integer

class Half(Base):
    __tablename__ = "halves"
    id = Column(Integer, primary_key=True
    name = Column(String)
