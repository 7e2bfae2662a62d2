#!/usr/bin/env bash
# Times claimcheck side by side with its peers and with the floor (counting words, scanning
# digits) on the same generated text, and prints the ratios BENCHMARKS.md tracks.
#
#   bench/peers.sh                 # 20 MB / 200 files, 1,000-row table, 200 KB Python sample
#   MB=5 FILES=50 bench/peers.sh   # smaller
#
# Settings (environment): MB FILES ROWS SEED (the corpus), SAMPLE_KB (the text the Python
# tools read, default 200), REPEAT (runs per timing, the best is kept; default 3),
# CSV_ROWS (the wide CSV table loaded end to end; default 1000000, 0 skips it).
#
# Needs python3 with venv, cargo, and GNU time (/usr/bin/time; installed with apt-get when
# missing and running as root). Creates target/peers-venv and target/peers/. Exits non-zero
# with a message naming what could not be installed or run.
set -euo pipefail
cd "$(dirname "$0")/.."

MB=${MB:-20}
FILES=${FILES:-200}
ROWS=${ROWS:-1000}
SEED=${SEED:-1}
SAMPLE_KB=${SAMPLE_KB:-200}
REPEAT=${REPEAT:-3}
CSV_ROWS=${CSV_ROWS:-1000000}
OUT=target/peers
VENV=target/peers-venv
BIN=target/release/claimcheck
GEN=target/release/examples/gen_corpus

die() { echo "peers.sh: $*" >&2; exit 1; }
step() { echo "== $*" >&2; }

# ── Tools ──────────────────────────────────────────────────────────────────────────────────
command -v python3 >/dev/null || die "python3 is not installed (apt-get install -y python3 python3-venv)"
command -v cargo >/dev/null || die "cargo is not installed"
if [ ! -x /usr/bin/time ]; then
    step "installing GNU time"
    if [ "$(id -u)" = 0 ]; then
        { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; } >&2 \
            || die "apt-get install time failed"
    else
        die "/usr/bin/time is missing: run 'apt-get install -y time' as root"
    fi
fi
/usr/bin/time -v true 2>/dev/null || die "/usr/bin/time is not GNU time (-v unsupported)"

if [ ! -x "$VENV/bin/python" ]; then
    step "creating $VENV"
    python3 -m venv "$VENV" || die "python3 -m venv failed (apt-get install -y python3-venv)"
fi
if ! "$VENV/bin/python" -c "import quantulum3, recognizers_number" 2>/dev/null; then
    step "pip install quantulum3 recognizers-text-number emoji<1.0"
    "$VENV/bin/pip" install -q --disable-pip-version-check quantulum3 recognizers-text-number "emoji<1.0" >&2 \
        || die "pip install of quantulum3 / recognizers-text-number failed"
fi
"$VENV/bin/python" -W ignore -c "from quantulum3 import parser; from recognizers_number import recognize_number, Culture" \
    || die "the Python peers do not import after installing"
QUANTULUM_VERSION=$("$VENV/bin/python" -c "import importlib.metadata as m; print(m.version('quantulum3'))")
RECOGNIZERS_VERSION=$("$VENV/bin/python" -c "import importlib.metadata as m; print(m.version('recognizers-text-number'))")

step "cargo build --release (claimcheck, gen_corpus)"
cargo build --release --quiet --bin claimcheck --example gen_corpus >&2 || die "cargo build failed"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# ── Corpus ─────────────────────────────────────────────────────────────────────────────────
step "generating corpora in $OUT"
mkdir -p "$OUT"
"$GEN" --mb "$MB" --files "$FILES" --rows "$ROWS" --seed "$SEED" --out "$OUT/corpus" >&2
"$GEN" --mb "$(python3 -c "print($MB/10)")" --files "$(( (FILES + 9) / 10 ))" --rows "$ROWS" --seed "$SEED" --out "$OUT/corpus-small" >&2
if [ "$CSV_ROWS" -gt 0 ]; then
    "$GEN" --mb 0 --rows 4 --csv-rows "$CSV_ROWS" --seed "$SEED" --out "$OUT/table-csv" >&2
fi
mapfile -t ARTICLES < <(find "$OUT/corpus/articles" -name '*.md' | sort)
mapfile -t SMALL < <(find "$OUT/corpus-small/articles" -name '*.md' | sort)
CORPUS_BYTES=$(cat "${ARTICLES[@]}" | wc -c)
SMALL_BYTES=$(cat "${SMALL[@]}" | wc -c)
# The sample: whole paragraphs from the start of the first article, about SAMPLE_KB KB.
python3 - "$OUT/sample.md" "$(( SAMPLE_KB * 1000 ))" "${ARTICLES[@]}" <<'EOF'
import sys
out, size, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
text = ""
for f in files:
    for para in open(f, encoding="utf-8").read().split("\n\n"):
        if len(text) >= size:
            break
        text += para + "\n\n"
open(out, "w", encoding="utf-8").write(text)
EOF
SAMPLE_BYTES=$(wc -c < "$OUT/sample.md")

# ── Timing ─────────────────────────────────────────────────────────────────────────────────
now() { date +%s.%N; }
# best_of CMD...: the best wall time of REPEAT runs, in seconds (exit codes 0 and 1 accepted:
# `check` exits 1 when it finds errors, which the corpus has on purpose).
best_of() {
    local best="" t0 t1 rc
    for _ in $(seq "$REPEAT"); do
        t0=$(now)
        set +e
        "$@" >/dev/null 2>"$OUT/last.err"
        rc=$?
        set -e
        t1=$(now)
        if [ "$rc" -gt 1 ]; then
            cat "$OUT/last.err" >&2
            die "failed (exit $rc): $*"
        fi
        best=$(python3 -c "import sys; a,b,c=sys.argv[1:]; d=float(b)-float(a); print(d if c=='' or d<float(c) else c)" "$t0" "$t1" "$best")
    done
    echo "$best"
}

ROWS_OUT=()
# record NAME INPUT BYTES SECONDS
record() { ROWS_OUT+=("$1"$'\t'"$2"$'\t'"$3"$'\t'"$4"); }

step "claimcheck extract (single-threaded) on the corpus and on the sample"
T_EXTRACT=$(best_of "$BIN" extract "$OUT/corpus/articles")
record "claimcheck extract" "corpus ${MB} MB" "$CORPUS_BYTES" "$T_EXTRACT"
T_EXTRACT_SAMPLE=$(best_of "$BIN" extract "$OUT/sample.md")
record "claimcheck extract" "sample" "$SAMPLE_BYTES" "$T_EXTRACT_SAMPLE"

step "claimcheck check -j 1 and on all cores ($(nproc))"
T_CHECK1=$(best_of "$BIN" check -j 1 "$OUT/corpus/articles" --data "$OUT/corpus/table.yaml")
record "claimcheck check -j 1" "corpus ${MB} MB" "$CORPUS_BYTES" "$T_CHECK1"
T_CHECKN=$(best_of "$BIN" check "$OUT/corpus/articles" --data "$OUT/corpus/table.yaml")
record "claimcheck check (all cores)" "corpus ${MB} MB" "$CORPUS_BYTES" "$T_CHECKN"

step "wc -w and a bare digit scan"
T_WC=$(best_of wc -w "${ARTICLES[@]}")
record "wc -w" "corpus ${MB} MB" "$CORPUS_BYTES" "$T_WC"
T_DIGITS=$(best_of sh -c 'cat "$@" | tr -cd 0-9 | wc -c' sh "${ARTICLES[@]}")
record "tr -cd 0-9 | wc -c" "corpus ${MB} MB" "$CORPUS_BYTES" "$T_DIGITS"

# The Python tools: imports and one warm-up call outside the timing, then one call per
# paragraph of the sample.
py_time() {
    "$VENV/bin/python" -W ignore - "$1" "$OUT/sample.md" <<'EOF'
import sys, time
tool, path = sys.argv[1], sys.argv[2]
paras = [p for p in open(path, encoding="utf-8").read().split("\n\n") if p.strip()]
if tool == "quantulum3":
    from quantulum3 import parser
    run = parser.parse
else:
    from recognizers_number import recognize_number, Culture
    run = lambda t: recognize_number(t, Culture.English)
run("Tunisia and France each have about 1,910 fighters.")
best = None
for _ in range(int(sys.argv[3]) if len(sys.argv) > 3 else 1):
    t0 = time.perf_counter()
    found = sum(len(run(p)) for p in paras)
    t = time.perf_counter() - t0
    best = t if best is None or t < best else best
print(best)
print(found, file=sys.stderr)
EOF
}
step "quantulum3 $QUANTULUM_VERSION on the sample ($SAMPLE_BYTES bytes)"
T_QUANT=$(py_time quantulum3 2>"$OUT/quantulum3.found")
record "quantulum3 $QUANTULUM_VERSION" "sample" "$SAMPLE_BYTES" "$T_QUANT"
step "recognizers-text-number $RECOGNIZERS_VERSION on the sample"
T_RECOG=$(py_time recognizers 2>"$OUT/recognizers.found")
record "recognizers-text-number $RECOGNIZERS_VERSION" "sample" "$SAMPLE_BYTES" "$T_RECOG"

T_CSV=""
if [ "$CSV_ROWS" -gt 0 ]; then
    step "claimcheck check with the ${CSV_ROWS}-row CSV table (load + link index + one small article)"
    printf 'Russia now has about 9,400 fighters.\n' > "$OUT/one.md"
    T_CSV=$(best_of "$BIN" check -j 1 "$OUT/one.md" --data "$OUT/table-csv/table-csv.yaml")
fi

step "peak RSS of claimcheck check"
rss() { # prints KB
    set +e
    /usr/bin/time -v "$@" >/dev/null 2>"$OUT/time.err"
    local rc=$?
    set -e
    [ "$rc" -le 1 ] || { cat "$OUT/time.err" >&2; die "failed (exit $rc): $*"; }
    awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time.err"
}
RSS_BIG=$(rss "$BIN" check "$OUT/corpus/articles" --data "$OUT/corpus/table.yaml")
RSS_SMALL=$(rss "$BIN" check "$OUT/corpus-small/articles" --data "$OUT/corpus-small/table.yaml")

# ── Report ─────────────────────────────────────────────────────────────────────────────────
python3 - "$T_EXTRACT" "${ROWS_OUT[@]}" <<'EOF'
import sys
ref = None
rows = [r.split("\t") for r in sys.argv[2:]]
# The reference speed: claimcheck extract on the whole corpus (single-threaded).
name, inp, b, s = rows[0]
ref = int(b) / float(s)
print(f"{'tool':<36} {'input':<16} {'bytes':>11} {'seconds':>9} {'MB/s':>9} {'chars/s':>12} {'claimcheck extract is':>22}")
for name, inp, b, s in rows:
    b, s = int(b), float(s)
    speed = b / s
    ratio = ref / speed
    rtxt = f"{ratio:,.1f}x faster" if ratio >= 1 else f"{1/ratio:,.2f}x slower"
    print(f"{name:<36} {inp:<16} {b:>11,} {s:>9.3f} {speed/1e6:>9.2f} {speed:>12,.0f} {rtxt:>22}")
EOF
ratio() { python3 -c "import sys; print(f'{float(sys.argv[1])/float(sys.argv[2]):,.2f}')" "$1" "$2"; }
echo
echo "machine: $(nproc) cores; load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: ${#ARTICLES[@]} files, $CORPUS_BYTES bytes; sample: $SAMPLE_BYTES bytes; small corpus: ${#SMALL[@]} files, $SMALL_BYTES bytes; table: $ROWS rows; best of $REPEAT runs"
echo "check (all cores) / wc -w, time:            $(ratio "$T_CHECKN" "$T_WC")x   (target <= 3)"
echo "check -j 1 / wc -w, time:                   $(ratio "$T_CHECK1" "$T_WC")x"
echo "extract, single-threaded:                   $(python3 -c "print(f'{$CORPUS_BYTES/$T_EXTRACT/1e6:.2f}')") MB/s   (target >= 50)"
echo "extract vs quantulum3, speed:               $(ratio "$T_QUANT" "$(python3 -c "print($T_EXTRACT*$SAMPLE_BYTES/$CORPUS_BYTES)")")x   (target >= 1000)"
echo "extract vs recognizers-text-number, speed:  $(ratio "$T_RECOG" "$(python3 -c "print($T_EXTRACT*$SAMPLE_BYTES/$CORPUS_BYTES)")")x   (target >= 200)"
echo "check -j 1 / check on $(nproc) cores, time:        $(ratio "$T_CHECK1" "$T_CHECKN")x   (target >= 1.8 on 2 cores)"
if [ -n "$T_CSV" ]; then
    echo "check with the ${CSV_ROWS}-row CSV table:     $(python3 -c "print(f'{$T_CSV:.3f}')") s end to end (target for the load alone < 2 s; see cargo bench tables)"
fi
echo "peak RSS, check on corpus:                  $RSS_BIG KB ($CORPUS_BYTES bytes)"
echo "peak RSS, check on small corpus:            $RSS_SMALL KB ($SMALL_BYTES bytes)"
echo "peak RSS ratio:                             $(ratio "$RSS_BIG" "$RSS_SMALL")x   (target < 3)"
