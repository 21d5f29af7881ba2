-- PostgreSQL streams the one scan as COPY text rows: fewer driver objects per value than a result set
COPY (${select}) TO STDOUT
