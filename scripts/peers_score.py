#!/usr/bin/env python3
"""Parse tacit / SchemaCrawler / SchemaSpy output into FK edges and score them against truth.csv.

Used by scripts/bench-peers.sh (standard library only).

  peers_score.py score TOOL OUTPUT DATASET_DIR [VIEWS_FILE]
      -> prints "precision recall f1 tp fp ignored predicted truth"; with VIEWS_FILE (one schema.view a
         line) edges from or to a view are dropped first (the truth only covers tables)
  peers_score.py edges TOOL OUTPUT               -> prints the parsed edges as truth.csv-style CSV
  peers_score.py table RESULTS_TSV               -> prints the Markdown tables of a bench run (F1 and
                                                    median seconds; precision, recall, tp / fp; F1
                                                    without views)

TOOL is one of:
  tacit          OUTPUT is the csv of `tacit discover --format csv` (first four columns = truth.csv layout);
                 tacit-engine and tacit-full are the same format (the bench's runs at those levels)
  schemacrawler  OUTPUT is SchemaCrawler's log (--log-level=INFO), lines
                 "Adding weak association <schema.table.column ~~> schema.table.column>"
  schemaspy      OUTPUT is SchemaSpy's output directory; every <parent ... implied="true"/> element of a
                 column in its XML files (<db>.<schema>.xml) is an implied foreign key

Scoring follows /work/shared/benchmarks/README.md: a predicted edge in truth.csv is a true positive, one
only in truth_extra.csv counts neither way, anything else is a false positive; recall is against
truth.csv alone. Edges are compared as (fk_table, fk_columns, pk_table, pk_columns), case-insensitive.
"""
import csv
import glob
import os
import re
import statistics
import sys
import xml.etree.ElementTree as ET


def norm(fk_table, fk_cols, pk_table, pk_cols):
    return (fk_table.strip().lower(), fk_cols.strip().lower(), pk_table.strip().lower(), pk_cols.strip().lower())


def read_truth(path):
    edges = set()
    if not os.path.exists(path):
        return edges
    with open(path, newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.reader(f)):
            if i == 0 or not row:
                continue
            edges.add(norm(*row[:4]))
    return edges


def tacit_edges(path):
    edges = set()
    with open(path, newline="", encoding="utf-8") as f:
        for i, row in enumerate(csv.reader(f)):
            if i == 0 or len(row) < 4:
                continue
            edges.add(norm(*row[:4]))
    return edges


def split_column(qualified):
    table, _, column = qualified.strip().rpartition(".")
    return table, column


WEAK = re.compile(r"Adding weak association <(\S+) ~~> (\S+)>")


def schemacrawler_edges(path):
    edges = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = WEAK.search(line)
            if m:
                fk_table, fk_col = split_column(m.group(1))
                pk_table, pk_col = split_column(m.group(2))
                edges.add(norm(fk_table, fk_col, pk_table, pk_col))
    return edges


def schemaspy_edges(outdir):
    edges = set()
    for xml_file in sorted(glob.glob(os.path.join(outdir, "**", "*.xml"), recursive=True)):
        try:
            root = ET.parse(xml_file).getroot()
        except ET.ParseError:
            continue
        for table in root.iter("table"):
            schema = table.get("schema") or table.get("remoteSchema") or ""
            fk_table = f"{schema}.{table.get('name')}" if schema else table.get("name")
            for column in table.iter("column"):
                for parent in column.findall("parent"):
                    if parent.get("implied") != "true":
                        continue
                    pschema = parent.get("schema") or schema
                    pk_table = f"{pschema}.{parent.get('table')}" if pschema else parent.get("table")
                    edges.add(norm(fk_table, column.get("name"), pk_table, parent.get("column")))
    return edges


PARSERS = {"tacit": tacit_edges, "tacit-engine": tacit_edges, "tacit-full": tacit_edges,
           "schemacrawler": schemacrawler_edges, "schemaspy": schemaspy_edges}


def score(tool, output, dataset_dir, views_file=None):
    predicted = PARSERS[tool](output)
    if views_file:
        with open(views_file, encoding="utf-8") as f:
            views = {line.strip().lower() for line in f if line.strip()}
        predicted = {e for e in predicted if e[0] not in views and e[2] not in views}
    truth = read_truth(os.path.join(dataset_dir, "truth.csv"))
    extra = read_truth(os.path.join(dataset_dir, "truth_extra.csv")) - truth
    tp = len(predicted & truth)
    ignored = len(predicted & extra)
    fp = len(predicted - truth - extra)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / len(truth) if truth else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{precision:.3f} {recall:.3f} {f1:.3f} {tp} {fp} {ignored} {len(predicted)} {len(truth)}")


TOOLS = ["tacit-engine", "tacit-full", "schemacrawler", "schemaspy"]
PEERS = ["schemacrawler", "schemaspy"]


def read_results(results_tsv):
    # rows: dataset tool precision recall f1 tp fp ignored predicted truth median_s [f1_without_views]
    rows, order = {}, []
    with open(results_tsv, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3:
                continue
            if parts[0] not in order:
                order.append(parts[0])
            rows[(parts[0], parts[1])] = parts[2:]
    return rows, order


def ok(row):
    return row is not None and row[0] != "FAILED"


def beats_peers(rows, dataset, tool):
    """'yes' when TOOL's F1 is higher and its time lower than every peer's on DATASET, else what it lacks."""
    mine = rows.get((dataset, tool))
    if not ok(mine):
        return "failed"
    lacks = []
    for peer in PEERS:
        theirs = rows.get((dataset, peer))
        if not ok(theirs):
            continue
        if float(mine[2]) <= float(theirs[2]):
            lacks.append(f"F1 vs {peer}")
        if float(mine[8]) >= float(theirs[8]):
            lacks.append(f"time vs {peer}")
    return "yes" if not lacks else "no: " + ", ".join(lacks)


def table(results_tsv):
    rows, order = read_results(results_tsv)
    print("| dataset | truth | " + " | ".join(f"{t} F1 | {t} s" for t in TOOLS)
          + " | best F1 | fastest | tacit-engine beats both | tacit-full beats both |")
    print("| --- | ---: | " + " | ".join("---: | ---:" for _ in TOOLS) + " | --- | --- | --- | --- |")
    f1s = {t: [] for t in TOOLS}
    for dataset in order:
        cells, truth, best, fastest = [], "", [], []
        for t in TOOLS:
            r = rows.get((dataset, t))
            if not ok(r):
                cells.append("failed | ")
                continue
            f1, ntruth, secs = r[2], r[7], r[8]
            truth = ntruth
            f1s[t].append(float(f1))
            cells.append(f"{f1} | {secs}")
            best.append((float(f1), t))
            fastest.append((float(secs), t))
        top_f1 = max(best)[0] if best else 0
        best_tools = ", ".join(t for v, t in best if v == top_f1)
        top_secs = min(fastest)[0] if fastest else 0
        fastest_tools = ", ".join(t for v, t in fastest if v == top_secs)
        print(f"| {dataset} | {truth} | " + " | ".join(cells) + f" | {best_tools} | {fastest_tools} | "
              + f"{beats_peers(rows, dataset, 'tacit-engine')} | {beats_peers(rows, dataset, 'tacit-full')} |")
    cells = ["**mean F1**", ""]
    for t in TOOLS:
        cells += [f"{statistics.mean(f1s[t]):.3f}" if f1s[t] else "", ""]
    cells += ["", "", "", ""]
    print("| " + " | ".join(cells) + " |")


def detail_table(results_tsv):
    rows, order = read_results(results_tsv)
    print("| dataset | " + " | ".join(f"{t} P | {t} R | {t} tp / fp" for t in TOOLS) + " |")
    print("| --- | " + " | ".join("---: | ---: | ---:" for _ in TOOLS) + " |")
    for dataset in order:
        cells = []
        for t in TOOLS:
            r = rows.get((dataset, t))
            cells.append(f"{r[0]} | {r[1]} | {r[3]} / {r[4]}" if ok(r) else "failed | |")
        print(f"| {dataset} | " + " | ".join(cells) + " |")


def views_table(results_tsv):
    # rows: dataset tool ... median_s f1_without_views
    print("| dataset | " + " | ".join(f"{t} F1 without views" for t in TOOLS) + " |")
    print("| --- | " + " | ".join("---:" for _ in TOOLS) + " |")
    rows, order = read_results(results_tsv)
    for dataset in order:
        print(f"| {dataset} | " + " | ".join(rows[(dataset, t)][9] if ok(rows.get((dataset, t))) and len(
            rows[(dataset, t)]) > 9 else "failed" for t in TOOLS) + " |")


def main(argv):
    if len(argv) >= 5 and argv[1] == "score":
        score(argv[2], argv[3], argv[4], argv[5] if len(argv) > 5 else None)
    elif len(argv) >= 4 and argv[1] == "edges":
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["fk_table", "fk_columns", "pk_table", "pk_columns"])
        for e in sorted(PARSERS[argv[2]](argv[3])):
            w.writerow(e)
    elif len(argv) >= 3 and argv[1] == "table":
        table(argv[2])
        print()
        detail_table(argv[2])
        print()
        views_table(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
