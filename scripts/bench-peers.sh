#!/usr/bin/env bash
# Side-by-side bench: tacit vs SchemaCrawler weak associations vs SchemaSpy implied relationships.
#
#   scripts/bench-peers.sh [DATASET ...]        (default: every dataset under the benchmarks folder)
#
# For each dataset: load it into a fresh PostgreSQL database tacit_peers_<name> with the benchmarks'
# load-postgres.sh, run each tool RUNS times (default 3, fresh JVM each run, JVM start included in
# the wall time), keep the last run's output, parse it into (fk_table, fk_columns, pk_table, pk_columns)
# edges and score them against truth.csv (truth_extra.csv counts neither way) with scripts/peers_score.py.
# tacit runs twice per dataset, through the ./tacit launcher: at level engine (names, keys and the
# database's own statistics, no row read: the kind of work SchemaCrawler does) and at level full (every
# row of every table read once, plus the value probes).
# Prints one TSV row per dataset and tool and the Markdown table at the end (also in
# target/peers/results.md). The databases are dropped afterwards unless KEEP_DBS=1.
#
# Nothing of the peers is in the repository: SchemaCrawler 16.26.3 (+ schemacrawler-postgresql) and
# SchemaSpy 6.2.4 with their dependencies are fetched from Maven Central into target/peers/ on first use.
# SchemaSpy only computes implied relationships while writing its HTML report, so it runs with its
# report (diagrams through Graphviz `dot` when installed, else its bundled viz.js, which is much slower).
#
# Environment: PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres), RUNS (3), BENCHMARKS (folder),
# PG_JDBC_VERSION (42.7.4).
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
RUNS="${RUNS:-3}"
PG_JDBC_VERSION="${PG_JDBC_VERSION:-42.7.4}"
if [[ -z "${BENCHMARKS:-}" ]]; then
  if [[ -d "$REPO/../shared/benchmarks" ]]; then BENCHMARKS="$REPO/../shared/benchmarks"; else BENCHMARKS=/work/shared/benchmarks; fi
fi
BENCHMARKS="$(cd "$BENCHMARKS" && pwd)"
WORK="$REPO/target/peers"
mkdir -p "$WORK"

log() { echo "bench-peers: $*" >&2; }

fetch() { # fetch NAME DEPENDENCY_XML...
  local name="$1"; shift
  local lib="$WORK/$name-lib"
  if [[ -d "$lib" ]] && ls "$lib"/*.jar >/dev/null 2>&1; then return; fi
  {
    echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
    echo "<groupId>local.bench</groupId><artifactId>peers-$name</artifactId><version>1</version><packaging>pom</packaging>"
    echo '<dependencies>'
    printf '%s\n' "$@"
    echo "<dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>$PG_JDBC_VERSION</version></dependency>"
    echo '</dependencies></project>'
  } > "$WORK/$name-pom.xml"
  log "fetching $name from Maven Central into $lib"
  mvn -B -q -f "$WORK/$name-pom.xml" dependency:copy-dependencies -DoutputDirectory="$lib" >&2
}

fetch sc \
  '<dependency><groupId>us.fatehi</groupId><artifactId>schemacrawler-commandline</artifactId><version>16.26.3</version></dependency>' \
  '<dependency><groupId>us.fatehi</groupId><artifactId>schemacrawler-postgresql</artifactId><version>16.26.3</version></dependency>'
fetch ss \
  '<dependency><groupId>org.schemaspy</groupId><artifactId>schemaspy</artifactId><version>6.2.4</version></dependency>'

# tacit runs the way a user runs it: through the ./tacit launcher (its JVM settings and class-data archive).
# The launcher builds the jar and prepares the archive once per build; that happens here, before any timing,
# as the peers' download from Maven Central does.
"$REPO/tacit" --version > /dev/null
VIZ=()
command -v dot >/dev/null 2>&1 || VIZ=(-vizjs)

if [[ $# -gt 0 ]]; then DATASETS=("$@"); else
  DATASETS=()
  for d in "$BENCHMARKS"/*/; do [[ -f "$d/truth.csv" ]] && DATASETS+=("$(basename "$d")"); done
fi

now_ns() { date +%s%N; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

RESULTS="$WORK/results.tsv"
: > "$RESULTS"

run_tool() { # run_tool TOOL DB SCHEMAS_CSV OUT  (writes the tool's output to OUT)
  local tool="$1" db="$2" schemas="$3" out="$4"
  local url="jdbc:postgresql://$PGHOST:$PGPORT/$db"
  case "$tool" in
    tacit-engine | tacit-full)
      "$REPO/tacit" discover --jdbc-url "$url" --user "$PGUSER" --level "${tool#tacit-}" --ignore-declared \
        --format csv > "$out" 2> "$out.err" ;;
    schemacrawler)
      java -cp "$WORK/sc-lib/*" schemacrawler.Main --log-level=INFO --url="$url" --user="$PGUSER" --password= \
        --info-level=standard --schemas="(${schemas//,/|})" --weak-associations --command=details \
        --output-format=text --output-file="$out.txt" > "$out" 2>&1 ;;
    schemaspy)
      rm -rf "$out"
      local sel=(-s "$schemas")
      [[ "$schemas" == *,* ]] && sel=(-schemas "$schemas")
      java -cp "$WORK/ss-lib/*" org.schemaspy.Main -t pgsql11 -db "$db" -host "$PGHOST" -port "$PGPORT" \
        -u "$PGUSER" "${sel[@]}" -o "$out" "${VIZ[@]}" > "$out.log" 2>&1 ;;
  esac
}

log "start: $(uptime)"
for name in "${DATASETS[@]}"; do
  dir="$BENCHMARKS/$name"
  db="tacit_peers_$name"
  log "loading $name into $db"
  if ! "$BENCHMARKS/load-postgres.sh" -r "$dir" "$db" > "$WORK/$name-load.log" 2>&1; then
    log "$name: load failed (see $WORK/$name-load.log), skipped"
    printf '%s\tload failed\n' "$name" >> "$WORK/skipped.tsv"
    continue
  fi
  schemas="$(psql -X -At -d "$db" -c "select string_agg(nspname, ',' order by nspname) from pg_namespace n
      where nspname not like 'pg\_%' and nspname <> 'information_schema'
      and exists (select 1 from pg_class c where c.relnamespace = n.oid and c.relkind in ('r','p'))")"
  psql -X -At -d "$db" -c "select schemaname || '.' || viewname from pg_views
      where schemaname not like 'pg\_%' and schemaname <> 'information_schema'
      union all select schemaname || '.' || matviewname from pg_matviews" > "$WORK/$name-views.txt"
  for tool in tacit-engine tacit-full schemacrawler schemaspy; do
    out="$WORK/$name-$tool.out"
    times=()
    ok=1
    for ((i = 1; i <= RUNS; i++)); do
      t0=$(now_ns)
      if ! run_tool "$tool" "$db" "$schemas" "$out"; then ok=0; break; fi
      t1=$(now_ns)
      times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (b - a) / 1e9}')")
    done
    if [[ $ok -eq 0 ]]; then
      log "$name/$tool: run failed (see $out*)"
      printf '%s\t%s\tFAILED\n' "$name" "$tool" >> "$RESULTS"
      continue
    fi
    secs="$(median "${times[@]}")"
    read -r p r f1 tp fp ign npred ntruth < <(python3 "$REPO/scripts/peers_score.py" score "$tool" "$out" "$dir")
    read -r _ _ f1_tables _ < <(python3 "$REPO/scripts/peers_score.py" score "$tool" "$out" "$dir" "$WORK/$name-views.txt")
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$tool" "$p" "$r" "$f1" "$tp" "$fp" "$ign" "$npred" "$ntruth" "$secs" "$f1_tables" \
      | tee -a "$RESULTS"
    log "$name/$tool: P=$p R=$r F1=$f1 (tp=$tp fp=$fp extra=$ign) median ${secs}s of ${times[*]} (load $(cut -d' ' -f1 /proc/loadavg))"
  done
  [[ "${KEEP_DBS:-0}" == 1 ]] || psql -X -q -d "${PGMAINTDB:-postgres}" -c "drop database if exists \"$db\"" >/dev/null
done

log "end: $(uptime)"
python3 "$REPO/scripts/peers_score.py" table "$RESULTS" | tee "$WORK/results.md"
