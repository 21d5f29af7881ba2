"""tacit discover as an Airflow task, right after the task that ingests the database into the catalog.

tacit's exit codes: 0 success, 2 configuration, 3 source (database), 4 catalog (some updates failed), 1 bug.
Airflow fails the task on any non-zero code; retry only source and catalog errors, which may be transient.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

with DAG(
    dag_id="tacit_relationships",
    schedule="30 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,  # never two runs at once
    default_args={"retries": 1, "retry_delay": timedelta(minutes=10)},
) as dag:
    # the catalog's own ingestion of the database; it removes tacit's foreign keys, so tacit runs after it
    ingest = BashOperator(task_id="ingest_metadata", bash_command="metadata ingest -c /opt/recipes/postgres.yaml")

    discover = BashOperator(
        task_id="tacit_discover",
        bash_command="tacit discover -c /opt/tacit/postgres-to-openmetadata.yaml --format json --out /tmp/tacit-{{ ds }}.json",
        env={"PGPASSWORD": "{{ var.value.tacit_pg_password }}",
             "OPENMETADATA_TOKEN": "{{ var.value.tacit_om_token }}"},
        append_env=True,
        execution_timeout=timedelta(hours=2),  # Airflow sends SIGTERM: tacit cancels its database statements
    )

    ingest >> discover
