-- the database the session is in: the one the URL names, NULL when it names none
SELECT DATABASE() AS database_name
